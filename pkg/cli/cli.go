// Package cli runs govctl: it builds the command tree, executes it, and is
// the one place where errors become exit statuses and messages.
package cli

import (
	"errors"
	"fmt"
	"strings"

	"github.com/govctl/govctl/pkg/cmd/root"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/workspace"
)

// Main runs govctl with args (without the program name) and returns the exit
// status: 0 success, 1 findings (errors found, or a refusal to overwrite),
// 2 the command could not run.
func Main(f *cmdutil.Factory, args []string) int {
	cmd := root.NewCmdRoot(f)
	cmd.SetArgs(args)
	err := cmd.Execute()
	if err == nil {
		return cmdutil.ExitOK
	}
	errOut := f.IOStreams.ErrOut
	var flagErr *cmdutil.FlagError
	var userErr *cmdutil.UserError
	var notFound *load.NotFoundError
	var findings *workspace.FindingsError
	var noNetwork *workspace.NetworkError
	switch {
	case errors.As(err, &findings):
		for _, d := range findings.Diagnostics {
			fmt.Fprintln(errOut, d.String())
		}
		fmt.Fprintf(errOut, "govctl: %s\n", err)
		fmt.Fprintln(errOut, "hint: fix the files above, then run the command again")
		return cmdutil.ExitFindings
	case errors.As(err, &noNetwork):
		fmt.Fprintf(errOut, "govctl: %s\n", err)
		fmt.Fprintf(errOut, "hint: the networks are: %s\n", strings.Join(noNetwork.Known, ", "))
		return cmdutil.ExitUsage
	case errors.Is(err, cmdutil.ErrFindings):
		return cmdutil.ExitFindings
	case errors.As(err, &flagErr) || isCobraUsageError(err):
		fmt.Fprintf(errOut, "govctl: %s\n", err)
		fmt.Fprintln(errOut, "hint: run 'govctl help' or add --help to the command for its usage")
		return cmdutil.ExitUsage
	case errors.As(err, &notFound):
		fmt.Fprintf(errOut, "govctl: %s\n", err)
		fmt.Fprintln(errOut, "hint: give the repository's folder (the one holding organisations.yaml), e.g. govctl validate networks")
		return cmdutil.ExitUsage
	case errors.As(err, &userErr):
		fmt.Fprintf(errOut, "govctl: %s\n", userErr.Err)
		if userErr.Hint != "" {
			fmt.Fprintf(errOut, "hint: %s\n", userErr.Hint)
		}
		return userErr.Code
	}
	fmt.Fprintf(errOut, "govctl: %s\n", err)
	return cmdutil.ExitUsage
}

// isCobraUsageError recognises cobra's own argument and command errors,
// which it returns as plain errors.
func isCobraUsageError(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires at least", "requires at most", "unknown flag", "unknown shorthand", "invalid argument", "flag needs an argument"} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
