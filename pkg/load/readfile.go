package load

import (
	"errors"
	"fmt"
)

// errIsDir is a path planned as a file that is a folder.
var errIsDir = errors.New("a folder, not a file")

// errNotRegular is a path planned as a file that is a FIFO, socket or
// device.
var errNotRegular = errors.New("not a regular file (a FIFO, socket or device)")

// tooBigError is a file over the size limit; Size is -1 when the file grew
// past the limit while it was read.
type tooBigError struct{ Size int64 }

func (e *tooBigError) Error() string {
	if e.Size < 0 {
		return fmt.Sprintf("the file is more than the limit of %d bytes", MaxFileSize)
	}
	return fmt.Sprintf("the file is %d bytes, more than the limit of %d", e.Size, MaxFileSize)
}

// worker is what one reading goroutine keeps between files: struct
// layouts, a read buffer and the strings it has seen.
type worker struct {
	types typeCache
	buf   []byte
	strs  map[string]string
	arena arena // the memory of the model it decodes
}

func newWorker() *worker {
	return &worker{types: typeCache{}, strs: map[string]string{}}
}

// Interning: short values (ids, statuses, member references) repeat across
// thousands of files; one copy of each keeps the loaded repository small,
// which is most of what a large repository costs the garbage collector.
const (
	internMaxLen   = 48
	internMaxCount = 1 << 16
)

// intern returns the one copy of s this worker keeps, when s is short.
//
// Every string the model keeps is copied into the worker's arena: the
// string it is given is part of a parsed YAML tree about to be garbage.
func (w *worker) intern(s string) string {
	if len(s) > internMaxLen {
		return w.arena.String(s)
	}
	if c, ok := w.strs[s]; ok {
		return c
	}
	c := w.arena.String(s)
	if len(w.strs) < internMaxCount {
		w.strs[c] = c
	}
	return c
}
