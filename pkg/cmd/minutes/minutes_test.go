package minutes

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/yamlfmt"
)

func TestNewCmdMinutesFlags(t *testing.T) {
	for _, tc := range []struct {
		args              []string
		flagErr, otherErr string
		want              Options
	}{
		{args: []string{"new", "board", "2026-12-08"}, want: Options{Network: "board", Date: "2026-12-08", Dir: "networks"}},
		{args: []string{"new", "board", "2026-12-08-2", "--force", "--kind", "ordinary", "--repo", "r"}, want: Options{Network: "board", Date: "2026-12-08-2", Dir: "r", Force: true, Kind: "ordinary"}},
		{args: []string{"render", "board", "2026-12-08"}, want: Options{Network: "board", Date: "2026-12-08", Dir: "networks", Render: true}},
		{args: []string{"new", "board", "2026-02-29"}, flagErr: "not a real calendar date"},
		{args: []string{"new", "board", "Dec"}, flagErr: "not a meeting date"},
		{args: []string{"new", "board"}, otherErr: "accepts 2 arg"},
		{args: []string{"render", "board", "2026-12-08", "--force"}, otherErr: "unknown flag: --force"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdMinutes, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, tc.otherErr) {
				return
			}
			if got.Network != tc.want.Network || got.Date != tc.want.Date || got.Dir != tc.want.Dir || got.Force != tc.want.Force || got.Kind != tc.want.Kind || got.Render != tc.want.Render {
				t.Errorf("got %+v; want %+v", *got, tc.want)
			}
		})
	}
}

// newOn runs minutes new on board's meeting of day, on 9 December 2026, and
// returns the record written and what was said on standard error.
func newOn(t *testing.T, dir, day string, force bool) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts := &Options{IO: ios, Now: cmdtest.Clock("2026-12-09"), Dir: dir, Network: "board", Date: day, Force: force}
	err := newRun(opts)
	path := filepath.Join(dir, "board", "meetings", day+".yaml")
	if err == nil && strings.TrimSpace(out.String()) != filepath.ToSlash(path) {
		t.Errorf("stdout = %q; want the record's path", out.String())
	}
	rec, _ := os.ReadFile(path)
	return string(rec), errOut.String(), err
}

// errorsIn lists the errors validate finds in the repository on day.
func errorsIn(t *testing.T, dir, day string) []string {
	t.Helper()
	res, err := check.Run(dir, check.Options{AsOf: cmdtest.Date(t, day)})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, d := range res.Diagnostics {
		if d.Severity == diag.Error {
			out = append(out, d.String())
		}
	}
	return out
}

func canonical(t *testing.T, rec string) {
	t.Helper()
	canon, err := yamlfmt.Format([]byte(rec), layout.Meeting.Type())
	if err != nil || string(canon) != rec {
		t.Errorf("the record is not in fmt's layout (%v):\n%s\nfmt writes:\n%s", err, rec, canon)
	}
}

func TestNewRunFillsWhatGovctlKnows(t *testing.T) {
	dir := cmdtest.Board(t)
	rec, said, err := newOn(t, dir, "2026-12-08", false)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"status: held\n",
		// ann holds the chair.
		"chair: ann\n",
		"  present:\n    - ann\n    - bob\n",
		"  stand_ins: []\n",
		// 17 November is the last held meeting: its minutes wait (3
		// November's wait too, but the last meeting's are the ones
		// approved).
		"approves_minutes: [2026-11-17]\n",
		// A-1 is open; A-2 was done on 17 November.
		"action_updates:\n  # A-1: Write the plan (ann, due Friday 20 November 2026); set status: done, dropped or open, and add a note\n  - action: A-1\n    status: open\n",
		// The standing items stay the terms': named in a comment, not copied.
		"#   Apologies\n#   Minutes of the last meeting\n",
		"agenda: []\n",
	} {
		if !strings.Contains(rec, want) {
			t.Errorf("record lacks %q:\n%s", want, rec)
		}
	}
	if strings.Contains(rec, "A-2") || strings.Contains(rec, "- title:") && !strings.Contains(rec, "#     - title:") {
		t.Errorf("a closed action or a standing item was written:\n%s", rec)
	}
	canonical(t, rec)
	for _, want := range []string{
		"2 members under present",
		"chair: set to ann (Ann Archer)",
		"set the status of A-1 (done, dropped or open)",
		"approves_minutes: 2026-11-17 is set",
		"write minutes: under the items",
		"decisions and actions: add those taken and raised",
		"Then run: govctl minutes render board 2026-12-08\n",
	} {
		if !strings.Contains(said, want) {
			t.Errorf("stderr lacks %q:\n%s", want, said)
		}
	}
	if errs := errorsIn(t, dir, "2026-12-09"); len(errs) > 0 {
		t.Errorf("the filled record has errors: %q\n%s", errs, rec)
	}
}

func TestNewRunCoChairs(t *testing.T) {
	dir := cmdtest.Board(t)
	members := `members:
  - {id: ann, name: Ann Archer, organisation: a, seat: Member}
  - {id: bob, name: Bob Baker, organisation: b, seat: Member}
office_holders:
  - {office: chair, member: ann}
  - {office: chair, member: bob}
`
	network := strings.Replace(cmdtest.ReadFile(t, filepath.Join(dir, "board", "network.yaml")), "chair: {appointment: elected, term: P2Y}", "chair: {count: {min: 1, max: 2}, appointment: elected, term: P2Y}", 1)
	for name, text := range map[string]string{"members.yaml": members, "network.yaml": network} {
		if err := os.WriteFile(filepath.Join(dir, "board", name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	rec, said, err := newOn(t, dir, "2026-12-08", false)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(rec, "\nchair:") || !strings.Contains(strings.Join(strings.Fields(strings.ReplaceAll(rec, "#", "")), " "), "Who chaired? Add chair: with the member's id here: ann or bob (the co-chairs). attendance:") {
		t.Errorf("co-chairs: the record should ask who chaired:\n%s", rec)
	}
	if !strings.Contains(said, "chair: add who chaired (one of the co-chairs: ann or bob)") {
		t.Errorf("stderr:\n%s", said)
	}
	canonical(t, rec)
}

func TestNewRunRefuses(t *testing.T) {
	dir := cmdtest.Board(t)
	cancelled := "date: 2026-12-01\nkind: ordinary\nstatus: cancelled\n"
	if err := os.WriteFile(filepath.Join(dir, "board", "meetings", "2026-12-01.yaml"), []byte(cancelled), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		day, want, hint string
	}{
		{"2026-12-01", "was cancelled: it has no minutes", "set status: planned"},
		// Held, with attendance: filled in already.
		{"2026-11-17", "already records attendance", "--force"},
	} {
		before := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", tc.day+".yaml"))
		rec, _, err := newOn(t, dir, tc.day, false)
		var ue *cmdutil.UserError
		if !errors.As(err, &ue) || !strings.Contains(ue.Error(), tc.want) || !strings.Contains(ue.Hint, tc.hint) {
			t.Errorf("%s: err = %v; want %q with a hint naming %q", tc.day, err, tc.want, tc.hint)
		}
		if rec != before {
			t.Errorf("%s: the record changed although the command was refused", tc.day)
		}
	}
	// Not yet happened: refused without --force.
	ios, _, _, _ := iostreams.Test()
	err := newRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Network: "board", Date: "2026-12-08"})
	if err == nil || !strings.Contains(err.Error(), "has not happened yet") {
		t.Errorf("err = %v; want not happened yet", err)
	}
}

// --force on a held record adds what it lacks and keeps what it has: its
// attendance, and its update of A-2.
func TestNewRunForceKeepsTheRecord(t *testing.T) {
	dir := cmdtest.Board(t)
	rec, _, err := newOn(t, dir, "2026-11-17", true)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"attendance:\n  present: [ann, bob]\n  apologies: []\n",
		"  stand_ins: []\n",
		"  - action: A-2\n    status: done\n",
		// A-1 was open on 17 November, and is added after the record's own.
		"  # A-1: Write the plan (ann, due Friday 20 November 2026); set status: done, dropped or open, and add a note\n  - action: A-1\n    status: open\n",
		"approves_minutes: [2026-11-03]\n",
		"chair: ann\n",
	} {
		if !strings.Contains(rec, want) {
			t.Errorf("record lacks %q:\n%s", want, rec)
		}
	}
	canonical(t, rec)
	again, _, err := newOn(t, dir, "2026-11-17", true)
	if err != nil || again != rec {
		t.Errorf("a second --force changed the record (%v):\n%s", err, again)
	}
}

func TestNewRunKeepsWhatAPersonWrote(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 1, Years: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	rec := filepath.Join(dir, "body-0000", "meetings", "2018-01-09.yaml")
	written := "# Set by the chair on 2 January.\ndate: 2018-01-09\nstart: \"14:00\"   # moved\nkind: ordinary\nstatus: planned\nnotes: |\n  Room 2 booked.\n"
	if err := os.WriteFile(rec, []byte(written), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	opts := &Options{IO: ios, Now: cmdtest.Clock("2018-01-10"), Dir: dir, Network: "body-0000", Date: "2018-01-09"}
	if err := newRun(opts); err != nil {
		t.Fatal(err)
	}
	got := cmdtest.ReadFile(t, rec)
	for _, keep := range []string{"# Set by the chair on 2 January.", "start: \"14:00\" # moved", "Room 2 booked.", "status: held", "    - m-0"} {
		if !strings.Contains(got, keep) {
			t.Errorf("record lacks %q:\n%s", keep, got)
		}
	}
	if strings.Index(got, "attendance:") > strings.Index(got, "notes:") {
		t.Errorf("attendance written after notes, out of the format's order:\n%s", got)
	}
	canonical(t, got)
	if !strings.HasSuffix(strings.TrimSpace(out.String()), "2018-01-09.yaml") {
		t.Errorf("stdout = %q", out.String())
	}
	// Again: refused, the file unchanged.
	if err := newRun(opts); err == nil {
		t.Fatal("a second minutes new succeeded without --force")
	}
	if again := cmdtest.ReadFile(t, rec); again != got {
		t.Error("the record changed although the command was refused")
	}
}

// BenchmarkMinutesRender is `govctl minutes render` in process on a network
// with ten years of monthly meetings.
func BenchmarkMinutesRender(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 3, Years: 10, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	opts := &Options{IO: ios, Now: cmdtest.Clock("2027-01-01"), Dir: dir, Network: "body-0000", Date: "2026-12-08", Render: true}
	for b.Loop() {
		if err := renderRun(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// TestNewRunKeepsWindowsAndFlowComments: minutes new keeps a record's
// byte-order mark, its CR LF line ends and every comment, those in and
// after flow lists included, in fmt's layout; a comment where the YAML
// parser drops it is refused, the record left as it was.
func TestNewRunKeepsWindowsAndFlowComments(t *testing.T) {
	dir := cmdtest.Board(t)
	path := filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")
	text := "# December\ndate: 2026-12-08\nkind: ordinary\nstatus: planned\nattendance:\n  present: [ann, # came late\n    bob] # both\n" +
		"recommendations: [Adopt the plan] # agreed\n"
	if err := os.WriteFile(path, []byte(cmdtest.Windows(text)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := newOn(t, dir, "2026-12-08", false); err != nil {
		t.Fatal(err)
	}
	lf := cmdtest.WantWindows(t, path, "# December", "# came late", "# both", "# agreed")
	for _, want := range []string{"status: held\n", "  present: # both\n    - ann # came late\n    - bob\n", "chair: ann\n"} {
		if !strings.Contains(lf, want) {
			t.Errorf("the record lacks %q:\n%s", want, lf)
		}
	}
	canonical(t, cmdtest.ReadFile(t, path))
	if errs := errorsIn(t, dir, "2026-12-09"); len(errs) > 0 {
		t.Errorf("the filled record has errors: %q", errs)
	}

	for _, text := range []string{
		"date: 2026-12-08\nkind: ordinary\nstatus: planned\nattendance:\n  present: [ # came late\n    ann, bob]\n",
		"date: 2026-12-08\nkind: ordinary\nstatus: planned\nattendance: { # who came\n  present: [ann, bob]}\n",
	} {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		rec, _, err := newOn(t, dir, "2026-12-08", false)
		if err == nil || !strings.Contains(err.Error(), "a comment is in a place fmt cannot keep it") || !strings.Contains(err.Error(), "nothing was written") {
			t.Errorf("err = %v; want a refusal saying nothing was written", err)
		}
		if rec != text {
			t.Errorf("the record changed:\n%s", rec)
		}
	}
}
