// Package cmdutil holds what every command shares: the Factory of
// dependencies (streams, clock, version) and the errors that decide the exit
// status.
package cmdutil

import (
	"errors"
	"fmt"
	"time"

	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
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

// Exit statuses of the contract.
const (
	ExitOK       = 0
	ExitFindings = 1 // the command ran and found errors (or refused to overwrite)
	ExitUsage    = 2 // the command could not run
)

// FlagError is a bad flag or argument: usage is printed, exit 2.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf makes a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ErrFindings means the command has printed its findings and must exit 1
// without another message.
var ErrFindings = errors.New("findings")

// UserError is an error with a hint printed on its own line, and the exit
// status it leads to.
type UserError struct {
	Err  error
	Hint string
	Code int
}

func (e *UserError) Error() string { return e.Err.Error() }
func (e *UserError) Unwrap() error { return e.Err }

// Errorf makes a UserError with exit status 2 (the command could not run).
func Errorf(hint string, format string, args ...any) error {
	return &UserError{Err: fmt.Errorf(format, args...), Hint: hint, Code: ExitUsage}
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
	return workspace.List(RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
}

// CompleteNetworkThenMeeting completes a network id, then one of its meeting
// dates (file stems).
func CompleteNetworkThenMeeting(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
	switch len(args) {
	case 0:
		return workspace.List(RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
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
