package validate

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
)

func TestNewCmdValidateFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    Options
		asOf    string
		flagErr string
	}{
		{args: nil, want: Options{Dir: "networks", Format: "text"}},
		{args: []string{"gov", "--format", "sarif", "--strict", "--as-of", "2026-12-01", "--changed", "origin/main"}, want: Options{Dir: "gov", Format: "sarif", Strict: true, Changed: "origin/main"}, asOf: "2026-12-01"},
		{args: []string{"--format", "github"}, want: Options{Dir: "networks", Format: "github"}},
		{args: []string{"--format", "json"}, want: Options{Dir: "networks", Format: "json"}},
		{args: []string{"--format", "xml"}, flagErr: `--format "xml": want one of text, json, github, sarif`},
		{args: []string{"--as-of", "01/12/2026"}, flagErr: "--as-of"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdValidate, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, "") {
				return
			}
			asOf := ""
			if !got.AsOf.IsZero() {
				asOf = got.AsOf.String()
			}
			if got.Dir != tc.want.Dir || got.Format != tc.want.Format || got.Strict != tc.want.Strict || got.Changed != tc.want.Changed || asOf != tc.asOf {
				t.Errorf("got %+v; want %+v as of %q", *got, tc.want, tc.asOf)
			}
		})
	}
}

func validate(t *testing.T, opts Options) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	opts.IO, opts.Now, opts.Version = ios, cmdtest.Clock("2026-12-04"), "v0.0.1"
	if opts.Format == "" {
		opts.Format = "text"
	}
	err := validateRun(&opts)
	return out.String(), err
}

// Board has warnings on 2026-12-04 and no errors.
func TestValidateRunWarnings(t *testing.T) {
	dir := cmdtest.Board(t)
	out, err := validate(t, Options{Dir: dir})
	if err != nil {
		t.Fatalf("warnings alone: err = %v", err)
	}
	d := filepath.ToSlash(dir)
	if !strings.Contains(out, d+"/board/meetings/2026-11-03.yaml:6:5: warning action-overdue: action A-1 (owner ann) was due on 2026-11-20 and is still open\n") {
		t.Errorf("no overdue A-1:\n%s", out)
	}
	if strings.Contains(out, " error ") {
		t.Errorf("errors in a repository that has none:\n%s", out)
	}

	if _, err := validate(t, Options{Dir: dir, Strict: true}); !errors.Is(err, cmdutil.ErrFindings) {
		t.Errorf("--strict with warnings: err = %v; want ErrFindings", err)
	}

	out, err = validate(t, Options{Dir: dir, AsOf: cmdtest.Date(t, "2026-11-20")})
	if err != nil || strings.Contains(out, "action-overdue") {
		t.Errorf("as of the due date: %v\n%s", err, out)
	}
}

func TestValidateRunErrors(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: A}\n",
		"board/network.yaml": "id: board\nname: Board\nquorum: lots\n",
	})
	out, err := validate(t, Options{Dir: dir, Format: "json"})
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("err = %v; want ErrFindings", err)
	}
	var got struct {
		Errors   int
		Warnings int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if got.Errors == 0 {
		t.Errorf("json reports no errors:\n%s", out)
	}

	out, err = validate(t, Options{Dir: dir, Format: "github"})
	if !errors.Is(err, cmdutil.ErrFindings) || !strings.HasPrefix(out, "::error file=") {
		t.Errorf("github: %v\n%s", err, out)
	}
}

func TestValidateRunSARIF(t *testing.T) {
	out, err := validate(t, Options{Dir: cmdtest.Board(t), Format: "sarif"})
	if err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string
		Runs    []struct {
			Tool struct {
				Driver struct{ Name, Version string }
			}
			Results []struct{ RuleID, Level string }
		}
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || log.Runs[0].Tool.Driver.Version != "v0.0.1" {
		t.Fatalf("log %+v", log)
	}
	found := false
	for _, r := range log.Runs[0].Results {
		found = found || (r.RuleID == "action-overdue" && r.Level == "warning")
	}
	if !found {
		t.Errorf("no action-overdue warning in %+v", log.Runs[0].Results)
	}
}

func TestValidateRunNoRepository(t *testing.T) {
	_, err := validate(t, Options{Dir: filepath.Join(t.TempDir(), "nope")})
	var nf *load.NotFoundError
	if !errors.As(err, &nf) {
		t.Errorf("err = %v; want a NotFoundError", err)
	}
}

// On a terminal (colours on), a name holding an escape or a line break is
// printed escaped all the same, and the findings left out are counted.
func TestValidateColourEscapes(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml": "organisations:\n  - {id: brent, name: \"Brent\\n::error::x\\e[2J\"}\n",
		"x/network.yaml":     "id: x\nname: X\nseats:\n  - {organisations: [brent], title: Partner}\n",
	})
	ios, _, out, _ := iostreams.Test()
	ios.Color = true
	err := validateRun(&Options{IO: ios, Dir: dir, Format: "text", Now: cmdtest.Clock("2026-12-04")})
	if !errors.Is(err, cmdutil.ErrFindings) {
		t.Fatalf("err = %v", err)
	}
	s := out.String()
	if !strings.Contains(s, `from Brent\n::error::x\x1b[2J; it has 0`) || strings.Contains(s, "\n::error") || strings.Contains(s, "\x1b[2J") {
		t.Errorf("colour output:\n%q", s)
	}
}
