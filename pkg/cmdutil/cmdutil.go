// Package cmdutil holds what every command shares: the Factory of
// dependencies (streams, clock, version) and the errors that decide the exit
// status.
package cmdutil

import (
	"errors"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/gitx"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// Factory carries the dependencies commands take, so that tests can give a
// fixed clock and buffers for streams.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// Now is the clock. Commands never call time.Now themselves.
	Now     func() time.Time
	Version string
}

// Exit statuses of the contract, as package exit names them.
const (
	ExitOK       = exit.OK
	ExitFindings = exit.Findings
	ExitUsage    = exit.Usage
)

// usageHint follows every usage error.
const usageHint = "run 'govctl help' or add --help to the command for its usage"

// FlagError is a bad flag or argument: usage is hinted at, exit 2.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// ExitCode is exit.Usage.
func (e *FlagError) ExitCode() int { return exit.Usage }

// ExitHint points to the command's usage.
func (e *FlagError) ExitHint() string { return usageHint }

// FlagErrorf makes a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ErrFindings means the command has printed its findings and must exit 1
// without another message.
var ErrFindings error = findingsPrinted{}

type findingsPrinted struct{}

func (findingsPrinted) Error() string { return "findings" }

// ExitCode is exit.Findings.
func (findingsPrinted) ExitCode() int { return exit.Findings }

// ExitHint is none.
func (findingsPrinted) ExitHint() string { return "" }

// UserError is an error with a hint printed on its own line, and the exit
// status it leads to.
type UserError = exit.Hinted

// Errorf makes a UserError with exit status 2 (the command could not run).
func Errorf(hint string, format string, args ...any) error {
	return &UserError{Err: fmt.Errorf(format, args...), Hint: hint, Code: ExitUsage}
}

// Usage makes cobra's own argument checks return a FlagError.
func Usage(check cobra.PositionalArgs) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if err := check(cmd, args); err != nil {
			return &FlagError{Err: err}
		}
		return nil
	}
}

// FlagUsage is the flag error function for cobra's own flag errors: a
// FlagError.
func FlagUsage(_ *cobra.Command, err error) error {
	return &FlagError{Err: err}
}

// Format checks a --format value against the formats a command offers. The
// error names them: "a, b or c", or for more than three "one of a, b, c, d".
func Format(value string, formats ...string) error {
	if slices.Contains(formats, value) {
		return nil
	}
	want := words.Or(formats)
	if len(formats) > 3 {
		want = "one of " + strings.Join(formats, ", ")
	}
	return FlagErrorf("--format %q: want %s", value, want)
}

// RepoDir is the repository folder from the root's --repo flag.
func RepoDir(cmd *cobra.Command) string {
	if dir, err := cmd.Flags().GetString("repo"); err == nil && dir != "" {
		return dir
	}
	return "networks"
}

// DirArg is the repository folder of a command taking an optional DIR
// argument: DIR when given, else the root's --repo flag.
func DirArg(cmd *cobra.Command, args []string) string {
	if len(args) > 0 {
		return args[0]
	}
	return RepoDir(cmd)
}

// MeetingArg checks a DATE argument naming a meeting: YYYY-MM-DD, or the
// file name of a second meeting that day (YYYY-MM-DD-2).
func MeetingArg(ref string) error {
	if len(ref) < 10 {
		return FlagErrorf("%q is not a meeting date: expected YYYY-MM-DD", ref)
	}
	_, err := DateFlag("DATE", ref[:10])
	return err
}

// DateFlag parses an optional YYYY-MM-DD flag value.
func DateFlag(name, value string) (date.Date, error) {
	if value == "" {
		return date.Date{}, nil
	}
	d, err := load.ParseDate(value)
	if err != nil {
		return date.Date{}, FlagErrorf("%s: %v", name, err)
	}
	return d, nil
}

// CompleteNetworks completes network ids from the --repo folder.
func CompleteNetworks(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	if len(args) > 0 {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	return check.NetworkIDs(RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
}

// CompleteNetworkThenMeeting completes a network id, then one of its meeting
// dates (file stems).
func CompleteNetworkThenMeeting(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	switch len(args) {
	case 0:
		return check.NetworkIDs(RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
	case 1:
		return workspace.MeetingFiles(RepoDir(cmd), args[0]), cobra.ShellCompDirectiveNoFileComp
	}
	return nil, cobra.ShellCompDirectiveNoFileComp
}

// DateRange parses optional --from and --until flags, refusing an end
// before the start.
func DateRange(from, until string) (date.Date, date.Date, error) {
	f, err := DateFlag("--from", from)
	if err != nil {
		return f, date.Date{}, err
	}
	u, err := DateFlag("--until", until)
	if err != nil {
		return f, u, err
	}
	if !f.IsZero() && !u.IsZero() && u.Before(f) {
		return f, u, FlagErrorf("--until %s is before --from %s", u, f)
	}
	return f, u, nil
}

// ChangedFiles lists the files of the repository in dir (paths relative to
// it) that changed since git revision rev, as validate --changed and
// generate --changed read them (gitx.Changed: BASE...HEAD or BASE..HEAD
// compares the commits alone; one revision reads the working tree too).
// git's failures come with a hint.
func ChangedFiles(dir, rev string) ([]string, error) {
	if _, err := os.Stat(dir); err != nil {
		return nil, load.NotFound(dir, "no such folder")
	}
	files, err := gitx.Changed(dir, rev)
	if err != nil {
		return nil, gitError(err)
	}
	return files, nil
}

// ChangedWhen says what rev, given to --changed, compares in words: "in
// A...B" for a range, "since REV" for one revision.
func ChangedWhen(rev string) string {
	if strings.Contains(rev, "..") {
		return "in " + words.Printable(rev)
	}
	return "since " + words.Printable(rev)
}

// gitError adds a hint to git failures.
func gitError(err error) error {
	var missing *gitx.MissingRevisionError
	if errors.As(err, &missing) {
		hint := "check the revision name"
		if missing.Shallow {
			hint = "fetch it first, e.g. git fetch --unshallow (or actions/checkout with fetch-depth: 0)"
		}
		return Errorf(hint, "%v", err)
	}
	return Errorf("run govctl inside a git repository, with git installed", "%v", err)
}
