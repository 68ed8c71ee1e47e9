package safefile

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
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

// TestReplace writes over a file that still holds what was read, and writes
// nothing over one that changed since.
func TestReplace(t *testing.T) {
	p := filepath.Join(t.TempDir(), "m.yaml")
	if err := os.WriteFile(p, []byte("a: 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Replace(p, []byte("a: 1\n"), []byte("a: 2\n")); err != nil {
		t.Fatal(err)
	}
	// Another writer has been: "a: 2" is no longer "a: 1".
	err := Replace(p, []byte("a: 1\n"), []byte("a: 3\n"))
	if !errors.Is(err, ErrChanged) {
		t.Fatalf("Replace over a changed file = %v, want ErrChanged", err)
	}
	if b, _ := os.ReadFile(p); string(b) != "a: 2\n" {
		t.Errorf("the file holds %q, want the other writer's", b)
	}
	left, _ := filepath.Glob(filepath.Join(filepath.Dir(p), ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestSweep removes the temporary files of a killed writer at the next
// write in that folder, and nothing else.
func TestSweep(t *testing.T) {
	dir := t.TempDir()
	stale := filepath.Join(dir, ".m.yaml.govctl-tmp-123")
	keep := filepath.Join(dir, ".hidden")
	for _, p := range []string{stale, keep} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := Write(filepath.Join(dir, "n.yaml"), []byte("b: 1\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Errorf("the stale temporary file is still there: %v", err)
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("a file that is not govctl's was removed: %v", err)
	}
}

// TestReadRefusesFIFO reads a FIFO without blocking, and refuses it.
func TestReadRefusesFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.yaml")
	if err := mkfifo(p); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	done := make(chan error, 1)
	go func() { _, err := Read(p, 1<<20); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("Read(FIFO) = %v, want ErrNotRegular", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Read blocked on a FIFO")
	}
}

func TestReadLimit(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.yaml")
	if err := os.WriteFile(p, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Read(p, 9); !errors.Is(err, ErrTooLarge) {
		t.Errorf("Read over the limit = %v, want ErrTooLarge", err)
	}
	if b, err := Read(p, 10); err != nil || string(b) != "0123456789" {
		t.Errorf("Read = %q, %v", b, err)
	}
}

// TestReadInto reads into the buffer it is given when the file fits, and
// into new memory when it does not.
func TestReadInto(t *testing.T) {
	dir := t.TempDir()
	short, long := filepath.Join(dir, "short.md"), filepath.Join(dir, "long.md")
	if err := os.WriteFile(short, []byte("abc"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(long, bytes.Repeat([]byte("x"), 5000), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 0, 64)
	b, err := ReadInto(short, 100, buf)
	if err != nil || string(b) != "abc" || &b[:1][0] != &buf[:1][0] {
		t.Errorf("ReadInto(short) = %q, %v (in the buffer given: %v)", b, err, err == nil && &b[:1][0] == &buf[:1][0])
	}
	b, err = ReadInto(long, 10000, b)
	if err != nil || len(b) != 5000 {
		t.Errorf("ReadInto(long) = %d bytes, %v", len(b), err)
	}
	if _, err := ReadInto(long, 4999, b); !errors.Is(err, ErrTooLarge) {
		t.Errorf("ReadInto over the limit = %v, want ErrTooLarge", err)
	}
	empty := filepath.Join(dir, "empty.md")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := Read(empty, 10); err != nil || b == nil || len(b) != 0 {
		t.Errorf("Read(empty) = %v, %v; want an empty file's no bytes, not nil", b, err)
	}
}

func TestReadHead(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.age")
	if err := os.WriteFile(p, []byte("0123456789"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := ReadHead(p, 4); err != nil || string(b) != "0123" {
		t.Errorf("ReadHead(4) = %q, %v", b, err)
	}
	if b, err := ReadHead(p, 100); err != nil || string(b) != "0123456789" {
		t.Errorf("ReadHead(100) = %q, %v", b, err)
	}
	fifo := filepath.Join(dir, "fifo.age")
	if err := mkfifo(fifo); err != nil {
		t.Skip(err)
	}
	done := make(chan error, 1)
	go func() { _, err := ReadHead(fifo, 100); done <- err }()
	select {
	case err := <-done:
		if !errors.Is(err, ErrNotRegular) {
			t.Errorf("ReadHead(FIFO) = %v, want ErrNotRegular", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("ReadHead blocked on a FIFO")
	}
}

func TestWritePrivate(t *testing.T) {
	p := filepath.Join(t.TempDir(), "minutes.md")
	if err := os.WriteFile(p, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WritePrivate(p, []byte("restricted\n")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want 0600", fi.Mode().Perm())
	}
	if b, _ := os.ReadFile(p); string(b) != "restricted\n" {
		t.Errorf("wrote %q", b)
	}
}
