package gitx

import (
	"path/filepath"
	"strings"
)

// Exposure is what git would do with a file: whether a commit of the work
// tree would take it.
type Exposure int

// What git would do with a file.
const (
	// Outside: the file is in no git work tree (or git is missing).
	Outside Exposure = iota
	// Ignored: in a work tree, ignored by git (.gitignore and the like).
	Ignored
	// Untracked: in a work tree, not ignored: git add -A would take it.
	Untracked
	// Tracked: git already has it (committed, or added).
	Tracked
)

// Exposed says what git would do with the file at path: whether it lies in
// the work tree that holds the folder dir, and if so whether git ignores
// it, would take it, or has it already.
func Exposed(dir, path string) Exposure {
	abs, err := filepath.Abs(path)
	if err != nil {
		return Outside
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		abs = r
	} else if r, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(r, filepath.Base(abs)) // not yet written
	}
	out, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return Outside
	}
	top := strings.TrimSpace(string(out))
	if r, err := filepath.EvalSymlinks(top); err == nil {
		top = r
	}
	rel, err := filepath.Rel(top, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return Outside
	}
	rel = filepath.ToSlash(rel)
	if _, err := git(top, "ls-files", "--error-unmatch", "--", ":(literal)"+rel); err == nil {
		return Tracked
	}
	if _, err = git(top, "check-ignore", "-q", "--", rel); err == nil {
		return Ignored
	}
	return Untracked // not ignored (exit 1), or git could not tell: the careful answer
}
