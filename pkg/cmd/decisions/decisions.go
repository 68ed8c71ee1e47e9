// Package decisions implements `govctl decisions`: the decision register
// across bodies, each decision with its outcome, votes, and where it was
// referred and how it was answered.
package decisions

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/register"
	"github.com/govctl/govctl/pkg/tableout"
)

// Options are decisions' inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir         string
	Networks    []string
	From, Until date.Date
	Outcome     string
	Format      string
}

// outcomes are the outcomes --outcome takes.
var outcomes = []string{"agreed", "not-agreed", "deferred", "referred"}

// NewCmdDecisions builds the command.
func NewCmdDecisions(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	var from, until string
	cmd := &cobra.Command{
		Use:   "decisions [NETWORK...] [--from DATE] [--until DATE] [--outcome OUTCOME] [--format table|markdown|json]",
		Short: "List the decisions of the networks' held meetings: the decision register",
		Long: heredoc.Doc(`
			List every decision taken at the held meetings of the networks named (all
			when none is), from --from to --until (meeting dates, both inclusive), of
			one outcome with --outcome (agreed, not-agreed, deferred or referred): its
			network, id, meeting date, item, what was decided, outcome and the votes
			recorded, in words; for a decision referred to another body, that body and
			its answers (or "not yet answered"); for a decision that answers a
			referral (responds_to), the referral it answers. An answer with no text of
			its own says what was referred ("As referred: ...").

			Only the public record is shown: a private decision's text is "taken in
			private (REASON)", and an item whose title is not published "a private
			item". govctl generate writes the same register for each body, as
			<network>/decisions.md, linked from its page.

			Table output on a terminal is aligned; piped, it is tab-separated with a
			header line.

			JSON is a list, one object a decision:
			  {"network", "network_name", "id", "date", "meeting", "item", "text",
			   "private", "outcome", "votes",
			   "referred_to": {"network", "name"} or null,
			   "referral": "answered" | "waiting" | "outside" | "",
			   "answers": [{"network", "name", "id", "date", "meeting", "outcome",
			                "text"}],
			   "responds_to": {"network", "name", "id", "date", "meeting",
			                   "outcome", "text"} or null}
			"meeting" is the record's name (2026-11-17, or 2026-11-17-2); "text" is
			"" for an answer with no text of its own; "private" (the reason) is
			given only for a private decision; "referral" is "outside" for a
			decision referred with no refer_to, "" for one not referred.
		`),
		Example: heredoc.Doc(`
			govctl decisions
			govctl decisions sts-omg --from 2026-04-01 --until 2027-03-31
			govctl decisions --outcome referred --format markdown
			govctl decisions --format json | jq '.[] | select(.referral == "waiting")'
		`),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			return check.NetworkIDs(cmdutil.RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Networks = args
			opts.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.Format(opts.Format, "table", "markdown", "json"); err != nil {
				return err
			}
			if opts.Outcome != "" {
				if err := outcome(opts.Outcome); err != nil {
					return err
				}
			}
			var err error
			if opts.From, opts.Until, err = cmdutil.DateRange(from, until); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return decisionsRun(opts)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "first meeting date listed, YYYY-MM-DD")
	cmd.Flags().StringVar(&until, "until", "", "last meeting date listed, YYYY-MM-DD")
	cmd.Flags().StringVar(&opts.Outcome, "outcome", "", "only decisions of this outcome: agreed, not-agreed, deferred or referred")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "table, markdown or json")
	_ = cmd.RegisterFlagCompletionFunc("outcome", cobra.FixedCompletions(outcomes, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions([]string{"table", "markdown", "json"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func outcome(s string) error {
	if slices.Contains(outcomes, s) {
		return nil
	}
	return cmdutil.FlagErrorf("--outcome %q: want agreed, not-agreed, deferred or referred", s)
}

// Collect lists the decisions of the networks that pass the filters. The
// error left is that of the networks left out for errors in their files
// (check.OpenSound), to return after the list is printed.
func Collect(opts *Options) (entries []register.Entry, left error, err error) {
	res, err := check.OpenSound(opts.Dir, opts.Networks, opts.Now)
	if err != nil {
		return nil, nil, err
	}
	return register.Entries(res.Nets(), register.Filter{From: opts.From, Until: opts.Until, Outcome: opts.Outcome}), res.Left(), nil
}

func decisionsRun(opts *Options) error {
	entries, left, err := Collect(opts)
	if err != nil {
		return err
	}
	if err := printDecisions(opts, entries); err != nil {
		return err
	}
	return left
}

// printDecisions writes the entries in the format asked for.
func printDecisions(opts *Options, entries []register.Entry) error {
	out := opts.IO.Out
	switch opts.Format {
	case "json":
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(entries)
	case "markdown":
		_, err := out.Write(Markdown(entries))
		return err
	}
	header := []string{"NETWORK", "ID", "DATE", "ITEM", "DECISION", "OUTCOME", "VOTES", "REFERRAL"}
	rows := [][]string{}
	for _, e := range entries {
		rows = append(rows, []string{e.Network, e.ID, e.Date, e.Item, e.Said(), e.Outcome, e.Votes, e.ReferralWords()})
	}
	return tableout.Write(out, opts.IO.OutTTY, header, rows, "No decisions match.")
}

// Markdown renders the register across bodies, a table a body, with no
// links (the output may be put anywhere; the generated registers link the
// bodies' pages).
func Markdown(entries []register.Entry) []byte {
	var b strings.Builder
	b.WriteString("# Decision register\n")
	if len(entries) == 0 {
		b.WriteString("\nNo decisions match.\n")
		return []byte(b.String())
	}
	last := ""
	for _, e := range entries {
		if e.Network != last {
			fmt.Fprintf(&b, "\n## %s (%s)\n\n", markdown.Line(e.NetworkName), markdown.Line(e.Network))
			b.WriteString("| Date | Decision | Item | What was decided | Outcome | Votes | Referral |\n| --- | --- | --- | --- | --- | --- | --- |\n")
			last = e.Network
		}
		votes := e.Votes
		if votes == "" {
			votes = "not recorded"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", e.Date, markdown.Cell(e.ID), markdown.Cell(e.Item), markdown.Cell(e.Said()), strings.ReplaceAll(e.Outcome, "-", " "), markdown.Cell(votes), markdown.Cell(e.ReferralWords()))
	}
	return []byte(b.String())
}
