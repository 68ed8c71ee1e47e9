package terms_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// titles lists the entries' titles, each marked with what the terms know
// of it: "+" added by govctl, "*" approves the last minutes, "^" matters
// arising, "!" urgent, "~" any other business.
func titles(es []terms.AgendaEntry) []string {
	var out []string
	for _, e := range es {
		t := e.Title
		for _, m := range []struct {
			on   bool
			mark string
		}{{e.Added, "+"}, {e.ApprovesMinutesOf != nil, "*"}, {e.MattersArising, "^"}, {e.Urgent, "!"}, {e.AOB, "~"}} {
			if m.on {
				t += m.mark
			}
		}
		out = append(out, t)
	}
	return out
}

func wantTitles(t *testing.T, what string, got []terms.AgendaEntry, want ...string) {
	t.Helper()
	if g := titles(got); !slices.Equal(g, want) {
		t.Errorf("%s: agenda\n  %q\nwant\n  %q", what, g, want)
	}
}

// TestAgenda: the standing items in the terms' order, each with the
// record's item of its title, then the record's own; the minutes of the
// last held meeting; the review the terms require; urgent business marked.
func TestAgenda(t *testing.T) {
	nx := board()
	k := nx.Kinds["ordinary"]
	k.StandingItems = []string{"Apologies", "Minutes"}
	k.ReviewWorkProgramme = true
	m := nx.N.MeetingList[4] // 1 December; 1 November was the last held
	m.Agenda = []model.AgendaItem{
		{Title: "apologies", Paper: "a.pdf"},
		{Title: "Budget"},
		{Title: "Work programme", Kind: "urgent"},
		{Title: "budget"},
	}
	got := nx.Agenda(m)
	// Nothing arises from the meetings before: no item for it.
	wantTitles(t, "standing items first", got, "Apologies", "Minutes*", "Budget", "Work programme!", "Review of the work programme+")
	if got[0].Record == nil || got[0].Record.Paper != "a.pdf" || !got[0].Standing {
		t.Errorf("the standing item has not the record's item of its title: %+v", got[0])
	}
	if got[1].ApprovesMinutesOf.File != "2026-11-01" {
		t.Errorf("the minutes item approves %+v; want 1 November's", got[1].ApprovesMinutesOf)
	}
	// An urgent item about the work programme does not stand for the review.
	if !got[4].WorkProgramme || got[4].Record != nil {
		t.Errorf("the review is not the one the terms add: %+v", got[4])
	}

	// With no standing item about minutes, one is added after the
	// standing items.
	k.StandingItems = []string{"Apologies"}
	wantTitles(t, "minutes added", nx.Agenda(m), "Apologies", "Minutes of the last meeting+*", "Budget", "Work programme!", "Review of the work programme+")
	// The record's item of that title stands for it, where the record has it.
	m.Agenda = append(m.Agenda, model.AgendaItem{Title: "minutes of the last  meeting", Presenter: &model.Ref{ID: "ann"}})
	got = nx.Agenda(m)
	wantTitles(t, "minutes from the record", got, "Apologies", "Budget", "Work programme!", "minutes of the last  meeting*", "Review of the work programme+")
	if got[3].Record == nil || got[3].Record.Presenter.ID != "ann" {
		t.Errorf("the minutes item has not the record's presenter: %+v", got[3])
	}
	// The first meeting has none to approve.
	wantTitles(t, "first meeting", nx.Agenda(nx.N.MeetingList[0]), "Apologies", "Review of the work programme+")
}

// TestAgendaOrder: a record that lists every standing item sets the order
// of them all; one that lists some adds to those and keeps the terms' order.
func TestAgendaOrder(t *testing.T) {
	nx := board()
	k := nx.Kinds["ordinary"]
	k.StandingItems = []string{"Apologies", "Minutes of the last meeting", "Risk register"}
	m := nx.N.MeetingList[4]
	m.Agenda = []model.AgendaItem{{Title: "Budget"}, {Title: "RISK register", Presenter: &model.Ref{ID: "cy"}}}
	got := nx.Agenda(m)
	wantTitles(t, "some standing items", got, "Apologies", "Minutes of the last meeting*", "Risk register", "Budget")
	if got[2].Record == nil || got[2].Record.Presenter.ID != "cy" || got[2].Title != "Risk register" {
		t.Errorf("the standing item is not the terms' with the record's presenter: %+v", got[2])
	}

	m.Agenda = []model.AgendaItem{{Title: "Budget"}, {Title: "Risk register"}, {Title: "apologies"}, {Title: "Minutes of the last meeting"}}
	got = nx.Agenda(m)
	wantTitles(t, "every standing item", got, "Budget", "Risk register", "Apologies", "Minutes of the last meeting*")
	for i, want := range []bool{false, true, true, true} {
		if got[i].Standing != want {
			t.Errorf("%s: Standing %v; want %v", got[i].Title, got[i].Standing, want)
		}
	}
}

// TestAgendaOmitted: a standing item left off one meeting is not on its
// agenda; an omission naming no standing item leaves nothing off.
func TestAgendaOmitted(t *testing.T) {
	nx := board()
	k := nx.Kinds["ordinary"]
	k.StandingItems = []string{"Apologies", "Minutes", "Joint communications plan", "Work programme"}
	k.ReviewWorkProgramme = true
	m := nx.N.MeetingList[4]
	m.OmitStanding = []model.OmitStanding{
		{Item: "joint  COMMUNICATIONS plan", Reason: "Deferred to January"},
		{Item: "Joint comms plan", Reason: "misspelt"},
		{Item: "Joint communications plan", Reason: "twice"},
	}
	m.Agenda = []model.AgendaItem{{Title: "Budget"}}
	omitted, unknown := nx.Omitted(m)
	if len(omitted) != 1 || omitted[0].Title != "Joint communications plan" || omitted[0].Entry.Reason != "Deferred to January" {
		t.Errorf("omitted %+v; want the communications plan, for the first reason given", omitted)
	}
	if len(unknown) != 1 || unknown[0].Item != "Joint comms plan" {
		t.Errorf("unknown %+v; want the misspelt entry", unknown)
	}
	wantTitles(t, "one left off", nx.Agenda(m), "Apologies", "Minutes*", "Work programme", "Budget")

	// A record that lists every standing item not left off sets the order.
	m.Agenda = []model.AgendaItem{{Title: "Budget"}, {Title: "Work programme"}, {Title: "Minutes"}, {Title: "Apologies"}}
	wantTitles(t, "own order", nx.Agenda(m), "Budget", "Work programme", "Minutes*", "Apologies")
	// Left off and listed too: left off (missing-standing-item reports it).
	m.Agenda = append(m.Agenda, model.AgendaItem{Title: "Joint communications plan"})
	wantTitles(t, "left off and listed", nx.Agenda(m), "Budget", "Work programme", "Minutes*", "Apologies")

	// The minutes left off: no approval is added in their place. The work
	// programme left off: no review is added in its place.
	m.Agenda = nil
	m.OmitStanding = []model.OmitStanding{{Item: "Minutes", Reason: "None to approve"}, {Item: "Work programme", Reason: "Lead on leave"}}
	got := nx.Agenda(m)
	wantTitles(t, "minutes and review left off", got, "Apologies", "Joint communications plan")
	if nx.ReviewsWorkProgramme(m) {
		t.Error("a meeting that left the work programme off reviews it")
	}

	// A meeting of an unknown kind leaves nothing off and has nothing unknown.
	odd := &model.Meeting{Date: day("2026-12-02"), Kind: model.Ref{ID: "retreat"}, OmitStanding: m.OmitStanding}
	if o, u := nx.Omitted(odd); o != nil || u != nil {
		t.Errorf("unknown kind: omitted %v, unknown %v; want none", o, u)
	}
}

// TestAgendaAOB: any other business is taken last, after the review of the
// work programme, whether the record marks it aob or a standing item is
// so titled.
func TestAgendaAOB(t *testing.T) {
	nx := board()
	k := nx.Kinds["ordinary"]
	k.StandingItems = []string{"Apologies", "Any other business"}
	k.ReviewWorkProgramme = true
	m := nx.N.MeetingList[0] // the first meeting: no minutes to approve
	m.Agenda = []model.AgendaItem{
		{Title: "Retirement of the clerk", Kind: "aob"},
		{Title: "Budget"},
		{Title: "Late item", Kind: "urgent"},
	}
	wantTitles(t, "aob last", nx.Agenda(m), "Apologies", "Budget", "Late item!", "Review of the work programme+", "Any other business~", "Retirement of the clerk~")

	// A record that lists every standing item: any other business is
	// still last.
	m.Agenda = []model.AgendaItem{{Title: "AOB"}, {Title: "Any other business"}, {Title: "Apologies"}, {Title: "Work programme"}}
	wantTitles(t, "aob last in the record's order", nx.Agenda(m), "Apologies", "Work programme", "AOB~", "Any other business~")

	for title, want := range map[string]bool{
		"Any other business":                      true,
		"ANY OTHER  BUSINESS (notified to chair)": true,
		"A.O.B.":                             true,
		"aob":                                true,
		"Any other businesses of the board?": true,
		"Other business":                     false,
		"Business plan (aob)":                false,
	} {
		if got := terms.AOBItem(title); got != want {
			t.Errorf("AOBItem(%q) = %v; want %v", title, got, want)
		}
	}
}

// TestReviewsWorkProgramme: a standing item or the record's item about the
// work programme reviews it; an urgent item, or the review govctl adds to
// an agenda, does not.
func TestReviewsWorkProgramme(t *testing.T) {
	nx := board()
	k := nx.Kinds["ordinary"]
	k.ReviewWorkProgramme = true
	m := nx.N.MeetingList[0]
	for _, c := range []struct {
		name     string
		standing []string
		agenda   []model.AgendaItem
		want     bool
	}{
		{"record item", nil, []model.AgendaItem{{Title: "Apologies"}, {Title: "Work-programme update"}}, true},
		{"standing item", []string{"Progress against the work programme"}, []model.AgendaItem{{Title: "Budget"}}, true},
		{"none", []string{"Apologies"}, []model.AgendaItem{{Title: "Budget"}}, false},
		{"urgent", nil, []model.AgendaItem{{Title: "Work programme", UrgentReason: "late"}}, false},
		{"nothing", nil, nil, false},
	} {
		k.StandingItems, m.Agenda = c.standing, c.agenda
		if got := nx.ReviewsWorkProgramme(m); got != c.want {
			t.Errorf("%s: ReviewsWorkProgramme = %v; want %v (agenda %q)", c.name, got, c.want, titles(nx.Agenda(m)))
		}
	}
}

// arisingBoard is the board with actions, decisions and recommendations:
// raised on 1 September (held); on 1 October (cancelled) A-1
// was marked done and A-9 raised, neither of which counts; on 1 November
// (a held workshop) A-1 was done, A-2 given a new due date, A-3 raised.
func arisingBoard() *terms.Net {
	nx := board()
	ms := nx.N.MeetingList
	ms[0].Actions = []model.Action{
		{ID: "A-1", Text: "Circulate the register", Owner: model.Ref{ID: "ann"}, Due: day("2026-09-30")},
		{ID: "A-2", Text: "Book the room", Owner: model.Ref{ID: "bea"}, Due: day("2026-10-30")},
	}
	ms[0].Decisions = []model.Decision{{ID: "D-1", Text: "Adopt the budget", Outcome: "agreed"}}
	ms[0].Recommendations = []string{"The board should meet online"}
	ms[1].ActionUpdates = []model.ActionUpdate{{Action: model.Ref{ID: "A-1"}, Status: "done"}}
	ms[1].Actions = []model.Action{{ID: "A-9", Text: "Never raised", Owner: model.Ref{ID: "cy"}}}
	ms[3].ActionUpdates = []model.ActionUpdate{
		{Action: model.Ref{ID: "A-1"}, Status: "done"},
		{Action: model.Ref{ID: "A-2"}, Status: "open", Note: "Waiting for quotes", Due: day("2027-01-15")},
	}
	ms[3].Actions = []model.Action{{ID: "A-3", Text: "Write the survey", Owner: model.Ref{ID: "cy"}}}
	ms[3].Decisions = []model.Decision{{ID: "D-2", Text: "Run a survey", Outcome: "deferred"}}
	return nx
}

func actionIDs(a terms.MattersArising) string {
	var ids []string
	for _, s := range a.Actions {
		due := ""
		if s.Due.Set() {
			due = s.Due.String()
		}
		ids = append(ids, s.Action.ID+"@"+due)
	}
	return strings.Join(ids, " ")
}

func fromDates(a terms.MattersArising) string {
	var ds []string
	for _, m := range a.From {
		ds = append(ds, m.File)
	}
	return strings.Join(ds, " ")
}

// TestMattersArising: the decisions and recommendations of the last held
// meeting, and the actions open the day before, come up for review.
func TestMattersArising(t *testing.T) {
	nx := arisingBoard()
	ms := nx.N.MeetingList

	if a := nx.MattersArising(ms[0]); !a.Empty() || a.From != nil {
		t.Errorf("the first meeting has matters arising: %+v", a)
	}

	// 15 October (planned): the meeting of 1 September's, the cancelled
	// meeting's update and action not counting.
	a := nx.MattersArising(ms[2])
	if fromDates(a) != "2026-09-01" || len(a.Decisions) != 1 || a.Decisions[0].ID != "D-1" || !slices.Equal(a.Recommendations, []string{"The board should meet online"}) {
		t.Errorf("15 October: from %q, decisions %v, recommendations %q", fromDates(a), a.Decisions, a.Recommendations)
	}
	if got := actionIDs(a); got != "A-1@2026-09-30 A-2@2026-10-30" {
		t.Errorf("15 October: actions %q", got)
	}

	// 1 November: the meeting of 15 October was never held, so 1
	// September's still come up; the updates made on the day do not count.
	a = nx.MattersArising(ms[3])
	if fromDates(a) != "2026-09-01" || actionIDs(a) != "A-1@2026-09-30 A-2@2026-10-30" {
		t.Errorf("1 November: from %q, actions %q", fromDates(a), actionIDs(a))
	}

	// 1 December: the workshop of 1 November's; A-1 done, A-2 due later.
	a = nx.MattersArising(ms[4])
	if fromDates(a) != "2026-11-01" || len(a.Decisions) != 1 || a.Decisions[0].ID != "D-2" || a.Recommendations != nil {
		t.Errorf("1 December: from %q, decisions %v, recommendations %q", fromDates(a), a.Decisions, a.Recommendations)
	}
	if got := actionIDs(a); got != "A-2@2027-01-15 A-3@" {
		t.Errorf("1 December: actions %q", got)
	}
	if len(a.Actions[0].Updates) != 1 || a.Actions[0].Updates[0].Update.Note != "Waiting for quotes" {
		t.Errorf("A-2 has not its update: %+v", a.Actions[0].Updates)
	}

	// On the agenda, matters arising follow the minutes.
	wantTitles(t, "1 December", nx.Agenda(ms[4]), "Minutes of the last meeting+*", "Matters arising+^")
}

// TestMattersArisingTwoOnADay: two meetings held on the last day both bring
// theirs; one held earlier does not.
func TestMattersArisingTwoOnADay(t *testing.T) {
	nx := board()
	ms := nx.N.MeetingList
	second := &model.Meeting{File: "2026-11-01-2", Date: day("2026-11-01"), Kind: model.Ref{ID: "ordinary"}, Status: "held", Recommendations: []string{"Second"}}
	nx.N.MeetingList = slices.Insert(ms, 4, second)
	ms[3].Recommendations = []string{"First"}
	ms[0].Recommendations = []string{"Reviewed already"}
	a := nx.MattersArising(nx.N.MeetingList[5])
	if fromDates(a) != "2026-11-01 2026-11-01-2" || !slices.Equal(a.Recommendations, []string{"First", "Second"}) {
		t.Errorf("from %q, recommendations %q", fromDates(a), a.Recommendations)
	}
}

// TestAgendaMattersArisingItem: a standing or record item about matters
// arising is where they are taken; none is added beside it.
func TestAgendaMattersArisingItem(t *testing.T) {
	nx := arisingBoard()
	k := nx.Kinds["ordinary"]
	m := nx.N.MeetingList[4]

	k.StandingItems = []string{"Apologies", "Minutes of the last meeting", "Budget"}
	wantTitles(t, "after the standing minutes", nx.Agenda(m), "Apologies", "Minutes of the last meeting*", "Matters arising+^", "Budget")

	m.Agenda = []model.AgendaItem{{Title: "Risks"}, {Title: "Matters arising from the minutes"}}
	wantTitles(t, "the record's", nx.Agenda(m), "Apologies", "Minutes of the last meeting*", "Budget", "Risks", "Matters arising from the minutes^")

	// A standing item about them is marked even when nothing arises.
	k.StandingItems = []string{"Matters arising", "Apologies"}
	m.Agenda = nil
	first := nx.N.MeetingList[0]
	wantTitles(t, "standing", nx.Agenda(first), "Matters arising^", "Apologies")

	// Left off: none is added in its place.
	m.OmitStanding = []model.OmitStanding{{Item: "Matters arising", Reason: "Short meeting"}}
	wantTitles(t, "left off", nx.Agenda(m), "Apologies", "Minutes of the last meeting+*")
}
