package private

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/exit"
	priv "github.com/govctl/govctl/pkg/private"
)

// encrypted writes text, encrypted to keys, at path.
func encrypted(t *testing.T, path, text string, keys ...key) {
	t.Helper()
	var pubs []string
	for _, k := range keys {
		pubs = append(pubs, k.public)
	}
	enc, err := priv.Encrypt([]byte(text), recipientsOf(t, pubs...))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, path, string(enc))
}

func opens(path string, k key) bool {
	data, err := os.ReadFile(path)
	if err != nil {
		return false
	}
	ids, err := priv.ParseIdentities([]byte(k.secret))
	if err != nil {
		return false
	}
	_, err = priv.Decrypt(data, ids)
	return err == nil
}

func TestRekey(t *testing.T) {
	ann, bob, cat := newKey(t), newKey(t), newKey(t)
	// Bob has left; Cat has joined.
	dir := board(t, ann.public, cat.public)
	comp := companionPath(dir)
	paper := filepath.Join(dir, "board", "papers", "private", "2026-11-17-bids.pdf.age")
	encrypted(t, comp, filled, ann, bob)
	encrypted(t, paper, bids, ann, bob)
	record := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"))

	r := newRun(t, dir, "rekey")
	r.opts.Identity = ann.path
	if err := r.exec(); err != nil {
		t.Fatal(err)
	}
	if want := filepath.ToSlash(comp) + "\n" + filepath.ToSlash(paper) + "\n"; r.out.String() != want {
		t.Errorf("stdout %q, want %q", r.out, want)
	}
	if !strings.Contains(r.errOut.String(), "rekeyed 2 of 2 private files to 2 recipients; commit them") ||
		!strings.Contains(r.errOut.String(), "still opens every earlier version") {
		t.Errorf("stderr %q", r.errOut)
	}
	for _, f := range []string{comp, paper} {
		if !opens(f, ann) || !opens(f, cat) {
			t.Errorf("%s: not opened by the current recipients", f)
		}
		if opens(f, bob) {
			t.Errorf("%s: still opened by the key taken off", f)
		}
	}
	if got := decrypt(t, comp, cat); got != filled {
		t.Errorf("the companion now holds %q", got)
	}
	if got := decrypt(t, paper, cat); got != bids {
		t.Errorf("the paper now holds %q", got)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml")); got != record {
		t.Errorf("the record changed")
	}
}

func TestRekeyLeavesWhatTheKeyCannotOpen(t *testing.T) {
	ann, bob := newKey(t), newKey(t)
	dir := board(t, ann.public, bob.public)
	comp := companionPath(dir)
	theirs := filepath.Join(dir, "board", "papers", "private", "2026-11-17-bids.pdf.age")
	notAge := filepath.Join(dir, "board", "papers", "private", "2026-11-17-notes.txt.age")
	encrypted(t, comp, filled, ann)
	encrypted(t, theirs, bids, bob)
	writeFile(t, notAge, "copied in clear by mistake\n")
	before := map[string]string{theirs: cmdtest.ReadFile(t, theirs), notAge: cmdtest.ReadFile(t, notAge)}

	r := newRun(t, dir, "rekey")
	r.opts.Identity = ann.path
	err := r.exec()
	wantCode(t, err, exit.Findings, "2 files could not be rekeyed with the key given and are left as they were")
	if !opens(comp, bob) {
		t.Error("the file the key opens was not rekeyed")
	}
	for path, was := range before {
		if got := cmdtest.ReadFile(t, path); got != was {
			t.Errorf("%s was changed", path)
		}
		if !strings.Contains(r.errOut.String(), filepath.ToSlash(path)+": left as it is") {
			t.Errorf("stderr does not name %s: %q", path, r.errOut)
		}
	}
	if r.out.String() != filepath.ToSlash(comp)+"\n" {
		t.Errorf("stdout %q", r.out)
	}

	// A body with no private files.
	dir = board(t, ann.public)
	r = newRun(t, dir, "rekey")
	r.opts.Identity = ann.path
	if err := r.exec(); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(r.errOut.String(), "no private files: nothing to rekey") {
		t.Errorf("stderr %q", r.errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "board", "papers")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("papers: %v", err)
	}
}
