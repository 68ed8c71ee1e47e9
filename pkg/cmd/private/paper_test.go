package private

import (
	"errors"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/layout"
)

const bids = "%PDF-1.7 Supplier A 4.9m, Supplier B 4.2m, Supplier C 5.1m\n"

func clearPaper(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	writeFile(t, path, bids)
	return path
}

func TestPaper(t *testing.T) {
	k := newKey(t)
	dir := board(t, k.public)
	recordPath := filepath.Join(dir, "board", "meetings", "2026-11-17.yaml")
	r := newRun(t, dir, "paper")
	r.opts.Item = "cloud backup  contract award"
	r.opts.File = clearPaper(t, "bids.pdf")
	if err := r.exec(); err != nil {
		t.Fatal(err)
	}
	target := filepath.Join(dir, "board", "papers", "private", "2026-11-17-bids.pdf.age")
	if got := decrypt(t, target, k); got != bids {
		t.Errorf("the encrypted paper holds %q", got)
	}
	if want := filepath.ToSlash(target) + "\n" + filepath.ToSlash(recordPath) + "\n"; r.out.String() != want {
		t.Errorf("stdout %q, want %q", r.out, want)
	}
	if !strings.Contains(r.errOut.String(), "never the clear paper") {
		t.Errorf("stderr %q", r.errOut)
	}
	record := cmdtest.ReadFile(t, recordPath)
	if !strings.Contains(record, "  - title: Cloud backup contract award # tendered in June\n    paper: ../papers/private/2026-11-17-bids.pdf.age\n    private: Commercially confidential\n") {
		t.Errorf("the record:\n%s", record)
	}
	// The paper path is one the public record may hold.
	if _, why := layout.PaperLink("../papers/private/2026-11-17-bids.pdf.age"); why != "" {
		t.Errorf("paper link: %s", why)
	}
	if _, err := os.Stat(r.opts.File); err != nil {
		t.Errorf("the clear paper was moved: %v", err)
	}

	// The item has a paper now: a second is refused, and nothing written.
	r = newRun(t, dir, "paper")
	r.opts.Item, r.opts.File, r.opts.As = "Cloud backup contract award", clearPaper(t, "more.pdf"), "annex.pdf"
	wantCode(t, r.exec(), exit.Findings, "already has a paper")
	if _, err := os.Stat(filepath.Join(dir, "board", "papers", "private", "2026-11-17-annex.pdf.age")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a second paper was written: %v", err)
	}
	if got := cmdtest.ReadFile(t, recordPath); got != record {
		t.Errorf("the record changed:\n%s", got)
	}
}

func TestPaperNeverWritesOver(t *testing.T) {
	k := newKey(t)
	dir := board(t, k.public)
	target := filepath.Join(dir, "board", "papers", "private", "2026-11-17-bids.pdf.age")
	writeFile(t, target, "an earlier paper")
	record := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"))
	file := clearPaper(t, "2026-11-17-bids.pdf")
	r := newRun(t, dir, "paper")
	r.opts.Item, r.opts.File = "Cloud backup contract award", file
	wantCode(t, r.exec(), exit.Findings, "already exists")
	if got := cmdtest.ReadFile(t, target); got != "an earlier paper" {
		t.Errorf("written over: %q", got)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml")); got != record {
		t.Errorf("the record changed:\n%s", got)
	}

	// Under another name it is stored.
	r = newRun(t, dir, "paper")
	r.opts.Item, r.opts.File, r.opts.As = "Cloud backup contract award", file, "tenders.pdf"
	if err := r.exec(); err != nil {
		t.Fatal(err)
	}
	if got := decrypt(t, filepath.Join(dir, "board", "papers", "private", "2026-11-17-tenders.pdf.age"), k); got != bids {
		t.Errorf("--as: %q", got)
	}
}

func TestPaperRefuses(t *testing.T) {
	k := newKey(t)
	for _, c := range []struct {
		name, item string
		file       func(dir string) string
		code       int
		want       string
	}{
		{"a public item", "Budget", nil, exit.Findings, `the item "Budget" of the meeting of 2026-11-17 is not private`},
		{"an unknown item", "Pensions", nil, exit.Usage, `has no item "Pensions"`},
		{"no such file", "Cloud backup contract award", func(string) string { return "/no/such/bids.pdf" }, exit.Usage, "reading the paper"},
		{"a file in the repository", "Cloud backup contract award", func(dir string) string {
			p := filepath.Join(dir, "board", "bids.pdf")
			writeFile(t, p, bids)
			return p
		}, exit.Findings, "is inside the repository"},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := board(t, k.public)
			r := newRun(t, dir, "paper")
			r.opts.Item, r.opts.File = c.item, clearPaper(t, "bids.pdf")
			if c.file != nil {
				r.opts.File = c.file(dir)
			}
			wantCode(t, r.exec(), c.code, c.want)
			if _, err := os.Stat(filepath.Join(dir, "board", "papers")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a paper was written: %v", err)
			}
		})
	}
	r := newRun(t, board(t), "paper")
	r.opts.Item, r.opts.File = "Cloud backup contract award", clearPaper(t, "bids.pdf")
	wantCode(t, r.exec(), exit.Usage, "no private_recipients")
}

// A clear paper inside the git work tree is refused unless git ignores it.
func TestPaperInAGitRepository(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git is not installed")
	}
	k := newKey(t)
	dir := board(t, k.public)
	writeFile(t, filepath.Join(dir, ".gitignore"), "drafts/\n")
	git := exec.Command("git", "init", "-q")
	git.Dir = dir
	if out, err := git.CombinedOutput(); err != nil {
		t.Fatalf("git init: %v\n%s", err, out)
	}
	loose := filepath.Join(dir, "bids-v2.pdf")
	writeFile(t, loose, bids)
	r := newRun(t, dir, "paper")
	r.opts.Item, r.opts.File = "Cloud backup contract award", loose
	wantCode(t, r.exec(), exit.Findings, "where git would commit it")
	drafts := filepath.Join(dir, "drafts", "bids.pdf")
	writeFile(t, drafts, bids)
	r = newRun(t, dir, "paper")
	r.opts.Item, r.opts.File = "Cloud backup contract award", drafts
	if err := r.exec(); err != nil {
		t.Fatalf("a file git ignores: %v", err)
	}
}
