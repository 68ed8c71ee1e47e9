package terms_test

import (
	"strings"
	"testing"
)

// TestVotesExercisedBy: the voting in words says who exercises a seat's
// votes in the terms' own words where votes_exercised_by gives them, and
// names the seat's title where it does not.
func TestVotesExercisedBy(t *testing.T) {
	rx := loadFiles(t, map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: A}\n  - {id: b, name: B}\n  - {id: s, name: S}\n",
		"x/network.yaml": `id: x
name: X Network
seats:
  - {organisations: [a, b], title: Appointed Partner, votes: 1}
  - organisations: [s]
    per_organisation: {min: 1}
    title: Senior Leadership Team
    votes: 1
    votes_exercised_by: the Managing Director or authorised representative
voting: {basis: organisation, method: consensus}
meetings:
  ordinary: {every: P1M}
`,
		"x/members.yaml":             "members:\n  - {id: pa, name: P A, organisation: a, seat: Appointed Partner}\n  - {id: pb, name: P B, organisation: b, seat: Appointed Partner}\n  - {id: md, name: M D, organisation: s, seat: Senior Leadership Team}\n",
		"x/meetings/2026-11-10.yaml": "kind: ordinary\nstatus: planned\n",
	})
	nx, _ := lookup(t, rx, "x", "2026-11-10")
	w := nx.VotingWords()
	for _, want := range []string{
		"A and B (1 vote each, exercised by the Appointed Partner)",
		"S (1 vote, exercised by the Managing Director or authorised representative)",
	} {
		if !strings.Contains(w, want) {
			t.Errorf("VotingWords = %q, lacks %q", w, want)
		}
	}
	if strings.Contains(w, "exercised by the Senior Leadership Team") {
		t.Errorf("VotingWords = %q: names the seat where the terms name who votes", w)
	}
}
