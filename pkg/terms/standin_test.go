package terms_test

import (
	"strings"
	"testing"
)

// standInRepo: a seat of each kind of substitute (a: allowed, b: named, c:
// none, d: not said), and e, a member with no seat. Each network judges the
// same meetings; q-stand-nosubs says that substitutes do not count.
func standInRepo(t *testing.T) map[string]string {
	t.Helper()
	net := func(id, quorum string) string {
		return "id: " + id + "\nname: " + id + `
seats:
  - {organisations: [a], title: Allowed, substitute: allowed}
  - {organisations: [b], title: Named, substitute: named}
  - {organisations: [c], title: None, substitute: none}
  - {organisations: [d], title: Silent}
quorum: ` + quorum + `
voting: {basis: organisation, method: majority, base: present}
meetings: {ordinary: {duration: PT2H}}
`
	}
	members := `
members:
  - {id: a1, name: A1, organisation: a, seat: Allowed}
  - {id: b1, name: B1, organisation: b, seat: Named, substitutes: [b-sub]}
  - {id: b-sub, name: B deputy, organisation: b}
  - {id: c1, name: C1, organisation: c, seat: None}
  - {id: d1, name: D1, organisation: d, seat: Silent}
  - {id: e1, name: E1, organisation: a}
`
	standIn := func(present, forID string) string {
		return meeting("present: " + present + "\n  stand_ins:\n    - {name: Sam Smith, organisation: a, for: " + forID + "}")
	}
	files := map[string]string{
		"organisations.yaml": testRepo["organisations.yaml"],
	}
	for id, quorum := range map[string]string{
		"q-stand":        "{each_organisation_of: [a, b, c], members: 3}",
		"q-stand-nosubs": "{each_organisation_of: [a, b, c], members: 3, substitutes_count: false}",
	} {
		files[id+"/network.yaml"] = net(id, quorum)
		files[id+"/members.yaml"] = members
		files[id+"/meetings/2026-10-06.yaml"] = standIn("[b1, c1]", "a1")
		files[id+"/meetings/2026-10-07.yaml"] = standIn("[a1, c1]", "b1")
		files[id+"/meetings/2026-10-08.yaml"] = standIn("[a1, b1]", "c1")
		files[id+"/meetings/2026-10-09.yaml"] = standIn("[a1, b1, c1]", "d1")
		files[id+"/meetings/2026-10-12.yaml"] = standIn("[a1, b1, c1]", "e1")
		files[id+"/meetings/2026-10-13.yaml"] = standIn("[a1, b1]", "a1") // a1 came too
		files[id+"/meetings/2026-10-14.yaml"] = meeting("present: [b1, c1]\n  substitutes: {e1: a1}\n  stand_ins:\n    - {name: Sam Smith, for: a1}")
		files[id+"/meetings/2026-10-15.yaml"] = meeting("present: [a1]\n  stand_ins:\n    - {name: Sam Smith, for: b1}") + `
decisions:
  - {id: one-of-two, text: x, outcome: agreed, votes: {for: [a]}}
`
		files[id+"/meetings/2026-10-16.yaml"] = meeting("present: [b1]\n  stand_ins:\n    - {name: Sam Smith, for: a1}") + `
decisions:
  - {id: one-of-two, text: x, outcome: agreed, votes: {for: [b]}}
`
	}
	return files
}

// TestQuorumWithStandIns: a stand-in counts as a substitute where the
// member's seat has substitute: allowed, and only there, and only where
// substitutes count.
func TestQuorumWithStandIns(t *testing.T) {
	rx := loadFiles(t, standInRepo(t))
	for _, tc := range []struct {
		network, meeting string
		quorate          bool
		unmet            []string // each a substring of one Unmet condition
		uncounted        string   // a substring of the one uncounted stand-in's why
	}{
		{"q-stand", "2026-10-06", true, nil, ""}, // allowed: counts for a, and toward 3
		{"q-stand", "2026-10-07", false, []string{"from B", "2 present"}, `the seat "Named" takes only the substitutes named in members.yaml`},
		{"q-stand", "2026-10-08", false, []string{"from C", "2 present"}, `the seat "None" takes no substitute`},
		{"q-stand", "2026-10-09", true, nil, `do not say that the seat "Silent" takes a substitute`}, // attends; the quorum is made without
		{"q-stand", "2026-10-12", true, nil, "E1 holds no seat"},
		{"q-stand", "2026-10-13", false, []string{"from C", "2 present"}, ""}, // a stand-in for someone present counts for nothing
		{"q-stand", "2026-10-14", true, nil, ""},                              // a substitute and a stand-in for a1: one counts
		{"q-stand-nosubs", "2026-10-06", false, []string{"no voting member from A was present (substitutes do not count)", "2 present"}, ""},
		{"q-stand-nosubs", "2026-10-07", false, []string{"from B", "2 present"}, "Named"},
	} {
		t.Run(tc.network+"/"+tc.meeting, func(t *testing.T) {
			nx, m := lookup(t, rx, tc.network, tc.meeting)
			got := nx.Quorum(m)
			if got.Quorate != tc.quorate || !got.Defined {
				t.Errorf("Quorate %v, Defined %v; want %v, true (met %q, unmet %q)", got.Quorate, got.Defined, tc.quorate, got.Met, got.Unmet)
			}
			if len(got.Unmet) != len(tc.unmet) {
				t.Fatalf("unmet %q; want %d conditions like %q", got.Unmet, len(tc.unmet), tc.unmet)
			}
			for i, want := range tc.unmet {
				if !strings.Contains(got.Unmet[i], want) {
					t.Errorf("unmet[%d] = %q; want it to contain %q", i, got.Unmet[i], want)
				}
			}
			at := nx.Attendance(m)
			switch {
			case tc.uncounted == "" && len(at.Uncounted) > 0:
				t.Errorf("uncounted %+v; want none", at.Uncounted)
			case tc.uncounted != "" && (len(at.Uncounted) != 1 || !strings.Contains(at.Uncounted[0].Why, tc.uncounted)):
				t.Errorf("uncounted %+v; want one, why %q", at.Uncounted, tc.uncounted)
			}
		})
	}
}

// TestAttendanceProxies: who stood in for whom.
func TestAttendanceProxies(t *testing.T) {
	rx := loadFiles(t, standInRepo(t))
	nx, m := lookup(t, rx, "q-stand", "2026-10-06")
	at := nx.Attendance(m)
	a1 := nx.Members["a1"]
	if p, ok := at.Represented[a1]; !ok || p.StandIn == nil || p.StandIn.Name != "Sam Smith" || p.Substitute != "" {
		t.Errorf("a1 represented by %+v, %v; want the stand-in Sam Smith", p, ok)
	}
	nx, m = lookup(t, rx, "q-stand", "2026-10-14")
	at = nx.Attendance(m)
	if p := at.Represented[a1]; p.Substitute != "e1" || p.StandIn != nil || len(at.Represented) != 1 {
		t.Errorf("a1 represented by %+v (of %d); want the substitute e1 alone, before the stand-in", p, len(at.Represented))
	}
	nx, m = lookup(t, rx, "q-stand", "2026-10-13")
	if at := nx.Attendance(m); len(at.Represented) != 0 || len(at.Uncounted) != 0 {
		t.Errorf("a stand-in for a member present: represented %v, uncounted %v; want neither", at.Represented, at.Uncounted)
	}
}

// TestCountWithStandIns: a counting stand-in is among the voters present;
// one who does not count is not.
func TestCountWithStandIns(t *testing.T) {
	rx := loadFiles(t, standInRepo(t))
	for _, tc := range []struct {
		network, meeting string
		base             int
		carried          bool
	}{
		{"q-stand", "2026-10-16", 2, false}, // b1 and a1's stand-in present: 1 of 2 is no majority
		{"q-stand", "2026-10-15", 1, true},  // b1's stand-in does not count: 1 of 1
	} {
		nx, m := lookup(t, rx, tc.network, tc.meeting)
		got := nx.Count(m, &m.Decisions[0])
		if got.Base != tc.base || got.Carried != tc.carried {
			t.Errorf("%s/%s: base %d, carried %v; want %d, %v (%s)", tc.network, tc.meeting, got.Base, got.Carried, tc.base, tc.carried, got.Rule)
		}
	}
}
