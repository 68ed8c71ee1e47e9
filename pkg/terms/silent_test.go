package terms_test

import (
	"strings"
	"testing"
)

// silentRepo is a body whose terms say nothing about voting, and whose
// quorum does not say whether substitutes count.
var silentRepo = map[string]string{
	"organisations.yaml": "organisations:\n  - {id: a, name: A}\n  - {id: b, name: B}\n",
	"x/network.yaml": `id: x
name: X Network
seats:
  - {organisations: [a, b], title: Lead}
quorum: {members: 2}
meetings:
  ordinary: {every: P1M}
`,
	"x/members.yaml": "members:\n  - {id: la, name: L A, organisation: a, seat: Lead}\n  - {id: lb, name: L B, organisation: b, seat: Lead}\n",
	"x/meetings/2026-11-10.yaml": `kind: ordinary
status: held
attendance: {present: [la, lb]}
decisions:
  - id: D-1
    text: Adopt the plan
    outcome: agreed
    votes: {for: [a], against: [b]}
`,
}

// TestSilentTermsInventNothing: no count is made under terms that say
// nothing about voting, the voting is not put into words, and a default the
// quorum takes is said to be one.
func TestSilentTermsInventNothing(t *testing.T) {
	rx := loadFiles(t, silentRepo)
	nx, m := lookup(t, rx, "x", "2026-11-10")
	tally := nx.Count(m, &m.Decisions[0])
	if !tally.Recorded || !tally.Silent || tally.Carried || tally.Rule != "" || tally.Method != "" {
		t.Errorf("Count under silent terms = %+v, want the votes as recorded and nothing counted", tally)
	}
	if tally.For != 1 || tally.Against != 1 {
		t.Errorf("the names recorded: %d for, %d against", tally.For, tally.Against)
	}
	if w := nx.VotingWords(); w != "" {
		t.Errorf("VotingWords = %q, want nothing", w)
	}
	if w := nx.QuorumWords(); !strings.Contains(w, "substitutes count (the terms do not say; govctl counts them)") {
		t.Errorf("QuorumWords = %q: the default is not said to be one", w)
	}
}

// TestVotingDefaultsSaidToBeDefaults: terms that give voting but no method
// and seats with no number of votes are shown as govctl's defaults.
func TestVotingDefaultsSaidToBeDefaults(t *testing.T) {
	files := map[string]string{}
	for k, v := range silentRepo {
		files[k] = v
	}
	files["x/network.yaml"] += "voting: {base: cast}\n"
	rx := loadFiles(t, files)
	nx, m := lookup(t, rx, "x", "2026-11-10")
	w := nx.VotingWords()
	for _, want := range []string{"(the terms name none; govctl takes a simple majority)", "the terms do not say who holds the votes", "a number the terms do not give"} {
		if !strings.Contains(w, want) {
			t.Errorf("VotingWords = %q, lacks %q", w, want)
		}
	}
	if tally := nx.Count(m, &m.Decisions[0]); tally.Silent || tally.Carried {
		t.Errorf("Count = %+v: 1 for and 1 against is counted, and not carried", tally)
	}
}
