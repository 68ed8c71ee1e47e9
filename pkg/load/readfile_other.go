//go:build !unix

package load

import (
	"io"
	"os"
)

// readInto reads the file at path into buf (reused between files), refusing
// one over MaxFileSize bytes.
func readInto(path string, buf []byte) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return buf[:0], err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return buf[:0], err
	}
	if fi.IsDir() {
		return buf[:0], errIsDir
	}
	if !fi.Mode().IsRegular() {
		return buf[:0], errNotRegular
	}
	if fi.Size() > MaxFileSize {
		return buf[:0], &tooBigError{Size: fi.Size()}
	}
	buf = buf[:0]
	for len(buf) <= MaxFileSize {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):min(cap(buf), MaxFileSize+1)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf[:0], err
		}
	}
	return buf[:0], &tooBigError{Size: -1}
}
