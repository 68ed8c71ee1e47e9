// Package gitx asks git itself about a repository: which files changed since
// a revision, and the files of a folder as they were at a revision.
package gitx

import (
	"archive/tar"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Error is a git failure with what git said.
type Error struct {
	Args   []string
	Stderr string
	Err    error
}

func (e *Error) Error() string {
	msg := strings.TrimSpace(e.Stderr)
	if msg == "" {
		msg = e.Err.Error()
	}
	return fmt.Sprintf("git %s: %s", strings.Join(e.Args, " "), msg)
}

func git(dir string, args ...string) ([]byte, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return nil, &Error{Args: args, Stderr: stderr.String(), Err: err}
	}
	return out, nil
}

// MissingRevisionError is a revision this clone does not have.
type MissingRevisionError struct {
	Rev     string
	Shallow bool
}

func (e *MissingRevisionError) Error() string {
	if e.Shallow {
		return fmt.Sprintf("revision %q is not in this shallow clone", e.Rev)
	}
	return fmt.Sprintf("revision %q is not in this repository", e.Rev)
}

// Verify resolves rev to a commit id.
func Verify(dir, rev string) (string, error) {
	out, err := git(dir, "rev-parse", "--verify", "--quiet", rev+"^{commit}")
	if err != nil {
		var ge *Error
		if errors.As(err, &ge) && strings.Contains(ge.Stderr, "not a git repository") {
			return "", err
		}
		shallow, _ := git(dir, "rev-parse", "--is-shallow-repository")
		return "", &MissingRevisionError{Rev: rev, Shallow: strings.TrimSpace(string(shallow)) == "true"}
	}
	return strings.TrimSpace(string(out)), nil
}

// MergeBase is the merge base of HEAD with its upstream branch.
func MergeBase(dir string) (string, error) {
	up, err := git(dir, "rev-parse", "--abbrev-ref", "--symbolic-full-name", "@{upstream}")
	if err != nil {
		return "", fmt.Errorf("the current branch has no upstream: give the base revision (e.g. origin/main)")
	}
	out, err := git(dir, "merge-base", "HEAD", strings.TrimSpace(string(up)))
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

// Changed lists the files under dir (relative to it, slash separated) that
// differ between rev and the working tree, untracked files included. When
// rev is a range, A..B or A...B as git diff reads them (A...B: from where
// B left A), it lists what differs between the two commits only, without
// reading the working tree: on a checkout of a hundred thousand files git's
// look at the working tree is most of the time, and a clean checkout in CI
// has nothing there to find.
func Changed(dir, rev string) ([]string, error) {
	if base, head, ok := splitRange(rev); ok {
		for _, r := range []string{base, head} {
			if _, err := Verify(dir, r); err != nil {
				return nil, err
			}
		}
		diff, err := git(dir, "diff", "--name-only", "--relative", "--no-renames", rev, "--", ".")
		if err != nil {
			return nil, err
		}
		return lines(diff), nil
	}
	if _, err := Verify(dir, rev); err != nil {
		return nil, err
	}
	// Both commands walk the working tree; run them side by side.
	var diff, others []byte
	var diffErr, othersErr error
	done := make(chan struct{})
	go func() {
		others, othersErr = git(dir, "ls-files", "--others", "--exclude-standard", "--", ".")
		close(done)
	}()
	diff, diffErr = git(dir, "diff", "--name-only", "--relative", "--no-renames", rev, "--", ".")
	<-done
	if err := errors.Join(diffErr, othersErr); err != nil {
		return nil, err
	}
	return append(lines(diff), lines(others)...), nil
}

// splitRange splits A..B or A...B; an empty side is HEAD, as in git.
func splitRange(rev string) (base, head string, ok bool) {
	for _, sep := range []string{"...", ".."} {
		if b, h, found := strings.Cut(rev, sep); found {
			if b == "" {
				b = "HEAD"
			}
			if h == "" {
				h = "HEAD"
			}
			return b, h, true
		}
	}
	return "", "", false
}

func lines(out []byte) []string {
	var files []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			files = append(files, l)
		}
	}
	return files
}

// Export writes the files of folder dir as they were at rev into dest,
// which must exist. Only regular files are written; no path may leave dest.
func Export(dir, rev, dest string) error {
	commit, err := Verify(dir, rev)
	if err != nil {
		return err
	}
	prefix, err := git(dir, "rev-parse", "--show-prefix")
	if err != nil {
		return err
	}
	tree := commit + ":" + strings.TrimSpace(string(prefix))
	if _, err := git(dir, "rev-parse", "--verify", "--quiet", tree); err != nil {
		return nil // the folder did not exist at rev: an empty repository
	}
	top, err := git(dir, "rev-parse", "--show-toplevel")
	if err != nil {
		return err
	}
	cmd := exec.Command("git", "archive", "--format=tar", tree)
	cmd.Dir = strings.TrimSpace(string(top))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	terr := untar(stdout, dest)
	_, _ = io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil {
		return &Error{Args: cmd.Args[1:], Stderr: stderr.String(), Err: err}
	}
	return terr
}

func untar(r io.Reader, dest string) error {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		if h.Typeflag != tar.TypeReg {
			continue
		}
		name := filepath.FromSlash(h.Name)
		if !filepath.IsLocal(name) {
			continue
		}
		p := filepath.Join(dest, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		f, err := os.OpenFile(p, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		_, err = io.Copy(f, io.LimitReader(tr, 64<<20))
		if cerr := f.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
	}
}
