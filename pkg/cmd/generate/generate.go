// Package generate implements `govctl generate`: write (or with --check,
// list) every generated markdown file that is missing or out of date.
package generate

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/gctune"
	gen "github.com/govctl/govctl/pkg/generate"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
)

// Options are generate's inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Check   bool
	Changed string
}

// NewCmdGenerate builds the command.
func NewCmdGenerate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "generate [DIR] [--check]",
		Short: "Write the markdown members read: network pages, agendas, minutes",
		Long: heredoc.Doc(`
			Write DIR/README.md (every body as a tree of who reports to whom, with
			chairs, cadence, next meeting and open actions), DIR/<id>/README.md
			for each body (purpose, offices and holders, seats and members, quorum and
			voting in plain words, meetings, planned meetings with papers deadlines,
			open actions, work programme, latest minutes), the agenda of each body's
			next planned meeting and every agenda already written, and the minutes of
			every held meeting: each only when it is missing or out of date.
			DIR/README.md is drawn as at the repository's latest record; a body's page
			as at the last day, up to then, that its own records change, so that one
			body's new meeting leaves the other bodies' pages as they are.

			A section between <!-- custom --> and <!-- /custom --> in a network's page is
			kept as a person wrote it: each marker on a line of its own, once. A page
			whose markers are missing one of the pair, doubled or out of order is left
			as it is, named with the line to mend (exit 1), so that nothing written
			there is lost. Pages depend on the repository alone, never on
			the day, so output is byte-for-byte the same on any machine and any day.

			--check writes nothing, lists every missing or stale file, and exits 1
			when there is one.

			--changed BASE narrows the work to what changed since the git revision
			BASE: the agendas and minutes of the bodies whose files changed (YAML or
			generated pages) and of the bodies reporting to them, with every body's
			page and DIR/README.md, which depend on other bodies. BASE...HEAD (or
			BASE..HEAD) compares those commits alone, as CI does on a pull request;
			one revision also reads the working tree. A change to govctl.yaml or
			organisations.yaml means everything; no change at all means nothing to do.
			The whole repository is still read. With --check it trusts that BASE was
			up to date, made by the same govctl: after upgrading govctl, check
			without --changed. Without --check it writes only what it checks.

			A body whose files hold an error that makes them unreadable as meant (a
			file that does not parse, a name that names nothing) gets no pages: the
			others are done, and its findings follow, with exit 1. An error in
			govctl.yaml or organisations.yaml stops it as a whole.
		`),
		Example: heredoc.Doc(`
			govctl generate
			govctl generate networks --check
			govctl generate networks --check --changed origin/main...HEAD
		`),
		Args: cmdutil.Usage(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = cmdutil.DirArg(cmd, args)
			if runF != nil {
				return runF(opts)
			}
			// Like validate, generate reads the whole repository and keeps
			// what it read to its end.
			gctune.Hold()
			return generateRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "write nothing; list missing or stale files and exit 1 if any")
	cmd.Flags().StringVar(&opts.Changed, "changed", "", "only the papers of the bodies changed since git revision `BASE` (and of those that report to them), with every body's page and the index; BASE...HEAD or BASE..HEAD compares commits only, without reading the working tree")
	return cmd
}

func generateRun(opts *Options) error {
	var popts gen.Options
	if opts.Changed != "" {
		paths, err := cmdutil.ChangedFiles(opts.Dir, opts.Changed)
		if err != nil {
			return err
		}
		if len(paths) == 0 {
			fmt.Fprintf(opts.IO.ErrOut, "no file changed %s: nothing to generate\n", cmdutil.ChangedWhen(opts.Changed))
			return nil
		}
		scope := check.PageScope(opts.Dir, paths)
		popts.Scope = &scope
	}
	files, left, err := gen.Plan(opts.Dir, popts)
	if err != nil {
		return err
	}
	changed := 0
	var refused []error
	for _, f := range files {
		if f.State == "ok" {
			continue
		}
		if f.State == "refused" {
			refused = append(refused, f.Err)
			continue
		}
		changed++
		p := words.Quote(filepath.ToSlash(f.Path))
		if opts.Check {
			fmt.Fprintf(opts.IO.Out, "%s: %s\n", f.State, p)
			continue
		}
		if err := safefile.Inside(opts.Dir, f.Path); err != nil {
			return err
		}
		if err := gen.Write(f); err != nil {
			return cmdutil.Errorf("run govctl generate again", "writing %s: %v", p, err)
		}
		fmt.Fprintf(opts.IO.Out, "wrote %s\n", p)
	}
	for i, err := range refused {
		fmt.Fprintf(opts.IO.ErrOut, "govctl: %s\n", err)
		if i == len(refused)-1 {
			fmt.Fprintf(opts.IO.ErrOut, "hint: %s\n", (err.(*gen.CustomError)).ExitHint())
		}
	}
	switch {
	case opts.Check && changed > 0:
		fmt.Fprintf(opts.IO.ErrOut, "%d generated file(s) missing or out of date; run govctl generate\n", changed)
	case len(refused) > 0:
	case changed == 0 && opts.Changed != "":
		fmt.Fprintf(opts.IO.ErrOut, "all %d generated files of what changed %s are up to date\n", len(files), cmdutil.ChangedWhen(opts.Changed))
	case changed == 0:
		fmt.Fprintf(opts.IO.ErrOut, "all %d generated files are up to date\n", len(files))
	}
	if left == nil && (len(refused) > 0 || opts.Check && changed > 0) {
		return cmdutil.ErrFindings
	}
	return left // the bodies left out, with their findings (exit 1)
}
