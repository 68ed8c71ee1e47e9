package generate

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

func TestNewCmdGenerateFlags(t *testing.T) {
	for _, tc := range []struct {
		args  []string
		dir   string
		check bool
		err   string
	}{
		{args: nil, dir: "networks"},
		{args: []string{"gov", "--check"}, dir: "gov", check: true},
		{args: []string{"a", "b"}, err: "accepts at most 1 arg"},
	} {
		got, err := cmdtest.Parse(NewCmdGenerate, tc.args...)
		if cmdtest.WantErr(t, err, "", tc.err) {
			continue
		}
		if got.Dir != tc.dir || got.Check != tc.check {
			t.Errorf("%v: got %+v, %v", tc.args, got, err)
		}
	}
}

func generate(t *testing.T, dir string, check bool) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	err := generateRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Check: check})
	return out.String(), errOut.String(), err
}

func TestGenerateRun(t *testing.T) {
	dir := cmdtest.Board(t)
	d := filepath.ToSlash(dir)

	// --check lists what is missing, writes nothing, and exits 1.
	out, errOut, err := generate(t, dir, true)
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("--check on a new repository: err = %v; want ErrFindings", err)
	}
	checked := strings.Split(strings.TrimSpace(out), "\n")
	for _, want := range []string{"missing: " + d + "/README.md", "missing: " + d + "/board/README.md", "missing: " + d + "/board/meetings/2026-11-03.minutes.md"} {
		if !strings.Contains(out, want+"\n") {
			t.Errorf("--check does not list %q:\n%s", want, out)
		}
	}
	if !strings.Contains(errOut, "generated file(s) missing or out of date; run govctl generate") {
		t.Errorf("stderr %q", errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err == nil {
		t.Fatal("--check wrote README.md")
	}

	// Without --check it writes the same files.
	out, _, err = generate(t, dir, false)
	if err != nil {
		t.Fatal(err)
	}
	wrote := strings.Split(strings.TrimSpace(out), "\n")
	if len(wrote) != len(checked) {
		t.Errorf("wrote %d files; --check listed %d", len(wrote), len(checked))
	}
	for i, line := range wrote {
		p, ok := strings.CutPrefix(line, "wrote ")
		if !ok || "missing: "+p != checked[i] {
			t.Errorf("line %q; want the file --check listed, %q", line, checked[i])
			continue
		}
		if b, err := os.ReadFile(filepath.FromSlash(p)); err != nil || len(b) == 0 {
			t.Errorf("%s: %v, %d bytes", p, err, len(b))
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "board", "README.md")); !strings.Contains(string(b), "Board") {
		t.Errorf("board/README.md:\n%s", b)
	}

	// Then all is up to date.
	out, errOut, err = generate(t, dir, true)
	if err != nil || out != "" || !strings.HasPrefix(errOut, "all ") || !strings.HasSuffix(errOut, " generated files are up to date\n") {
		t.Errorf("after generate, --check: %v, %q, %q", err, out, errOut)
	}

	// A stale file is found and rewritten.
	stale := filepath.Join(dir, "board", "README.md")
	if err := os.WriteFile(stale, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, _, err := generate(t, dir, true); !errors.Is(err, cmdutil.ErrFindings) || out != "stale: "+d+"/board/README.md\n" {
		t.Errorf("stale file: %v, %q", err, out)
	}
}

// A repository that does not load is not generated from.
func TestGenerateRunRefusesLoadErrors(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: A}\n",
		"board/network.yaml": "id: board\nname: Board\nquorum: lots\n",
	})
	out, _, err := generate(t, dir, false)
	var fe *check.FindingsError
	if !errors.As(err, &fe) || len(fe.Diagnostics) == 0 {
		t.Fatalf("err = %v; want a FindingsError", err)
	}
	if out != "" {
		t.Errorf("printed %q", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "README.md")); err == nil {
		t.Error("wrote README.md from a repository with errors")
	}
}
