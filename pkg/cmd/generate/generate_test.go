package generate

import (
	"errors"
	"os"
	"os/exec"
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
		args    []string
		dir     string
		check   bool
		changed string
		err     string
	}{
		{args: nil, dir: "networks"},
		{args: []string{"gov", "--check"}, dir: "gov", check: true},
		{args: []string{"--check", "--changed", "origin/main...HEAD"}, dir: "networks", check: true, changed: "origin/main...HEAD"},
		{args: []string{"a", "b"}, err: "accepts at most 1 arg"},
	} {
		got, err := cmdtest.Parse(NewCmdGenerate, tc.args...)
		if cmdtest.WantErr(t, err, "", tc.err) {
			continue
		}
		if got.Dir != tc.dir || got.Check != tc.check || got.Changed != tc.changed {
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

func generateChanged(t *testing.T, dir string, check bool, rev string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	err := generateRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Check: check, Changed: rev})
	return out.String(), errOut.String(), err
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
}

func appendTo(t *testing.T, path, text string) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := f.WriteString(text); err != nil {
		t.Fatal(err)
	}
}

// --changed checks (or writes) the papers of the bodies a change touches,
// every body's page and the index: a page already stale in a body the
// change does not touch is not its business, unless the change is to a
// file every page reads.
func TestGenerateRunChanged(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := cmdtest.Board(t)
	d := filepath.ToSlash(dir)
	for name, text := range map[string]string{
		"panel/network.yaml":             "id: panel\nname: Panel\nmeetings:\n  ordinary: {every: P1M}\n",
		"panel/meetings/2026-10-06.yaml": "date: 2026-10-06\nkind: ordinary\nstatus: held\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := generate(t, dir, false); err != nil {
		t.Fatal(err)
	}
	// The base: every page written, and one of the panel's already stale.
	panelMinutes := filepath.Join(dir, "panel", "meetings", "2026-10-06.minutes.md")
	if err := os.WriteFile(panelMinutes, []byte("stale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "init", "-q")
	git(t, dir, "add", "-A")
	git(t, dir, "commit", "-q", "-m", "base")

	// A change to the board's minutes: found; the panel's stale page not.
	appendTo(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"), "notes: Agreed.\n")
	git(t, dir, "commit", "-q", "-a", "-m", "board")
	boardMinutes := "stale: " + d + "/board/meetings/2026-11-17.minutes.md\n"
	out, _, err := generateChanged(t, dir, true, "HEAD~1...HEAD")
	if !errors.Is(err, cmdutil.ErrFindings) || out != boardMinutes {
		t.Errorf("--changed HEAD~1...HEAD: %v\n%s", err, out)
	}
	out, _, err = generate(t, dir, true)
	if !errors.Is(err, cmdutil.ErrFindings) || !strings.Contains(out, boardMinutes) || !strings.Contains(out, "stale: "+d+"/panel/meetings/2026-10-06.minutes.md\n") {
		t.Errorf("without --changed, both are stale: %v\n%s", err, out)
	}

	// Without --check it writes what it checks, and nothing else.
	out, _, err = generateChanged(t, dir, false, "HEAD~1...HEAD")
	if err != nil || out != "wrote "+d+"/board/meetings/2026-11-17.minutes.md\n" {
		t.Errorf("--changed without --check: %v\n%s", err, out)
	}
	if cmdtest.ReadFile(t, panelMinutes) != "stale\n" {
		t.Error("--changed wrote the panel's minutes")
	}
	out, errOut, err := generateChanged(t, dir, true, "HEAD~1")
	if err != nil || out != "" || !strings.Contains(errOut, "generated files of what changed since HEAD~1 are up to date") {
		t.Errorf("since HEAD~1, with the working tree: %v, %q, %q", err, out, errOut)
	}
	git(t, dir, "commit", "-q", "-a", "-m", "board minutes")

	// No change at all: nothing to do.
	out, errOut, err = generateChanged(t, dir, true, "HEAD..HEAD")
	if err != nil || out != "" || errOut != "no file changed in HEAD..HEAD: nothing to generate\n" {
		t.Errorf("no change: %v, %q, %q", err, out, errOut)
	}

	// A page edited by hand is a change to its body.
	appendTo(t, filepath.Join(dir, "board", "meetings", "2026-11-03.minutes.md"), "an edit\n")
	out, _, err = generateChanged(t, dir, true, "HEAD")
	if !errors.Is(err, cmdutil.ErrFindings) || out != "stale: "+d+"/board/meetings/2026-11-03.minutes.md\n" {
		t.Errorf("an edited page: %v\n%s", err, out)
	}
	git(t, dir, "checkout", "-q", "--", ".")

	// A meeting held later than any moves the date the index is drawn as
	// at, and the board's page, drawn as at the board's own latest record:
	// both found. The panel's page is drawn as at the panel's records, and
	// stays as it is.
	if err := os.WriteFile(filepath.Join(dir, "board", "meetings", "2026-12-08.yaml"), []byte("date: 2026-12-08\nkind: ordinary\nstatus: held\nattendance: {present: [ann, bob]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "commit", "-q", "-a", "-m", "held")
	out, _, err = generateChanged(t, dir, true, "HEAD~1...HEAD")
	if want := "stale: " + d + "/README.md\nstale: " + d + "/board/README.md\nmissing: " + d + "/board/meetings/2026-12-08.minutes.md\n"; !errors.Is(err, cmdutil.ErrFindings) || out != want {
		t.Errorf("a later record: %v\n%s\nwant\n%s", err, out, want)
	}
	if _, _, err := generate(t, dir, false); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(panelMinutes, []byte("stale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	git(t, dir, "commit", "-q", "-a", "-m", "pages")

	// A change to govctl.yaml is a change to every page: the panel's stale
	// minutes are found.
	appendTo(t, filepath.Join(dir, "govctl.yaml"), "# a comment\n")
	git(t, dir, "commit", "-q", "-a", "-m", "settings")
	out, _, err = generateChanged(t, dir, true, "HEAD~1...HEAD")
	if !errors.Is(err, cmdutil.ErrFindings) || out != "stale: "+d+"/panel/meetings/2026-10-06.minutes.md\n" {
		t.Errorf("govctl.yaml changed: %v\n%s", err, out)
	}

	// A revision that is not there is git's error, with a hint.
	if _, _, err := generateChanged(t, dir, true, "nosuchrev...HEAD"); err == nil || !strings.Contains(err.Error(), `revision "nosuchrev" is not in this repository`) {
		t.Errorf("a missing revision: %v", err)
	}
}
