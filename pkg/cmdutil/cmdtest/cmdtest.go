// Package cmdtest helps test commands: it builds a command as the root would
// (with the inherited --repo flag) and returns the Options its run function
// was given, gives a fixed clock, and writes small repositories.
package cmdtest

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/internal/testtree"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
)

// Parse runs newCmd's flag parsing on args. The Options are nil when the
// command did not get as far as its run function; the error is Execute's.
func Parse[O any](newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args ...string) (*O, error) {
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Now: time.Now}
	var got *O
	cmd := newCmd(f, func(o *O) error { got = o; return nil })
	cmd.PersistentFlags().String("repo", "networks", "")
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.Execute()
	return got, err
}

// Clock is a clock stopped at noon (UTC) on day, a YYYY-MM-DD date; it
// panics when day is not one, as a test's literal always is.
func Clock(day string) func() time.Time {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		panic("cmdtest.Clock: " + err.Error())
	}
	t = t.Add(12 * time.Hour)
	return func() time.Time { return t }
}

// WriteTree writes files (slash-separated paths relative to the folder, and
// their text) into a new temporary folder, and returns the folder.
func WriteTree(t testing.TB, files map[string]string) string {
	t.Helper()
	return testtree.New(t, files)
}

// Board is a small repository that validates: two organisations, and one
// body, board (Board), meeting monthly at 10:00, with members ann and bob,
// ann in the chair; its meeting of 2026-11-03 was held and raised action
// A-1 (owner ann, due 2026-11-20) and A-2 (owner bob, done on 2026-11-17);
// its meeting of 2026-12-08 is planned. On 2026-12-04 it has warnings
// (A-1 overdue among them) and no errors.
func Board(t testing.TB) string {
	t.Helper()
	return WriteTree(t, map[string]string{
		"govctl.yaml":        "timezone: Europe/London\nholidays: england-and-wales\nclosures: []\n",
		"organisations.yaml": "organisations:\n  - {id: a, name: Alpha Council}\n  - {id: b, name: Beta Council}\n",
		"board/network.yaml": `id: board
name: Board
purpose: To decide.
offices:
  chair: {appointment: elected, term: P2Y}
seats:
  - {organisations: [a, b], per_organisation: 1, title: Member, votes: 1}
quorum: {members: 2}
voting: {basis: organisation, method: majority, base: cast}
meetings:
  ordinary:
    every: P1M
    start: "10:00"
    duration: PT1H
    venue: online
    notice: {business_days: 5}
    standing_items: [Apologies, Minutes of the last meeting]
`,
		"board/members.yaml": `members:
  - {id: ann, name: Ann Archer, organisation: a, seat: Member}
  - {id: bob, name: Bob Baker, organisation: b, seat: Member}
office_holders:
  - {office: chair, member: ann}
`,
		"board/meetings/2026-11-03.yaml": `date: 2026-11-03
kind: ordinary
status: held
attendance: {present: [ann, bob]}
actions:
  - {id: A-1, text: Write the plan, owner: ann, due: 2026-11-20}
  - {id: A-2, text: Book the room, owner: bob}
`,
		"board/meetings/2026-11-17.yaml": `date: 2026-11-17
kind: ordinary
status: held
attendance: {present: [ann, bob]}
action_updates:
  - {action: A-2, status: done}
`,
		"board/meetings/2026-12-08.yaml": "date: 2026-12-08\nkind: ordinary\nstatus: planned\n",
	})
}

// Date is the YYYY-MM-DD date s; the test fails when s is not one.
func Date(t testing.TB, s string) date.Date {
	t.Helper()
	d, err := load.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// ReadFile is the text of the file at path; the test fails when it cannot
// be read.
func ReadFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// WantErr checks the error of a Parse case: with flagErr set, err must be a
// FlagError containing it; with otherErr set, an error containing it; with
// neither, nil. It reports whether the case wanted an error (and so is over).
func WantErr(t testing.TB, err error, flagErr, otherErr string) bool {
	t.Helper()
	switch {
	case flagErr != "":
		var fe *cmdutil.FlagError
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), flagErr) {
			t.Fatalf("err = %v; want a FlagError containing %q", err, flagErr)
		}
		return true
	case otherErr != "":
		if err == nil || !strings.Contains(err.Error(), otherErr) {
			t.Fatalf("err = %v; want an error containing %q", err, otherErr)
		}
		return true
	case err != nil:
		t.Fatal(err)
	}
	return false
}

// Windows is text (with LF line ends) as a Windows editor may save it: a
// UTF-8 byte-order mark, and CR LF line ends.
func Windows(text string) string {
	return "\ufeff" + strings.ReplaceAll(text, "\n", "\r\n")
}

// WantWindows checks that the file at path is still written as Windows
// wrote it (a byte-order mark, every line ending in CR LF) and holds every
// comment given (as "# text"). It returns the file's text with LF line ends
// and no mark.
func WantWindows(t testing.TB, path string, comments ...string) string {
	t.Helper()
	text := ReadFile(t, path)
	if !strings.HasPrefix(text, "\ufeff") {
		t.Errorf("%s lost its byte-order mark:\n%q", path, text)
	}
	if n, crlf := strings.Count(text, "\n"), strings.Count(text, "\r\n"); n == 0 || n != crlf {
		t.Errorf("%s: %d of its %d line ends are CR LF; want all:\n%q", path, crlf, n, text)
	}
	lf := strings.ReplaceAll(strings.TrimPrefix(text, "\ufeff"), "\r\n", "\n")
	for _, c := range comments {
		if !strings.Contains(lf, c) {
			t.Errorf("%s lost the comment %q:\n%s", path, c, lf)
		}
	}
	return lf
}
