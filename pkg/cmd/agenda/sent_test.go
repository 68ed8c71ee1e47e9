package agenda

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

func TestNewCmdSentFlags(t *testing.T) {
	for _, tt := range []struct {
		args              []string
		want              SentOptions
		flagErr, otherErr string
	}{
		{args: []string{"board", "2026-12-08"}, want: SentOptions{Network: "board", Date: "2026-12-08", Dir: "networks"}},
		{args: []string{"board", "2026-12-08-2", "--on", "2026-12-01"}, want: SentOptions{Network: "board", Date: "2026-12-08-2", On: "2026-12-01", Dir: "networks"}},
		{args: []string{"board", "2026-12-08", "--on", "yesterday"}, flagErr: "--on"},
		{args: []string{"board", "8 December"}, flagErr: "DATE: \"8 December\" is not a date"},
		{args: []string{"board", "8 Dec"}, flagErr: "not a meeting date"},
		{args: []string{"board"}, flagErr: "accepts 2 arg"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdSent, tt.args...)
			if cmdtest.WantErr(t, err, tt.flagErr, tt.otherErr) {
				return
			}
			if got.Network != tt.want.Network || got.Date != tt.want.Date || got.On != tt.want.On || got.Dir != tt.want.Dir {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
	// It is a subcommand of agenda, beside new.
	cmd := NewCmdAgenda(&cmdutil.Factory{}, nil)
	if c, _, err := cmd.Find([]string{"sent"}); err != nil || c.Name() != "sent" {
		t.Errorf("agenda has no sent subcommand: %v", err)
	}
}

func sent(t *testing.T, dir, date, on string) (stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	err = sentRun(&SentOptions{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Network: "board", Date: date, On: on})
	return out.String(), errOut.String(), err
}

func TestSent(t *testing.T) {
	dir := cmdtest.Board(t)
	rec := filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")
	if err := os.WriteFile(rec, []byte("date: 2026-12-08 # a Tuesday\nkind: ordinary\nstatus: planned\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The agenda, written before the papers went out.
	ios, _, _, _ := iostreams.Test()
	if err := agendaRun(&Options{IO: ios, Now: cmdtest.Clock("2026-11-27"), Dir: dir, Network: "board"}); err != nil {
		t.Fatal(err)
	}
	agenda := filepath.Join(dir, "board", "meetings", "2026-12-08.agenda.md")

	// On time: Tuesday 1 December, the deadline.
	out, errOut, err := sent(t, dir, "2026-12-08", "2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	got := cmdtest.ReadFile(t, rec)
	if got != "date: 2026-12-08 # a Tuesday\nkind: ordinary\nstatus: planned\npapers_sent: 2026-12-01\n" {
		t.Errorf("the record:\n%s", got)
	}
	if f, err := yamlfmt.Format([]byte(got), layout.Meeting.Type()); err != nil || string(f) != got {
		t.Errorf("the record is not in fmt's layout: %v", err)
	}
	wantOut := filepath.ToSlash(rec) + "\n" + filepath.ToSlash(agenda) + "\npapers sent: Tuesday 1 December 2026\npapers deadline: Tuesday 1 December 2026\n"
	if out != wantOut {
		t.Errorf("stdout:\n%s\nwant:\n%s", out, wantOut)
	}
	if errOut != "after the meeting, record it with: govctl minutes new board 2026-12-08\n" {
		t.Errorf("stderr %q", errOut)
	}
	if a := cmdtest.ReadFile(t, agenda); !strings.Contains(a, "| Papers deadline | Tuesday 1 December 2026 (sent Tuesday 1 December 2026) |") {
		t.Errorf("the agenda does not show the papers sent:\n%s", a)
	}

	// Today, the 4th: late, and the earlier day is replaced.
	out, errOut, err = sent(t, dir, "2026-12-08", "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cmdtest.ReadFile(t, rec), "papers_sent: 2026-12-04\n") || !strings.Contains(out, "papers sent: Friday 4 December 2026 (was Tuesday 1 December 2026)\n") {
		t.Errorf("stdout %q", out)
	}
	if !strings.Contains(errOut, "warning: the papers went out after the deadline (Tuesday 1 December 2026): govctl validate reports papers-late") {
		t.Errorf("stderr %q", errOut)
	}

	// After the meeting: refused, the record unchanged.
	before := cmdtest.ReadFile(t, rec)
	_, _, err = sent(t, dir, "2026-12-08", "2026-12-09")
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Code != cmdutil.ExitUsage || !strings.Contains(ue.Error(), "papers sent on 2026-12-09 would reach members after the meeting of 2026-12-08") {
		t.Errorf("err = %v", err)
	}
	if cmdtest.ReadFile(t, rec) != before {
		t.Errorf("the record changed")
	}

	// An unknown date: the meeting probably meant.
	_, _, err = sent(t, dir, "2026-12-18", "")
	if !errors.As(err, &ue) || !strings.Contains(ue.Hint, "did you mean 2026-12-08?") {
		t.Errorf("err = %v", err)
	}
}

func TestSentHeldAndCancelled(t *testing.T) {
	dir := cmdtest.Board(t)
	// A held meeting's papers may be recorded after it.
	_, errOut, err := sent(t, dir, "2026-11-17", "2026-11-09")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml")), "papers_sent: 2026-11-09\n") || errOut != "run govctl generate to update the pages\n" {
		t.Errorf("stderr %q", errOut)
	}
	rec := filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")
	if err := os.WriteFile(rec, []byte("date: 2026-12-08\nkind: ordinary\nstatus: cancelled\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = sent(t, dir, "2026-12-08", "")
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Code != cmdutil.ExitFindings || !strings.Contains(ue.Error(), "is cancelled: it has no papers to send") {
		t.Errorf("err = %v", err)
	}
}

// TestSentKeepsWhatWasWritten: agenda sent keeps a record's byte-order mark,
// its CR LF line ends and every comment, those in and after a flow list
// included, in fmt's layout; a comment where the YAML parser drops it is
// refused, the record left as it was.
func TestSentKeepsWhatWasWritten(t *testing.T) {
	dir := cmdtest.Board(t)
	rec := filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")
	text := "# December\ndate: 2026-12-08\nkind: ordinary\nstatus: planned\n" +
		"recommendations: [Adopt the plan, # the chair's wording\n  Review it in March] # both from November\n"
	if err := os.WriteFile(rec, []byte(cmdtest.Windows(text)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := sent(t, dir, "2026-12-08", "2026-12-01"); err != nil {
		t.Fatal(err)
	}
	lf := cmdtest.WantWindows(t, rec, "# December", "# the chair's wording", "# both from November")
	if !strings.Contains(lf, "papers_sent: 2026-12-01\n") {
		t.Errorf("the record:\n%s", lf)
	}
	got := cmdtest.ReadFile(t, rec)
	if f, err := yamlfmt.Format([]byte(got), layout.Meeting.Type()); err != nil || string(f) != got {
		t.Errorf("the record is not in fmt's layout (%v):\n%q", err, got)
	}

	text = "date: 2026-12-08\nkind: ordinary\nstatus: planned\nrecommendations: [ # the chair's wording\n  Adopt the plan]\n"
	if err := os.WriteFile(rec, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err := sent(t, dir, "2026-12-08", "2026-12-01")
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Code != cmdutil.ExitFindings || !strings.Contains(err.Error(), filepath.ToSlash(rec)+":4: a comment is in a place fmt cannot keep it") || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("err = %v; want a refusal at line 4 saying nothing was written", err)
	}
	if got := cmdtest.ReadFile(t, rec); got != text {
		t.Errorf("the record changed:\n%s", got)
	}
}
