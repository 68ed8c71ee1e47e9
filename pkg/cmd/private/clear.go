package private

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Clear copies. govctl private edit writes the text it decrypts to a file
// in a folder of its own under the system's temporary folder, readable by
// the user alone (0700, the file 0600), never in the repository, and
// removes the folder on every way out of the run: the editor saving, the
// editor failing or killed, govctl interrupted, a panic. A run killed
// outright (SIGKILL, a power cut) cannot remove it: the next run does. The
// run holds an advisory lock on the folder's lock file while it lives, so
// that a folder whose lock is free was left by a run that has ended.

// clearPrefix begins the name of every folder of a clear copy.
const clearPrefix = "govctl-private-"

// lockName is the lock file of a clear copy's folder; it holds the pid of
// the run that made it.
const lockName = "lock"

// Where the lock cannot be had, a folder is stale after a day (its pid
// aside), and a folder without a lock file (a run killed while making it)
// after an hour.
const (
	staleAfter    = 24 * time.Hour
	unlockedAfter = time.Hour
)

// clearDir makes a folder for a clear copy in tempDir and holds its lock
// until release is called; release does not remove the folder.
func clearDir(tempDir string) (dir string, release func(), err error) {
	dir, err = os.MkdirTemp(tempDir, clearPrefix+"*")
	if err != nil {
		return "", nil, fmt.Errorf("making a private temporary folder in %s: %w", tempDir, err)
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	// Locked under another name, then renamed: a sweeper never sees a lock
	// file that is not yet locked.
	f, err := os.OpenFile(filepath.Join(dir, lockName+".new"), os.O_RDWR|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	lockFile(f)
	if _, err := fmt.Fprintf(f, "%d\n", os.Getpid()); err != nil {
		f.Close()
		os.RemoveAll(dir)
		return "", nil, err
	}
	if err := os.Rename(f.Name(), filepath.Join(dir, lockName)); err != nil {
		f.Close()
		os.RemoveAll(dir)
		return "", nil, err
	}
	return dir, func() { f.Close() }, nil
}

// withClearCopy writes text to a file called name in a new private folder
// of tempDir, runs fn with its path, and removes the folder whatever fn
// does: returns, fails or panics. An error removing it is returned (and
// said first), since a clear copy is then left behind.
func withClearCopy(tempDir, name string, text []byte, fn func(path string) error) (err error) {
	dir, release, err := clearDir(tempDir)
	if err != nil {
		return err
	}
	defer func() {
		release()
		if rerr := os.RemoveAll(dir); rerr != nil {
			err = fmt.Errorf("the clear copy in %s could not be removed (%v): remove that folder now (rm -rf); %v", dir, rerr, err)
		}
	}()
	path := filepath.Join(dir, name)
	if err := writeClear(path, text); err != nil {
		return err
	}
	return fn(path)
}

// writeClear writes a clear copy, readable by the user alone.
func writeClear(path string, text []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	_, werr := f.Write(text)
	cerr := f.Close()
	if werr != nil {
		return werr
	}
	if cerr != nil {
		return cerr
	}
	// An editor that saved by writing a new file may have left it readable
	// by others.
	return os.Chmod(path, 0o600)
}

// sweepClear removes the folders of clear copies in tempDir that runs of
// govctl private edit left behind when they were killed before they could
// remove them, and returns them. A folder is left when another user owns
// it, or when its run is alive (it holds the lock).
func sweepClear(tempDir string, now time.Time) []string {
	ents, err := os.ReadDir(tempDir)
	if err != nil {
		return nil
	}
	var removed []string
	for _, e := range ents {
		if !strings.HasPrefix(e.Name(), clearPrefix) {
			continue
		}
		dir := filepath.Join(tempDir, e.Name())
		fi, err := os.Lstat(dir)
		if err != nil || !fi.IsDir() || !ownedByUser(fi) {
			continue
		}
		if stale(dir, fi, now) && os.RemoveAll(dir) == nil {
			removed = append(removed, dir)
		}
	}
	return removed
}

// stale reports whether the run that made the folder has ended.
func stale(dir string, fi os.FileInfo, now time.Time) bool {
	f, err := os.OpenFile(filepath.Join(dir, lockName), os.O_RDWR, 0)
	if err != nil {
		return now.Sub(fi.ModTime()) > unlockedAfter
	}
	defer f.Close()
	if got, ok := tryLock(f); ok {
		return got
	}
	// No advisory locks here: the pid, else the age.
	var buf [32]byte
	n, _ := f.Read(buf[:])
	if pid, err := strconv.Atoi(strings.TrimSpace(string(buf[:n]))); err == nil && pid > 0 && !alive(pid) {
		return true
	}
	return now.Sub(fi.ModTime()) > staleAfter
}
