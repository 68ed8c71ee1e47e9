package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestWriteAndCreate(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "sub", "a.yaml")
	if err := Write(p, []byte("one\n")); err != nil {
		t.Fatal(err)
	}
	if err := Write(p, []byte("two\n")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two\n" {
		t.Errorf("after Write: %q", b)
	}
	if err := Create(p, []byte("three\n")); !errors.Is(err, ErrExists) {
		t.Errorf("Create over an existing file: %v", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "two\n" {
		t.Errorf("Create changed an existing file: %q", b)
	}
	q := filepath.Join(dir, "sub", "b.yaml")
	if err := Create(q, []byte("new\n")); err != nil {
		t.Fatal(err)
	}
	ents, _ := os.ReadDir(filepath.Join(dir, "sub"))
	for _, e := range ents {
		if strings.Contains(e.Name(), ".tmp-") {
			t.Errorf("temporary file left behind: %s", e.Name())
		}
	}
	if fi, _ := os.Stat(q); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v", fi.Mode())
	}
}

func TestInside(t *testing.T) {
	root := t.TempDir()
	outside := t.TempDir()
	if err := Inside(root, filepath.Join(root, "x", "meetings", "2026-01-13.yaml")); err != nil {
		t.Errorf("a path inside: %v", err)
	}
	if err := Inside(root, filepath.Join(root, "..", filepath.Base(outside), "a.yaml")); err == nil {
		t.Error("a path outside was allowed")
	}
	if err := os.Symlink(outside, filepath.Join(root, "link")); err != nil {
		t.Skip(err)
	}
	if err := Inside(root, filepath.Join(root, "link", "a.yaml")); err == nil {
		t.Error("a path through a link leading outside was allowed")
	}
	if err := os.Symlink(filepath.Join(outside, "f"), filepath.Join(root, "f.yaml")); err != nil {
		t.Fatal(err)
	}
	if err := Inside(root, filepath.Join(root, "f.yaml")); err == nil {
		t.Error("writing through a symbolic link was allowed")
	}
}
