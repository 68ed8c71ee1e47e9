package workspace

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/safefile"
)

// Restricted are the render inputs of the restricted edition of the
// network's papers, for its members: its meetings with the private text of
// docs (by meeting file, as private.Parse read it) put in place, and the
// private business shown. The workspace is not changed: its own meetings
// stay the public record.
func (w *Workspace) Restricted(docs map[string]*private.Doc) render.Inputs {
	n := *w.Net.N
	n.MeetingList = make([]*model.Meeting, len(w.Net.N.MeetingList))
	for i, m := range w.Net.N.MeetingList {
		if d := docs[m.File]; d != nil {
			m = private.Apply(m, d)
		}
		n.MeetingList[i] = m
	}
	in := w.Inputs()
	in.Net = w.Net.Repo.Network(&n)
	in.Restricted = true
	return in
}

// MeetingIn is the meeting of in's network whose file is file (the one of
// the restricted edition, with its private text), or nil.
func MeetingIn(in render.Inputs, file string) *model.Meeting {
	for _, m := range in.Net.N.MeetingList {
		if m.File == file {
			return m
		}
	}
	return nil
}

// PrivatePath is the private file of meeting m: meetings/<file>.private.yaml.age.
func (w *Workspace) PrivatePath(m *model.Meeting) string {
	return w.PathOf(m, private.Suffix)
}

// WriteOutside writes data, a paper holding private business, to path,
// atomically and readable by its owner alone. path must lie outside the
// repository and outside the git working tree that holds it, symbolic
// links followed (a file there could be committed and published); it is
// refused there, as is a folder.
func (w *Workspace) WriteOutside(path string, data []byte) error {
	if err := w.CheckOutside(path); err != nil {
		return err
	}
	if err := safefile.WritePrivate(path, data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// CheckOutside refuses path as the place of a paper holding private
// business (see WriteOutside), before anything is decrypted.
func (w *Workspace) CheckOutside(path string) error {
	if root, in := Inside(w.Dir, path); in {
		return fmt.Errorf("%s is inside %s (links followed): the restricted edition is written only outside the repository and its git working tree, where it cannot be committed and published", path, root)
	}
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return fmt.Errorf("%s is a folder: give the file to write", path)
	}
	return nil
}

// Inside reports whether path (symbolic links followed) lies in the
// repository in folder dir or in the git working tree that holds it, where
// a file could be committed and published, and which of the two.
func Inside(dir, path string) (string, bool) {
	for _, root := range protected(dir) {
		if within(root, resolved(path)) {
			return root, true
		}
	}
	return "", false
}

// protected are the folders a restricted paper must not be written in: the
// repository, and the git working tree above it (found by its .git).
func protected(dir string) []string {
	repo := resolved(dir)
	out := []string{repo}
	for dir := repo; ; {
		if _, err := os.Lstat(filepath.Join(dir, ".git")); err == nil {
			if dir != repo {
				out = append(out, dir)
			}
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return out
}

// resolved is path made absolute with its symbolic links followed, as far
// as it exists (a file to be written does not yet), and a link at path
// followed even where it leads to nothing yet.
func resolved(path string) string {
	abs, err := filepath.Abs(path)
	if err != nil {
		return path
	}
	for range 40 {
		fi, err := os.Lstat(abs)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			break
		}
		target, err := os.Readlink(abs)
		if err != nil {
			break
		}
		if !filepath.IsAbs(target) {
			target = filepath.Join(filepath.Dir(abs), target)
		}
		abs = filepath.Clean(target)
	}
	dir, rest := abs, ""
	for {
		if r, err := filepath.EvalSymlinks(dir); err == nil {
			return filepath.Join(r, rest)
		} else if !errors.Is(err, os.ErrNotExist) {
			return abs
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return abs
		}
		rest = filepath.Join(filepath.Base(dir), rest)
		dir = parent
	}
}

// within reports whether path is root or lies under it.
func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}
