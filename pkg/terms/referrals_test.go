package terms_test

import (
	"slices"
	"testing"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// chain is two bodies: omg refers three decisions to jmb at its meeting
// of 1 October, and one with no refer_to; jmb defers one on 15 October,
// answers one on 5 November, and meets again on 3 December.
func chain() (omg, jmb *terms.Net) {
	ref := func(id string) *model.Ref { return &model.Ref{ID: id} }
	o := &model.Network{ID: "omg", Folder: "omg", Name: "Group", Meetings: []model.MeetingKind{{Name: "ordinary"}}}
	j := &model.Network{ID: "jmb", Folder: "jmb", Name: "Board", Meetings: []model.MeetingKind{{Name: "ordinary", StandingItems: []string{"Apologies"}}}}
	o.MeetingList = []*model.Meeting{
		{File: "2026-10-01", Date: day("2026-10-01"), Kind: model.Ref{ID: "ordinary"}, Status: "held", Decisions: []model.Decision{
			{ID: "D-1", Text: "Budget", Outcome: "referred", ReferTo: ref("jmb")},
			{ID: "D-2", Text: "Contract", Outcome: "referred", ReferTo: ref("jmb")},
			{ID: "D-3", Text: "Plan", Outcome: "referred", ReferTo: ref("jmb")},
			{ID: "D-4", Text: "Dispute", Outcome: "referred"},
			{ID: "D-5", Text: "Noted", Outcome: "agreed", ReferTo: ref("jmb")},
		}},
		// Not held: drafted, not made.
		{File: "2026-11-20", Date: day("2026-11-20"), Kind: model.Ref{ID: "ordinary"}, Status: "planned", Decisions: []model.Decision{
			{ID: "D-9", Text: "Draft", Outcome: "referred", ReferTo: ref("jmb")},
		}},
	}
	j.MeetingList = []*model.Meeting{
		{File: "2026-10-01", Date: day("2026-10-01"), Kind: model.Ref{ID: "ordinary"}, Status: "held"},
		{File: "2026-10-15", Date: day("2026-10-15"), Kind: model.Ref{ID: "ordinary"}, Status: "held", Decisions: []model.Decision{
			{ID: "J-1", Outcome: "deferred", RespondsTo: ref("omg/D-2")},
		}},
		{File: "2026-11-05", Date: day("2026-11-05"), Kind: model.Ref{ID: "ordinary"}, Status: "held", Agenda: []model.AgendaItem{{Title: "Budget paper"}}, Decisions: []model.Decision{
			{ID: "J-2", Outcome: "agreed", RespondsTo: ref("omg/D-1")},
		}},
		{File: "2026-12-03", Date: day("2026-12-03"), Kind: model.Ref{ID: "ordinary"}, Status: "planned"},
	}
	x := terms.NewRepo(&model.Repo{Networks: []*model.Network{j, o}})
	return x.Network(o), x.Network(j)
}

func keys(rs []*terms.Referral) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Key())
	}
	return out
}

func TestReferrals(t *testing.T) {
	omg, jmb := chain()
	// Made at a held meeting, with outcome referred and refer_to another
	// body: not D-4 (no body), D-5 (agreed) or D-9 (not held).
	if got := keys(omg.Repo.Referrals()); !slices.Equal(got, []string{"omg/D-1", "omg/D-2", "omg/D-3"}) {
		t.Errorf("referrals %q", got)
	}
	if got := keys(jmb.ReferralsTo()); !slices.Equal(got, []string{"omg/D-1", "omg/D-2", "omg/D-3"}) {
		t.Errorf("referrals to jmb %q", got)
	}
	budget := omg.Repo.ReferralOf("omg", "D-1")
	if a := budget.Settled(); a == nil || a.Decision.ID != "J-2" {
		t.Errorf("the budget settled by %+v", a)
	}
	if budget.AnsweredBefore(day("2026-11-05").Date) != nil || budget.AnsweredBy(day("2026-11-05").Date) == nil {
		t.Error("answered on 5 November: not before it, by it")
	}
	contract := omg.Repo.ReferralOf("omg", "D-2")
	if len(contract.Answers) != 1 || contract.Settled() != nil {
		t.Errorf("the contract, deferred, is not settled: %+v", contract.Answers)
	}
	for _, tc := range []struct {
		meeting int
		want    []string
	}{
		{0, nil}, // the day it was made: not waiting yet
		{1, []string{"omg/D-1", "omg/D-2", "omg/D-3"}},
		{2, []string{"omg/D-1", "omg/D-2", "omg/D-3"}}, // the budget is answered at it: on its agenda still
		{3, []string{"omg/D-2", "omg/D-3"}},            // deferred: waits again
	} {
		m := jmb.N.MeetingList[tc.meeting]
		if got := keys(jmb.Waiting(m)); !slices.Equal(got, tc.want) {
			t.Errorf("waiting for %s: %q; want %q", m.File, got, tc.want)
		}
	}
	if r := jmb.Responds(&jmb.N.MeetingList[2].Decisions[0]); r != budget {
		t.Errorf("J-2 responds to %+v", r)
	}
	if n, m, d := omg.Repo.FindDecision("omg", "D-9"); n == nil || m == nil || d == nil || m.Status != "planned" {
		t.Errorf("D-9 found on %+v", m)
	}
	if n, _, d := omg.Repo.FindDecision("omg", "D-99"); n == nil || d != nil {
		t.Error("D-99 found")
	}
	if n, _, _ := omg.Repo.FindDecision("omx", "D-1"); n != nil {
		t.Error("omx found")
	}
}

// TestAgendaReferrals: the referrals waiting are considered under an item
// govctl adds after matters arising, or under the record's own.
func TestAgendaReferrals(t *testing.T) {
	_, jmb := chain()
	m := jmb.N.MeetingList[3]
	got := jmb.Agenda(m)
	wantTitles(t, "with matters arising", got, "Apologies", "Minutes of the last meeting+*", "Matters arising+^", "Referrals from other bodies+")
	if e := got[3]; !slices.Equal(keys(e.Referrals), []string{"omg/D-2", "omg/D-3"}) {
		t.Errorf("under the added item: %q", keys(e.Referrals))
	}
	m.Agenda = []model.AgendaItem{{Title: "Budget"}, {Title: "referrals"}}
	got = jmb.Agenda(m)
	wantTitles(t, "the record's own item", got, "Apologies", "Minutes of the last meeting+*", "Matters arising+^", "Budget", "referrals")
	if e := got[4]; e.Record == nil || len(e.Referrals) != 2 {
		t.Errorf("under the record's item: %+v", e)
	}
	// jmb's first meeting: nothing waits, nothing is added.
	wantTitles(t, "nothing waiting", jmb.Agenda(jmb.N.MeetingList[0]), "Apologies")
}
