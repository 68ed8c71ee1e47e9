// Package diff implements `govctl diff`: what a change means in governance
// terms, read from two git revisions (or a revision and the working tree).
package diff

import (
	"encoding/json"
	"errors"
	"os"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/gitx"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/semdiff"
)

// Options are diff's inputs.
type Options struct {
	IO *iostreams.IOStreams

	Dir    string
	Base   string // "" means the merge base with the upstream branch
	Head   string // "" means the working tree
	Format string
}

// NewCmdDiff builds the command.
func NewCmdDiff(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "diff [BASE [HEAD]] [DIR]",
		Short: "Say what a change means in governance terms",
		Long: heredoc.Doc(`
			Read the repository at two git revisions (default: the merge base with the
			upstream branch, and the working tree) through git itself, and say in plain
			words what changed: bodies added or removed; purpose, aims and
			responsibilities; offices (count, appointment, term, casting vote); seats and
			votes; quorum and voting, before and after, in words; cadence, notice and
			standing items; members who joined or left and office holders who changed;
			meetings planned, moved or cancelled; decisions and actions recorded;
			referrals made to another body (refer_to) and answered (responds_to), each
			under its own body; network.yaml's effective date and the earlier versions
			under terms/.

			Then whom a change to the terms or the membership affects: every meeting
			already held whose verdict changes (quorate or not, a decision carried or
			not, papers on time or late), before and after, each called out as
			retrospective with the change that reaches back to it.

			The markdown is fit for a pull-request comment. In a shallow clone a
			missing base revision is a clear error: fetch it first.
		`),
		Example: heredoc.Doc(`
			govctl diff
			govctl diff origin/main
			govctl diff v1.0 v1.1 networks --format json
			govctl diff origin/main >> "$GITHUB_STEP_SUMMARY"
		`),
		Args: cmdutil.Usage(cobra.MaximumNArgs(3)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = cmdutil.RepoDir(cmd)
			if n := len(args); n > 0 {
				if fi, err := os.Stat(args[n-1]); err == nil && fi.IsDir() {
					opts.Dir = args[n-1]
					args = args[:n-1]
				}
			}
			if len(args) > 2 {
				return cmdutil.FlagErrorf("give at most two revisions and a folder")
			}
			if len(args) > 0 {
				opts.Base = args[0]
			}
			if len(args) > 1 {
				opts.Head = args[1]
			}
			if err := cmdutil.Format(opts.Format, "markdown", "json"); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return diffRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "markdown or json")
	return cmd
}

func diffRun(opts *Options) error {
	if fi, err := os.Stat(opts.Dir); err != nil || !fi.IsDir() {
		return load.NotFound(opts.Dir, os.ErrNotExist.Error())
	}
	base := opts.Base
	if base == "" {
		mb, err := gitx.MergeBase(opts.Dir)
		if err != nil {
			return cmdutil.Errorf("give the base revision: govctl diff origin/main", "%v", err)
		}
		base = mb
	}
	before, err := at(opts.Dir, base)
	if err != nil {
		return err
	}
	after, headName := (*check.Result)(nil), "working tree"
	if opts.Head == "" {
		after, err = open(opts.Dir)
	} else {
		headName = opts.Head
		after, err = at(opts.Dir, opts.Head)
	}
	if err != nil {
		return err
	}
	changes := semdiff.Compare(before.Repo, after.Repo)
	verdicts := semdiff.Verdicts(side(before), side(after))
	if opts.Format == "json" {
		enc := json.NewEncoder(opts.IO.Out)
		enc.SetIndent("", "  ")
		if changes == nil {
			changes = []semdiff.Change{}
		}
		if verdicts == nil {
			verdicts = []semdiff.VerdictChange{}
		}
		return enc.Encode(map[string]any{"base": base, "head": headName, "changes": changes, "verdicts": verdicts})
	}
	out := append(semdiff.Markdown(changes, shortRev(base), headName), semdiff.VerdictsMarkdown(verdicts)...)
	_, err = opts.IO.Out.Write(out)
	return err
}

// open reads the repository in dir with its settings' calendar: the files
// alone, unchecked (a change is described even where it breaks a rule).
func open(dir string) (*check.Result, error) {
	return check.Run(dir, check.Options{LoadOnly: true})
}

func side(r *check.Result) semdiff.Side {
	return semdiff.Side{Index: r.Index, Calendar: r.Calendar}
}

// MaxTreeBytes bounds the bytes of the files read from git at one revision.
const MaxTreeBytes = 1 << 30

// at loads the repository as it was at rev.
func at(dir, rev string) (*check.Result, error) {
	tmp, err := os.MkdirTemp("", "govctl-diff-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	lim := gitx.Limits{MaxFile: load.MaxFileSize, MaxFiles: load.MaxFiles, MaxTotal: MaxTreeBytes}
	if err := gitx.Export(dir, rev, tmp, lim); err != nil {
		var missing *gitx.MissingRevisionError
		var large *gitx.TooLargeError
		if errors.As(err, &large) {
			return nil, cmdutil.Errorf("compare a smaller folder (govctl -R FOLDER diff ...)", "%v", err)
		}
		if errors.As(err, &missing) {
			hint := "check the revision name"
			if missing.Shallow {
				hint = "this is a shallow clone: fetch the base first, e.g. git fetch --unshallow, or actions/checkout with fetch-depth: 0"
			}
			return nil, cmdutil.Errorf(hint, "%v", err)
		}
		return nil, cmdutil.Errorf("run govctl diff inside a git repository", "%v", err)
	}
	return open(tmp)
}

func shortRev(rev string) string {
	if len(rev) == 40 {
		return rev[:12]
	}
	return rev
}
