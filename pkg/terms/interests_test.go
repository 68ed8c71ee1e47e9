package terms_test

import (
	"slices"
	"testing"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// interestsRepo: a committee of three organisations with one voting member
// each (b also has a substitute), a quorum of a voting member from each
// and at least 3 present, voting by member on a base of those present.
var interestsRepo = map[string]string{
	"organisations.yaml": `
organisations:
  - {id: a, name: Org A, short_name: A}
  - {id: b, name: Org B, short_name: B}
  - {id: c, name: Org C, short_name: C}
  - {id: capita, name: Capita plc, short_name: Capita}
  - {id: serco, name: Serco plc, short_name: Serco}
`,
	"jc/network.yaml": `
id: jc
name: Joint Committee
seats:
  - {organisations: [a, b, c], title: M, substitute: named}
quorum: {members: 3}
voting: {basis: member, method: majority, base: present}
meetings: {ordinary: {duration: PT2H}}
`,
	"jc/members.yaml": `
members:
  - id: a1
    name: A One
    organisation: a
    seat: M
    substitutes: [a-sub]
    interests:
      - {text: Spouse employed by Capita, organisations: [capita], from: 2026-06-01}
      - {text: Former Serco director, organisations: [serco], until: 2026-09-30}
  - id: b1
    name: B One
    organisation: b
    seat: M
    substitutes: [b-sub]
    interests:
      - {text: Serco shareholder, organisations: [serco, capita]}
  - id: c1
    name: C One
    organisation: c
    seat: M
    substitutes: [c-sub]
  - id: a-sub
    name: A Sub
    organisation: a
    interests:
      - {text: Capita pension, organisations: [capita]}
  - {id: b-sub, name: B Sub, organisation: b}
  - {id: c-sub, name: C Sub, organisation: c}
  - id: gone
    name: Former member
    organisation: a
    until: 2026-01-31
    interests:
      - {text: Capita consultant, organisations: [capita]}
`,
	// b1 withdrew from the contract; c1 declared but stayed.
	"jc/meetings/2026-10-13.yaml": `kind: ordinary
status: held
attendance:
  present: [a1, b1, c1]
agenda:
  - {title: Contract, concerns: [capita]}
  - {title: Waste, concerns: [serco]}
  - {title: Pay}
declarations:
  - {member: b1, item: contract, interest: Serco shareholder, withdrew: true}
  - {member: c1, item: Contract, interest: Friend at Capita}
decisions:
  - {id: D-1, item: Contract, text: x, outcome: agreed, votes: {for: [a1, c1]}}
  - {id: D-2, item: Contract, text: x, outcome: agreed, votes: {for: [a1, b1], against: [c1]}}
  - {id: D-3, item: Pay, text: x, outcome: agreed, votes: {for: [a1, b1], against: [c1]}}
`,
	// a-sub stood in for a1 and withdrew; b1, absent, is recorded as
	// withdrawing, which changes nothing.
	"jc/meetings/2026-10-20.yaml": `kind: ordinary
status: held
attendance:
  present: [b1, c1]
  apologies: [a1]
  substitutes: {a-sub: a1}
agenda:
  - {title: Contract, concerns: [capita]}
declarations:
  - {member: a-sub, item: Contract, interest: Capita pension, withdrew: true}
  - {member: a-sub, item: Contract, interest: Capita pension, withdrew: true}
decisions:
  - {id: D-4, item: Contract, text: x, outcome: agreed, votes: {for: [b1, c1]}}
`,
}

func memberIDs(ms []*model.Member) []string {
	var out []string
	for _, m := range ms {
		out = append(out, m.ID)
	}
	return out
}

func interestTexts(ris []terms.RegisteredInterest) []string {
	var out []string
	for _, ri := range ris {
		out = append(out, ri.Member.ID+": "+ri.Interest.Text)
	}
	return out
}

func TestInterestsOn(t *testing.T) {
	rx := loadFiles(t, interestsRepo)
	nx, _ := lookup(t, rx, "jc", "2026-10-13")
	day := func(s string) model.Date {
		d, err := date.ParseISO(s)
		if err != nil {
			t.Fatal(err)
		}
		return model.Date{Date: d}
	}
	for _, c := range []struct {
		on   string
		want []string
	}{
		// Before a1's Capita interest; the former member still sat.
		{"2026-01-15", []string{"a1: Former Serco director", "b1: Serco shareholder", "a-sub: Capita pension", "gone: Capita consultant"}},
		{"2026-07-01", []string{"a1: Spouse employed by Capita", "a1: Former Serco director", "b1: Serco shareholder", "a-sub: Capita pension"}},
		{"2026-10-13", []string{"a1: Spouse employed by Capita", "b1: Serco shareholder", "a-sub: Capita pension"}},
	} {
		if got := interestTexts(nx.InterestsOn(day(c.on))); !slices.Equal(got, c.want) {
			t.Errorf("InterestsOn(%s) = %q, want %q", c.on, got, c.want)
		}
	}
}

func TestItemInterestsAndUndeclared(t *testing.T) {
	rx := loadFiles(t, interestsRepo)
	nx, m := lookup(t, rx, "jc", "2026-10-13")
	contract, waste, pay := &m.Agenda[0], &m.Agenda[1], &m.Agenda[2]
	if got, want := interestTexts(nx.ItemInterests(m, contract)), []string{"a1: Spouse employed by Capita", "b1: Serco shareholder", "a-sub: Capita pension"}; !slices.Equal(got, want) {
		t.Errorf("ItemInterests(Contract) = %q, want %q", got, want)
	}
	if got, want := interestTexts(nx.ItemInterests(m, waste)), []string{"b1: Serco shareholder"}; !slices.Equal(got, want) {
		t.Errorf("ItemInterests(Waste) = %q, want %q (a1's Serco interest ended in September)", got, want)
	}
	if got := nx.ItemInterests(m, pay); got != nil {
		t.Errorf("ItemInterests(Pay) = %q, want none: it concerns no organisation", interestTexts(got))
	}
	// a1 declared nothing on the contract; b1 declared (and withdrew); a-sub
	// was not there. On waste, b1 declared nothing.
	undeclared := func(it *model.AgendaItem) []string {
		var out []string
		for _, u := range nx.Undeclared(m, it) {
			for _, in := range u.Interests {
				out = append(out, u.Member.ID+": "+in.Text)
			}
		}
		return out
	}
	if got, want := undeclared(contract), []string{"a1: Spouse employed by Capita"}; !slices.Equal(got, want) {
		t.Errorf("Undeclared(Contract) = %q, want %q", got, want)
	}
	if got, want := undeclared(waste), []string{"b1: Serco shareholder"}; !slices.Equal(got, want) {
		t.Errorf("Undeclared(Waste) = %q, want %q", got, want)
	}
	// At the next meeting a-sub, standing in, declared.
	nx, m = lookup(t, rx, "jc", "2026-10-20")
	if got, want := undeclared(&m.Agenda[0]), []string{"b1: Serco shareholder"}; !slices.Equal(got, want) {
		t.Errorf("Undeclared(Contract) on 20 October = %q, want %q", got, want)
	}
	if got, want := memberIDs(nx.Attended(m)), []string{"b1", "c1", "a-sub"}; !slices.Equal(got, want) {
		t.Errorf("Attended = %q, want %q", got, want)
	}
}

func TestWithdrawal(t *testing.T) {
	rx := loadFiles(t, interestsRepo)
	nx, m := lookup(t, rx, "jc", "2026-10-13")
	d1, d2, d3 := &m.Decisions[0], &m.Decisions[1], &m.Decisions[2]
	if got := memberIDs(nx.Withdrew(m, "CONTRACT")); !slices.Equal(got, []string{"b1"}) {
		t.Errorf("Withdrew(CONTRACT) = %q, want [b1]", got)
	}
	if got := nx.Withdrew(m, "Pay"); got != nil {
		t.Errorf("Withdrew(Pay) = %q, want none", memberIDs(got))
	}
	if q := nx.Quorum(m); !q.Quorate || q.Present != 3 {
		t.Errorf("the meeting's quorum: %+v, want quorate with 3 present", q)
	}
	// Without b1, 2 of the 3 needed are there for decisions on the contract.
	q := nx.DecisionQuorum(m, d1)
	if q.Quorate || q.Present != 2 || !slices.Equal(memberIDs(q.Withdrew), []string{"b1"}) || !slices.Equal(q.Unmet, []string{"2 present, at least 3 needed"}) {
		t.Errorf("DecisionQuorum(D-1) = %+v, want not quorate: 2 present, b1 withdrew", q)
	}
	if q := nx.DecisionQuorum(m, d3); !q.Quorate || q.Present != 3 || q.Withdrew != nil {
		t.Errorf("DecisionQuorum(D-3) = %+v, want the meeting's", q)
	}
	// D-1: 2 for of 2 present. D-2: b1's vote weighs nothing: 1 for, 1
	// against of 2 present, not carried. D-3: b1 counts: carried.
	for _, c := range []struct {
		dec                 *model.Decision
		for_, against, base int
		carried             bool
		withdrawn           []string
	}{
		{d1, 2, 0, 2, true, nil},
		{d2, 1, 1, 2, false, []string{"b1"}},
		{d3, 2, 1, 3, true, nil},
	} {
		tl := nx.Count(m, c.dec)
		if tl.For != c.for_ || tl.Against != c.against || tl.Base != c.base || tl.Carried != c.carried || !slices.Equal(model.IDs(tl.Withdrawn), c.withdrawn) {
			t.Errorf("Count(%s) = %d for, %d against of %d, carried %v, withdrawn %q; want %d, %d of %d, %v, %q",
				c.dec.ID, tl.For, tl.Against, tl.Base, tl.Carried, model.IDs(tl.Withdrawn), c.for_, c.against, c.base, c.carried, c.withdrawn)
		}
	}
	v := nx.Verdict(nil, m)
	if v.Decisions[0].Quorum.Quorate || !v.Decisions[2].Quorum.Quorate || !v.Quorum.Quorate {
		t.Errorf("Verdict: meeting %v, D-1 %v, D-3 %v; want the meeting and D-3 quorate, D-1 not", v.Quorum.Quorate, v.Decisions[0].Quorum.Quorate, v.Decisions[2].Quorum.Quorate)
	}

	// A substitute who withdrew no longer stands in; a declaration twice
	// is one withdrawal.
	nx, m = lookup(t, rx, "jc", "2026-10-20")
	at := nx.AttendanceFor(m, "Contract")
	if len(at.Represented) != 0 || !slices.Equal(memberIDs(at.Present), []string{"b1", "c1"}) {
		t.Errorf("AttendanceFor(Contract): present %q, %d represented; want b1 and c1, none", memberIDs(at.Present), len(at.Represented))
	}
	if q := nx.DecisionQuorum(m, &m.Decisions[0]); q.Quorate || q.Present != 2 || !slices.Equal(memberIDs(q.Withdrew), []string{"a-sub"}) {
		t.Errorf("DecisionQuorum(D-4) = %+v, want 2 present, a-sub withdrew", q)
	}
	if len(nx.Attendance(m).Represented) != 1 {
		t.Error("the meeting's attendance lost a-sub")
	}
}
