package workspace_test

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/workspace"
)

func write(t *testing.T, dir, name, body string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
}

func now() time.Time { return time.Date(2026, 11, 20, 12, 0, 0, 0, time.UTC) }

func TestPlannedRecords(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "organisations.yaml", "organisations: []\n")
	write(t, dir, "x/network.yaml", "id: x\nname: X\nmeetings:\n  ordinary: {every: P1M}\n")
	write(t, dir, "x/meetings/2026-12-01.yaml", "date: 2026-12-01\nkind: ordinary\nstatus: planned\n")
	ws, err := workspace.Open(dir, "x", now)
	if err != nil {
		t.Fatal(err)
	}
	if ws.Today.String() != "2026-11-20" || ws.Net.N.ID != "x" {
		t.Errorf("today %s, network %s", ws.Today, ws.Net.N.ID)
	}
	// A second meeting that day goes in <date>-2.yaml.
	m, err := ws.CreateMeeting("2026-12-01", "ordinary")
	if err != nil {
		t.Fatal(err)
	}
	if m == nil || m.File != "2026-12-01-2" || m.Status != "planned" {
		t.Fatalf("created %+v", m)
	}
	got := workspace.MeetingFiles(dir, "x")
	slices.Sort(got)
	if !slices.Equal(got, []string{"2026-12-01", "2026-12-01-2"}) {
		t.Errorf("meeting files %v", got)
	}
	// A record that appears after loading is left as it is.
	write(t, dir, "x/meetings/2027-01-05.yaml", "# by hand\n")
	path, created, err := ws.WritePlanned("2027-01-05", "ordinary")
	if err != nil || created || filepath.Base(path) != "2027-01-05.yaml" {
		t.Errorf("WritePlanned over a new record: %s, %v, %v", path, created, err)
	}
	if data, _ := os.ReadFile(path); string(data) != "# by hand\n" {
		t.Errorf("the record was changed: %q", data)
	}
	if _, err := ws.CreateMeeting("2027-02-02", "drop-in"); err == nil {
		t.Error("a meeting of an unknown kind was created")
	}
}

func TestOpenRefusesErrors(t *testing.T) {
	dir := t.TempDir()
	write(t, dir, "organisations.yaml", "organisations: []\n")
	write(t, dir, "x/network.yaml", "id: y\nname: X\n")
	_, err := workspace.Open(dir, "x", now)
	var fe *check.FindingsError
	if !errors.As(err, &fe) || len(fe.Diagnostics) != 1 {
		t.Errorf("err = %v, want the id-mismatch error", err)
	}
	if _, err := workspace.Open(dir, "z", now); !errors.As(err, new(*check.NetworkError)) {
		t.Errorf("err = %v, want no network z", err)
	}
}

// TestCanonical: an edit is written in fmt's layout as the file it edits
// was written (its byte-order mark and CR LF line ends), and an edit that
// loses a comment, or of a file with a comment no edit can keep, is
// refused with the line.
func TestCanonical(t *testing.T) {
	was := []byte("\ufeff# top\r\nstatus: planned # for now\r\ndate: 2026-12-08\r\n")
	out, err := workspace.Canonical(was, []byte("# top\nstatus: held # for now\ndate: 2026-12-08\n"), layout.Meeting, "m.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if want := "\ufeff# top\r\ndate: 2026-12-08\r\nstatus: held # for now\r\n"; string(out) != want {
		t.Errorf("got %q; want %q", out, want)
	}
	if out, err := workspace.Canonical(nil, []byte("status: planned\ndate: 2026-12-08\n"), layout.Meeting, "m.yaml"); err != nil || string(out) != "date: 2026-12-08\nstatus: planned\n" {
		t.Errorf("a new file: %q, %v", out, err)
	}
	for _, tt := range []struct{ was, edited, want string }{
		{"date: 2026-12-08\nstatus: planned # for now\n", "date: 2026-12-08\nstatus: held\n", `m.yaml:2: the comment "# for now" would be lost; nothing was written`},
		{"date: 2026-12-08\nmoved_from: [ # first\n  2026-12-01]\n", "date: 2026-12-08\nmoved_from: [2026-12-01]\n", "m.yaml:2: a comment is in a place fmt cannot keep it"},
	} {
		_, err := workspace.Canonical([]byte(tt.was), []byte(tt.edited), layout.Meeting, "m.yaml")
		var h *exit.Hinted
		if !errors.As(err, &h) || h.Code != exit.Findings || !strings.Contains(err.Error(), tt.want) || !strings.Contains(h.Hint, "a line of its own") {
			t.Errorf("err = %v; want %q", err, tt.want)
		}
	}
}
