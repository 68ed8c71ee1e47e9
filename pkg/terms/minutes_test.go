package terms_test

import (
	"slices"
	"testing"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// chairNet is a network with the offices and holdings given, and members
// ann, bea (a member until 2026-06-30), cy and the post "Managing Director,
// STS".
func chairNet(offices []model.Office, holders ...model.OfficeHolder) *terms.Net {
	n := &model.Network{ID: "n", Folder: "n", Offices: offices, Members: &model.MembersFile{
		Members: []model.Member{
			{ID: "ann", Name: "Ann"},
			{ID: "bea", Name: "Bea", Until: day("2026-06-30")},
			{ID: "cy", Name: "Cy"},
			{ID: "md", Name: "Managing Director,  STS"},
		},
		OfficeHolders: holders,
	}}
	return terms.NewRepo(&model.Repo{Networks: []*model.Network{n}}).Network(n)
}

func holding(office, member, from, until string) model.OfficeHolder {
	h := model.OfficeHolder{Office: model.Ref{ID: office}, Member: model.Ref{ID: member}}
	if from != "" {
		h.From = day(from)
	}
	if until != "" {
		h.Until = day(until)
	}
	return h
}

func TestChairsOn(t *testing.T) {
	chair := []model.Office{{Name: "chair"}, {Name: "vice-chair"}}
	exOfficio := []model.Office{{Name: "Chair", Appointment: "ex-officio", Post: "managing director, STS"}}
	for _, tc := range []struct {
		name string
		nx   *terms.Net
		day  string
		want []string
	}{
		{"the holder that day", chairNet(chair, holding("chair", "ann", "", "2026-03-31"), holding("chair", "cy", "2026-04-01", ""), holding("vice-chair", "bea", "", "")), "2026-05-01", []string{"cy"}},
		{"the earlier holder", chairNet(chair, holding("chair", "ann", "", "2026-03-31"), holding("chair", "cy", "2026-04-01", "")), "2026-03-31", []string{"ann"}},
		{"co-chairs, each once", chairNet([]model.Office{{Name: "co-chairs"}, {Name: "chair"}}, holding("co-chairs", "ann", "", ""), holding("co-chairs", "cy", "", ""), holding("chair", "ann", "", "")), "2026-05-01", []string{"ann", "cy"}},
		{"a holder who is no longer a member", chairNet(chair, holding("chair", "bea", "", "")), "2026-07-01", nil},
		{"a holder who is still a member", chairNet(chair, holding("chair", "bea", "", "")), "2026-06-30", []string{"bea"}},
		{"a vice-chair only", chairNet(chair, holding("vice-chair", "ann", "", "")), "2026-05-01", nil},
		{"no holding: the member holding the ex-officio post", chairNet(exOfficio), "2026-05-01", []string{"md"}},
		{"a holding wins over the post", chairNet(exOfficio, holding("Chair", "ann", "", "")), "2026-05-01", []string{"ann"}},
		{"an elected chair has no post to match", chairNet([]model.Office{{Name: "chair", Appointment: "elected", Post: "Ann"}}), "2026-05-01", nil},
	} {
		if got := tc.nx.ChairsOn(day(tc.day)); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ChairsOn(%s) = %q; want %q", tc.name, tc.day, got, tc.want)
		}
	}
}

// cycle is a network with meetings (date, status, the dates it approves),
// and the actions and updates given by meeting.
func cycle(meetings []struct {
	date, status string
	approves     []string
}, actions map[string][]model.Action, updates map[string][]model.ActionUpdate) *terms.Net {
	n := &model.Network{ID: "n", Folder: "n"}
	for _, mt := range meetings {
		m := &model.Meeting{File: mt.date, Date: day(mt.date), Kind: model.Ref{ID: "ordinary"}, Status: mt.status,
			Actions: actions[mt.date], ActionUpdates: updates[mt.date]}
		for _, a := range mt.approves {
			m.ApprovesMinutes = append(m.ApprovesMinutes, day(a))
		}
		n.MeetingList = append(n.MeetingList, m)
	}
	return terms.NewRepo(&model.Repo{Networks: []*model.Network{n}}).Network(n)
}

func TestMinutesToApprove(t *testing.T) {
	nx := cycle([]struct {
		date, status string
		approves     []string
	}{
		{"2026-09-01", "held", nil},
		{"2026-10-01", "held", []string{"2026-09-01"}},
		{"2026-10-15", "cancelled", nil},
		{"2026-11-01", "held", nil},
		{"2026-11-10", "planned", nil},
		// Approves 1 November, and names itself and a later day, which
		// approve nothing.
		{"2026-11-20", "held", []string{"2026-11-01", "2026-11-20", "2026-12-01"}},
		{"2026-12-01", "held", []string{"2026-11-20"}},
		{"2026-12-08", "planned", nil},
	}, nil, nil)
	for _, tc := range []struct{ meeting, want string }{
		{"2026-09-01", ""},
		{"2026-10-01", "2026-09-01"},
		{"2026-10-15", "2026-10-01"},
		// 1 November is approved at 20 November, so what 10 November
		// approves is the last held meeting still waiting: 1 October.
		{"2026-11-10", "2026-10-01"},
		// Its own approvals are what is being filled: 1 November waits.
		{"2026-11-20", "2026-11-01"},
		{"2026-12-01", "2026-11-20"},
		// 20 November's minutes were approved on 1 December; 1 December's
		// wait.
		{"2026-12-08", "2026-12-01"},
	} {
		m := meetingOf(t, nx, tc.meeting)
		got := ""
		if o := nx.MinutesToApprove(m); o != nil {
			got = o.File
		}
		if got != tc.want {
			t.Errorf("MinutesToApprove(%s) = %q; want %q", tc.meeting, got, tc.want)
		}
	}
}

func TestApprovedBy(t *testing.T) {
	nx := cycle([]struct {
		date, status string
		approves     []string
	}{
		{"2026-09-01", "held", nil},
		// A cancelled or planned meeting approves nothing.
		{"2026-09-15", "cancelled", []string{"2026-09-01"}},
		{"2026-09-20", "planned", []string{"2026-09-01"}},
		{"2026-10-01", "held", []string{"2026-09-01"}},
		// A second approval does not move the first.
		{"2026-11-01", "held", []string{"2026-09-01", "2026-11-01", "2026-12-01"}},
		{"2026-12-01", "held", []string{"2026-11-01"}},
	}, nil, nil)
	for _, tc := range []struct{ meeting, want string }{
		{"2026-09-01", "2026-10-01"},
		{"2026-10-01", ""},
		// A meeting cannot approve its own minutes, nor a later meeting's.
		{"2026-11-01", "2026-12-01"},
		{"2026-12-01", ""},
	} {
		got := ""
		if o := nx.ApprovedBy(meetingOf(t, nx, tc.meeting)); o != nil {
			got = o.File
		}
		if got != tc.want {
			t.Errorf("ApprovedBy(%s) = %q; want %q", tc.meeting, got, tc.want)
		}
	}
}

func meetingOf(t *testing.T, nx *terms.Net, file string) *model.Meeting {
	t.Helper()
	for _, m := range nx.N.MeetingList {
		if m.File == file {
			return m
		}
	}
	t.Fatalf("no meeting %s", file)
	return nil
}

func TestOpenActionsAt(t *testing.T) {
	nx := cycle([]struct {
		date, status string
		approves     []string
	}{
		{"2026-09-01", "held", nil},
		{"2026-10-01", "held", nil},
		{"2026-10-15", "cancelled", nil},
		{"2026-11-01", "held", nil},
		{"2026-12-01", "planned", nil},
	}, map[string][]model.Action{
		"2026-09-01": {{ID: "A-1", Text: "Plan", Due: day("2026-10-01")}, {ID: "A-2", Text: "Book"}, {ID: "A-3", Text: "Ask"}},
		"2026-11-01": {{ID: "A-4", Text: "Later"}},
	}, map[string][]model.ActionUpdate{
		"2026-10-01": {{Action: model.Ref{ID: "A-2"}, Status: "done"}, {Action: model.Ref{ID: "A-1"}, Status: "open", Due: day("2026-11-30")}},
		// A cancelled meeting updates nothing.
		"2026-10-15": {{Action: model.Ref{ID: "A-3"}, Status: "dropped"}},
		"2026-11-01": {{Action: model.Ref{ID: "A-3"}, Status: "dropped"}},
	})
	ids := func(m string) (out []string, dues []string) {
		for _, a := range nx.OpenActionsAt(meetingOf(t, nx, m)) {
			out = append(out, a.Action.ID)
			dues = append(dues, a.Due.String())
		}
		return out, dues
	}
	for _, tc := range []struct {
		meeting string
		want    []string
	}{
		// Raised that day: not yet open at it.
		{"2026-09-01", nil},
		// Updated that day: A-2 done.
		{"2026-10-01", []string{"A-1", "A-3"}},
		{"2026-10-15", []string{"A-1", "A-3"}},
		// A-3 dropped that day; A-4 raised that day.
		{"2026-11-01", []string{"A-1"}},
		{"2026-12-01", []string{"A-1", "A-4"}},
	} {
		if got, _ := ids(tc.meeting); !slices.Equal(got, tc.want) {
			t.Errorf("OpenActionsAt(%s) = %q; want %q", tc.meeting, got, tc.want)
		}
	}
	if _, dues := ids("2026-12-01"); dues[0] != "2026-11-30" {
		t.Errorf("A-1 is due %s at 2026-12-01; want the date its update set, 2026-11-30", dues[0])
	}
}
