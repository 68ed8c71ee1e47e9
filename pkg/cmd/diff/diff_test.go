package diff

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
)

func TestNewCmdDiffArgs(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args             []string
		dir, base, head  string
		format           string
		flagErr, usageIn string
	}{
		{args: nil, dir: "networks", format: "markdown"},
		{args: []string{"origin/main"}, dir: "networks", base: "origin/main", format: "markdown"},
		{args: []string{"v1.0", "v1.1", dir, "--format", "json"}, dir: dir, base: "v1.0", head: "v1.1", format: "json"},
		{args: []string{"v1.0", dir}, dir: dir, base: "v1.0", format: "markdown"},
		{args: []string{"a", "b", "c"}, flagErr: "give at most two revisions and a folder"},
		{args: []string{"--format", "text"}, flagErr: `--format "text": want markdown or json`},
		{args: []string{"a", "b", "c", "d"}, usageIn: "accepts at most 3 arg"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdDiff, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, tc.usageIn) {
				return
			}
			if got.Dir != tc.dir || got.Base != tc.base || got.Head != tc.head || got.Format != tc.format {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

// gitRepo is Board committed to a new git repository, in its folder.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := cmdtest.Board(t)
	for _, args := range [][]string{
		{"init", "-q"},
		{"add", "."},
		{"-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "board"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

func diff(t *testing.T, opts Options) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	opts.IO = ios
	if opts.Format == "" {
		opts.Format = "markdown"
	}
	err := diffRun(&opts)
	return out.String(), err
}

func TestDiffRun(t *testing.T) {
	dir := gitRepo(t)
	p := filepath.Join(dir, "board", "network.yaml")
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(strings.Replace(string(b), "name: Board", "name: Joint Board", 1)), 0o644); err != nil {
		t.Fatal(err)
	}

	out, err := diff(t, Options{Dir: dir, Base: "HEAD"})
	if err != nil {
		t.Fatal(err)
	}
	want := "## Governance changes (HEAD → working tree)\n\n### board\n\n- **terms**: name: from \"Board\" to \"Joint Board\"\n"
	if out != want {
		t.Errorf("markdown =\n%s\nwant\n%s", out, want)
	}

	out, err = diff(t, Options{Dir: dir, Base: "HEAD", Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Base, Head string
		Changes    []struct{ Network, Area, Text string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Base != "HEAD" || got.Head != "working tree" || len(got.Changes) != 1 || got.Changes[0].Network != "board" || got.Changes[0].Area != "terms" {
		t.Errorf("json %+v", got)
	}

	// Two revisions: the commit against itself.
	out, err = diff(t, Options{Dir: dir, Base: "HEAD", Head: "HEAD"})
	if err != nil || out != "## Governance changes (HEAD → HEAD)\n\nNo governance changes.\n" {
		t.Errorf("HEAD to HEAD: %v %q", err, out)
	}
	out, err = diff(t, Options{Dir: dir, Base: "HEAD", Head: "HEAD", Format: "json"})
	if err != nil || !strings.Contains(out, `"changes": []`) {
		t.Errorf("no changes in json: %v %s", err, out)
	}
}

func TestDiffRunErrors(t *testing.T) {
	dir := gitRepo(t)
	var ue *cmdutil.UserError
	if _, err := diff(t, Options{Dir: dir, Base: "no-such-rev"}); !errors.As(err, &ue) || ue.Code != cmdutil.ExitUsage || ue.Hint != "check the revision name" {
		t.Errorf("missing revision: err = %v (%+v)", err, ue)
	}
	if _, err := diff(t, Options{Dir: dir}); !errors.As(err, &ue) || !strings.Contains(ue.Hint, "give the base revision") {
		t.Errorf("no upstream: err = %v (%+v)", err, ue)
	}
	if _, err := diff(t, Options{Dir: cmdtest.Board(t), Base: "HEAD"}); !errors.As(err, &ue) || !strings.Contains(ue.Hint, "inside a git repository") {
		t.Errorf("not a git repository: err = %v (%+v)", err, ue)
	}
	var nf *load.NotFoundError
	if _, err := diff(t, Options{Dir: filepath.Join(dir, "nope"), Base: "HEAD"}); !errors.As(err, &nf) {
		t.Errorf("no folder: err = %v; want a NotFoundError", err)
	}
}

// commit commits every change in dir.
func commit(t *testing.T, dir string) {
	t.Helper()
	for _, args := range [][]string{
		{"add", "-A"},
		{"-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-q", "-m", "change"},
	} {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
}

func edit(t *testing.T, path, old, new string) {
	t.Helper()
	s := cmdtest.ReadFile(t, path)
	if !strings.Contains(s, old) {
		t.Fatalf("%s holds no %q", path, old)
	}
	if err := os.WriteFile(path, []byte(strings.Replace(s, old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The held meetings whose verdict a change alters, with each side read with
// its own govctl.yaml: a closure added on a past day makes papers sent on
// the deadline late, and a quorum raised in place makes both meetings
// inquorate.
func TestDiffRunVerdicts(t *testing.T) {
	dir := gitRepo(t)
	edit(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"), "status: held\n", "status: held\npapers_sent: 2026-11-10\n")
	commit(t, dir)

	edit(t, filepath.Join(dir, "govctl.yaml"), "closures: []", "closures: [{date: 2026-11-12, name: Office move}]")
	out, err := diff(t, Options{Dir: dir, Base: "HEAD", Format: "json"})
	if err != nil {
		t.Fatal(err)
	}
	var got struct {
		Changes  []struct{ Network, Area, Text string }
		Verdicts []struct {
			Network, Meeting string
			Changes          []struct{ What, Before, After string }
			Retrospective    bool
			Causes           []string
		}
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(got.Changes) != 1 || got.Changes[0].Area != "calendar" || got.Changes[0].Text != "closure added: 2026-11-12 (Office move)" {
		t.Errorf("changes: %+v", got.Changes)
	}
	if len(got.Verdicts) != 1 {
		t.Fatalf("verdicts: %s", out)
	}
	v := got.Verdicts[0]
	if v.Meeting != "2026-11-17" || len(v.Changes) != 1 || v.Changes[0].What != "papers" || !v.Retrospective || strings.Join(v.Causes, ",") != "calendar" ||
		v.Changes[0].After != "late (sent Tuesday 10 November 2026, after the deadline of Monday 9 November 2026)" {
		t.Errorf("verdict %+v", v)
	}

	commit(t, dir)
	edit(t, filepath.Join(dir, "board", "network.yaml"), "quorum: {members: 2}", "quorum: {members: 3}")
	md, err := diff(t, Options{Dir: dir, Base: "HEAD"})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{
		"\n## Meetings whose verdict changes\n",
		"- **Tuesday 3 November 2026** (ordinary, `meetings/2026-11-03.yaml`):\n  - quorum: quorate (2 present, at least 2 needed) → not quorate (2 present, at least 3 needed)\n",
		"- **Tuesday 17 November 2026** (ordinary, `meetings/2026-11-17.yaml`):\n",
		"  - **Retrospective:** network.yaml was changed in place",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("markdown lacks %q:\n%s", w, md)
		}
	}
	if strings.Contains(md, "2026-12-08") {
		t.Errorf("a planned meeting listed:\n%s", md)
	}
}
