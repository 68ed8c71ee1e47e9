//go:build unix

package private

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"sync"
	"syscall"
	"testing"

	"github.com/govctl/govctl/pkg/exit"
)

// promptWatch is standard error that says when the question is asked.
type promptWatch struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	asked chan struct{}
}

func (w *promptWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	n, err := w.buf.Write(p)
	if bytes.Contains(p, []byte("edit again?")) {
		close(w.asked)
	}
	return n, err
}

// Interrupted while it asks whether to edit again, govctl does not wait for
// an answer: it removes the clear copy and writes nothing.
func TestEditInterruptedAtTheQuestion(t *testing.T) {
	k := newKey(t)
	dir := board(t, k.public)
	r := newRun(t, dir, "edit")
	in, never := io.Pipe()
	defer never.Close()
	w := &promptWatch{asked: make(chan struct{})}
	r.opts.IO.In, r.opts.IO.ErrOut, r.opts.IO.InTTY = in, w, true
	r.opts.Editor = editor(t, "echo 'surplus: x' > \"$1\"")
	go func() {
		<-w.asked
		_ = syscall.Kill(os.Getpid(), syscall.SIGINT)
	}()
	wantCode(t, r.exec(), exit.Findings, "interrupted: nothing was written")
	r.noClearCopy(t)
	if _, err := os.Stat(companionPath(dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a companion was written: %v", err)
	}
}
