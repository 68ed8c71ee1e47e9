package terms_test

import (
	"slices"
	"testing"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// versionsRepo is a board whose terms were amended with effect from
// 1 December 2026: the quorum rose from two members to three, substitutes
// stopped counting, the notice from two business days to five, and
// "Risk register" became a standing item.
var versionsRepo = map[string]string{
	"organisations.yaml": "organisations:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: c, name: C}\n",
	"x/network.yaml": `id: x
name: X Board
effective: 2026-12-01
seats:
  - {organisations: [a, b, c], title: Partner, substitute: allowed}
quorum: {members: 3, substitutes_count: false}
meetings:
  ordinary:
    every: P1M
    notice: {business_days: 5}
    standing_items: [Apologies for absence, Risk register]
`,
	"x/terms/2025-01-01.yaml": `id: x
name: X Board
seats:
  - {organisations: [a, b, c], title: Partner, substitute: allowed}
quorum: {members: 2}
meetings:
  ordinary:
    every: P1M
    notice: {business_days: 2}
    standing_items: [Apologies for absence]
`,
	"x/members.yaml": `members:
  - {id: pa, name: P A, organisation: a, seat: Partner, substitutes: [sa]}
  - {id: pb, name: P B, organisation: b, seat: Partner}
  - {id: pc, name: P C, organisation: c, seat: Partner}
  - {id: sa, name: S A, organisation: a}
`,
	"x/meetings/2026-11-10.yaml": "kind: ordinary\nstatus: held\nattendance: {present: [pb, sa], substitutes: {sa: pa}}\n",
	"x/meetings/2026-12-08.yaml": "kind: ordinary\nstatus: held\nattendance: {present: [pb, sa], substitutes: {sa: pa}}\n",
}

// TestTermsOnJudgesEachMeetingByItsVersion: the meeting before the
// amendment is judged by the old terms, the one after by the new.
func TestTermsOnJudgesEachMeetingByItsVersion(t *testing.T) {
	rx := loadFiles(t, versionsRepo)
	nx, before := lookup(t, rx, "x", "2026-11-10")
	_, after := lookup(t, rx, "x", "2026-12-08")

	if q := nx.Quorum(before); !q.Quorate {
		t.Errorf("10 November, under the old terms (two members, substitutes count): not quorate: %v", q.Unmet)
	}
	if q := nx.Quorum(after); q.Quorate {
		t.Errorf("8 December, under the new terms (three members, substitutes do not count): quorate: %v", q.Met)
	}
	if v := nx.TermsOn(before.Date); v.IsCurrent() || v.InForce().String() != "2025-01-01" || v.Until().String() != "2026-11-30" {
		t.Errorf("TermsOn(10 November) = current %v, from %s until %s; want the version of 2025-01-01 until 2026-11-30", v.IsCurrent(), v.InForce(), v.Until())
	}
	if v := nx.TermsOn(after.Date); !v.IsCurrent() {
		t.Error("TermsOn(8 December) is not the current terms")
	}
	// A day before every version: the earliest.
	if v := nx.TermsOn(model.Date{Date: before.Date.Add(-800)}); v.InForce().String() != "2025-01-01" {
		t.Errorf("before every version: %s, want the earliest", v.InForce())
	}
	// The agenda of each has its own standing items.
	if titles := agendaTitles(nx.Agenda(before)); !slices.Contains(titles, "Apologies for absence") || slices.Contains(titles, "Risk register") {
		t.Errorf("agenda of 10 November: %q", titles)
	}
	if titles := agendaTitles(nx.Agenda(after)); !slices.Contains(titles, "Risk register") {
		t.Errorf("agenda of 8 December lacks the new standing item: %q", titles)
	}
	// Notice: two business days before, five after.
	if k := nx.MeetingKind(before); k == nil || k.Notice == nil || *k.Notice.BusinessDays != 2 {
		t.Errorf("the kind of 10 November: %+v, want the old notice", k)
	}
	if k := nx.MeetingKind(after); k == nil || k.Notice == nil || *k.Notice.BusinessDays != 5 {
		t.Errorf("the kind of 8 December: %+v, want the new notice", k)
	}
	if vs := nx.Versions(); len(vs) != 2 || !vs[1].IsCurrent() {
		t.Errorf("Versions: %d, the last current %v", len(vs), len(vs) > 0 && vs[len(vs)-1].IsCurrent())
	}
}

func agendaTitles(es []terms.AgendaEntry) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Title)
	}
	return out
}
