package minutes

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/private"
)

func TestEditionFlags(t *testing.T) {
	got, err := cmdtest.Parse(NewCmdMinutes, "render", "board", "2026-11-17", "--identity", "k.txt", "--out", "o.md")
	if err != nil || got.Edition != (cmdutil.Edition{Identity: "k.txt", Out: "o.md"}) || !got.Render {
		t.Fatalf("got %+v, %v", got, err)
	}
	for _, args := range [][]string{
		{"render", "board", "2026-11-17", "--identity", "k.txt"},
		{"render", "board", "2026-11-17", "--out", "o.md"},
	} {
		_, err := cmdtest.Parse(NewCmdMinutes, args...)
		var he *exit.Hinted
		if !errors.As(err, &he) || he.Code != exit.Usage || !strings.Contains(he.Hint, "--identity KEY --out FILE") {
			t.Errorf("%v: err = %v, want a usage error with a hint", args, err)
		}
	}
	if _, err := cmdtest.Parse(NewCmdMinutes, "new", "board", "2026-11-17", "--identity", "k.txt"); err == nil || !strings.Contains(err.Error(), "unknown flag: --identity") {
		t.Errorf("minutes new --identity: err = %v", err)
	}
}

// privateBoard is cmdtest.Board with private business at its meeting of 17
// November, whose private file is encrypted to a key made here; it returns
// the repository and the key's file.
func privateBoard(t *testing.T, clear string) (string, string) {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	dir := cmdtest.Board(t)
	net := filepath.Join(dir, "board", "network.yaml")
	data := cmdtest.ReadFile(t, net) + "private_recipients: [" + id.Recipient().String() + "]\n"
	rec := `date: 2026-11-17
kind: ordinary
status: held
attendance: {present: [ann, bob]}
agenda:
  - title: Contract award
    private: Commercially confidential
decisions:
  - {id: D-1, item: Contract award, private: Commercially confidential, outcome: agreed}
action_updates:
  - {action: A-2, status: done}
`
	enc, err := private.Encrypt([]byte(clear), []age.Recipient{id.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	key := filepath.Join(t.TempDir(), "key.txt")
	for path, content := range map[string][]byte{
		net: []byte(data),
		filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"):             []byte(rec),
		filepath.Join(dir, "board", "meetings", "2026-11-17.private.yaml.age"): enc,
		key: []byte(id.String() + "\n"),
	} {
		if err := os.WriteFile(path, content, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	return dir, key
}

func renderRestricted(t *testing.T, dir, key, out string) (string, string, error) {
	t.Helper()
	ios, _, stdout, stderr := iostreams.Test()
	opts := &Options{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: dir, Network: "board", Date: "2026-11-17", Render: true,
		Edition: cmdutil.Edition{Identity: key, Out: out}}
	err := renderRun(opts)
	return stdout.String(), stderr.String(), err
}

func TestRenderRestricted(t *testing.T) {
	const clear = "agenda:\n  - title: Contract award\n    minutes: SECRET-MINUTES Supplier B won.\ndecisions:\n  - id: D-1\n    text: SECRET-DECISION Award to Supplier B\n"
	dir, key := privateBoard(t, clear)
	out := filepath.Join(t.TempDir(), "restricted.md")
	stdout, stderr, err := renderRestricted(t, dir, key, out)
	if err != nil {
		t.Fatal(err)
	}
	if strings.TrimSpace(stdout) != filepath.ToSlash(out) || strings.Contains(stdout+stderr, "SECRET") {
		t.Errorf("stdout %q, stderr %q: want the path, and no private text", stdout, stderr)
	}
	got := cmdtest.ReadFile(t, out)
	for _, want := range []string{"Restricted edition", "**Contract award**, private (Commercially confidential)", "SECRET-MINUTES Supplier B won.", "Private (Commercially confidential): SECRET-DECISION Award to Supplier B"} {
		if !strings.Contains(got, want) {
			t.Errorf("the restricted minutes lack %q:\n%s", want, got)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "board", "meetings", "2026-11-17.minutes.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the public minutes were written: %v", err)
	}

	// Inside the repository: refused before the key is read.
	if _, _, err := renderRestricted(t, dir, "no-such-key.txt", filepath.Join(dir, "board", "x.md")); err == nil || !strings.Contains(err.Error(), "is inside") {
		t.Errorf("--out inside the repository: err = %v", err)
	}
	// Another key: refused, nothing written.
	other, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	otherKey := filepath.Join(t.TempDir(), "other.txt")
	if err := os.WriteFile(otherKey, []byte(other.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	elsewhere := filepath.Join(t.TempDir(), "x.md")
	if _, _, err := renderRestricted(t, dir, otherKey, elsewhere); err == nil || !strings.Contains(err.Error(), "not one it was encrypted to") || strings.Contains(err.Error(), other.String()) {
		t.Errorf("another key: err = %v", err)
	}
	if _, err := os.Stat(elsewhere); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("written with another key: %v", err)
	}
}

// TestRenderRestrictedMismatch: a private file whose entries match nothing
// in the record is refused, by line, without quoting it.
func TestRenderRestrictedMismatch(t *testing.T) {
	const clear = "agenda:\n  - title: SECRET-TITLE Tender\n    minutes: SECRET-MINUTES\ndecisions:\n  - id: D-9\n    text: SECRET-DECISION\n"
	dir, key := privateBoard(t, clear)
	out := filepath.Join(t.TempDir(), "restricted.md")
	_, stderr, err := renderRestricted(t, dir, key, out)
	if err == nil || !strings.Contains(err.Error(), "does not match the meeting's record (at line 2 and line 5)") {
		t.Fatalf("err = %v", err)
	}
	if strings.Contains(err.Error()+stderr, "SECRET") {
		t.Errorf("the error quotes the private file: %v", err)
	}
	if _, err := os.Stat(out); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("written from a file that does not match: %v", err)
	}
}
