package main

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestMarkdown(t *testing.T) {
	dir := t.TempDir()
	if err := run([]string{"markdown", dir}, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "govctl_validate.md"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "govctl validate [DIR]") {
		t.Errorf("govctl_validate.md lacks the usage line:\n%s", b)
	}
}

func TestMan(t *testing.T) {
	dir := t.TempDir()
	if err := run([]string{"man", dir}, io.Discard); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(dir, "govctl-agenda-new.1"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `.TH "GOVCTL" "1"`) {
		t.Errorf("govctl-agenda-new.1 is not a man page:\n%.200s", b)
	}
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{nil, {"html", t.TempDir()}, {"man"}} {
		if err := run(args, io.Discard); err == nil || !strings.Contains(err.Error(), "usage") {
			t.Errorf("run(%q) = %v, want the usage", args, err)
		}
	}
}
