// Package rules implements `govctl rules` and `govctl rules explain ID`,
// printing the rule docs from the table the checks use.
package rules

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/rules"
	"github.com/govctl/govctl/pkg/suggest"
)

// Options are the rules command's inputs.
type Options struct {
	IO *iostreams.IOStreams
	// Explain is the rule to explain; empty lists them all.
	Explain string
}

// NewCmdRules builds `rules` and its `explain` subcommand.
func NewCmdRules(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	run := func(opts *Options) error {
		if runF != nil {
			return runF(opts)
		}
		return rulesRun(opts)
	}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List every rule: id, severity and title",
		Example: heredoc.Doc(`
			govctl rules
			govctl rules explain vote-count
		`),
		Args: cmdutil.Usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(&Options{IO: f.IOStreams})
		},
	}
	explain := &cobra.Command{
		Use:   "explain ID",
		Short: "Explain a rule, with a failing and a passing example",
		Args:  cmdutil.Usage(cobra.ExactArgs(1)),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
			return rules.IDs(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return run(&Options{IO: f.IOStreams, Explain: args[0]})
		},
	}
	cmd.AddCommand(explain)
	return cmd
}

func rulesRun(opts *Options) error {
	out := opts.IO.Out
	if opts.Explain == "" {
		tw := tabwriter.NewWriter(out, 0, 0, 2, ' ', 0)
		for _, r := range rules.All() {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", r.ID, r.Severity, r.Title)
		}
		return tw.Flush()
	}
	r, ok := rules.Lookup(opts.Explain)
	if !ok {
		hint := "run 'govctl rules' for the list"
		if best := suggest.Nearest(opts.Explain, rules.IDs()); best != "" {
			hint = fmt.Sprintf("did you mean %q? %s", best, hint)
		}
		return &cmdutil.UserError{Err: fmt.Errorf("no rule %q", opts.Explain), Hint: hint, Code: cmdutil.ExitUsage}
	}
	ex, err := r.Examples()
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "%s (%s): %s\n\n", r.ID, r.Severity, r.Title)
	for _, p := range r.Paragraphs() {
		fmt.Fprintf(out, "%s\n\n", wrap(p, 78))
	}
	if r.Refuses {
		fmt.Fprintf(out, "%s\n\n", wrap("While a body's files hold an error of this rule, the commands that write its records and papers (schedule, agenda new, minutes new, minutes render) refuse to go on.", 78))
	}
	fmt.Fprintf(out, "Fails:\n\n%s\n", indent(rules.ExampleText(ex.Fails)))
	fmt.Fprintf(out, "Passes:\n\n%s", indent(rules.ExampleText(ex.Passes)))
	return nil
}

func indent(s string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("    " + line + "\n")
	}
	return b.String()
}

// wrap fills each line of s to width; a list item's lines after its first
// are indented under its text.
func wrap(s string, width int) string {
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			b.WriteString("\n")
		}
		hang := ""
		if strings.HasPrefix(line, "- ") {
			hang = "  "
		}
		col := 0
		for _, w := range strings.Fields(line) {
			if col > 0 && col+1+len(w) > width {
				b.WriteString("\n" + hang)
				col = len(hang)
			} else if col > 0 {
				b.WriteString(" ")
				col++
			}
			b.WriteString(w)
			col += len(w)
		}
	}
	return b.String()
}
