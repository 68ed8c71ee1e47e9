// Package terms is `govctl terms`: the versions of a body's terms of
// reference. `terms amend` keeps the terms now in force under terms/ and
// stamps network.yaml with the day the amendment takes effect, so that
// meetings held under the old terms are still judged by them.
package terms

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// Options are terms amend's inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	// Effective is the day the amended terms come into force.
	Effective string
	// Since is the day the terms now in network.yaml came into force, when
	// network.yaml does not say (it has no effective:).
	Since string
}

// NewCmdTerms builds `govctl terms`.
func NewCmdTerms(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "terms",
		Short: "Keep the versions of a body's terms of reference",
	}
	cmd.AddCommand(NewCmdAmend(f, runF))
	return cmd
}

// NewCmdAmend builds `govctl terms amend`.
func NewCmdAmend(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "amend NETWORK --effective DATE [--since DATE]",
		Short: "Keep the terms in force, to amend them from a date",
		Long: heredoc.Doc(`
			Before amending a body's terms of reference: copy network.yaml, as it is,
			to terms/<DATE>.yaml (DATE the day those terms came into force: its
			effective: date, or --since when it gives none), and set network.yaml's
			effective: to the day the amendment takes effect. Then edit network.yaml
			to say what the amendment changes.

			Meetings before the amendment are still judged by the terms they were held
			under (quorum, voting, notice, standing items), so their minutes and
			verdicts do not change; govctl diff lists any that would.
		`),
		Example: heredoc.Doc(`
			govctl terms amend sts-omg --effective 2027-04-01
			govctl terms amend od-network --effective 2027-01-01 --since 2024-09-01
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteNetworks,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Network = args[0]
			opts.Dir = cmdutil.RepoDir(cmd)
			if opts.Effective == "" {
				return cmdutil.FlagErrorf("--effective is required: the day the amended terms come into force, YYYY-MM-DD")
			}
			if _, err := cmdutil.DateFlag("--effective", opts.Effective); err != nil {
				return err
			}
			if _, err := cmdutil.DateFlag("--since", opts.Since); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return amendRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Effective, "effective", "", "the day the amended terms come into force, YYYY-MM-DD")
	cmd.Flags().StringVar(&opts.Since, "since", "", "the day the terms now in network.yaml came into force, when it gives no effective: date")
	return cmd
}

func amendRun(opts *Options) error {
	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	n := ws.Net.N
	effective, _ := cmdutil.DateFlag("--effective", opts.Effective) // checked by the command
	since := n.Effective.Date
	switch {
	case opts.Since != "" && n.Effective.Set() && opts.Since != n.Effective.String():
		return cmdutil.Errorf("leave out --since: network.yaml says when its terms came into force",
			"network.yaml's terms came into force on %s, not %s", n.Effective, opts.Since)
	case opts.Since != "":
		since, _ = cmdutil.DateFlag("--since", opts.Since)
	case !n.Effective.Set():
		return cmdutil.Errorf(fmt.Sprintf("give the day they came into force: govctl terms amend %s --effective %s --since YYYY-MM-DD", opts.Network, opts.Effective),
			"%s/network.yaml does not say when its terms came into force (it has no effective: date)", n.Folder)
	}
	if !effective.After(since) {
		return cmdutil.Errorf("give a day after the terms now in force came into force",
			"the amendment's effective date %s is not after %s, when the terms it replaces came into force", effective, since)
	}
	netPath := filepath.Join(ws.Dir, n.Folder, layout.NetworkFile)
	keep := filepath.Join(ws.Dir, n.Folder, layout.TermsDir, since.String()+".yaml")
	if err := safefile.Inside(ws.Dir, keep); err != nil {
		return err
	}
	data, err := ws.Read(netPath)
	if err != nil {
		return err
	}
	// The terms in force are kept byte for byte; network.yaml then takes the
	// new date, only over what was copied.
	if err := safefile.Create(keep, data); errors.Is(err, safefile.ErrExists) {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("%s already exists: a version of the terms from %s is kept already", filepath.ToSlash(keep), since),
			Hint: "compare it with network.yaml; if network.yaml's effective: date is out of date, correct it first",
			Code: cmdutil.ExitFindings,
		}
	} else if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.ToSlash(keep), err)
	}
	out, err := stamp(data, effective.String())
	if err == nil {
		out, err = workspace.Canonical(data, out, layout.Network, netPath)
	}
	if err == nil {
		err = ws.Replace(netPath, data, out)
	}
	if err != nil {
		os.Remove(keep) // nothing half done: the copy goes with the failed stamp
		return err
	}
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(keep))
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(netPath))
	fmt.Fprintf(opts.IO.ErrOut, "the terms in force since %s are kept; network.yaml now takes effect on %s.\nEdit %s with what the amendment changes, then run govctl validate and govctl diff (it lists any held meeting whose verdict would change)\n",
		words.LongDate(since), words.LongDate(effective), filepath.ToSlash(netPath))
	return nil
}

// stamp sets network.yaml's effective date, after its name, keeping every
// other byte as written.
func stamp(data []byte, effective string) ([]byte, error) {
	return record.SetTopScalar(data, "effective", effective, "name")
}
