package gitx

import (
	"os"
	"path/filepath"
	"testing"
)

func TestExposed(t *testing.T) {
	dir := repo(t, map[string]string{
		".gitignore":          "*.key\nprivate/\n",
		"board/network.yaml":  "id: board\n",
		"board/meetings/a.md": "x\n",
	})
	for name, text := range map[string]string{
		"board/bids.pdf":      "clear",
		"board/mine.key":      "secret",
		"private/notes.txt":   "clear",
		"board/with space.md": "clear",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	outside := filepath.Join(t.TempDir(), "key.txt")
	if err := os.WriteFile(outside, []byte("secret"), 0o600); err != nil {
		t.Fatal(err)
	}
	// A file of another repository is not this one's business.
	another := repo(t, map[string]string{"notes.txt": "x\n"})
	for _, c := range []struct {
		path string
		want Exposure
	}{
		{filepath.Join(another, "notes.txt"), Outside},
		{filepath.Join(dir, "board", "network.yaml"), Tracked},
		{filepath.Join(dir, "board", "bids.pdf"), Untracked},
		{filepath.Join(dir, "board", "with space.md"), Untracked},
		{filepath.Join(dir, "board", "mine.key"), Ignored},
		{filepath.Join(dir, "private", "notes.txt"), Ignored},
		{filepath.Join(dir, "board", "not-yet-written.pdf"), Untracked},
		{outside, Outside},
	} {
		if got := Exposed(filepath.Join(dir, "board"), c.path); got != c.want {
			t.Errorf("Exposed(%s) = %d, want %d", c.path, got, c.want)
		}
	}
}
