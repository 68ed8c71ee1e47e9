package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
)

// ErrNotRegular is a path that is not a regular file: a FIFO, a socket or a
// device, which would block or never end if read.
var ErrNotRegular = errors.New("not a regular file (a FIFO, socket or device); govctl reads only files")

// ErrTooLarge is a file over the size a caller reads.
var ErrTooLarge = errors.New("more than the limit")

// ErrChanged is a file that changed after govctl read it and before it
// wrote its new version: another program (or another govctl) wrote it.
var ErrChanged = errors.New("it changed while govctl was working on it, so nothing was written; run the command again")

// Read reads the regular file at path, of at most max bytes. It never
// blocks on a FIFO (it is opened without waiting for a writer, and refused),
// and never reads more than max+1 bytes.
func Read(path string, max int64) ([]byte, error) {
	return ReadInto(path, max, nil)
}

// ReadInto reads as Read does, into buf's memory when it is large enough
// (from its start; the result is buf's or new memory), for a caller that
// reads many files one after another and keeps none of them. A read that
// gives less than was asked for is the file's end, as it is for a regular
// file. On Unix it makes four system calls (open, fstat, read, close), as
// the loader's reads do: a file of a repository of a hundred thousand is
// not registered with the runtime's poller, nor given an *os.File.
func ReadInto(path string, max int64, buf []byte) ([]byte, error) {
	return readInto(path, max, buf)
}

// room is buf, emptied, with room for size+1 bytes.
func room(buf []byte, size int64) []byte {
	if want := int(size) + 1; cap(buf) < want {
		return make([]byte, 0, want)
	}
	return buf[:0]
}

func tooLarge(path string, size, max int64) error {
	return fmt.Errorf("%s: the file is %d bytes, %w of %d", path, size, ErrTooLarge, max)
}

func grew(path string, max int64) error {
	return fmt.Errorf("%s: the file grew, %w of %d bytes", path, ErrTooLarge, max)
}

// ReadHead reads at most the first n bytes of the regular file at path (the
// whole file when it is shorter), for a reader that needs only its start
// (an age file's header). Like Read, it never blocks on a FIFO.
func ReadHead(path string, n int64) ([]byte, error) {
	f, err := openNoBlock(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, &fs.PathError{Op: "read", Path: path, Err: ErrNotRegular}
	}
	var b bytes.Buffer
	b.Grow(int(min(fi.Size(), n)))
	if _, err := io.Copy(&b, io.LimitReader(f, n)); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
