// Package safefile reads and writes files so that nothing is ever half-written
// or lost: reads refuse FIFOs and devices and stop at a size limit; writes go to a
// temporary file in the same folder, synced, then renamed over the target
// (or linked, when the target must not already exist). Paths are checked to
// stay inside a root folder.
package safefile

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ErrExists is returned by Create when the file is already there.
var ErrExists = fs.ErrExist

// Inside reports an error unless path, with symbolic links resolved as far as
// they exist, lies inside root.
func Inside(root, path string) error {
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return err
	}
	if r, err := filepath.EvalSymlinks(absRoot); err == nil {
		absRoot = r
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return err
	}
	// Resolve the deepest existing ancestor.
	dir, rest := abs, ""
	for {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			abs = filepath.Join(r, rest)
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
	rel, err := filepath.Rel(absRoot, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return fmt.Errorf("%s is outside the repository %s", path, root)
	}
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		return fmt.Errorf("%s is a symbolic link; govctl does not write through links", path)
	}
	return nil
}

// Write replaces path with data atomically.
func Write(path string, data []byte) error {
	return replace(path, nil, data, 0o644)
}

// WritePrivate replaces path with data atomically, readable by its owner
// alone (mode 0600, from the moment it is written): a paper holding
// private business.
func WritePrivate(path string, data []byte) error {
	return replace(path, nil, data, 0o600)
}

// Replace replaces path with data atomically if it still holds was, what
// the caller read and worked from; otherwise it writes nothing and returns
// an error matching ErrChanged. The check and the rename are made under a
// lock on the folder that govctl's other writers take too.
func Replace(path string, was, data []byte) error {
	if was == nil {
		was = []byte{}
	}
	return replace(path, was, data, 0o644)
}

func replace(path string, was, data []byte, perm os.FileMode) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	unlock, err := lockDir(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer unlock()
	tmp, err := writeTemp(path, data, perm)
	if err != nil {
		return err
	}
	if was != nil {
		now, err := Read(path, int64(len(was)))
		if err != nil || !bytes.Equal(now, was) {
			os.Remove(tmp)
			return fmt.Errorf("%s: %w", path, ErrChanged)
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return syncDir(filepath.Dir(path))
}

// Create writes path atomically only if it does not exist; otherwise it
// returns an error matching ErrExists and leaves the file as it was.
func Create(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	unlock, err := lockDir(filepath.Dir(path))
	if err != nil {
		return err
	}
	defer unlock()
	tmp, err := writeTemp(path, data, 0o644)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if err := os.Link(tmp, path); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		return err
	}
	return syncDir(filepath.Dir(path))
}

// tempPattern names govctl's temporary files: hidden, beside their target.
const tempPattern = ".*.govctl-tmp-*"

// sweep removes the temporary files a killed writer left in dir. It is
// called under the folder's lock, so no live writer of govctl's has one
// there.
func sweep(dir string) {
	left, _ := filepath.Glob(filepath.Join(dir, tempPattern))
	for _, p := range left {
		if fi, err := os.Lstat(p); err == nil && fi.Mode().IsRegular() {
			os.Remove(p)
		}
	}
}

func writeTemp(path string, data []byte, perm os.FileMode) (string, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	sweep(dir)
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".govctl-tmp-*")
	if err != nil {
		return "", err
	}
	name := f.Name()
	_, werr := f.Write(data)
	serr := f.Sync()
	cerr := f.Close()
	if err := errors.Join(werr, serr, cerr); err != nil {
		os.Remove(name)
		return "", err
	}
	if err := os.Chmod(name, perm); err != nil {
		os.Remove(name)
		return "", err
	}
	return name, nil
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return nil // best effort: not every system can open a folder
	}
	defer d.Close()
	_ = d.Sync()
	return nil
}
