package gitx

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestSplitRange(t *testing.T) {
	for _, tc := range []struct {
		rev, base, head string
		ok              bool
	}{
		{"origin/main", "", "", false},
		{"HEAD~1", "", "", false},
		{"origin/main..HEAD", "origin/main", "HEAD", true},
		{"origin/main...HEAD", "origin/main", "HEAD", true},
		{"origin/main...", "origin/main", "HEAD", true},
		{"..feature", "HEAD", "feature", true},
	} {
		base, head, ok := splitRange(tc.rev)
		if base != tc.base || head != tc.head || ok != tc.ok {
			t.Errorf("splitRange(%q) = %q, %q, %v; want %q, %q, %v", tc.rev, base, head, ok, tc.base, tc.head, tc.ok)
		}
	}
}

// repo makes a git repository in a temporary folder with files (path:
// content), committed, and returns its folder.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	dir := t.TempDir()
	run := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=t", "GIT_AUTHOR_EMAIL=t@example.com", "GIT_COMMITTER_NAME=t", "GIT_COMMITTER_EMAIL=t@example.com")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	run("init", "-q")
	for name, content := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	run("add", "-A")
	run("commit", "-q", "-m", "base")
	return dir
}

// TestChangedNamesAsTheyAre lists names git would quote (letters outside
// ASCII, spaces) byte for byte.
func TestChangedNamesAsTheyAre(t *testing.T) {
	dir := repo(t, map[string]string{"networks/hr-net/network.yaml": "id: hr-net\n"})
	for _, name := range []string{"networks/réseau-rh/network.yaml", "networks/two words/network.yaml"} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte("id: x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "networks/hr-net/network.yaml"), []byte("id: hr-net\nname: HR\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := Changed(filepath.Join(dir, "networks"), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(got)
	want := []string{"hr-net/network.yaml", "réseau-rh/network.yaml", "two words/network.yaml"}
	if !slices.Equal(got, want) {
		t.Errorf("Changed = %q, want %q", got, want)
	}
}

// TestExport writes every regular file of the folder at the revision, those
// export-ignore would hide included; a file over the limit as one of
// MaxFile+1 bytes; and refuses a tree of more files than allowed.
func TestExport(t *testing.T) {
	dir := repo(t, map[string]string{
		"networks/.gitattributes":       "*.yaml export-ignore\n",
		"networks/organisations.yaml":   "organisations: []\n",
		"networks/x/network.yaml":       "id: x\n",
		"networks/x/meetings/big.yaml":  strings.Repeat("#", 2000),
		"networks/x/réunion/notes.yaml": "a: 1\n",
		"outside/secret.yaml":           "not: exported\n",
	})
	dest := t.TempDir()
	if err := Export(filepath.Join(dir, "networks"), "HEAD", dest, Limits{MaxFile: 1000, MaxFiles: 10}); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		"organisations.yaml":   "organisations: []\n",
		"x/network.yaml":       "id: x\n",
		"x/réunion/notes.yaml": "a: 1\n",
	} {
		got, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if st, err := os.Stat(filepath.Join(dest, "x/meetings/big.yaml")); err != nil || st.Size() != 1001 {
		t.Errorf("big.yaml: %v, %v; want a file of 1001 bytes", st, err)
	}
	if _, err := os.Stat(filepath.Join(dest, "secret.yaml")); err == nil {
		t.Error("a file outside the folder was exported")
	}
	var large *TooLargeError
	if err := Export(filepath.Join(dir, "networks"), "HEAD", t.TempDir(), Limits{MaxFiles: 2}); !errors.As(err, &large) {
		t.Errorf("Export with MaxFiles 2 = %v, want TooLargeError", err)
	}
	if err := Export(filepath.Join(dir, "networks"), "HEAD", t.TempDir(), Limits{MaxTotal: 10}); !errors.As(err, &large) {
		t.Errorf("Export with MaxTotal 10 = %v, want TooLargeError", err)
	}
}
