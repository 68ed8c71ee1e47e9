// Package cli runs govctl: it builds the command tree, executes it, and is
// the one place where errors become exit statuses and messages. An error
// says its own status and hint through package exit's interfaces.
package cli

import (
	"errors"
	"fmt"
	"io"

	"github.com/govctl/govctl/pkg/cmd/root"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/words"
)

// Main runs govctl with args (without the program name) and returns the exit
// status: 0 success, 1 findings (errors found, or a refusal to overwrite),
// 2 the command could not run.
func Main(f *cmdutil.Factory, args []string) int {
	cmd := root.NewCmdRoot(f)
	cmd.SetArgs(args)
	c, err := cmd.ExecuteC()
	if err != nil && c.CalledAs() == "" {
		// cobra stopped before running any command: none has that name.
		err = &cmdutil.FlagError{Err: err}
	}
	return Report(f.IOStreams.ErrOut, err)
}

// Report writes what err says on errOut, and returns the exit status it
// leads to: its details (the findings that stopped the command, each one
// line), "govctl:" and its message, and its hint, control characters
// escaped. An error that is not an exit.Error has no
// hint and exit status 2; cmdutil.ErrFindings is silent, its findings
// already printed.
func Report(errOut io.Writer, err error) int {
	if err == nil {
		return exit.OK
	}
	// What an error says may name a file or a body of the repository:
	// printed escaped (words.Printable), a line break in a name cannot start
	// a line of its own (a GitHub workflow command) nor an escape drive the
	// terminal. A usage error says what the person typed, in cobra's lines.
	msg := words.Printable(err.Error())
	var flagErr *cmdutil.FlagError
	if errors.As(err, &flagErr) {
		msg = err.Error()
	}
	var e exit.Error
	if !errors.As(err, &e) {
		fmt.Fprintf(errOut, "govctl: %s\n", msg)
		return exit.Usage
	}
	if errors.Is(err, cmdutil.ErrFindings) {
		return e.ExitCode()
	}
	var d exit.Detailed
	if errors.As(err, &d) {
		for _, line := range d.Details() {
			fmt.Fprintln(errOut, line)
		}
	}
	fmt.Fprintf(errOut, "govctl: %s\n", msg)
	if hint := e.ExitHint(); hint != "" {
		fmt.Fprintf(errOut, "hint: %s\n", words.Printable(hint))
	}
	return e.ExitCode()
}
