package semdiff_test

import (
	"encoding/json"
	"maps"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/semdiff"
	"github.com/govctl/govctl/pkg/terms"
)

// board is a body with two held meetings: on 13 October all three members
// came; on 10 November two, with papers sent on the deadline (five business
// days) and a decision carried by one vote to none, one abstaining.
var board = map[string]string{
	"organisations.yaml": "organisations:\n  - {id: a, name: Alpha Council}\n  - {id: b, name: Beta Council}\n  - {id: c, name: Gamma Council}\n",
	"board/network.yaml": boardTerms,
	"board/members.yaml": `members:
  - {id: ann, name: Ann Archer, organisation: a, seat: Member}
  - {id: bob, name: Bob Baker, organisation: b, seat: Member}
  - {id: cy, name: Cy Clark, organisation: c, seat: Member}
`,
	"board/meetings/2026-10-13.yaml": "date: 2026-10-13\nkind: ordinary\nstatus: held\nattendance: {present: [ann, bob, cy]}\n",
	"board/meetings/2026-11-10.yaml": `date: 2026-11-10
kind: ordinary
status: held
papers_sent: 2026-11-03
attendance: {present: [ann, bob]}
agenda:
  - {title: Budget, kind: decision}
decisions:
  - id: D-1
    item: Budget
    text: Approve the budget
    outcome: agreed
    votes: {for: [a], abstain: [b]}
`,
	"board/meetings/2026-12-08.yaml": "date: 2026-12-08\nkind: ordinary\nstatus: planned\n",
}

const boardTerms = `id: board
name: Board
seats:
  - {organisations: [a, b, c], title: Member, votes: 1}
quorum: {members: 2}
voting: {method: majority, base: cast}
meetings:
  ordinary:
    every: P1M
    notice: {business_days: 5}
`

// amended is boardTerms with a quorum of three, a majority of those present
// and seven business days' notice: each turns the meeting of 10 November.
var amended = strings.NewReplacer("members: 2", "members: 3", "base: cast", "base: present", "business_days: 5", "business_days: 7").Replace(boardTerms)

// with is files with some replaced (an empty text removes the file).
func with(files map[string]string, changes ...string) map[string]string {
	out := maps.Clone(files)
	for i := 0; i+1 < len(changes); i += 2 {
		if changes[i+1] == "" {
			delete(out, changes[i])
		} else {
			out[changes[i]] = changes[i+1]
		}
	}
	return out
}

func side(t *testing.T, files map[string]string) semdiff.Side {
	t.Helper()
	cal, err := calendar.New(calendar.EnglandAndWales, nil)
	if err != nil {
		t.Fatal(err)
	}
	return semdiff.Side{Index: terms.NewRepo(repo(t, files)), Calendar: cal}
}

func verdicts(t *testing.T, before, after map[string]string) []semdiff.VerdictChange {
	t.Helper()
	return semdiff.Verdicts(side(t, before), side(t, after))
}

func diffs(v semdiff.VerdictChange) map[string][2]string {
	out := map[string][2]string{}
	for _, c := range v.Changes {
		out[c.What] = [2]string{c.Before, c.After}
	}
	return out
}

// A properly filed amendment: the terms in force kept under terms/ (what
// `govctl terms amend` writes), network.yaml effective from a later day and
// then edited. No held meeting changes its verdict.
func TestVerdictsAmendmentFiledChangesNothing(t *testing.T) {
	after := with(board,
		"board/terms/2026-01-01.yaml", boardTerms,
		"board/network.yaml", strings.Replace(amended, "name: Board\n", "name: Board\neffective: 2027-01-01\n", 1))
	if got := verdicts(t, board, after); len(got) != 0 {
		t.Errorf("a filed amendment changes verdicts: %+v", got)
	}
	// The changes themselves are listed.
	var texts []string
	for _, c := range semdiff.Compare(repo(t, board), repo(t, after)) {
		texts = append(texts, c.Text)
	}
	all := strings.Join(texts, "\n")
	for _, w := range []string{"network.yaml's terms take effect on 2027-01-01", "version of the terms kept: terms/2026-01-01.yaml, in force from 2026-01-01", "quorum: from"} {
		if !strings.Contains(all, w) {
			t.Errorf("Compare does not say %q:\n%s", w, all)
		}
	}
}

// network.yaml edited in place, with held meetings under it: the meeting
// of 10 November changes on each count, retrospectively; the one of 13
// October (three present, no decision, no papers recorded) does not.
func TestVerdictsInPlaceEdit(t *testing.T) {
	got := verdicts(t, board, with(board, "board/network.yaml", amended))
	if len(got) != 1 {
		t.Fatalf("got %d meetings, want 1: %+v", len(got), got)
	}
	v := got[0]
	if v.Network != "board" || v.Meeting != "2026-11-10" || v.Date != "2026-11-10" || v.Kind != "ordinary" {
		t.Errorf("meeting = %+v", v)
	}
	if !v.Retrospective || strings.Join(v.Causes, ",") != "terms" {
		t.Errorf("retrospective %v, causes %v; want true, [terms]", v.Retrospective, v.Causes)
	}
	if !strings.Contains(v.Why, "network.yaml was changed in place and has no effective date") {
		t.Errorf("why = %q", v.Why)
	}
	d := diffs(v)
	want := map[string][2]string{
		"quorum":       {"quorate (2 present, at least 2 needed)", "not quorate (2 present, at least 3 needed)"},
		"decision D-1": {"carried (1 vote for, 0 votes against, 1 abstention; majority: more than half of 1 votes cast)", "not carried (1 vote for, 0 votes against, 1 abstention; majority: more than half of 2 voters present), contrary to the recorded outcome (agreed)"},
		"papers":       {"on time (sent Tuesday 3 November 2026, by the deadline of Tuesday 3 November 2026)", "late (sent Tuesday 3 November 2026, after the deadline of Friday 30 October 2026)"},
	}
	if len(d) != len(want) {
		t.Errorf("changes = %v", d)
	}
	for k, w := range want {
		if d[k] != w {
			t.Errorf("%s: got %q\nwant %q", k, d[k], w)
		}
	}
}

// A change only of wording, or one no held meeting turns on, lists nothing.
func TestVerdictsUnchanged(t *testing.T) {
	renamed := strings.Replace(boardTerms, "name: Board", "name: The Board", 1)
	planned := with(board, "board/meetings/2026-11-10.yaml", strings.Replace(board["board/meetings/2026-11-10.yaml"], "status: held", "status: planned", 1))
	for _, tc := range []struct {
		name          string
		before, after map[string]string
	}{
		{"same", board, board},
		{"name", board, with(board, "board/network.yaml", renamed)},
		{"notice shorter", board, with(board, "board/network.yaml", strings.Replace(boardTerms, "business_days: 5", "business_days: 2", 1))},
		// Only the record changed (a third member's attendance added):
		// Compare's to describe, not a change of the terms.
		{"record", board, with(board, "board/network.yaml", renamed,
			"board/meetings/2026-11-10.yaml", strings.Replace(board["board/meetings/2026-11-10.yaml"], "[ann, bob]", "[ann, bob, cy]", 1))},
		// A planned meeting has no verdict.
		{"planned", planned, with(planned, "board/network.yaml", amended)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := verdicts(t, tc.before, tc.after); len(got) != 0 {
				t.Errorf("got %+v; want none", got)
			}
		})
	}
}

// A new version effective in the past, between two held meetings: the
// later one changes, and is retrospective; the earlier stays judged by the
// terms kept.
func TestVerdictsEffectiveInThePast(t *testing.T) {
	after := with(board,
		"board/terms/2026-01-01.yaml", boardTerms,
		"board/network.yaml", strings.Replace(amended, "name: Board\n", "name: Board\neffective: 2026-11-01\n", 1),
		"board/meetings/2026-10-13.yaml", "date: 2026-10-13\nkind: ordinary\nstatus: held\nattendance: {present: [ann, bob]}\n")
	before := with(board, "board/meetings/2026-10-13.yaml", after["board/meetings/2026-10-13.yaml"])
	got := verdicts(t, before, after)
	if len(got) != 1 || got[0].Meeting != "2026-11-10" {
		t.Fatalf("got %+v; want the meeting of 10 November alone", got)
	}
	if v := got[0]; !v.Retrospective || !strings.Contains(v.Why, "take effect on Sunday 1 November 2026, on or before this meeting") {
		t.Errorf("retrospective %v, why %q", v.Retrospective, v.Why)
	}
}

// network.yaml stamped with a later effective date but no earlier version
// kept: the new terms still judge the meetings before it, and diff says so.
func TestVerdictsEffectiveLaterNothingKept(t *testing.T) {
	got := verdicts(t, board, with(board, "board/network.yaml", strings.Replace(amended, "name: Board\n", "name: Board\neffective: 2027-01-01\n", 1)))
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(got[0].Why, "take effect on Friday 1 January 2027, after this meeting, but no earlier version is kept under terms/") {
		t.Errorf("why = %q", got[0].Why)
	}
	md := string(semdiff.VerdictsMarkdown(got))
	if !strings.Contains(md, "`govctl terms amend board --effective 2027-01-01 --since SINCE`") {
		t.Errorf("no amend hint:\n%s", md)
	}
}

// An earlier version edited: the meeting it judges changes.
func TestVerdictsEarlierVersionEdited(t *testing.T) {
	filed := with(board,
		"board/terms/2026-01-01.yaml", boardTerms,
		"board/network.yaml", strings.Replace(boardTerms, "name: Board\n", "name: Board\neffective: 2027-01-01\n", 1))
	got := verdicts(t, filed, with(filed, "board/terms/2026-01-01.yaml", strings.Replace(boardTerms, "members: 2", "members: 3", 1)))
	if len(got) != 1 || diffs(got[0])["quorum"][1] != "not quorate (2 present, at least 3 needed)" {
		t.Fatalf("got %+v", got)
	}
	if !strings.Contains(got[0].Why, "terms/2026-01-01.yaml, the version of the terms in force on the day, was edited") {
		t.Errorf("why = %q", got[0].Why)
	}
	if md := string(semdiff.VerdictsMarkdown(got)); strings.Contains(md, "govctl terms amend") {
		t.Errorf("an edit of an earlier version is not one amend would have kept:\n%s", md)
	}
	var texts []string
	for _, c := range semdiff.Compare(repo(t, filed), repo(t, with(filed, "board/terms/2026-01-01.yaml", strings.Replace(boardTerms, "members: 2", "members: 3", 1)))) {
		texts = append(texts, c.Area+"|"+c.Text)
	}
	if want := `quorum|terms/2026-01-01.yaml: quorum: from "At least 2 members present; substitutes count (the terms do not say; govctl counts them)." to "At least 3 members present; substitutes count (the terms do not say; govctl counts them)."`; strings.Join(texts, "\n") != want {
		t.Errorf("Compare = %q; want %q", texts, want)
	}
}

// A member's first day moved later: the meeting of 10 November loses its
// quorum (Ann was not yet a member); 13 October keeps its own (Bob and Cy).
func TestVerdictsMembership(t *testing.T) {
	after := with(board, "board/members.yaml", strings.Replace(board["board/members.yaml"], "seat: Member}", "seat: Member, from: 2026-11-15}", 1))
	got := verdicts(t, board, after)
	if len(got) != 1 || got[0].Meeting != "2026-11-10" {
		t.Fatalf("got %+v", got)
	}
	v := got[0]
	if d := diffs(v)["quorum"]; d != [2]string{"quorate (2 present, at least 2 needed)", "not quorate (1 present, at least 2 needed)"} {
		t.Errorf("quorum = %q", d)
	}
	if !v.Retrospective || strings.Join(v.Causes, ",") != "membership" || v.Why != "members.yaml was changed for Ann Archer, and with it the membership as it stood on Tuesday 10 November 2026" {
		t.Errorf("retrospective %v, causes %v, why %q", v.Retrospective, v.Causes, v.Why)
	}
	var found bool
	for _, c := range semdiff.Compare(repo(t, board), repo(t, after)) {
		found = found || c.Area == "members" && c.Text == "Ann Archer's first day: from none to 2026-11-15"
	}
	if !found {
		t.Error("Compare does not say Ann's first day moved")
	}
}

// Terms and membership changed together: both are named, also where only
// the two together turn a verdict (13 October: three present of a quorum
// of three, or two of two, but two of three).
func TestVerdictsBothCauses(t *testing.T) {
	after := with(board,
		"board/network.yaml", strings.Replace(boardTerms, "members: 2", "members: 3", 1),
		"board/members.yaml", strings.Replace(board["board/members.yaml"], "seat: Member}", "seat: Member, from: 2026-11-15}", 1))
	got := verdicts(t, board, after)
	if len(got) != 2 || got[0].Meeting != "2026-10-13" || got[1].Meeting != "2026-11-10" {
		t.Fatalf("got %+v", got)
	}
	for i, want := range []string{"not quorate (2 present, at least 3 needed)", "not quorate (1 present, at least 3 needed)"} {
		if c := strings.Join(got[i].Causes, ","); c != "terms,membership" {
			t.Errorf("%s: causes %s", got[i].Meeting, c)
		}
		if d := diffs(got[i])["quorum"][1]; d != want {
			t.Errorf("%s: after = %q; want %q", got[i].Meeting, d, want)
		}
	}
	// The quorum alone changes 10 November (two present of three) but not
	// 13 October: the causes are told apart.
	alone := verdicts(t, board, with(board, "board/network.yaml", strings.Replace(boardTerms, "members: 2", "members: 3", 1)))
	if len(alone) != 1 || alone[0].Meeting != "2026-11-10" || strings.Join(alone[0].Causes, ",") != "terms" {
		t.Errorf("quorum alone: %+v", alone)
	}
}

// A tie settled by the chair's casting vote stands while the terms give
// one; without it, the decision recorded as agreed is not carried.
func TestVerdictsCastingVote(t *testing.T) {
	terms := strings.Replace(boardTerms, "seats:", "offices:\n  chair: {appointment: elected, casting_vote: true}\nseats:", 1)
	meeting := strings.Replace(board["board/meetings/2026-11-10.yaml"], "votes: {for: [a], abstain: [b]}", "votes: {for: [a], against: [b]}\n    casting_vote: true", 1)
	before := with(board, "board/network.yaml", terms, "board/meetings/2026-11-10.yaml", meeting)
	after := with(before, "board/network.yaml", strings.Replace(terms, "casting_vote: true", "casting_vote: false", 1))
	got := verdicts(t, before, after)
	if len(got) != 1 {
		t.Fatalf("got %+v", got)
	}
	want := [2]string{"tied (1 vote for, 1 vote against), settled by the chair's casting vote", "not carried (1 vote for, 1 vote against; majority: more than half of 2 votes cast), contrary to the recorded outcome (agreed)"}
	if d := diffs(got[0])["decision D-1"]; d != want {
		t.Errorf("decision = %q\nwant %q", d, want)
	}
}

func TestVerdictsMarkdown(t *testing.T) {
	if got := semdiff.VerdictsMarkdown(nil); got != nil {
		t.Errorf("VerdictsMarkdown(nil) = %q", got)
	}
	got := string(semdiff.VerdictsMarkdown(verdicts(t, board, with(board, "board/network.yaml", amended))))
	for _, w := range []string{
		"\n## Meetings whose verdict changes\n",
		"\n### board\n\n- **Tuesday 10 November 2026** (ordinary, `meetings/2026-11-10.yaml`):\n",
		"\n  - quorum: quorate (2 present, at least 2 needed) → not quorate (2 present, at least 3 needed)\n",
		"\n  - decision D-1, “Approve the budget”: carried (",
		"\n  - **Retrospective:** network.yaml was changed in place and has no effective date, so its terms judge every meeting, this one too.\n",
		"`govctl terms amend board --effective DATE --since SINCE`",
	} {
		if !strings.Contains(got, w) {
			t.Errorf("markdown lacks %q:\n%s", w, got)
		}
	}
}

// What a person typed (a decision's id, a kind of meeting) cannot break the
// markdown it is put in.
func TestVerdictsMarkdownEscapes(t *testing.T) {
	got := string(semdiff.VerdictsMarkdown([]semdiff.VerdictChange{{
		Network: "board", Meeting: "2026-11-10", Date: "2026-11-10", Kind: "<b>x</b>",
		Changes:       []semdiff.VerdictDiff{{What: "decision *D*", Subject: "`rm -rf`", Before: "carried", After: "not carried"}},
		Retrospective: true, Why: "[link](http://x)",
	}}))
	for _, bad := range []string{"<b>", "*D*", "[link]", "“`rm"} {
		if strings.Contains(got, bad) {
			t.Errorf("markdown not escaped (%q):\n%s", bad, got)
		}
	}
}

func TestVerdictsJSON(t *testing.T) {
	got := verdicts(t, board, with(board, "board/network.yaml", amended))
	b, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	var back []map[string]any
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if len(back) != 1 || back[0]["retrospective"] != true || back[0]["meeting"] != "2026-11-10" || back[0]["why"] == "" {
		t.Errorf("json = %s", b)
	}
	if _, leaked := back[0]["day"]; leaked {
		t.Errorf("json has unexported fields: %s", b)
	}
}

// govctl.yaml's calendar, which every papers deadline counts by.
func TestCompareCalendar(t *testing.T) {
	b := with(board, "govctl.yaml", "closures:\n  - {date: 2026-12-29, name: Christmas closure}\n")
	a := with(board, "govctl.yaml", "holidays: scotland\nclosures:\n  - {date: 2026-11-12, name: Office move}\n")
	var got []string
	for _, c := range semdiff.Compare(repo(t, b), repo(t, a)) {
		got = append(got, c.Network+"|"+c.Area+"|"+c.Text)
	}
	want := []string{
		"|calendar|bank holidays: from england-and-wales to scotland",
		"|calendar|closure added: 2026-11-12 (Office move)",
		"|calendar|closure removed: 2026-12-29 (Christmas closure)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Compare =\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A member withdrew for the item: the decision has a quorum of its own,
// and a change to the quorum that leaves the meeting quorate turns it.
func TestVerdictsDecisionQuorumAfterWithdrawal(t *testing.T) {
	withdrawn := with(board, "board/meetings/2026-10-13.yaml", `date: 2026-10-13
kind: ordinary
status: held
attendance: {present: [ann, bob, cy]}
agenda:
  - {title: Contract, kind: decision}
declarations:
  - {member: cy, item: Contract, interest: Brother works for a bidder, withdrew: true}
decisions:
  - {id: D-0, item: Contract, text: Award the contract, outcome: agreed, votes: {for: [a, b]}}
`)
	got := verdicts(t, withdrawn, with(withdrawn, "board/network.yaml", strings.Replace(boardTerms, "members: 2", "members: 3", 1)))
	var v *semdiff.VerdictChange
	for i := range got {
		if got[i].Meeting == "2026-10-13" {
			v = &got[i]
		}
	}
	if v == nil {
		t.Fatalf("the meeting of 13 October is not listed: %+v", got)
	}
	want := map[string][2]string{
		"quorum for decision D-0": {"quorate once members withdrew (2 present, at least 2 needed)", "not quorate once members withdrew (2 present, at least 3 needed)"},
	}
	if d := diffs(*v); len(d) != 1 || d["quorum for decision D-0"] != want["quorum for decision D-0"] {
		t.Errorf("changes = %q, want %q", d, want)
	}
}
