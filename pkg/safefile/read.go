package safefile

import (
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
// file.
func ReadInto(path string, max int64, buf []byte) ([]byte, error) {
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
	if fi.Size() > max {
		return nil, fmt.Errorf("%s: the file is %d bytes, %w of %d", path, fi.Size(), ErrTooLarge, max)
	}
	if want := int(fi.Size()) + 1; cap(buf) < want {
		buf = make([]byte, 0, want)
	}
	buf = buf[:0]
	for int64(len(buf)) <= max {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // room to read on
		}
		want := int(min(int64(cap(buf)), max+1)) - len(buf)
		n, err := f.Read(buf[len(buf) : len(buf)+want])
		buf = buf[:len(buf)+n]
		if err == io.EOF || err == nil && n < want {
			return buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
	return nil, fmt.Errorf("%s: the file grew, %w of %d bytes", path, ErrTooLarge, max)
}
