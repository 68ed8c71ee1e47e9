package root

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
)

// execute runs the root command on args, and returns what it printed.
func execute(args ...string) (stdout, stderr string, err error) {
	ios, _, out, errOut := iostreams.Test()
	cmd := NewCmdRoot(&cmdutil.Factory{IOStreams: ios, Now: cmdtest.Clock("2026-12-04"), Version: "v9.8.7"})
	cmd.SetArgs(args)
	err = cmd.Execute()
	return out.String(), errOut.String(), err
}

func TestNewCmdRootCommands(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	cmd := NewCmdRoot(&cmdutil.Factory{IOStreams: ios, Now: cmdtest.Clock("2026-12-04")})
	var got []string
	for _, c := range cmd.Commands() {
		got = append(got, c.Name())
	}
	for _, want := range []string{"actions", "agenda", "calendar", "diff", "export", "fmt", "generate", "init", "meeting", "minutes", "network", "networks", "private", "remind", "report", "rules", "schedule", "schema", "validate", "work"} {
		if !slices.Contains(got, want) {
			t.Errorf("no %s command in %v", want, got)
		}
	}
	repo := cmd.PersistentFlags().Lookup("repo")
	if repo == nil || repo.Shorthand != "R" || repo.DefValue != "networks" {
		t.Errorf("--repo flag %+v", repo)
	}
}

func TestRootVersion(t *testing.T) {
	got, _, err := execute("--version")
	if err != nil {
		t.Fatal(err)
	}
	if got != "govctl v9.8.7\n" {
		t.Errorf("--version printed %q", got)
	}
}

// Bad flags, on the root or a subcommand, are FlagErrors (usage, exit 2),
// and errors are returned, not printed: the caller prints them once.
func TestRootFlagErrors(t *testing.T) {
	for _, args := range [][]string{{"--nope"}, {"rules", "--nope"}, {"validate", "--strict=maybe"}} {
		_, stderr, err := execute(args...)
		var fe *cmdutil.FlagError
		if !errors.As(err, &fe) {
			t.Errorf("%v: err = %v; want a FlagError", args, err)
		}
		if strings.Contains(stderr, "Error:") {
			t.Errorf("%v: the error was printed: %q", args, stderr)
		}
	}
}

// The --repo flag reaches the subcommands.
func TestRootRepoFlag(t *testing.T) {
	dir := cmdtest.Board(t)
	s, _, err := execute("-R", dir, "actions", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s, `"id": "A-1"`) {
		t.Errorf("actions on -R %s printed %s", dir, s)
	}
}
