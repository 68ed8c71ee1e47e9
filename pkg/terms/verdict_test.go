package terms_test

import (
	"maps"
	"testing"

	"github.com/govctl/govctl/pkg/calendar"
)

// TestVerdictJudgesByTheVersionInForce: each meeting's papers are judged by
// the notice of its own version (two business days before the amendment,
// five after), its quorum likewise, and a meeting with no attendance is
// not judged on its quorum.
func TestVerdictJudgesByTheVersionInForce(t *testing.T) {
	files := maps.Clone(versionsRepo)
	files["x/meetings/2026-11-10.yaml"] = "kind: ordinary\nstatus: held\npapers_sent: 2026-11-06\nattendance: {present: [pb, sa], substitutes: {sa: pa}}\n"
	files["x/meetings/2026-12-08.yaml"] = "kind: ordinary\nstatus: held\npapers_sent: 2026-12-04\nattendance: {present: [pb, sa], substitutes: {sa: pa}}\n" +
		"decisions:\n  - {id: d1, text: Go, outcome: agreed, votes: {for: [a], against: [b, c]}}\n  - {id: d2, text: Note, outcome: agreed}\n"
	files["x/meetings/2026-12-15.yaml"] = "kind: ordinary\nstatus: held\n"
	rx := loadFiles(t, files)
	cal, err := calendar.New(calendar.EnglandAndWales, nil)
	if err != nil {
		t.Fatal(err)
	}

	nx, nov := lookup(t, rx, "x", "2026-11-10")
	v := nx.Verdict(cal, nov)
	if !v.QuorumJudged || !v.Quorum.Quorate || !v.Papers.HasDeadline || v.Papers.Late || v.Papers.Deadline.String() != "2026-11-06" {
		t.Errorf("10 November (old terms): %+v", v)
	}

	_, dec := lookup(t, rx, "x", "2026-12-08")
	v = nx.Verdict(cal, dec)
	if v.Quorum.Quorate || !v.Papers.Late || v.Papers.Deadline.String() != "2026-12-01" {
		t.Errorf("8 December (new terms): %+v", v)
	}
	if len(v.Decisions) != 2 {
		t.Fatalf("decisions: %+v", v.Decisions)
	}
	if d := v.Decisions[0]; !d.Tally.Recorded || d.Carried || d.Casting || !d.Contradicts {
		t.Errorf("d1, 1 for and 2 against, recorded as agreed: %+v", d)
	}
	if d := v.Decisions[1]; d.Tally.Recorded || d.Contradicts {
		t.Errorf("d2, no votes: %+v", d)
	}

	_, none := lookup(t, rx, "x", "2026-12-15")
	if v := nx.Verdict(cal, none); v.QuorumJudged || v.Papers.Sent.Set() || !v.Papers.HasDeadline || v.Papers.Late {
		t.Errorf("15 December, no attendance nor papers: %+v", v)
	}
}
