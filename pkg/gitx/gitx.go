// Package gitx asks git itself about a repository: which files changed since
// a revision, and the files of a folder as they were at a revision.
package gitx

import (
	"bufio"
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
		diff, err := git(dir, "diff", "-z", "--name-only", "--relative", "--no-renames", rev, "--", ".")
		if err != nil {
			return nil, err
		}
		return names(diff), nil
	}
	if _, err := Verify(dir, rev); err != nil {
		return nil, err
	}
	// Both commands walk the working tree; run them side by side.
	var diff, others []byte
	var diffErr, othersErr error
	done := make(chan struct{})
	go func() {
		others, othersErr = git(dir, "ls-files", "-z", "--others", "--exclude-standard", "--", ".")
		close(done)
	}()
	diff, diffErr = git(dir, "diff", "-z", "--name-only", "--relative", "--no-renames", rev, "--", ".")
	<-done
	if err := errors.Join(diffErr, othersErr); err != nil {
		return nil, err
	}
	return append(names(diff), names(others)...), nil
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

// names splits git's -z output: names as they are, NUL-terminated, never
// quoted (a name with a space, a newline or a letter outside ASCII is given
// byte for byte) and never trimmed.
func names(out []byte) []string {
	var files []string
	for _, n := range strings.Split(string(out), "\x00") {
		if n != "" {
			files = append(files, n)
		}
	}
	return files
}

// Limits bound what Export writes: a file over MaxFile bytes is written as
// a file of MaxFile+1 bytes of nothing, so that the loader reports it as
// too large just as it would in the working tree, without git's copy of it
// being read; more than MaxFiles files or MaxTotal bytes in all is an error.
type Limits struct {
	MaxFile  int64
	MaxFiles int
	MaxTotal int64
}

// TooLargeError is a tree at a revision larger than Limits allow.
type TooLargeError struct {
	Rev  string
	What string
}

func (e *TooLargeError) Error() string {
	return fmt.Sprintf("the files at %s are more than govctl reads: %s", e.Rev, e.What)
}

// Export writes the files of folder dir as they were at rev into dest,
// which must exist. It lists the tree with git ls-tree and reads each blob
// with git cat-file, so that nothing is left out by export-ignore (as git
// archive would) and nothing is read past the limits. Only regular files
// are written (no links, no submodules), and no path may leave dest.
func Export(dir, rev, dest string, lim Limits) error {
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
	list, err := git(dir, "ls-tree", "-r", "-z", "-l", "--full-tree", tree)
	if err != nil {
		return err
	}
	type blob struct {
		oid, name string
		size      int64
	}
	var small []blob
	var total int64
	count := 0
	for _, entry := range names(list) {
		// <mode> SP <type> SP <object> SP+ <size> TAB <name>
		meta, name, ok := strings.Cut(entry, "\t")
		f := strings.Fields(meta)
		if !ok || len(f) != 4 || f[1] != "blob" || (f[0] != "100644" && f[0] != "100755") {
			continue
		}
		if !filepath.IsLocal(filepath.FromSlash(name)) {
			continue
		}
		var size int64
		if _, err := fmt.Sscan(f[3], &size); err != nil {
			continue
		}
		if count++; lim.MaxFiles > 0 && count > lim.MaxFiles {
			return &TooLargeError{Rev: rev, What: fmt.Sprintf("more than %d files", lim.MaxFiles)}
		}
		if lim.MaxFile > 0 && size > lim.MaxFile {
			if err := writeSparse(filepath.Join(dest, filepath.FromSlash(name)), lim.MaxFile+1); err != nil {
				return err
			}
			continue
		}
		if total += size; lim.MaxTotal > 0 && total > lim.MaxTotal {
			return &TooLargeError{Rev: rev, What: fmt.Sprintf("more than %d bytes", lim.MaxTotal)}
		}
		small = append(small, blob{f[2], name, size})
	}
	if len(small) == 0 {
		return nil
	}
	var in bytes.Buffer
	for _, b := range small {
		in.WriteString(b.oid + "\n")
	}
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = dir
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	r := bufio.NewReader(stdout)
	var rerr error
	for _, b := range small {
		if rerr = readBlob(r, b.oid, b.size, filepath.Join(dest, filepath.FromSlash(b.name))); rerr != nil {
			break
		}
	}
	_, _ = io.Copy(io.Discard, stdout)
	if err := cmd.Wait(); err != nil {
		return &Error{Args: cmd.Args[1:], Stderr: stderr.String(), Err: err}
	}
	return rerr
}

// readBlob reads one object of git cat-file --batch's output ("<oid> blob
// <size>\n<content>\n") into a new file at path.
func readBlob(r *bufio.Reader, oid string, size int64, path string) error {
	header, err := r.ReadString('\n')
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	f := strings.Fields(header)
	if len(f) != 3 || f[0] != oid || f[1] != "blob" || f[2] != fmt.Sprint(size) {
		return fmt.Errorf("git cat-file: unexpected %q for %s", strings.TrimSpace(header), oid)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	out, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	_, err = io.CopyN(out, r, size)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	if nl, err := r.ReadByte(); err != nil || nl != '\n' {
		return fmt.Errorf("git cat-file: %s does not end where its size says", oid)
	}
	return nil
}

// writeSparse writes a file of n bytes of nothing (a hole, taking no room).
func writeSparse(path string, n int64) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	err = f.Truncate(n)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
