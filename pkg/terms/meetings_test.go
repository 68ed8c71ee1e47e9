package terms_test

import (
	"slices"
	"testing"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

func day(s string) model.Date { return model.Date{Date: date.MustParseISO(s)} }

// board is a body with a chair who changed in March, co-chairs, a treasurer
// and five meetings in date order: held, cancelled, planned (and past by
// the next), held, planned.
func board() *terms.Net {
	n := &model.Network{ID: "board", Folder: "board", Name: "Board",
		Offices:  []model.Office{{Name: "chair"}, {Name: "co-chairs"}, {Name: "treasurer"}},
		Meetings: []model.MeetingKind{{Name: "ordinary", Start: model.Clock{Minutes: 600, Valid: true}}, {Name: "workshop"}},
		Members: &model.MembersFile{
			Members: []model.Member{{ID: "old", Name: "Old Chair"}, {ID: "ann", Name: "Ann"}, {ID: "bea", Name: "Bea"}, {ID: "cy", Name: "Cy"}},
			OfficeHolders: []model.OfficeHolder{
				{Office: model.Ref{ID: "chair"}, Member: model.Ref{ID: "old"}, Until: day("2026-03-31")},
				{Office: model.Ref{ID: "chair"}, Member: model.Ref{ID: "ann"}, From: day("2026-04-01")},
				{Office: model.Ref{ID: "co-chairs"}, Member: model.Ref{ID: "bea"}},
				{Office: model.Ref{ID: "co-chairs"}, Member: model.Ref{ID: "ann"}},
				{Office: model.Ref{ID: "treasurer"}, Member: model.Ref{ID: "cy"}},
			},
		},
	}
	for _, m := range []struct{ date, kind, status string }{
		{"2026-09-01", "ordinary", "held"},
		{"2026-10-01", "ordinary", "cancelled"},
		{"2026-10-15", "ordinary", "planned"},
		{"2026-11-01", "workshop", "held"},
		{"2026-12-01", "ordinary", "planned"},
	} {
		n.MeetingList = append(n.MeetingList, &model.Meeting{File: m.date, Date: day(m.date), Kind: model.Ref{ID: m.kind}, Status: m.status})
	}
	return terms.NewRepo(&model.Repo{Networks: []*model.Network{n}}).Network(n)
}

func TestChairs(t *testing.T) {
	nx := board()
	for _, tc := range []struct {
		day  string
		want []string
	}{
		{"2026-01-15", []string{"Old Chair", "Bea", "Ann"}},
		// Ann holds two chair offices and is named once; the treasurer is
		// not a chair.
		{"2026-06-01", []string{"Ann", "Bea"}},
	} {
		if got := nx.Chairs(day(tc.day)); !slices.Equal(got, tc.want) {
			t.Errorf("Chairs(%s) = %q; want %q", tc.day, got, tc.want)
		}
	}
	if got := nx.HolderNames("chair", day("2026-06-01")); !slices.Equal(got, []string{"Ann"}) {
		t.Errorf("HolderNames(chair) = %q; want Ann", got)
	}
	for office, want := range map[string]bool{"chair": true, "Chairs": true, "co-chair": true, "co-chairs": true, "vice-chair": false, "treasurer": false} {
		if got := terms.ChairOffice(office); got != want {
			t.Errorf("ChairOffice(%q) = %v; want %v", office, got, want)
		}
	}
}

func TestMemberAndLeadName(t *testing.T) {
	nx := board()
	if got := nx.MemberName("ann"); got != "Ann" {
		t.Errorf("MemberName(ann) = %q", got)
	}
	if got := nx.MemberName("nobody"); got != "nobody" {
		t.Errorf("MemberName(nobody) = %q; want the id", got)
	}
	if got := nx.LeadName("bea"); got != "Bea" {
		t.Errorf("LeadName(bea) = %q", got)
	}
}

func TestNextMeetingAndLastHeld(t *testing.T) {
	nx := board()
	for _, tc := range []struct{ day, want string }{
		{"2026-01-01", "2026-10-15"},
		{"2026-10-15", "2026-10-15"},
		// A planned meeting whose day has passed is not the next one.
		{"2026-11-01", "2026-12-01"},
		{"2026-12-02", ""},
	} {
		got := ""
		if m := nx.NextMeeting(day(tc.day)); m != nil {
			got = m.File
		}
		if got != tc.want {
			t.Errorf("NextMeeting(%s) = %q; want %q", tc.day, got, tc.want)
		}
	}
	last := func(m *model.Meeting) string {
		if l := nx.LastHeld(m); l != nil {
			return l.File
		}
		return ""
	}
	list := nx.N.MeetingList
	if got := last(list[0]); got != "" {
		t.Errorf("LastHeld(first) = %q; want none", got)
	}
	if got := last(list[4]); got != "2026-11-01" {
		t.Errorf("LastHeld(2026-12-01) = %q; want 2026-11-01", got)
	}
}

func TestStartAndDuration(t *testing.T) {
	nx := board()
	m := nx.N.MeetingList[0]
	if got := nx.Start(m); !got.Valid || got.Minutes != 600 {
		t.Errorf("Start = %+v; want the kind's 10:00", got)
	}
	own := *m
	own.Start = model.Clock{Minutes: 540, Valid: true}
	if got := nx.Start(&own); got.Minutes != 540 {
		t.Errorf("Start = %+v; want the meeting's own 09:00", got)
	}
	if got := nx.Start(nx.N.MeetingList[3]); got.Valid {
		t.Errorf("Start of a workshop = %+v; want none", got)
	}
	if got := nx.Duration(m); got.Set() {
		t.Errorf("Duration = %v; want none", got)
	}
}

func TestWorkProgrammeItem(t *testing.T) {
	for title, want := range map[string]bool{
		"Review of the work programme":  true,
		"WORK-PROGRAMME update":         true,
		"Work  Program":                 true,
		"Work plan":                     false,
		"Minutes of the last meeting":   false,
		"workprogramme (one word)":      false,
		"Review of the work-programmes": true,
	} {
		if got := terms.WorkProgrammeItem(title); got != want {
			t.Errorf("WorkProgrammeItem(%q) = %v; want %v", title, got, want)
		}
	}
}

func TestPapersDeadlineWithoutCalendar(t *testing.T) {
	days := 5
	k := &model.MeetingKind{Notice: &model.Notice{BusinessDays: &days}}
	if d, ok := terms.PapersDeadline(nil, k, date.New(2026, 12, 8)); ok {
		t.Errorf("business-day notice with no calendar: %s, true; want no deadline", d)
	}
}

// TestHeldVenue: a held meeting's venue is the one its record gives, or its
// kind's place; a rotation predicts the planned ones only.
func TestHeldVenue(t *testing.T) {
	nx := board()
	rotate := &model.Venue{Online: true, Rotate: []model.Ref{{ID: "a"}, {ID: "b"}}}
	nx.N.Meetings[0].Venue = rotate
	held, planned := nx.N.MeetingList[0], nx.N.MeetingList[4]
	if got := nx.HeldVenue(held); got != "" {
		t.Errorf("held, rotation only: %q; want nothing said", got)
	}
	if got := nx.Venue(planned); got == "" {
		t.Error("planned, rotation: the prediction is gone")
	}
	held.Venue = &model.Venue{Text: "Brent Civic Centre"}
	if got := nx.HeldVenue(held); got != "Brent Civic Centre" {
		t.Errorf("held, recorded: %q", got)
	}
	held.Venue = nil
	nx.N.Meetings[0].Venue = &model.Venue{Text: "Lewisham Town Hall"}
	if got := nx.HeldVenue(held); got != "Lewisham Town Hall" {
		t.Errorf("held, the kind's place: %q", got)
	}
}
