package network

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
)

func TestNewCmdNetworkFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    Options
		flagErr string
		err     string
	}{
		{args: []string{"new", "finance-board", "--name", "Finance Board", "--parent", "board", "--purpose", "Money", "--secretariat", "a", "--every", "P1M", "--prompt"},
			want: Options{Dir: "networks", ID: "finance-board", Name: "Finance Board", Parent: "board", Purpose: "Money", Secretariat: "a", Every: "P1M", Prompt: true}},
		{args: []string{"new", "panel"}, want: Options{Dir: "networks", ID: "panel"}},
		{args: []string{"new", "Finance_Board"}, flagErr: `"Finance_Board" is not a safe folder name`},
		{args: []string{"new", "finance--board"}, flagErr: "not a safe folder name"},
		{args: []string{"new", "panel", "--every", "monthly"}, flagErr: "--every"},
		{args: []string{"new"}, err: "accepts 1 arg"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdNetwork, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, tc.err) {
				return
			}
			got.IO = nil
			if *got != tc.want {
				t.Errorf("got %+v; want %+v", *got, tc.want)
			}
		})
	}
}

func TestNewRunFromFlags(t *testing.T) {
	dir := cmdtest.Board(t)
	ios, _, out, _ := iostreams.Test()
	err := newRun(&Options{IO: ios, Dir: dir, ID: "panel", Name: "Audit: Panel", Parent: "board", Purpose: "To check.", Secretariat: "a", Every: "P6W"})
	if err != nil {
		t.Fatal(err)
	}
	d := filepath.ToSlash(dir)
	if out.String() != d+"/panel/network.yaml\n"+d+"/panel/members.yaml\n" {
		t.Errorf("stdout %q", out)
	}
	want := "id: panel\nname: \"Audit: Panel\"\nparent: board\npurpose: To check.\nsecretariat: a\nmeetings:\n  ordinary:\n    every: P6W\n"
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "panel", "network.yaml")); got != want {
		t.Errorf("network.yaml =\n%s\nwant\n%s", got, want)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "panel", "members.yaml")); got != "members: []\n" {
		t.Errorf("members.yaml = %q", got)
	}
	// The new body loads.
	repo, ds, err := load.Load(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		t.Errorf("load: %s", d)
	}
	found := false
	for _, n := range repo.Networks {
		found = found || (n.ID == "panel" && n.Name == "Audit: Panel")
	}
	if !found {
		t.Error("panel not loaded")
	}
}

func TestNewRunPrompts(t *testing.T) {
	dir := cmdtest.Board(t)
	ios, in, _, errOut := iostreams.Test()
	in.WriteString("Audit Panel\nboard\n\n\nP2M\n")
	if err := newRun(&Options{IO: ios, Dir: dir, ID: "panel", Prompt: true}); err != nil {
		t.Fatal(err)
	}
	want := "id: panel\nname: Audit Panel\nparent: board\nmeetings:\n  ordinary:\n    every: P2M\n"
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "panel", "network.yaml")); got != want {
		t.Errorf("network.yaml =\n%s\nwant\n%s", got, want)
	}
	for _, q := range []string{"Name: ", "Reports to", "Purpose", "Secretariat", "Meets every"} {
		if !strings.Contains(errOut.String(), q) {
			t.Errorf("not asked %q: %q", q, errOut)
		}
	}

	ios, in, _, _ = iostreams.Test()
	in.WriteString("Other\n\n\n\nmonthly\n")
	err := newRun(&Options{IO: ios, Dir: dir, ID: "other", Prompt: true})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Code != cmdutil.ExitUsage || !strings.Contains(ue.Hint, "P1M") {
		t.Errorf("err = %v; want a usage error with a hint", err)
	}
}

func TestNewRunRefuses(t *testing.T) {
	dir := cmdtest.Board(t)
	run := func(o Options) error {
		ios, _, _, _ := iostreams.Test()
		o.IO = ios
		if o.Dir == "" {
			o.Dir = dir
		}
		return newRun(&o)
	}

	var ue *cmdutil.UserError
	if err := run(Options{ID: "board", Name: "Board again"}); !errors.As(err, &ue) || ue.Code != cmdutil.ExitFindings || !strings.Contains(err.Error(), "board already exists") {
		t.Errorf("existing body: err = %v; want a refusal with exit 1", err)
	}
	var ne *check.NetworkError
	if err := run(Options{ID: "panel", Name: "Panel", Parent: "bored"}); !errors.As(err, &ne) {
		t.Errorf("unknown parent: err = %v; want a NetworkError", err)
	}
	var fe *cmdutil.FlagError
	if err := run(Options{ID: "panel"}); !errors.As(err, &fe) || !strings.Contains(err.Error(), "--name") {
		t.Errorf("no name: err = %v; want a FlagError naming --name", err)
	}
	var nf *load.NotFoundError
	if err := run(Options{Dir: t.TempDir(), ID: "panel", Name: "Panel"}); !errors.As(err, &nf) {
		t.Errorf("no repository: err = %v; want a NotFoundError", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "panel")); err == nil {
		t.Error("a refused body was written")
	}
}
