// Package export implements `govctl export`: the repository as open data,
// in the Popolo data specification (package popolo).
package export

import (
	"fmt"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/popolo"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
)

// Options are export's inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir    string
	Format string
	// Out is the file to write; empty writes to stdout.
	Out string
}

// NewCmdExport builds the command; runF replaces the work in tests.
func NewCmdExport(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "export [DIR] --format popolo [--out FILE]",
		Short: "Write the repository as open data (Popolo JSON)",
		Long: heredoc.Doc(`
			Write the public record of the repository in DIR (default: the --repo
			folder, networks) as one JSON document in the Popolo data specification
			(https://www.popoloproject.com/specs/), to stdout or to FILE:

			  organizations  the bodies ("govctl:network/<id>", classification
			                 body, with parent_id) and the organisations of
			                 organisations.yaml ("govctl:organisation/<id>")
			  posts          each body's offices (".../office/<name>") and seats
			                 (".../seat/<title>")
			  persons        each body's members (".../member/<id>"), with their
			                 registered interests
			  memberships    a member's place on their body (post_id their seat,
			                 on_behalf_of_id their organisation, start_date and
			                 end_date), and each holding of an office
			  events         meetings (".../meeting/<date>"), with attendance
			  motions        decisions (".../decision/<id>"), with their result
			                 (pass, fail, deferred, referred)
			  vote_events    the recorded votes on a decision, with counts (yes,
			                 no, abstain) and each voter's vote

			What Popolo has no field for is kept under keys of govctl's own,
			"govctl:..." (govctl:quorum, govctl:voting, govctl:meetings,
			govctl:actions, govctl:work_programme on a body; govctl:attendance,
			govctl:agenda, govctl:declarations, govctl:quorum on a meeting;
			govctl:interests on a person). Every list is sorted by id, so that the
			same files give the same bytes.

			Private business is never exported: a private decision's motion text is
			"taken in private (REASON)", as is a private action's; a private item is
			"a private item" unless its title is published; no private paper, and
			no item's minutes, is exported.

			A body whose files hold an error that stops govctl reading them as meant
			is left out; the rest are written, and the command exits 1 with its
			findings.
		`),
		Example: heredoc.Doc(`
			govctl export --format popolo > networks.popolo.json
			govctl export networks --format popolo --out site/networks.json
		`),
		Args: cmdutil.Usage(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = cmdutil.DirArg(cmd, args)
			if err := cmdutil.Format(opts.Format, formats...); err != nil {
				return err
			}
			if cmd.Flags().Changed("out") && opts.Out == "" {
				return cmdutil.FlagErrorf("--out: want a file")
			}
			if runF != nil {
				return runF(opts)
			}
			return exportRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "popolo", "output format: popolo")
	cmd.Flags().StringVar(&opts.Out, "out", "", "write to `FILE` instead of stdout")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

var formats = []string{"popolo"}

func exportRun(opts *Options) error {
	res, err := check.OpenSound(opts.Dir, nil, opts.Now)
	if err != nil {
		return err
	}
	doc := popolo.Export(res.Index, res.Nets(), popolo.Options{Location: res.Location})
	b, err := doc.JSON()
	if err != nil {
		return err
	}
	if opts.Out == "" {
		if _, err := opts.IO.Out.Write(b); err != nil {
			return err
		}
		return res.Left()
	}
	if err := safefile.Write(opts.Out, b); err != nil {
		return cmdutil.Errorf("check that --out names a file in a folder you can write to", "writing %s: %v", words.Quote(opts.Out), err)
	}
	fmt.Fprintf(opts.IO.ErrOut, "wrote %s\n", words.Quote(opts.Out))
	return res.Left()
}
