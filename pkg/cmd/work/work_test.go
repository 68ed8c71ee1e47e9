package work

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/yamlfmt"
)

func TestNewCmdAddFlags(t *testing.T) {
	for _, tt := range []struct {
		args              []string
		want              AddOptions
		flagErr, otherErr string
	}{
		{args: []string{"board", "--title", " Pay review "}, want: AddOptions{Network: "board", Title: "Pay review", Status: "not-started", Dir: "networks"}},
		{args: []string{"board", "--title", "Pay", "--id", "wp-pay", "--lead", "ann", "--due", "2027-03-31", "--status", "on-track"},
			want: AddOptions{Network: "board", Title: "Pay", ID: "wp-pay", Lead: "ann", Due: "2027-03-31", Status: "on-track", Dir: "networks"}},
		{args: []string{"board"}, flagErr: "--title is required"},
		{args: []string{"board", "--title", "Pay", "--id", "wp pay"}, flagErr: `--id "wp pay" is not an id`},
		{args: []string{"board", "--title", "Pay", "--id", "-wp"}, flagErr: "is not an id"},
		{args: []string{"board", "--title", "Pay", "--id", "wp-"}, flagErr: "is not an id"},
		{args: []string{"board", "--title", "Pay", "--status", "done"}, flagErr: `--status "done": want one of not-started, on-track, at-risk, off-track, complete`},
		{args: []string{"board", "--title", "Pay", "--due", "2027-02-29"}, flagErr: "--due"},
		{args: []string{"--title", "Pay"}, flagErr: "accepts 1 arg"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdAdd, tt.args...)
			if cmdtest.WantErr(t, err, tt.flagErr, tt.otherErr) {
				return
			}
			if got.Network != tt.want.Network || got.Title != tt.want.Title || got.ID != tt.want.ID || got.Lead != tt.want.Lead || got.Due != tt.want.Due || got.Status != tt.want.Status || got.Dir != tt.want.Dir {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestNewCmdUpdateFlags(t *testing.T) {
	for _, tt := range []struct {
		args              []string
		want              UpdateOptions
		flagErr, otherErr string
	}{
		{args: []string{"board", "wp-pay", "--note", "Begun"}, want: UpdateOptions{Network: "board", Item: "wp-pay", Note: "Begun", Dir: "networks"}},
		{args: []string{"board", "wp-pay", "--status", "at-risk", "--due", "2027-06-30", "--lead", "a", "--note", "Late", "--date", "2026-12-01",
			"--milestone-done", "Audit", "--milestone", "Draft", "--milestone-due", "2027-01-31"},
			want: UpdateOptions{Network: "board", Item: "wp-pay", Status: "at-risk", Due: "2027-06-30", Lead: "a", Note: "Late", Date: "2026-12-01", MilestoneDone: "Audit", Milestone: "Draft", MilestoneDue: "2027-01-31", Dir: "networks"}},
		{args: []string{"board", "wp-pay"}, flagErr: "nothing to update"},
		{args: []string{"board", "wp-pay", "--note", "  "}, flagErr: "nothing to update"},
		{args: []string{"board", "wp-pay", "--status", "late"}, flagErr: `--status "late"`},
		{args: []string{"board", "wp-pay", "--status", "complete", "--date", "2026-12-01"}, flagErr: "--date dates a --note or a --milestone-done"},
		{args: []string{"board", "wp-pay", "--note", "x", "--milestone-due", "2027-01-31"}, flagErr: "--milestone-due is the due date of a new --milestone"},
		{args: []string{"board", "wp-pay", "--note", "x", "--date", "1 Dec"}, flagErr: "--date"},
		{args: []string{"board"}, flagErr: "accepts 2 arg"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdUpdate, tt.args...)
			if cmdtest.WantErr(t, err, tt.flagErr, tt.otherErr) {
				return
			}
			w := tt.want
			if got.Network != w.Network || got.Item != w.Item || got.Status != w.Status || got.Due != w.Due || got.Lead != w.Lead || got.Note != w.Note ||
				got.Date != w.Date || got.MilestoneDone != w.MilestoneDone || got.Milestone != w.Milestone || got.MilestoneDue != w.MilestoneDue || got.Dir != w.Dir {
				t.Errorf("got %+v, want %+v", *got, w)
			}
		})
	}
}

func TestDeriveID(t *testing.T) {
	for title, want := range map[string]string{
		"Standardise occupational classifications":                                    "wp-standardise-occupational-classifications",
		"Pay & reward: London's 2027/28 review":                                       "wp-pay-and-reward-londons-2027-28-review",
		"Réseau café — données":                                                       "wp-reseau-cafe-donnees",
		"A very long title that goes on well beyond forty characters of words indeed": "wp-a-very-long-title-that-goes-on-well",
		"Supercalifragilisticexpialidocious-and-then-some-more-letters-here":          "wp-supercalifragilisticexpialidocious-and",
		"!!!":    "wp-item",
		"日本語の計画": "wp-item",
	} {
		got := DeriveID(title)
		if got != want {
			t.Errorf("DeriveID(%q) = %q, want %q", title, got, want)
		}
		if !layout.IsID(got) {
			t.Errorf("DeriveID(%q) = %q is not an id", title, got)
		}
	}
}

func add(t *testing.T, o AddOptions) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	o.IO, o.Now, o.Network = ios, cmdtest.Clock("2026-12-04"), "board"
	if o.Status == "" {
		o.Status = "not-started"
	}
	err := addRun(&o)
	return out.String(), errOut.String(), err
}

func update(t *testing.T, o UpdateOptions) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	o.IO, o.Now, o.Network = ios, cmdtest.Clock("2026-12-04"), "board"
	err := updateRun(&o)
	return out.String(), errOut.String(), err
}

// inFmtLayout is the file at path; the test fails unless fmt leaves it as
// it is.
func inFmtLayout(t *testing.T, path string) string {
	t.Helper()
	text := cmdtest.ReadFile(t, path)
	if f, err := yamlfmt.Format([]byte(text), layout.WorkProgramme.Type()); err != nil || string(f) != text {
		t.Errorf("%s is not in fmt's layout (%v):\n%s", path, err, text)
	}
	return text
}

func TestAddAndUpdate(t *testing.T) {
	dir := cmdtest.Board(t)
	path := filepath.Join(dir, "board", "work-programme.yaml")
	out, errOut, err := add(t, AddOptions{Dir: dir, Title: "Pay review", Lead: "a", Due: "2027-03-31"})
	if err != nil {
		t.Fatal(err)
	}
	if out != filepath.ToSlash(path)+"\nadded wp-pay-review: Pay review\n" {
		t.Errorf("stdout %q", out)
	}
	if errOut != "record its progress with: govctl work update board wp-pay-review --note TEXT (and --status, --milestone-done TITLE)\n" {
		t.Errorf("stderr %q", errOut)
	}
	want := "items:\n  - id: wp-pay-review\n    title: Pay review\n    lead: a\n    status: not-started\n    due: 2027-03-31\n"
	if got := inFmtLayout(t, path); got != want {
		t.Errorf("the work programme:\n%s\nwant:\n%s", got, want)
	}

	// The same title again gets an id of its own; a person's comment stays.
	if err := os.WriteFile(path, []byte("# Agreed in April.\n"+want), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _, err = add(t, AddOptions{Dir: dir, Title: "Pay review", Status: "on-track"}); err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(out, "added wp-pay-review-2: Pay review\n") {
		t.Errorf("stdout %q", out)
	}
	// A given id already there is refused.
	_, _, err = add(t, AddOptions{Dir: dir, Title: "Other", ID: "wp-pay-review"})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Code != cmdutil.ExitFindings || ue.Error() != "the work programme of board already has an item wp-pay-review" ||
		ue.Hint != "choose another --id, or record progress on it: govctl work update board wp-pay-review --note TEXT" {
		t.Errorf("err = %v (%+v)", err, ue)
	}

	// Progress: a note, a status, a milestone added, then done.
	if _, _, err := update(t, UpdateOptions{Dir: dir, Item: "wp-pay-review", Note: "Benchmarking: 3 boroughs", Status: "at-risk", Milestone: "Benchmark", MilestoneDue: "2027-01-31"}); err != nil {
		t.Fatal(err)
	}
	out, errOut, err = update(t, UpdateOptions{Dir: dir, Item: "wp-pay-review", MilestoneDone: "  benchmark ", Date: "2026-12-03", Status: "complete"})
	if err != nil {
		t.Fatal(err)
	}
	if out != filepath.ToSlash(path)+"\nwp-pay-review: milestone \"Benchmark\" done on 2026-12-03; status: complete\n" {
		t.Errorf("stdout %q", out)
	}
	if !strings.HasPrefix(errOut, "run govctl generate to update the pages") {
		t.Errorf("stderr %q", errOut)
	}
	want = `# Agreed in April.
items:
  - id: wp-pay-review
    title: Pay review
    lead: a
    status: complete
    due: 2027-03-31
    milestones:
      - title: Benchmark
        due: 2027-01-31
        done: 2026-12-03
    updates:
      - date: 2026-12-04
        text: 'Benchmarking: 3 boroughs'
  - id: wp-pay-review-2
    title: Pay review
    status: on-track
`
	if got := inFmtLayout(t, path); got != want {
		t.Errorf("the work programme:\n%s\nwant:\n%s", got, want)
	}

	// Done already; a milestone not there; complete with one not done.
	_, _, err = update(t, UpdateOptions{Dir: dir, Item: "wp-pay-review", MilestoneDone: "Benchmark"})
	if !errors.As(err, &ue) || ue.Code != cmdutil.ExitFindings || !strings.Contains(ue.Error(), `the milestone "Benchmark" of wp-pay-review was already done on 2026-12-03`) {
		t.Errorf("err = %v", err)
	}
	_, _, err = update(t, UpdateOptions{Dir: dir, Item: "wp-pay-review", MilestoneDone: "Report"})
	if !errors.As(err, &ue) || ue.Error() != `work item wp-pay-review has no milestone "Report"` || ue.Hint != `its milestones: "Benchmark"` {
		t.Errorf("err = %v (%+v)", err, ue)
	}
	if _, _, err := update(t, UpdateOptions{Dir: dir, Item: "wp-pay-review-2", Milestone: "Report"}); err != nil {
		t.Fatal(err)
	}
	_, errOut, err = update(t, UpdateOptions{Dir: dir, Item: "wp-pay-review-2", Status: "complete"})
	if err != nil || !strings.Contains(errOut, `warning: wp-pay-review-2 is complete but its milestone(s) "Report" are not marked done`) {
		t.Errorf("err %v, stderr %q", err, errOut)
	}
}

func TestUpdateRefusals(t *testing.T) {
	dir := cmdtest.Board(t)
	_, _, err := update(t, UpdateOptions{Dir: dir, Item: "wp-pay", Note: "x"})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Error() != "board has no work programme (work-programme.yaml)" || ue.Hint != "add its first item with: govctl work add board --title TEXT" {
		t.Errorf("err = %v (%+v)", err, ue)
	}
	if _, _, err := add(t, AddOptions{Dir: dir, Title: "Pay"}); err != nil {
		t.Fatal(err)
	}
	_, _, err = update(t, UpdateOptions{Dir: dir, Item: "wp-pya", Note: "x"})
	if !errors.As(err, &ue) || ue.Error() != "the work programme of board has no item wp-pya" || ue.Hint != "did you mean wp-pay? its items: wp-pay" {
		t.Errorf("err = %v (%+v)", err, ue)
	}
	for _, lead := range []string{"anne", "nobody-at-all"} {
		before := cmdtest.ReadFile(t, filepath.Join(dir, "board", "work-programme.yaml"))
		_, _, err = update(t, UpdateOptions{Dir: dir, Item: "wp-pay", Lead: lead})
		if !errors.As(err, &ue) || ue.Error() != `--lead "`+lead+`" is neither a member of board nor an organisation` {
			t.Errorf("err = %v", err)
		}
		if lead == "anne" && !strings.HasPrefix(ue.Hint, "did you mean ann?") {
			t.Errorf("hint %q", ue.Hint)
		}
		if cmdtest.ReadFile(t, filepath.Join(dir, "board", "work-programme.yaml")) != before {
			t.Errorf("the work programme changed")
		}
	}
	_, _, err = add(t, AddOptions{Dir: dir, Title: "Other", Lead: "c"})
	if !errors.As(err, &ue) || !strings.Contains(ue.Error(), `--lead "c" is neither`) {
		t.Errorf("err = %v", err)
	}
}

func TestNearestID(t *testing.T) {
	ids := []string{"wp-pay-and-grading-review", "wp-pay-and-grading-review-2", "wp-occupational-codes"}
	for id, want := range map[string]string{
		"wp-ocupational-codes":       "wp-occupational-codes",     // a slip
		"wp-occ":                     "wp-occupational-codes",     // the only one it begins
		"wp-pay":                     "",                          // begins two
		"wp-pay-and-grading-reviw":   "wp-pay-and-grading-review", // a slip
		"wp-something-else-entirely": "",
	} {
		if got := nearestID(id, ids); got != want {
			t.Errorf("nearestID(%q) = %q, want %q", id, got, want)
		}
	}
}

// TestWritesKeepWhatWasWritten: work add and update keep the work
// programme's byte-order mark, its CR LF line ends and every comment, those
// in and after flow lists included, in fmt's layout; a comment where the
// YAML parser drops it is refused, the file left as it was.
func TestWritesKeepWhatWasWritten(t *testing.T) {
	dir := cmdtest.Board(t)
	path := filepath.Join(dir, "board", "work-programme.yaml")
	text := "# Agreed in April.\nitems:\n  - id: wp-pay\n    title: Pay review\n    status: on-track\n" +
		"    milestones: [{title: Audit, # the first\n        due: 2027-01-31}] # one so far\n"
	if err := os.WriteFile(path, []byte(cmdtest.Windows(text)), 0o644); err != nil {
		t.Fatal(err)
	}
	comments := []string{"# Agreed in April.", "# the first", "# one so far"}
	if _, _, err := add(t, AddOptions{Dir: dir, Title: "Job families"}); err != nil {
		t.Fatal(err)
	}
	cmdtest.WantWindows(t, path, comments...)
	if _, _, err := update(t, UpdateOptions{Dir: dir, Item: "wp-pay", Note: "Audit begun", Status: "at-risk"}); err != nil {
		t.Fatal(err)
	}
	lf := cmdtest.WantWindows(t, path, comments...)
	for _, want := range []string{"  - id: wp-job-families\n", "    status: at-risk\n", "        text: Audit begun\n"} {
		if !strings.Contains(lf, want) {
			t.Errorf("the work programme lacks %q:\n%s", want, lf)
		}
	}
	inFmtLayout(t, path)

	text = "items:\n  - id: wp-pay\n    title: Pay review\n    status: on-track\n    milestones: [ # the first\n      {title: Audit}]\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, run := range []func() error{
		func() error { _, _, err := add(t, AddOptions{Dir: dir, Title: "Other"}); return err },
		func() error { _, _, err := update(t, UpdateOptions{Dir: dir, Item: "wp-pay", Note: "x"}); return err },
	} {
		err := run()
		var ue *cmdutil.UserError
		if !errors.As(err, &ue) || ue.Code != cmdutil.ExitFindings || !strings.Contains(err.Error(), filepath.ToSlash(path)+":5: a comment is in a place fmt cannot keep it") {
			t.Errorf("err = %v; want a refusal at line 5", err)
		}
		if got := cmdtest.ReadFile(t, path); got != text {
			t.Errorf("the work programme changed:\n%s", got)
		}
	}
}
