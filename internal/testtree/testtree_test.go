package testtree

import (
	"os"
	"path/filepath"
	"testing"
)

func TestNew(t *testing.T) {
	dir := New(t, map[string]string{"a.yaml": "a\n", "x/meetings/b.yaml": "b\n"})
	for name, want := range map[string]string{"a.yaml": "a\n", "x/meetings/b.yaml": "b\n"} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s: %q, %v; want %q", name, got, err, want)
		}
	}
}
