//go:build !unix

package safefile

import (
	"io"
	"io/fs"
	"os"
)

func openNoBlock(path string) (*os.File, error) { return os.Open(path) }

// readInto is ReadInto through an *os.File.
func readInto(path string, max int64, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
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
		return nil, tooLarge(path, fi.Size(), max)
	}
	buf = room(buf, fi.Size())
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
	return nil, grew(path, max)
}

// lockDir does nothing where there are no advisory locks on folders; Replace
// still checks the file before it renames.
func lockDir(string) (func(), error) { return func() {}, nil }
