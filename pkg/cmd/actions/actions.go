// Package actions implements `govctl actions`: the action log across
// networks, each action with its history.
package actions

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
	"github.com/govctl/govctl/pkg/tableout"
	"github.com/govctl/govctl/pkg/words"
)

// Options are actions' inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir      string
	Networks []string
	Status   string
	Owner    string
	Overdue  bool
	AsOf     date.Date
	Format   string
}

// Entry is one action as printed (and the JSON shape, which is stable).
type Entry struct {
	Network string `json:"network"`
	ID      string `json:"id"`
	Text    string `json:"text"`
	// Private is why a private action is private; its Text then says only
	// "taken in private (REASON)".
	Private string  `json:"private,omitempty"`
	Owner   string  `json:"owner"`
	OwnerID string  `json:"owner_id"`
	Due     string  `json:"due,omitempty"`
	Status  string  `json:"status"`
	Overdue bool    `json:"overdue"`
	Raised  string  `json:"raised"`
	History []Event `json:"history"`
}

// Event is one step in an action's history.
type Event struct {
	Date   string `json:"date"`
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
	Due    string `json:"due,omitempty"`
}

// NewCmdActions builds the command.
func NewCmdActions(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	var asOf string
	cmd := &cobra.Command{
		Use:   "actions [NETWORK...]",
		Short: "List actions across networks, with their history",
		Example: heredoc.Doc(`
			govctl actions
			govctl actions sts-omg --overdue
			govctl actions --owner sts-md --status all --format markdown
			govctl actions --format json | jq '.[] | select(.overdue)'
		`),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			return check.NetworkIDs(cmdutil.RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Networks = args
			opts.Dir = cmdutil.RepoDir(cmd)
			if !slices.Contains([]string{"open", "done", "dropped", "all"}, opts.Status) {
				return cmdutil.FlagErrorf("--status %q: want open, done, dropped or all", opts.Status)
			}
			if err := cmdutil.Format(opts.Format, "table", "markdown", "json"); err != nil {
				return err
			}
			var err error
			if opts.AsOf, err = cmdutil.DateFlag("--as-of", asOf); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return actionsRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Status, "status", "open", "open, done, dropped or all")
	cmd.Flags().StringVar(&opts.Owner, "owner", "", "only actions owned by this member id")
	cmd.Flags().BoolVar(&opts.Overdue, "overdue", false, "only open actions past their due date")
	cmd.Flags().StringVar(&asOf, "as-of", "", "date for overdue, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&opts.Format, "format", "table", "table, markdown or json")
	return cmd
}

// Collect lists the actions of the networks that pass the filters. The
// error left is that of the networks left out for errors in their files
// (check.OpenSound), to return after the list is printed.
func Collect(opts *Options) (entries []Entry, left error, err error) {
	res, err := check.OpenSound(opts.Dir, opts.Networks, opts.Now)
	if err != nil {
		return nil, nil, err
	}
	asOf := res.Today.Date
	if !opts.AsOf.IsZero() {
		asOf = opts.AsOf
	}
	entries = []Entry{}
	for _, nx := range res.Nets() {
		for _, all := range nx.Actions() {
			a, ok := all.AsOf(asOf) // later meetings' updates are not known yet
			if !ok {
				continue
			}
			e := Entry{Network: nx.N.ID, ID: a.Action.ID, Text: words.ActionText(a.Action), Private: a.Action.Private, Owner: nx.MemberName(a.Action.Owner.ID), OwnerID: a.Action.Owner.ID, Status: a.Status, Raised: a.Raised.Date.String()}
			if a.Due.Set() {
				e.Due = a.Due.String()
				e.Overdue = a.Open() && a.Due.Before(asOf)
			}
			first := Event{Date: e.Raised, Status: "raised"}
			if a.Action.Due.Set() {
				first.Due = a.Action.Due.String()
			}
			e.History = append(e.History, first)
			for _, u := range a.Updates {
				ev := Event{Date: u.Meeting.Date.String(), Status: u.Update.Status, Note: u.Update.Note}
				if u.Update.Due.Set() {
					ev.Due = u.Update.Due.String()
				}
				e.History = append(e.History, ev)
			}
			if (opts.Status != "all" && e.Status != opts.Status) || (opts.Owner != "" && e.OwnerID != opts.Owner) || (opts.Overdue && !e.Overdue) {
				continue
			}
			entries = append(entries, e)
		}
	}
	return entries, res.Left(), nil
}

func actionsRun(opts *Options) error {
	entries, left, err := Collect(opts)
	if err != nil {
		return err
	}
	if err := printActions(opts, entries); err != nil {
		return err
	}
	return left
}

// printActions writes the entries in the format asked for.
func printActions(opts *Options, entries []Entry) error {
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
	header := []string{"NETWORK", "ID", "ACTION", "OWNER", "DUE", "STATUS", "RAISED", "LATEST"}
	rows := [][]string{}
	for _, e := range entries {
		due := e.Due
		if e.Overdue {
			due += " (overdue)"
		}
		last := e.History[len(e.History)-1]
		latest := ""
		if len(e.History) > 1 {
			latest = strings.TrimSpace(last.Date + " " + last.Note)
		}
		rows = append(rows, []string{e.Network, e.ID, e.Text, e.Owner, due, e.Status, e.Raised, latest})
	}
	return tableout.Write(out, opts.IO.OutTTY, header, rows, "No actions match.")
}

// Markdown renders the action log with each action's history.
func Markdown(entries []Entry) []byte {
	var b strings.Builder
	b.WriteString("# Action log\n\n")
	if len(entries) == 0 {
		b.WriteString("No actions match.\n")
		return []byte(b.String())
	}
	b.WriteString("| Network | Action | | Owner | Due | Status | History |\n| --- | --- | --- | --- | --- | --- | --- |\n")
	for _, e := range entries {
		due := e.Due
		if e.Overdue {
			due += " **overdue**"
		}
		var hist []string
		for _, h := range e.History {
			s := h.Date + ": " + h.Status
			if h.Note != "" {
				s += " (" + h.Note + ")"
			}
			if h.Due != "" {
				s += ", due " + h.Due
			}
			hist = append(hist, markdown.Cell(s))
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", markdown.Cell(e.Network), markdown.Cell(e.ID), markdown.Cell(e.Text), markdown.Cell(e.Owner), due, markdown.Cell(e.Status), strings.Join(hist, "<br>"))
	}
	return []byte(b.String())
}
