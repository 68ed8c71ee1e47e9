package schedule

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
)

func TestNewCmdScheduleFlags(t *testing.T) {
	for _, tc := range []struct {
		args           []string
		count          int
		from, until    string
		kind           string
		write          bool
		flagErr, other string
	}{
		{args: []string{"board", "--count", "4"}, count: 4},
		{args: []string{"board", "--from", "2026-12-01", "--until", "2027-11-30", "--kind", "drop-in", "--write"}, from: "2026-12-01", until: "2027-11-30", kind: "drop-in", write: true},
		{args: []string{"board"}, flagErr: "give either --count N or --until DATE"},
		{args: []string{"board", "--count", "2", "--until", "2027-01-01"}, flagErr: "give either --count N or --until DATE"},
		{args: []string{"board", "--count", "1001"}, flagErr: "--count: give a number from 1 to 1000"},
		{args: []string{"board", "--count", "2", "--from", "2026-13-01"}, flagErr: "--from"},
		{args: []string{"board", "--until", "tomorrow"}, flagErr: "--until"},
		{args: []string{"--count", "2"}, other: "accepts 1 arg"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdSchedule, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, tc.other) {
				return
			}
			from, until := "", ""
			if !got.From.IsZero() {
				from = got.From.String()
			}
			if !got.Until.IsZero() {
				until = got.Until.String()
			}
			if got.Network != "board" || got.Dir != "networks" || got.Count != tc.count || from != tc.from || until != tc.until || got.Kind != tc.kind || got.Write != tc.write {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

func schedule(t *testing.T, opts Options) (string, string, error) {
	t.Helper()
	return scheduleOn(t, "2026-12-04", opts)
}

// scheduleOn runs schedule for the Board on day.
func scheduleOn(t *testing.T, day string, opts Options) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.IO, opts.Now, opts.Network = ios, cmdtest.Clock(day), "board"
	err := scheduleRun(&opts)
	return out.String(), errOut.String(), err
}

// lines checks that out is the table's header, tab-separated, then one line
// for each want, holding every piece of it in order.
func lines(t *testing.T, out string, want ...[]string) {
	t.Helper()
	got := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if header := "DATE\tDAY\tSTART\tPAPERS BY\tNOTE"; got[0] != header {
		t.Fatalf("first line %q; want the header %q", got[0], header)
	}
	got = got[1:]
	if len(got) != len(want) {
		t.Fatalf("%d lines; want %d:\n%s", len(got), len(want), out)
	}
	for i, pieces := range want {
		rest := got[i]
		for _, p := range pieces {
			j := strings.Index(rest, p)
			if j < 0 {
				t.Errorf("line %q lacks %q", got[i], p)
				break
			}
			rest = rest[j+len(p):]
		}
	}
}

func TestScheduleRun(t *testing.T) {
	dir := cmdtest.Board(t)
	// The meeting on record from today (8 December) is the series' first
	// date; the monthly series continues after it.
	out, errOut, err := schedule(t, Options{Dir: dir, Count: 3})
	if err != nil {
		t.Fatal(err)
	}
	lines(t, out,
		[]string{"2026-12-08", "Tue", "10:00 to 11:00 (GMT)", "Tue 2026-12-01", "on record (planned)"},
		[]string{"2027-01-08", "Fri", "10:00 to 11:00 (GMT)", "Thu 2026-12-31"},
		[]string{"2027-02-08", "Mon", "10:00 to 11:00 (GMT)", "Mon 2027-02-01"})
	if errOut != "" || strings.Contains(out, "planned:") {
		t.Errorf("without --write: stderr %q, stdout %q", errOut, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "board", "meetings", "2027-01-08.yaml")); err == nil {
		t.Error("a record was written without --write")
	}

	out, _, err = schedule(t, Options{Dir: dir, Until: cmdtest.Date(t, "2027-01-31")})
	if err != nil {
		t.Fatal(err)
	}
	lines(t, out, []string{"2026-12-08", "on record (planned)"}, []string{"2027-01-08"})
}

func TestScheduleRunWrite(t *testing.T) {
	dir := cmdtest.Board(t)
	meetings := filepath.Join(dir, "board", "meetings")
	mine := "date: 2027-01-08\nkind: ordinary\nstatus: planned # mine\n"
	if err := os.WriteFile(filepath.Join(meetings, "2027-01-08.yaml"), []byte(mine), 0o644); err != nil {
		t.Fatal(err)
	}
	out, errOut, err := schedule(t, Options{Dir: dir, Count: 3, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	m := filepath.ToSlash(meetings)
	lines(t, out,
		[]string{"2026-12-08", "on record (planned)"},
		[]string{"2027-01-08", "on record (planned)"},
		[]string{"2027-02-08", "planned: " + m + "/2027-02-08.yaml"})
	if errOut != "1 planned meeting record(s) created in "+m+"\n" {
		t.Errorf("stderr %q", errOut)
	}
	for name, want := range map[string]string{
		"2027-01-08.yaml": mine,
		"2027-02-08.yaml": "date: 2027-02-08\nkind: ordinary\nstatus: planned\n",
	} {
		if b, err := os.ReadFile(filepath.Join(meetings, name)); err != nil || string(b) != want {
			t.Errorf("%s = %q, %v; want %q", name, b, err, want)
		}
	}

	// Run again, it plans nothing: the three are on record.
	out, errOut, err = schedule(t, Options{Dir: dir, Count: 3, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	lines(t, out,
		[]string{"2026-12-08", "on record (planned)"},
		[]string{"2027-01-08", "on record (planned)"},
		[]string{"2027-02-08", "on record (planned)"})
	if errOut != "0 planned meeting record(s) created in "+m+"\n" {
		t.Errorf("second run: stderr %q", errOut)
	}
}

// TestScheduleRunLate: from today, a date whose papers deadline has passed
// is not offered; --from asks for it.
func TestScheduleRunLate(t *testing.T) {
	dir := cmdtest.Board(t)
	// With 8 December's record gone, the series continues after 17
	// November's.
	if err := os.Remove(filepath.Join(dir, "board", "meetings", "2026-12-08.yaml")); err != nil {
		t.Fatal(err)
	}
	// 17 December's papers were due on the 10th: offered today (the 4th).
	out, _, err := schedule(t, Options{Dir: dir, Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	lines(t, out, []string{"2026-12-17", "Thu 2026-12-10"})

	// A week later the deadline has passed: the next date is January's.
	out, _, err = scheduleOn(t, "2026-12-11", Options{Dir: dir, Count: 1})
	if err != nil {
		t.Fatal(err)
	}
	lines(t, out, []string{"2027-01-15", "Fri 2027-01-08"})

	// Asked for from a date, the late one is planned all the same.
	out, _, err = scheduleOn(t, "2026-12-11", Options{Dir: dir, Count: 1, From: cmdtest.Date(t, "2026-12-11")})
	if err != nil {
		t.Fatal(err)
	}
	lines(t, out, []string{"2026-12-17", "Thu 2026-12-10"})
}

func TestScheduleRunUntilBeforeFrom(t *testing.T) {
	dir := cmdtest.Board(t)
	_, _, err := schedule(t, Options{Dir: dir, Until: cmdtest.Date(t, "2026-11-30")})
	var fe *cmdutil.FlagError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "--until 2026-11-30 is before 2026-12-04") {
		t.Errorf("err = %v; want a flag error naming both dates", err)
	}
}

func TestScheduleRunErrors(t *testing.T) {
	dir := cmdtest.Board(t)
	_, _, err := schedule(t, Options{Dir: dir, Count: 1, Kind: "drop-in"})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), `board has no meeting kind "drop-in"`) || !strings.Contains(ue.Hint, "the meeting kinds of board are: ordinary") {
		t.Errorf("unknown kind: err = %v; want a UserError listing the kinds", err)
	}

	ios, _, _, _ := iostreams.Test()
	err = scheduleRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Network: "bored", Count: 1})
	var ne *check.NetworkError
	if !errors.As(err, &ne) {
		t.Errorf("unknown body: err = %v; want a NetworkError", err)
	}
}

// TestScheduleRunStopsAtTheLastDate: no meeting is planned after
// 31 December 9999, the last date a record may hold; schedule says how many
// it planned, and that no later date can be written.
func TestScheduleRunStopsAtTheLastDate(t *testing.T) {
	dir := cmdtest.Board(t)
	out, errOut, err := schedule(t, Options{Dir: dir, From: cmdtest.Date(t, "9999-11-01"), Count: 4, Write: true})
	if err != nil {
		t.Fatal(err)
	}
	// The series continues from the last meeting on record, on the 8th.
	lines(t, out, []string{"9999-11-08\tMon", "planned: "}, []string{"9999-12-08\tWed", "planned: "})
	if !strings.Contains(errOut, "2 planned meeting record(s) created") ||
		!strings.Contains(errOut, "warning: board: the series runs past 9999-12-31, the last date govctl accepts, so 2 of the 4 meeting(s) asked for are planned") {
		t.Errorf("stderr %q", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "board", "meetings", "9999-12-08.yaml")); err != nil {
		t.Error(err)
	}
	// Again: both on record, nothing more to plan, and it says so again.
	out, errOut, err = schedule(t, Options{Dir: dir, From: cmdtest.Date(t, "9999-11-01"), Count: 4})
	if err != nil {
		t.Fatal(err)
	}
	lines(t, out, []string{"9999-11-08", "on record (planned)"}, []string{"9999-12-08", "on record (planned)"})
	if !strings.Contains(errOut, "so 2 of the 4 meeting(s) asked for are planned") {
		t.Errorf("stderr %q", errOut)
	}
}
