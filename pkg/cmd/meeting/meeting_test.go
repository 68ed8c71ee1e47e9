package meeting

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

func TestNewCmdMeetingFlags(t *testing.T) {
	for _, tt := range []struct {
		args              []string
		want              Options
		flagErr, otherErr string
	}{
		{args: []string{"cancel", "board", "2026-12-08", "--reason", "No quorum"}, want: Options{Network: "board", Date: "2026-12-08", Reason: "No quorum", Dir: "networks"}},
		{args: []string{"cancel", "board", "2026-12-08-2", "--reason", "x"}, want: Options{Network: "board", Date: "2026-12-08-2", Reason: "x", Dir: "networks"}},
		{args: []string{"cancel", "board", "2026-12-08"}, flagErr: "--reason is required"},
		{args: []string{"cancel", "board", "2026-12-08", "--reason", "  "}, flagErr: "--reason is required"},
		{args: []string{"cancel", "board", "2026-13-08", "--reason", "x"}, flagErr: "DATE"},
		{args: []string{"cancel", "board", "soon", "--reason", "x"}, flagErr: "not a meeting date"},
		{args: []string{"cancel", "board"}, flagErr: "accepts 2 arg"},
		{args: []string{"move", "board", "2026-12-08", "2026-12-15"}, want: Options{Move: true, Network: "board", Date: "2026-12-08", NewDate: "2026-12-15", Dir: "networks"}},
		{args: []string{"move", "board", "2026-12-08", "2026-02-30"}, flagErr: "NEW-DATE"},
		{args: []string{"move", "board", "2026-12-08", "2026-12-15-2"}, flagErr: "NEW-DATE"},
		{args: []string{"move", "board", "2026-12-08"}, flagErr: "accepts 3 arg"},
		{args: []string{"move", "board", "2026-12-08", "2026-12-15", "--reason", "x"}, otherErr: "unknown flag: --reason"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdMeeting, tt.args...)
			if cmdtest.WantErr(t, err, tt.flagErr, tt.otherErr) {
				return
			}
			if got.Move != tt.want.Move || got.Network != tt.want.Network || got.Date != tt.want.Date || got.NewDate != tt.want.NewDate || got.Reason != tt.want.Reason || got.Dir != tt.want.Dir {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// board is cmdtest.Board with its planned record as a person wrote it (a
// comment, a key of their own is not allowed, so a comment at the end of a
// line) and an agenda already written.
func board(t *testing.T) string {
	t.Helper()
	dir := cmdtest.Board(t)
	write(t, dir, "board/meetings/2026-12-08.yaml", "# December: the budget.\ndate: 2026-12-08\nkind: ordinary\nstatus: planned # until the chair says\n")
	write(t, dir, "board/meetings/2026-12-08.agenda.md", "stale agenda\n")
	return dir
}

func write(t *testing.T, dir, name, text string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func run(t *testing.T, opts *Options) (stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.IO, opts.Now = ios, cmdtest.Clock("2026-12-04")
	if opts.Move {
		err = moveRun(opts)
	} else {
		err = cancelRun(opts)
	}
	return out.String(), errOut.String(), err
}

// inFmtLayout fails the test unless the file at path is in fmt's layout.
func inFmtLayout(t *testing.T, path string) string {
	t.Helper()
	text := cmdtest.ReadFile(t, path)
	f, err := yamlfmt.Format([]byte(text), layout.Meeting.Type())
	if err != nil || string(f) != text {
		t.Errorf("%s is not in fmt's layout (%v):\n%s", path, err, text)
	}
	return text
}

func TestCancel(t *testing.T) {
	dir := board(t)
	out, errOut, err := run(t, &Options{Dir: dir, Network: "board", Date: "2026-12-08", Reason: "The chair is ill: no quorum"})
	if err != nil {
		t.Fatal(err)
	}
	rec := filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")
	want := "# December: the budget.\ndate: 2026-12-08\nkind: ordinary\nstatus: cancelled # until the chair says\ncancelled_reason: 'The chair is ill: no quorum'\n"
	if got := inFmtLayout(t, rec); got != want {
		t.Errorf("the record:\n%s\nwant:\n%s", got, want)
	}
	agenda := filepath.Join(dir, "board", "meetings", "2026-12-08.agenda.md")
	if got := cmdtest.ReadFile(t, agenda); !strings.Contains(got, "**This meeting is cancelled.**") || !strings.Contains(got, "Reason: The chair is ill: no quorum") {
		t.Errorf("the agenda is not rewritten as cancelled:\n%s", got)
	}
	if out != filepath.ToSlash(rec)+"\n"+filepath.ToSlash(agenda)+"\n" {
		t.Errorf("stdout %q", out)
	}
	if !strings.Contains(errOut, "tell the members, then run govctl generate") {
		t.Errorf("no next step: %q", errOut)
	}

	// Again: it is cancelled already.
	_, _, err = run(t, &Options{Dir: dir, Network: "board", Date: "2026-12-08", Reason: "x"})
	wantRefusal(t, err, "already cancelled (The chair is ill: no quorum)", "edit cancelled_reason in "+filepath.ToSlash(rec))
	// It is not moved either.
	_, _, err = run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: "2026-12-15"})
	wantRefusal(t, err, "is cancelled: it cannot be moved", "govctl agenda new board --date 2026-12-15")
}

func wantRefusal(t *testing.T, err error, msg, hint string) {
	t.Helper()
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Code != cmdutil.ExitFindings || !strings.Contains(ue.Error(), msg) || !strings.Contains(ue.Hint, hint) {
		t.Fatalf("err = %v (%+v); want exit 1, %q with the hint %q", err, ue, msg, hint)
	}
}

func TestCancelOrMoveHeld(t *testing.T) {
	dir := board(t)
	before := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"))
	_, _, err := run(t, &Options{Dir: dir, Network: "board", Date: "2026-11-17", Reason: "x"})
	wantRefusal(t, err, "the meeting of 2026-11-17 was held: it cannot be cancelled", "a held meeting has minutes")
	_, _, err = run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-11-17", NewDate: "2026-11-18"})
	wantRefusal(t, err, "was held: it cannot be moved", "if the record's date is wrong, edit ")
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml")); got != before {
		t.Errorf("the held record changed:\n%s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "board", "meetings", "2026-11-18.yaml")); err == nil {
		t.Errorf("a record was written for the new date")
	}
}

func TestUnknownMeeting(t *testing.T) {
	dir := board(t)
	write(t, dir, "board/meetings/2027-01-12.yaml", "date: 2027-01-12\nkind: ordinary\nstatus: planned\n")
	for _, opts := range []*Options{
		{Dir: dir, Network: "board", Date: "2026-12-09", Reason: "x"},
		{Move: true, Dir: dir, Network: "board", Date: "2026-12-09", NewDate: "2026-12-15"},
	} {
		_, _, err := run(t, opts)
		var ue *cmdutil.UserError
		if !errors.As(err, &ue) || ue.Code != cmdutil.ExitUsage || ue.Error() != "board has no meeting on 2026-12-09" ||
			ue.Hint != "did you mean 2026-12-08? the planned meetings of board from today: 2026-12-08, 2027-01-12" {
			t.Errorf("err = %v (%+v)", err, ue)
		}
	}
	// No planned meeting at all: say how to plan some.
	dir = cmdtest.Board(t)
	if err := os.Remove(filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")); err != nil {
		t.Fatal(err)
	}
	_, _, err := run(t, &Options{Dir: dir, Network: "board", Date: "2027-03-01", Reason: "x"})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Hint, "board has no planned meeting from today; plan some with govctl schedule board --count 12 --write") {
		t.Errorf("err = %v (%+v)", err, ue)
	}
}

func TestMove(t *testing.T) {
	dir := board(t)
	write(t, dir, "board/meetings/2026-12-08.private.yaml.age", "age-encrypted\n")
	out, errOut, err := run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: "2026-12-15"})
	if err != nil {
		t.Fatal(err)
	}
	meetings := filepath.Join(dir, "board", "meetings")
	for _, gone := range []string{"2026-12-08.yaml", "2026-12-08.agenda.md", "2026-12-08.private.yaml.age"} {
		if _, err := os.Stat(filepath.Join(meetings, gone)); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%s is still there (%v)", gone, err)
		}
	}
	want := "# December: the budget.\ndate: 2026-12-15\nkind: ordinary\nstatus: planned # until the chair says\nmoved_from: [2026-12-08]\n"
	if got := inFmtLayout(t, filepath.Join(meetings, "2026-12-15.yaml")); got != want {
		t.Errorf("the record:\n%s\nwant:\n%s", got, want)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(meetings, "2026-12-15.private.yaml.age")); got != "age-encrypted\n" {
		t.Errorf("the private file: %q", got)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(meetings, "2026-12-15.agenda.md")); !strings.Contains(got, "# Board: Ordinary meeting, Tuesday 15 December 2026") ||
		!strings.Contains(got, "| Papers deadline | Tuesday 8 December 2026 |") {
		t.Errorf("the agenda is not written for the new date:\n%s", got)
	}
	m := filepath.ToSlash(meetings)
	wantOut := m + "/2026-12-15.yaml\n" + m + "/2026-12-15.private.yaml.age\n" + m + "/2026-12-15.agenda.md\n" +
		"moved from Tuesday 8 December 2026 to Tuesday 15 December 2026\npapers deadline: Tuesday 8 December 2026\n"
	if out != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, wantOut)
	}
	if errOut != "tell the members the new date, then run govctl generate to update the pages (the calendar feed moves the event: same UID, SEQUENCE 1)\n" {
		t.Errorf("stderr %q", errOut)
	}

	// Moved again: moved_from keeps both dates, the first first.
	if _, _, err := run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-15", NewDate: "2026-12-16"}); err != nil {
		t.Fatal(err)
	}
	if got := inFmtLayout(t, filepath.Join(meetings, "2026-12-16.yaml")); !strings.Contains(got, "moved_from: [2026-12-08, 2026-12-15]\n") {
		t.Errorf("the record moved twice:\n%s", got)
	}
}

// TestMoveNeverOverAFile: when a file of the meeting cannot follow it, the
// move is refused before anything is written.
func TestMoveNeverOverAFile(t *testing.T) {
	dir := board(t)
	write(t, dir, "board/meetings/2026-12-08.private.yaml.age", "ours\n")
	write(t, dir, "board/meetings/2026-12-15.private.yaml.age", "someone else's\n")
	_, _, err := run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: "2026-12-15"})
	wantRefusal(t, err, "2026-12-15.private.yaml.age already exists: the meeting's 2026-12-08.private.yaml.age cannot be moved there", "choose another day")
	meetings := filepath.Join(dir, "board", "meetings")
	if _, err := os.Stat(filepath.Join(meetings, "2026-12-15.yaml")); err == nil {
		t.Errorf("the new record was written")
	}
	for name, want := range map[string]string{"2026-12-08.private.yaml.age": "ours\n", "2026-12-15.private.yaml.age": "someone else's\n", "2026-12-08.agenda.md": "stale agenda\n"} {
		if got := cmdtest.ReadFile(t, filepath.Join(meetings, name)); got != want {
			t.Errorf("%s: %q, want %q", name, got, want)
		}
	}
	if got := cmdtest.ReadFile(t, filepath.Join(meetings, "2026-12-08.yaml")); !strings.Contains(got, "date: 2026-12-08\n") || strings.Contains(got, "moved_from") {
		t.Errorf("the record changed:\n%s", got)
	}
}

func TestMoveWarnings(t *testing.T) {
	for _, tt := range []struct {
		to      string
		warning string
	}{
		// Papers for the 9th were due by the 2nd (five business days).
		{"2026-12-09", "warning: the papers deadline for the new date (Wednesday 2 December 2026) has passed and no papers are recorded as sent"},
		{"2026-12-25", "warning: Friday 25 December 2026 is not a business day (Christmas Day)"},
		{"2026-12-19", "warning: Saturday 19 December 2026 is not a business day (Saturday)"},
		{"2027-01-05", "warning: the ordinary meeting of Tuesday 12 January 2027 is less than half a cadence (every month) away"},
		{"2026-12-01", "warning: Tuesday 1 December 2026 is in the past (today is Friday 4 December 2026)"},
	} {
		t.Run(tt.to, func(t *testing.T) {
			dir := board(t)
			write(t, dir, "board/meetings/2027-01-12.yaml", "date: 2027-01-12\nkind: ordinary\nstatus: planned\n")
			_, errOut, err := run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: tt.to})
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(errOut, tt.warning) {
				t.Errorf("stderr:\n%s\nwant %q", errOut, tt.warning)
			}
		})
	}
	// Papers already sent, later than the earlier deadline of the new day.
	dir := board(t)
	write(t, dir, "board/meetings/2026-12-08.yaml", "date: 2026-12-08\nkind: ordinary\nstatus: planned\npapers_sent: 2026-12-01\n")
	_, errOut, err := run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: "2026-12-07"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut, "warning: the papers were sent on Tuesday 1 December 2026, after the new deadline (Monday 30 November 2026)") {
		t.Errorf("stderr:\n%s", errOut)
	}
}

func TestMoveToATakenDay(t *testing.T) {
	dir := board(t)
	write(t, dir, "board/meetings/2027-01-12.yaml", "date: 2027-01-12\nkind: ordinary\nstatus: planned\n")
	before := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-12-08.yaml"))
	_, _, err := run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: "2027-01-12"})
	wantRefusal(t, err, "board already has a meeting of kind ordinary on 2027-01-12 (planned, ", "govctl meeting move board 2027-01-12 NEW-DATE")
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")); got != before {
		t.Errorf("the record changed:\n%s", got)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-12-08.agenda.md")); got != "stale agenda\n" {
		t.Errorf("the agenda changed")
	}

	// A day whose meeting was held: nothing to move out of the way.
	_, _, err = run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: "2026-11-17"})
	wantRefusal(t, err, "board already has a meeting of kind ordinary on 2026-11-17 (held, ", "choose another day: that day's meeting was held")

	// The same day: nothing to move.
	_, _, err = run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: "2026-12-08"})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Error() != "the meeting of 2026-12-08 is already on 2026-12-08" {
		t.Errorf("err = %v", err)
	}

	// A day whose meeting was cancelled: the record goes beside it.
	write(t, dir, "board/meetings/2027-01-12.yaml", "date: 2027-01-12\nkind: ordinary\nstatus: cancelled\n")
	out, errOut, err := run(t, &Options{Move: true, Dir: dir, Network: "board", Date: "2026-12-08", NewDate: "2027-01-12"})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, filepath.ToSlash(filepath.Join(dir, "board", "meetings", "2027-01-12-2.yaml"))+"\n") {
		t.Errorf("stdout %q", out)
	}
	if !strings.Contains(errOut, "note: the day also has a meeting of kind ordinary (cancelled, ") {
		t.Errorf("stderr %q", errOut)
	}
	if got := inFmtLayout(t, filepath.Join(dir, "board", "meetings", "2027-01-12-2.yaml")); !strings.Contains(got, "date: 2027-01-12\n") {
		t.Errorf("the record:\n%s", got)
	}
}

// windowsRecord is board's planned record as a Windows editor saves it,
// with comments inside a flow list and after it.
const windowsRecord = "# December: the budget.\ndate: 2026-12-08\nkind: ordinary\nstatus: planned # until the chair says\n" +
	"recommendations: [Adopt the plan, # the chair's wording\n  Review it in March] # both from November\n"

var windowsComments = []string{"# December: the budget.", "# until the chair says", "# the chair's wording", "# both from November"}

// TestWritesKeepWhatWasWritten: cancel and move keep a record's byte-order
// mark, its CR LF line ends and every comment, those in and after a flow
// list included, and write it as govctl fmt would (which keeps them too).
func TestWritesKeepWhatWasWritten(t *testing.T) {
	for _, move := range []bool{false, true} {
		dir := cmdtest.Board(t)
		write(t, dir, "board/meetings/2026-12-08.yaml", cmdtest.Windows(windowsRecord))
		opts := &Options{Dir: dir, Network: "board", Date: "2026-12-08", Reason: "No quorum"}
		path := filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")
		if move {
			opts.Move, opts.NewDate = true, "2026-12-15"
			path = filepath.Join(dir, "board", "meetings", "2026-12-15.yaml")
		}
		if _, _, err := run(t, opts); err != nil {
			t.Fatal(err)
		}
		lf := cmdtest.WantWindows(t, path, windowsComments...)
		inFmtLayout(t, path)
		want := "status: cancelled # until the chair says\n"
		if move {
			want = "moved_from: [2026-12-08]\n"
		}
		if !strings.Contains(lf, want) || !strings.Contains(lf, "  - Adopt the plan # the chair's wording\n") {
			t.Errorf("move %v: the record:\n%s", move, lf)
		}
	}
}

// TestWritesRefuseWhatTheyCannotKeep: a comment where the YAML parser drops
// it (just after the [ of a flow list) is refused, as govctl fmt refuses
// it, and the record is left as it was.
func TestWritesRefuseWhatTheyCannotKeep(t *testing.T) {
	for _, move := range []bool{false, true} {
		dir := cmdtest.Board(t)
		rec := "date: 2026-12-08\nkind: ordinary\nstatus: planned\nrecommendations: [ # the chair's wording\n  Adopt the plan]\n"
		write(t, dir, "board/meetings/2026-12-08.yaml", rec)
		opts := &Options{Dir: dir, Network: "board", Date: "2026-12-08", Reason: "No quorum", Move: move, NewDate: "2026-12-15"}
		_, _, err := run(t, opts)
		path := filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")
		wantRefusal(t, err, filepath.ToSlash(path)+":4: a comment is in a place fmt cannot keep it", "put the comment on a line of its own")
		if !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("err = %v; want it to say nothing was written", err)
		}
		if got := cmdtest.ReadFile(t, path); got != rec {
			t.Errorf("move %v: the record changed:\n%s", move, got)
		}
		if _, err := os.Stat(filepath.Join(dir, "board", "meetings", "2026-12-15.yaml")); err == nil {
			t.Errorf("move %v: a record was written on the new date", move)
		}
	}
}
