//go:build unix

package load

import (
	"io/fs"
	"syscall"
)

// readInto reads the file at path into buf (reused between files), refusing
// one over MaxFileSize bytes, and anything but a regular file (opened
// without waiting, so that a FIFO cannot hang it). It makes four system calls (open, fstat, read,
// close) where os.ReadFile makes nine: a regular file is not registered with
// the runtime's poller, and a short read of a regular file is its end. On a
// repository of a hundred thousand files that is a measurable share of the
// time.
func readInto(path string, buf []byte) ([]byte, error) {
	var fd int
	var err error
	for {
		fd, err = syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|syscall.O_NONBLOCK, 0)
		if err != syscall.EINTR {
			break
		}
	}
	if err != nil {
		return buf[:0], &fs.PathError{Op: "open", Path: path, Err: err}
	}
	defer syscall.Close(fd)
	var st syscall.Stat_t
	if err := syscall.Fstat(fd, &st); err != nil {
		return buf[:0], &fs.PathError{Op: "stat", Path: path, Err: err}
	}
	if st.Mode&syscall.S_IFMT == syscall.S_IFDIR {
		return buf[:0], errIsDir
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFREG {
		return buf[:0], errNotRegular
	}
	if st.Size > MaxFileSize {
		return buf[:0], &tooBigError{Size: st.Size}
	}
	if want := int(st.Size) + 1; cap(buf) < want {
		buf = make([]byte, 0, max(want, 4096))
	}
	buf = buf[:0]
	for len(buf) <= MaxFileSize {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		want := min(cap(buf), MaxFileSize+1) - len(buf)
		n, err := syscall.Read(fd, buf[len(buf):len(buf)+want])
		if err == syscall.EINTR {
			continue
		}
		if err != nil {
			return buf[:0], &fs.PathError{Op: "read", Path: path, Err: err}
		}
		buf = buf[:len(buf)+n]
		if n == 0 || n < want {
			return buf, nil
		}
	}
	return buf[:0], &tooBigError{Size: -1}
}
