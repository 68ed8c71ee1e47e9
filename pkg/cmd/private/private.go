// Package private implements `govctl private edit`, `govctl private paper`
// and `govctl private rekey`: the key holder's tools for a body's private
// business. edit decrypts a meeting's companion file
// (meetings/<date>.private.yaml.age) to a clear copy only the user can
// read, opens the editor, checks what was written against the meeting's
// public record and encrypts it again to the body's private_recipients,
// removing the clear copy on every way out; paper encrypts a paper for a
// private item and names it in the public record; rekey encrypts every
// private file of a body again to its current recipients. Keys are read
// from the file --identity names, never written and never printed.
package private

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"filippo.io/age"
	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/gitx"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/model"
	priv "github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// Options are the private commands' inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	// Action is "edit", "paper" or "rekey".
	Action   string
	Dir      string
	Network  string
	Date     string
	Identity string

	// Item, File and As are paper's: the private item, the clear paper,
	// and the name to store it under (File's own name when empty).
	Item string
	File string
	As   string

	// Editor is the editor command edit runs, by sh with the clear copy's
	// path after it: $VISUAL, else $EDITOR, else vi.
	Editor string
	// TempDir is the folder edit makes its clear copy in (os.TempDir()).
	TempDir string
}

// NewCmdPrivate builds `private edit`, `private paper` and `private rekey`.
func NewCmdPrivate(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "private",
		Short: "Keep a body's private business, encrypted to its members",
		Long: heredoc.Doc(`
			A body's private business (items, decisions and actions marked
			private: REASON in the public record) is kept in files encrypted with
			age to the public keys listed in network.yaml private_recipients:
			meetings/<DATE>.private.yaml.age beside each meeting's record, and
			papers/private/*.age. They are plain age files: a member opens one with
			age -d -i KEY FILE, without govctl.
		`),
	}
	run := func(opts *Options) error {
		if runF != nil {
			return runF(opts)
		}
		switch opts.Action {
		case "edit":
			return editRun(opts)
		case "paper":
			return paperRun(opts)
		}
		return rekeyRun(opts)
	}
	newOpts := func(action string) *Options {
		return &Options{IO: f.IOStreams, Now: f.Now, Action: action, TempDir: os.TempDir(), Editor: editorFromEnv()}
	}

	edit := newOpts("edit")
	editCmd := &cobra.Command{
		Use:   "edit NETWORK DATE [--identity FILE]",
		Short: "Edit a meeting's private business in your editor",
		Long: heredoc.Doc(`
			Open the private business of the meeting of DATE in your editor ($VISUAL,
			else $EDITOR, else vi): the minutes (and paper) of each private item, the
			text of each private decision and action, by the public item's title and
			the decision's or action's id.

			The companion file meetings/<DATE>.private.yaml.age is decrypted with the
			key --identity names (an age key file, or an SSH private key without a
			passphrase) to a file in a new folder of the system's temporary folder
			that only you can read, never in the repository. A meeting with no
			companion file yet starts from an outline of its private entries, and
			needs no key. When the editor closes, the text is checked against the
			public record (every entry must name a private item, decision or action
			of the meeting, once), encrypted again to the body's private_recipients
			as they are now, and written in place of the file as read. On a
			terminal, a text with problems is offered back to you, the problems
			noted at its top; otherwise it is refused, naming each line. Unchanged
			text writes nothing.

			The clear copy is removed however the edit ends: saved, the editor
			failing or killed, govctl interrupted. A copy left by a run killed
			outright is removed by the next run.
		`),
		Example: heredoc.Doc(`
			govctl private edit sts-omg 2026-11-17 --identity ~/.config/govctl/key.txt
			EDITOR=nano govctl private edit sts-omg 2026-12-08
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(2)),
		ValidArgsFunction: cmdutil.CompleteNetworkThenMeeting,
		RunE: func(cmd *cobra.Command, args []string) error {
			edit.Network, edit.Date = args[0], args[1]
			edit.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.MeetingArg(edit.Date); err != nil {
				return err
			}
			return run(edit)
		},
	}
	editCmd.Flags().StringVarP(&edit.Identity, "identity", "i", "", "your key file (age or SSH), to open the meeting's private file")
	cmd.AddCommand(editCmd)

	paper := newOpts("paper")
	paperCmd := &cobra.Command{
		Use:   "paper NETWORK DATE --item TITLE FILE",
		Short: "Encrypt a paper for a private item and record it",
		Long: heredoc.Doc(`
			Encrypt FILE to the body's private_recipients as
			papers/private/<DATE>-<NAME>.age in the body's folder (NAME is FILE's name,
			or --as), and record that path as the paper of the private item TITLE of
			the meeting of DATE. The public record and pages say only that the item
			has a paper for members; members open it with age -d -i KEY.

			No key is needed: encrypting takes only the public keys. An existing
			paper is never written over. FILE itself stays in clear where it is: it
			is refused inside the repository unless git ignores it, and must never
			be committed. The stored name is public: choose one that says nothing
			private (--as bids.pdf).
		`),
		Example: heredoc.Doc(`
			govctl private paper sts-omg 2026-11-17 --item "Cloud backup contract award" ~/Documents/bids.pdf
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(3)),
		ValidArgsFunction: cmdutil.CompleteNetworkThenMeeting,
		RunE: func(cmd *cobra.Command, args []string) error {
			paper.Network, paper.Date, paper.File = args[0], args[1], args[2]
			paper.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.MeetingArg(paper.Date); err != nil {
				return err
			}
			if strings.TrimSpace(paper.Item) == "" {
				return cmdutil.FlagErrorf("--item is required: the title of the private item the paper is for")
			}
			if paper.As != "" && (strings.ContainsAny(paper.As, `/\`) || paper.As == "." || paper.As == "..") {
				return cmdutil.FlagErrorf("--as %q: give a file name, not a path", paper.As)
			}
			return run(paper)
		},
	}
	paperCmd.Flags().StringVar(&paper.Item, "item", "", "the title of the private item (required)")
	paperCmd.Flags().StringVar(&paper.As, "as", "", "the name to store the paper under (default: FILE's name); it is public")
	cmd.AddCommand(paperCmd)

	rekey := newOpts("rekey")
	rekeyCmd := &cobra.Command{
		Use:   "rekey NETWORK --identity FILE",
		Short: "Encrypt a body's private files again to its current recipients",
		Long: heredoc.Doc(`
			After private_recipients changes (a member joins or leaves), decrypt every
			private file of the body (meetings/*.private.yaml.age, papers/private/*.age
			and any other .age file in its folder) with the key --identity names, and
			encrypt each again to the recipients as they are now, written in place
			of the file as read. A file the key cannot open is named and left as it
			is (exit status 1).

			Rekeying protects what is written from now on. A key taken off the list
			still opens every version of every file already in the repository's
			history, and anything its holder copied: assume that business is known
			to them.
		`),
		Example: heredoc.Doc(`
			govctl private rekey sts-omg --identity ~/.config/govctl/key.txt
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteNetworks,
		RunE: func(cmd *cobra.Command, args []string) error {
			rekey.Network = args[0]
			rekey.Dir = cmdutil.RepoDir(cmd)
			if rekey.Identity == "" {
				return cmdutil.FlagErrorf("--identity is required: a key that opens the body's private files")
			}
			return run(rekey)
		},
	}
	rekeyCmd.Flags().StringVarP(&rekey.Identity, "identity", "i", "", "your key file (age or SSH), to open the private files (required)")
	cmd.AddCommand(rekeyCmd)
	return cmd
}

// editorFromEnv is the editor a person chose, as git finds it.
func editorFromEnv() string {
	for _, v := range []string{"VISUAL", "EDITOR"} {
		if e := strings.TrimSpace(os.Getenv(v)); e != "" {
			return e
		}
	}
	return "vi"
}

// recipients are the body's private_recipients, read.
func recipients(ws *workspace.Workspace) ([]age.Recipient, error) {
	rs, err := priv.ParseRecipients(ws.Net.N.PrivateRecipients)
	if err != nil {
		return nil, &cmdutil.UserError{
			Err:  fmt.Errorf("%s: %v", filepath.ToSlash(filepath.Join(ws.Dir, ws.Net.N.Folder, "network.yaml")), err),
			Hint: "list the public key of each member who may read the private business under private_recipients (age1... from age-keygen, or a line of an SSH .pub file); see the README, Private business",
			Code: cmdutil.ExitUsage,
		}
	}
	return rs, nil
}

// identities reads the key file path, refusing one that git would commit
// (or has): a key in the repository is a key published.
func identities(ws *workspace.Workspace, path string) ([]age.Identity, error) {
	if why := exposed(ws, path); why != "" {
		return nil, &cmdutil.UserError{
			Err:  fmt.Errorf("the key %s %s", words.Quote(path), why),
			Hint: "keep your key outside the repository (mkdir -p ~/.config/govctl && mv KEY ~/.config/govctl/key.txt); a key ever committed is published: make a new one, and have it added to private_recipients in place of the old",
			Code: cmdutil.ExitFindings,
		}
	}
	return cmdutil.Identities(path)
}

// exposed says why a file that must stay private (a key, a clear paper)
// is where it may be published: "" when it is not.
func exposed(ws *workspace.Workspace, path string) string {
	switch gitx.Exposed(ws.Dir, path) {
	case gitx.Tracked:
		return "is in the repository and git has it: it is, or will be, published"
	case gitx.Untracked:
		return "is inside the repository, where git would commit it"
	case gitx.Ignored:
		return ""
	}
	if safefile.Inside(ws.Dir, path) == nil {
		return "is inside the repository folder, where it may be committed"
	}
	return ""
}

// companion is the path of meeting m's private file.
func companion(ws *workspace.Workspace, m *model.Meeting) string {
	return ws.PathOf(m, priv.Suffix)
}

// sweep removes the clear copies of earlier runs killed before they could,
// saying so.
func sweep(opts *Options) {
	for _, dir := range sweepClear(opts.TempDir, opts.Now()) {
		fmt.Fprintf(opts.IO.ErrOut, "removed %s, a clear copy left by a govctl private edit that was killed\n", words.Quote(dir))
	}
}

// refuse is an error for what cannot be done as asked: exit 1.
func refuse(hint, format string, args ...any) error {
	return &cmdutil.UserError{Err: fmt.Errorf(format, args...), Hint: hint, Code: cmdutil.ExitFindings}
}

// errUnchanged ends an edit that changed nothing.
var errUnchanged = errors.New("unchanged")
