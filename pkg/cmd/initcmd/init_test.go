package initcmd

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/iostreams"
)

func TestNewCmdInitArgs(t *testing.T) {
	for _, tc := range []struct {
		args []string
		dir  string
		err  string
	}{
		{args: nil, dir: "networks"},
		{args: []string{"governance/networks"}, dir: "governance/networks"},
		{args: []string{"a", "b"}, err: "accepts at most 1 arg"},
	} {
		got, err := cmdtest.Parse(NewCmdInit, tc.args...)
		if cmdtest.WantErr(t, err, "", tc.err) {
			continue
		}
		if got.Dir != tc.dir {
			t.Errorf("%v: dir %v, %v; want %s", tc.args, got, err, tc.dir)
		}
	}
}

func TestInitRun(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "networks")
	ios, _, out, errOut := iostreams.Test()
	if err := initRun(&Options{IO: ios, Dir: dir}); err != nil {
		t.Fatal(err)
	}
	d := filepath.ToSlash(dir)
	want := d + "/govctl.yaml\n" + d + "/organisations.yaml\n" + d + "/example-board/network.yaml\n" + d + "/example-board/members.yaml\n"
	if out.String() != want {
		t.Errorf("stdout %q; want %q", out, want)
	}
	if !strings.Contains(errOut.String(), "next: govctl validate "+dir) {
		t.Errorf("stderr %q", errOut)
	}
	// The repository it writes validates without errors.
	res, err := check.Run(dir, check.Options{Now: cmdtest.Clock("2026-12-04")})
	if err != nil {
		t.Fatal(err)
	}
	if errs, _ := diag.Count(res.Diagnostics); errs > 0 {
		t.Errorf("the new repository has errors: %v", res.Diagnostics)
	}
}

func TestInitRunNeverOverwrites(t *testing.T) {
	for _, name := range []string{"govctl.yaml", "organisations.yaml"} {
		dir := cmdtest.WriteTree(t, map[string]string{name: "# mine\n"})
		ios, _, out, _ := iostreams.Test()
		err := initRun(&Options{IO: ios, Dir: dir})
		var ue *cmdutil.UserError
		if !errors.As(err, &ue) || ue.Code != cmdutil.ExitFindings || !strings.Contains(err.Error(), name+" exists") {
			t.Errorf("%s: err = %v; want a refusal with exit 1", name, err)
		}
		if b, _ := os.ReadFile(filepath.Join(dir, name)); string(b) != "# mine\n" || out.Len() != 0 {
			t.Errorf("%s: overwritten (%q) or printed %q", name, b, out)
		}
		if _, err := os.Stat(filepath.Join(dir, "example-board")); err == nil {
			t.Errorf("%s: example-board written", name)
		}
	}
}
