package fmtcmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
)

func TestNewCmdFmtFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: nil, want: Options{Dir: "networks"}},
		{args: []string{"--repo", "repo"}, want: Options{Dir: "repo"}},
		{args: []string{"other", "--check"}, want: Options{Dir: "other", Check: true}},
		{args: []string{"a", "b"}, wantErr: "accepts at most 1 arg"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdFmt, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Dir != tt.want.Dir || got.Check != tt.want.Check {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

const (
	messy     = "status: held\nkind: ordinary\ndate: 2026-01-13   # the date\n"
	formatted = "date: 2026-01-13   # the date\nkind: ordinary\nstatus: held\n"
	clean     = "organisations:\n  - id: brent\n    name: Brent\n"
	broken    = "date: 2026-01-20\nstatus: [held\nkind: ordinary\n"
)

func TestFmtCheckThenWrite(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml":           clean,
		"omg/network.yaml":             "id: omg\nname: OMG\n",
		"omg/meetings/2026-01-13.yaml": messy,
		"omg/notes.yaml":               messy, // not a file govctl reads: left alone
	})
	meeting := filepath.Join(dir, "omg", "meetings", "2026-01-13.yaml")

	ios, _, out, errOut := iostreams.Test()
	err := fmtRun(&Options{IO: ios, Dir: dir, Check: true})
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("--check on a messy file: err = %v, want ErrFindings", err)
	}
	if want := filepath.ToSlash(meeting) + "\n"; out.String() != want {
		t.Errorf("--check stdout = %q, want %q", out.String(), want)
	}
	if !strings.Contains(errOut.String(), "1 file(s) not in canonical layout; run govctl fmt") {
		t.Errorf("--check stderr = %q", errOut.String())
	}
	if cmdtest.ReadFile(t, meeting) != messy {
		t.Fatal("--check wrote the file")
	}

	ios, _, out, _ = iostreams.Test()
	if err := fmtRun(&Options{IO: ios, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "formatted "+filepath.ToSlash(meeting)) {
		t.Errorf("stdout = %q", out.String())
	}
	if got := cmdtest.ReadFile(t, meeting); got != formatted {
		t.Errorf("formatted file:\n%s\nwant:\n%s", got, formatted)
	}
	if cmdtest.ReadFile(t, filepath.Join(dir, "omg", "notes.yaml")) != messy {
		t.Error("a file govctl does not read was formatted")
	}

	ios, _, out, errOut = iostreams.Test()
	if err := fmtRun(&Options{IO: ios, Dir: dir, Check: true}); err != nil {
		t.Fatalf("--check after fmt: %v", err)
	}
	if out.String() != "" || !strings.Contains(errOut.String(), "all 3 files already in canonical layout") {
		t.Errorf("--check after fmt: stdout %q, stderr %q", out.String(), errOut.String())
	}
}

func TestFmtBrokenFileLeftAlone(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml":           clean,
		"omg/network.yaml":             "name: OMG\nid: omg\n",
		"omg/meetings/2026-01-20.yaml": broken,
	})
	bad := filepath.Join(dir, "omg", "meetings", "2026-01-20.yaml")
	for _, check := range []bool{true, false} {
		ios, _, _, errOut := iostreams.Test()
		err := fmtRun(&Options{IO: ios, Dir: dir, Check: check})
		if !errors.Is(err, cmdutil.ErrFindings) {
			t.Fatalf("check=%v: err = %v, want ErrFindings", check, err)
		}
		want := filepath.ToSlash(bad) + ":2:1: error yaml-syntax: did not find expected ',' or ']' (not formatted)"
		if !strings.Contains(errOut.String(), want) || !strings.Contains(errOut.String(), "1 file(s) could not be formatted") {
			t.Errorf("check=%v: stderr = %q, want %q", check, errOut.String(), want)
		}
		if cmdtest.ReadFile(t, bad) != broken {
			t.Fatalf("check=%v: the broken file changed", check)
		}
	}
	// The good file beside it was formatted all the same.
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "omg", "network.yaml")); got != "id: omg\nname: OMG\n" {
		t.Errorf("network.yaml = %q", got)
	}
}

func TestFmtMissingFolder(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	err := fmtRun(&Options{IO: ios, Dir: filepath.Join(t.TempDir(), "nope")})
	var nf *load.NotFoundError
	if !errors.As(err, &nf) {
		t.Fatalf("err = %v, want a NotFoundError", err)
	}
}

func TestFmtSymlinkNotWritten(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml": clean,
		"omg/network.yaml":   "name: OMG\nid: omg\n",
		"elsewhere.txt":      messy,
	})
	link := filepath.Join(dir, "omg", "members.yaml")
	if err := os.Symlink(filepath.Join(dir, "elsewhere.txt"), link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	ios, _, _, errOut := iostreams.Test()
	if err := fmtRun(&Options{IO: ios, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(errOut.String(), "members.yaml: a symbolic link") {
		t.Errorf("stderr = %q", errOut.String())
	}
	if cmdtest.ReadFile(t, filepath.Join(dir, "elsewhere.txt")) != messy {
		t.Error("written through a link")
	}
}

// TestFmtWouldOutgrowLimit leaves alone a file whose canonical layout (a
// long flow list, one item a line) would be over the size limit, which the
// loader could then no longer read, and says why.
func TestFmtWouldOutgrowLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString("date: 2026-01-20\nkind: ordinary\nstatus: planned\nrecommendations: [")
	for i := 0; b.Len() < load.MaxFileSize-40; i++ {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("r")
	}
	b.WriteString("]\n")
	big := b.String()
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml":           clean,
		"omg/network.yaml":             "id: omg\nname: OMG\n",
		"omg/meetings/2026-01-20.yaml": big,
	})
	ios, _, _, errOut := iostreams.Test()
	err := fmtRun(&Options{IO: ios, Dir: dir})
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("err = %v, want ErrFindings", err)
	}
	if !strings.Contains(errOut.String(), "more than the limit of 1048576") || !strings.Contains(errOut.String(), "hint: split its longest list") {
		t.Errorf("stderr = %q", errOut.String())
	}
	if cmdtest.ReadFile(t, filepath.Join(dir, "omg", "meetings", "2026-01-20.yaml")) != big {
		t.Error("the file was changed")
	}
}

// TestFmtKeepsWindowsFiles: a file saved by a Windows editor (a byte-order
// mark, CR LF line ends) is formatted and written the same way; once in
// canonical layout, --check leaves it alone.
func TestFmtKeepsWindowsFiles(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml":           cmdtest.Windows(clean),
		"omg/network.yaml":             "id: omg\nname: OMG\n",
		"omg/meetings/2026-01-13.yaml": cmdtest.Windows(messy),
	})
	meeting := filepath.Join(dir, "omg", "meetings", "2026-01-13.yaml")
	ios, _, out, _ := iostreams.Test()
	if err := fmtRun(&Options{IO: ios, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	if out.String() != "formatted "+filepath.ToSlash(meeting)+"\n" {
		t.Errorf("stdout = %q; want only the messy file formatted", out.String())
	}
	if got := cmdtest.ReadFile(t, meeting); got != cmdtest.Windows(formatted) {
		t.Errorf("formatted file: %q; want %q", got, cmdtest.Windows(formatted))
	}
	ios, _, out, _ = iostreams.Test()
	if err := fmtRun(&Options{IO: ios, Dir: dir, Check: true}); err != nil || out.String() != "" {
		t.Errorf("--check after fmt: %v, stdout %q", err, out.String())
	}
}
