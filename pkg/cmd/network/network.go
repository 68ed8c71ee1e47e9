// Package network implements `govctl network new`: a new body's files, from
// flags or prompts.
package network

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/safefile"
)

// Options are network new's inputs.
type Options struct {
	IO *iostreams.IOStreams

	Dir         string
	ID          string
	Name        string
	Parent      string
	Purpose     string
	Secretariat string
	Every       string
	// Prompt asks for what the flags left out.
	Prompt bool
}

var reFolder = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })

// NewCmdNetwork builds `network` and `network new`.
func NewCmdNetwork(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{Use: "network", Short: "Add bodies to the repository"}
	opts := &Options{IO: f.IOStreams}
	newCmd := &cobra.Command{
		Use:   "new ID",
		Short: "Create a body's network.yaml and members.yaml",
		Long: heredoc.Doc(`
			Create DIR/ID/network.yaml and DIR/ID/members.yaml for a new body. ID must be
			a safe folder name (lower-case letters, digits and single hyphens) that no
			body has yet. What the flags leave out is asked for when the input is a
			terminal (or with --prompt).
		`),
		Example: heredoc.Doc(`
			govctl network new finance-board --name "Finance Board" --parent sts-jmb --every P1M
			govctl network new audit-panel --prompt
		`),
		Args: cmdutil.Usage(cobra.ExactArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.ID = args[0]
			opts.Dir = cmdutil.RepoDir(cmd)
			if !reFolder().MatchString(opts.ID) {
				return cmdutil.FlagErrorf("%q is not a safe folder name: use lower-case letters, digits and single hyphens, e.g. finance-board", opts.ID)
			}
			if opts.Every != "" {
				if _, err := load.ParsePeriod(opts.Every); err != nil {
					return cmdutil.FlagErrorf("--every: %v", err)
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return newRun(opts)
		},
	}
	newCmd.Flags().StringVar(&opts.Name, "name", "", "the body's name")
	newCmd.Flags().StringVar(&opts.Parent, "parent", "", "the network it reports to")
	newCmd.Flags().StringVar(&opts.Purpose, "purpose", "", "why it exists")
	newCmd.Flags().StringVar(&opts.Secretariat, "secretariat", "", "organisation id that provides administrative support")
	newCmd.Flags().StringVar(&opts.Every, "every", "", "meeting cadence, an ISO 8601 period such as P1M")
	newCmd.Flags().BoolVar(&opts.Prompt, "prompt", false, "ask for what the flags leave out")
	_ = newCmd.RegisterFlagCompletionFunc("parent", func(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
		return check.NetworkIDs(cmdutil.RepoDir(c)), cobra.ShellCompDirectiveNoFileComp
	})
	cmd.AddCommand(newCmd)
	return cmd
}

func newRun(opts *Options) error {
	if _, err := os.Stat(filepath.Join(opts.Dir, layout.OrganisationsFile)); err != nil {
		return load.NotFound(opts.Dir, "no "+layout.OrganisationsFile+" here")
	}
	folder := filepath.Join(opts.Dir, opts.ID)
	if _, err := os.Stat(folder); err == nil {
		return &cmdutil.UserError{Err: fmt.Errorf("%s already exists", filepath.ToSlash(folder)), Hint: "choose another id; network new never overwrites", Code: cmdutil.ExitFindings}
	}
	if opts.Prompt || opts.IO.InTTY {
		in := bufio.NewReader(opts.IO.In)
		ask := func(v *string, q string) {
			if *v == "" {
				fmt.Fprintf(opts.IO.ErrOut, "%s: ", q)
				*v = readLine(in)
			}
		}
		ask(&opts.Name, "Name")
		ask(&opts.Parent, "Reports to (network id, blank for none)")
		ask(&opts.Purpose, "Purpose (blank to fill in later)")
		ask(&opts.Secretariat, "Secretariat (organisation id, blank for none)")
		ask(&opts.Every, "Meets every (ISO 8601 period such as P1M, blank for none)")
		if opts.Every != "" {
			if _, err := load.ParsePeriod(opts.Every); err != nil {
				return cmdutil.Errorf("write a period such as P1M (monthly) or P6W (every six weeks)", "meets every: %v", err)
			}
		}
	}
	if strings.TrimSpace(opts.Name) == "" {
		return cmdutil.FlagErrorf("give the body's name with --name (or answer the prompt)")
	}
	if opts.Parent != "" {
		if err := check.CheckNetwork(opts.Dir, opts.Parent); err != nil {
			return err
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "id: %s\nname: %s\n", opts.ID, yamlString(opts.Name))
	if opts.Parent != "" {
		fmt.Fprintf(&b, "parent: %s\n", opts.Parent)
	}
	if opts.Purpose != "" {
		fmt.Fprintf(&b, "purpose: %s\n", yamlString(opts.Purpose))
	}
	if opts.Secretariat != "" {
		fmt.Fprintf(&b, "secretariat: %s\n", yamlString(opts.Secretariat))
	}
	if opts.Every != "" {
		fmt.Fprintf(&b, "meetings:\n  ordinary:\n    every: %s\n", opts.Every)
	}
	for _, f := range []struct{ name, body string }{
		{layout.NetworkFile, b.String()},
		{layout.MembersFile, "members: []\n"},
	} {
		p := filepath.Join(folder, f.name)
		if err := safefile.Create(p, []byte(f.body)); err != nil {
			return fmt.Errorf("writing %s: %w", filepath.ToSlash(p), err)
		}
		fmt.Fprintln(opts.IO.Out, filepath.ToSlash(p))
	}
	return nil
}

func readLine(r *bufio.Reader) string {
	s, err := r.ReadString('\n')
	if err != nil && err != io.EOF {
		return ""
	}
	return strings.TrimSpace(s)
}

// yamlString quotes s when YAML would misread it.
func yamlString(s string) string {
	if s == "" || strings.ContainsAny(s, ":#{}[],&*!|>'\"%@`\n") || strings.TrimSpace(s) != s {
		return fmt.Sprintf("%q", s)
	}
	return s
}
