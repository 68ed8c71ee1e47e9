//go:build unix

package load_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestSpecialFiles: a FIFO where a file is expected, a FIFO elsewhere, and a
// link to a FIFO are findings, and loading does not wait for a writer.
func TestSpecialFiles(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"organisations.yaml": orgs,
		"x/network.yaml":     "id: x\nname: X Network\n",
	})
	for _, p := range []string{"x/members.yaml", "x/meetings/2026-11-17.yaml", "x/meetings/2026-11-17.private.yaml.age", "x/pipe"} {
		abs := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(abs), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(abs, 0o644); err != nil {
			t.Skip("no FIFOs here:", err)
		}
	}
	symlink(t, filepath.Join(dir, "x", "pipe"), filepath.Join(dir, "x", "work-programme.yaml"))
	done := make(chan struct{})
	go func() {
		defer close(done)
		_, ds := mustLoad(t, dir)
		expect(t, dir, ds,
			`x/members.yaml:1 unreadable-file: members.yaml is not a regular file or folder \(a FIFO, socket or device\); it is not read: remove it$`,
			`x/meetings/2026-11-17.yaml:1 unreadable-file: 2026-11-17.yaml is not a regular file or folder`,
			`x/meetings/2026-11-17.private.yaml.age:1 unreadable-file: 2026-11-17.private.yaml.age is not a regular file or folder`,
			`x/pipe:1 unreadable-file: pipe is not a regular file or folder`,
			`x/work-programme.yaml:1 unreadable-file: symbolic link work-programme.yaml leads to something that is not a regular file or folder`,
		)
	}()
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("loading blocked on a FIFO")
	}
}

// TestControlCharacterInName: a name with a line break is a finding, quoted,
// and the file is not read.
func TestControlCharacterInName(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"organisations.yaml":                     orgs,
		"x/network.yaml":                         "id: x\nname: X Network\n",
		"x/meetings/2026-11-17.yaml\n::error::x": "date: 2026-11-17\n",
	})
	_, ds := mustLoad(t, dir)
	expect(t, dir, ds,
		`x/meetings/"2026-11-17.yaml\\n::error::x":1 unsafe-path: the name "2026-11-17.yaml\\n::error::x" holds a control character \(a line break, tab or escape\); it is not read: rename it$`,
	)
}
