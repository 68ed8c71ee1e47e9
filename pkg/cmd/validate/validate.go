// Package validate implements `govctl validate`: load a repository, run every
// rule, and print the findings in the contract's formats.
package validate

import (
	"fmt"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/gctune"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/sarif"
)

// Options are validate's inputs.
type Options struct {
	IO      *iostreams.IOStreams
	Now     func() time.Time
	Version string

	Dir     string
	AsOf    date.Date
	Format  string
	Strict  bool
	Changed string
}

// NewCmdValidate builds the command; runF replaces the work in tests.
func NewCmdValidate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now, Version: f.Version}
	var asOf string
	cmd := &cobra.Command{
		Use:   "validate [DIR]",
		Short: "Check a repository against the format and every rule",
		Long: heredoc.Doc(`
			Load every file of the repository in DIR (default: the --repo folder,
			networks) and run every rule over it. Findings are printed as
			FILE:LINE:COL: SEVERITY RULE: MESSAGE (text), as one JSON object (json),
			as GitHub Actions annotations (github) or as a SARIF 2.1.0 log (sarif).

			Exit status: 0 no errors (warnings allowed), 1 errors found (or warnings
			under --strict), 2 the command could not run.
		`),
		Example: heredoc.Doc(`
			govctl validate
			govctl validate networks --as-of 2026-12-01
			govctl validate --format json | jq '.errors'
			govctl validate --format github --strict
		`),
		Args: cmdutil.Usage(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = cmdutil.DirArg(cmd, args)
			if err := cmdutil.Format(opts.Format, formats...); err != nil {
				return err
			}
			if asOf != "" {
				d, err := load.ParseDate(asOf)
				if err != nil {
					return cmdutil.FlagErrorf("--as-of: %v", err)
				}
				opts.AsOf = d
			}
			if runF != nil {
				return runF(opts)
			}
			gctune.Hold()
			return validateRun(opts)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "date time-dependent rules use, YYYY-MM-DD (default today in the repository's timezone)")
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json, github or sarif")
	cmd.Flags().BoolVar(&opts.Strict, "strict", false, "exit 1 on warnings too")
	cmd.Flags().StringVar(&opts.Changed, "changed", "", "check only the bodies changed since git revision `BASE` (and those that refer to them); BASE...HEAD or BASE..HEAD compares commits only, without reading the working tree")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// formats are the output formats: the contract's three and SARIF.
var formats = append(append([]string{}, diag.Formats...), "sarif")

func validateRun(opts *Options) error {
	copts := check.Options{AsOf: opts.AsOf, Now: opts.Now}
	if opts.Changed != "" {
		files, err := cmdutil.ChangedFiles(opts.Dir, opts.Changed)
		if err != nil {
			return err
		}
		scope := check.ChangeScope(opts.Dir, files)
		copts.Scope = &scope
		if !scope.All && len(scope.Load) == 0 {
			fmt.Fprintf(opts.IO.ErrOut, "no network changed %s\n", cmdutil.ChangedWhen(opts.Changed))
		}
	}
	res, err := check.Run(opts.Dir, copts)
	if err != nil {
		return err
	}
	ds := res.Diagnostics
	switch {
	case opts.Format == "sarif":
		err = sarif.Write(opts.IO.Out, opts.Version, ds)
	case opts.Format == "text" && opts.IO.Color:
		err = writeColour(opts.IO, ds)
	default:
		err = diag.Write(opts.IO.Out, opts.Format, ds)
	}
	if err != nil {
		return fmt.Errorf("writing findings: %w", err)
	}
	errs, warns := diag.Count(ds)
	if errs > 0 || (opts.Strict && warns > 0) {
		return cmdutil.ErrFindings
	}
	return nil
}

// writeColour is the text format with severities coloured, for a terminal.
func writeColour(io *iostreams.IOStreams, ds []diag.Diagnostic) error {
	for _, d := range ds {
		d = diag.Printable(d)
		sev := io.Colorize(iostreams.Red, string(d.Severity))
		if d.Severity == diag.Warning {
			sev = io.Colorize(iostreams.Yellow, string(d.Severity))
		}
		if _, err := fmt.Fprintf(io.Out, "%s: %s %s: %s\n", io.Colorize(iostreams.Bold, d.Pos.String()), sev, io.Colorize(iostreams.Dim, d.Rule), d.Message); err != nil {
			return err
		}
		if d.More > 0 {
			if _, err := fmt.Fprintln(io.Out, d.MoreLine()); err != nil {
				return err
			}
		}
	}
	errs, warns := diag.Count(ds)
	_, err := fmt.Fprintln(io.Out, diag.Summary(errs, warns))
	return err
}
