package cmdtest_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
)

func TestClock(t *testing.T) {
	now := cmdtest.Clock("2026-12-04")
	want := time.Date(2026, 12, 4, 12, 0, 0, 0, time.UTC)
	if got := now(); !got.Equal(want) {
		t.Errorf("Clock = %v; want %v", got, want)
	}
	if !now().Equal(now()) {
		t.Error("the clock moved")
	}
	defer func() {
		if recover() == nil {
			t.Error("Clock(2026-02-29) did not panic")
		}
	}()
	cmdtest.Clock("2026-02-29")
}

func TestWriteTree(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{"a.yaml": "x: 1\n", "b/c/d.yaml": "y: 2\n"})
	for name, want := range map[string]string{"a.yaml": "x: 1\n", "b/c/d.yaml": "y: 2\n"} {
		got, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
}
