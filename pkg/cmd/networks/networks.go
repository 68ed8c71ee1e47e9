// Package networks implements `govctl networks`: one line a body, with its
// chair, cadence, next meeting, open actions and findings.
package networks

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/report"
	"github.com/govctl/govctl/pkg/tableout"
)

// Options are networks' inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir    string
	Format string
}

// NewCmdNetworks builds the command.
func NewCmdNetworks(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "networks [--format table|json]",
		Short: "List every body with its chair, cadence, next meeting and findings",
		Long: heredoc.Doc(`
			List the repository's bodies, sorted by id, one a line: id, name, parent,
			chair(s) (the current holders of the office named chair, or co-chair),
			cadence in words ("every 1 month", "every 6 weeks, 9 a year", "6 a year";
			with several kinds of meeting, each named), the next meeting (the first
			planned meeting on or after today, with its kind), the number of open
			actions, and govctl validate's findings in the body's files ("0 errors,
			2 warnings").

			Errors in the files do not stop the command: a body whose network.yaml
			cannot be read is listed by its folder with its findings. Findings outside
			the network folders (govctl.yaml, organisations.yaml) are counted in a note
			on stderr. The exit status is 0 whenever the list could be made; use
			govctl validate to gate on findings.

			Table output on a terminal is aligned; piped, it is tab-separated with a
			header line.

			JSON is a list of objects, one a body:
			  {"id", "name", "parent", "chairs": [...], "cadence",
			   "next_meeting": {"date", "kind"} or null, "open_actions",
			   "errors", "warnings", "findings", "loaded"}
			parent and cadence are "" when none; loaded is false when network.yaml could
			not be read (name and the rest are then empty).
		`),
		Example: heredoc.Doc(`
			govctl networks
			govctl networks --format json | jq '.[] | select(.errors > 0) | .id'
		`),
		Args: cmdutil.Usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.Format(opts.Format, formats...); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return networksRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "table", "table or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

var formats = []string{"table", "json"}

func networksRun(opts *Options) error {
	res, err := check.Run(opts.Dir, check.Options{Now: opts.Now})
	if err != nil {
		return err
	}
	ov := report.Networks(res.Nets(), opts.Dir, check.NetworkIDs(opts.Dir), res.Diagnostics, res.AsOf)
	if ov.OtherErrors+ov.OtherWarnings > 0 {
		fmt.Fprintf(opts.IO.ErrOut, "note: %s outside the network folders (govctl validate lists them)\n", diag.Summary(ov.OtherErrors, ov.OtherWarnings))
	}
	out := opts.IO.Out
	if opts.Format == "json" {
		rows := ov.Networks
		if rows == nil {
			rows = []report.NetworkRow{}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	header := []string{"ID", "NAME", "PARENT", "CHAIR", "CADENCE", "NEXT MEETING", "OPEN ACTIONS", "FINDINGS"}
	rows := [][]string{}
	for _, n := range ov.Networks {
		next := ""
		if n.NextMeeting != nil {
			next = n.NextMeeting.Date + " " + n.NextMeeting.Kind
		}
		name := n.Name
		if !n.Loaded {
			name = "(network.yaml not read)"
		}
		rows = append(rows, []string{n.ID, name, n.Parent, strings.Join(n.Chairs, "; "), n.Cadence, next, fmt.Sprint(n.OpenActions), n.Findings})
	}
	// tableout prints each name on one line, its control characters
	// escaped.
	return tableout.Write(out, opts.IO.OutTTY, header, rows, "No networks.")
}
