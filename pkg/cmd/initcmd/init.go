// Package initcmd implements `govctl init`: a new governance repository
// with one example body that validates.
package initcmd

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/safefile"
)

// Options are init's inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Dir string
}

// NewCmdInit builds the command.
func NewCmdInit(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	return &cobra.Command{
		Use:   "init [DIR]",
		Short: "Start a new governance repository",
		Long: heredoc.Doc(`
			Create DIR (default: networks) with govctl.yaml, organisations.yaml and one
			example body, example-board, that validates. Nothing is overwritten: init
			refuses a folder that already holds govctl.yaml or organisations.yaml.
		`),
		Example: "  govctl init\n  govctl init governance/networks",
		Args:    cmdutil.Usage(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = cmdutil.DirArg(cmd, args)
			if runF != nil {
				return runF(opts)
			}
			return initRun(opts)
		},
	}
}

var files = []struct{ name, body string }{
	{"govctl.yaml", `# Settings for the whole repository.
timezone: Europe/London
holidays: england-and-wales      # england-and-wales | scotland | northern-ireland | none
closures: []                     # extra non-business days: - {date: 2026-12-24, name: Offices closed}
`},
	{"organisations.yaml", `# Every organisation that members come from.
organisations:
  - id: example-council
    name: Example Council
    short_name: Example
`},
	{"example-board/network.yaml", `# Terms of reference: replace with your body's.
id: example-board
name: Example Board
purpose: >-
  To show the shape of a body's terms of reference.
secretariat: example-council
offices:
  chair:
    appointment: elected
    term: P2Y
seats:
  - organisations: [example-council]
    per_organisation: 1
    title: Member
    votes: 1
    substitute: allowed
quorum:
  members: 1
voting:
  basis: organisation
  method: majority
  base: cast
meetings:
  ordinary:
    every: P3M
    start: "10:00"
    duration: PT1H
    venue: online
    notice:
      business_days: 5
    standing_items:
      - Apologies for absence
      - Minutes of the last meeting
`},
	{"example-board/members.yaml", `members:
  - id: example-chair
    name: Chair, Example Council          # a person, or the post where no person is named
    organisation: example-council
    seat: Member
office_holders:
  - office: chair
    member: example-chair
`},
}

func initRun(opts *Options) error {
	for _, name := range []string{"govctl.yaml", "organisations.yaml"} {
		if _, err := os.Stat(filepath.Join(opts.Dir, name)); err == nil {
			return &cmdutil.UserError{
				Err:  fmt.Errorf("%s already holds a repository (%s exists)", opts.Dir, name),
				Hint: "init never overwrites: choose an empty folder",
				Code: cmdutil.ExitFindings,
			}
		}
	}
	for _, f := range files {
		p := filepath.Join(opts.Dir, filepath.FromSlash(f.name))
		if err := safefile.Create(p, []byte(f.body)); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.ToSlash(p), err)
		}
		fmt.Fprintln(opts.IO.Out, filepath.ToSlash(p))
	}
	fmt.Fprintf(opts.IO.ErrOut, "next: govctl validate %s, then govctl network new ID and govctl schedule ID --count 4 --write\n", opts.Dir)
	return nil
}
