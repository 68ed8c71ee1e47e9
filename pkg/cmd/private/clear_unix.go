//go:build unix

package private

import (
	"errors"
	"os"
	"syscall"
)

// lockFile takes f's advisory lock, waiting for it; where there are no
// locks, it does nothing.
func lockFile(f *os.File) {
	for syscall.Flock(int(f.Fd()), syscall.LOCK_EX) == syscall.EINTR {
	}
}

// tryLock tries to take f's lock without waiting: got is whether it was
// free; ok is false where there are no locks to take.
func tryLock(f *os.File) (got, ok bool) {
	for {
		err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB)
		switch {
		case err == nil:
			return true, true
		case errors.Is(err, syscall.EWOULDBLOCK):
			return false, true
		case err != syscall.EINTR:
			return false, false
		}
	}
}

// alive reports whether process pid exists.
func alive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// ownedByUser reports whether the user running govctl owns fi.
func ownedByUser(fi os.FileInfo) bool {
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
