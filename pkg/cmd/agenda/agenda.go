// Package agenda implements `govctl agenda new`, the next meeting's agenda
// as markdown beside its record, and `govctl agenda sent`, the day its
// papers went out.
package agenda

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// Options are agenda new's inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	Date    string
	Kind    string
	// Edition is --identity and --out: the restricted edition.
	Edition cmdutil.Edition
}

// NewCmdAgenda builds `agenda` and its `new` and `sent` subcommands.
func NewCmdAgenda(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "agenda",
		Short: "Write meeting agendas",
	}
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	newCmd := &cobra.Command{
		Use:   "new NETWORK [--date DATE] [--kind KIND]",
		Short: "Write the agenda of the next planned meeting",
		Long: heredoc.Doc(`
			Write meetings/<date>.agenda.md for the body's next planned meeting (or the
			meeting on --date, whose planned record is created if missing), and print
			its path and papers deadline, with a warning when the deadline has passed.

			The agenda holds the standing items in the terms' order (less those the
			record leaves off under omit_standing_items, with the reason), approval
			of the minutes of the last held meeting, matters arising (every action
			still open from earlier meetings, with owner, due date and an overdue
			mark, and the decisions and recommendations of the last meeting held),
			the items in the meeting record with presenter and paper, a work
			programme review where the terms require one, urgent items with their
			reason, and any other business last. The record lists only its own
			items: the standing items are on every agenda of its kind. Running it
			again regenerates the markdown; the record is never changed.

			Business taken in private shows as "taken in private (REASON)", a
			private item's title only where the record sets publish_title, its
			paper never linked, and a private decision's or action's text never.

			With --identity KEY --out FILE, the restricted edition, for members:
			the private files of the meeting and the meetings before it opened
			with KEY and checked against their records, and the agenda written
			with the private business in place (each private item marked "private
			(REASON)", an encrypted paper by its path) to FILE, which must lie
			outside the repository. The meeting must have a record; the public
			agenda is not touched, and neither the key nor any private text is
			printed.
		`),
		Example: heredoc.Doc(`
			govctl agenda new sts-omg
			govctl agenda new od-network --date 2027-01-05
			govctl agenda new code --kind drop-in
			govctl agenda new sts-omg --identity ~/.config/govctl/key.txt --out ~/restricted/agenda.md
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteNetworks,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Network = args[0]
			opts.Dir = cmdutil.RepoDir(cmd)
			if _, err := cmdutil.DateFlag("--date", opts.Date); err != nil {
				return err
			}
			if err := opts.Edition.Check(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return agendaRun(opts)
		},
	}
	newCmd.Flags().StringVar(&opts.Date, "date", "", "the meeting's date, YYYY-MM-DD (default: the next planned meeting)")
	newCmd.Flags().StringVar(&opts.Kind, "kind", "", "kind of meeting")
	opts.Edition.AddFlags(newCmd.Flags())
	cmd.AddCommand(newCmd)
	cmd.AddCommand(NewCmdSent(f, nil))
	cmd.AddCommand(NewCmdEmail(f, nil))
	return cmd
}

func agendaRun(opts *Options) error {
	ws, err := workspace.OpenAgendas(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	if opts.Kind != "" {
		if _, ok := ws.Net.Kinds[opts.Kind]; !ok {
			return cmdutil.Errorf("see meetings: in "+opts.Network+"/network.yaml", "%s has no meeting kind %q", opts.Network, opts.Kind)
		}
	}
	m, err := pick(ws, opts)
	if err != nil {
		return err
	}
	if opts.Edition.Restricted() {
		if err := restricted(opts, ws, m); err != nil {
			return err
		}
	} else {
		data, err := render.Agenda(ws.Inputs(), m)
		if err != nil {
			return err
		}
		path := ws.PathOf(m, ".agenda.md")
		if err := ws.WriteGenerated(path, data); err != nil {
			return err
		}
		fmt.Fprintln(opts.IO.Out, filepath.ToSlash(path))
	}
	k := ws.Net.MeetingKind(m)
	if d, ok := terms.PapersDeadline(ws.Calendar, k, m.Date.Date); ok {
		fmt.Fprintf(opts.IO.Out, "papers deadline: %s\n", words.LongDate(d))
		if d.Before(ws.Today.Date) && !m.PapersSent.Set() {
			fmt.Fprintf(opts.IO.ErrOut, "%s the papers deadline (%s) has passed and no papers are recorded as sent; urgent items need an urgent_reason\n",
				opts.IO.Colorize(iostreams.Yellow, "warning:"), words.LongDate(d))
		}
	} else {
		fmt.Fprintln(opts.IO.Out, "papers deadline: none set by the terms of reference")
	}
	if m.Status == "cancelled" {
		fmt.Fprintf(opts.IO.ErrOut, "warning: the meeting of %s is cancelled\n", m.Date)
	}
	return nil
}

// restricted writes the restricted edition of meeting m's agenda to --out.
func restricted(opts *Options, ws *workspace.Workspace, m *model.Meeting) error {
	in, rm, notes, err := cmdutil.RestrictedInputs(ws, m, opts.Edition)
	if err != nil {
		return err
	}
	data, err := render.Agenda(in, rm)
	if err != nil {
		return err
	}
	return cmdutil.WriteRestricted(ws, opts.IO, opts.Edition, data, notes)
}

// pick finds the meeting: the one on --date (created if missing), or the
// next planned one from today.
func pick(ws *workspace.Workspace, opts *Options) (*model.Meeting, error) {
	if opts.Date != "" {
		m, err := ws.Meeting(opts.Date, opts.Kind)
		if err != nil || m != nil {
			return m, err
		}
		if opts.Edition.Restricted() {
			// The restricted edition writes nothing in the repository.
			return nil, cmdutil.Errorf(fmt.Sprintf("plan it first: govctl agenda new %s --date %s", opts.Network, opts.Date), "%s has no meeting on %s", opts.Network, opts.Date)
		}
		kind := opts.Kind
		if kind == "" {
			kind = ws.DefaultKind()
		}
		if kind == "" {
			return nil, cmdutil.Errorf("add a kind of meeting under meetings: in network.yaml", "%s defines no kind of meeting", opts.Network)
		}
		return ws.CreateMeeting(opts.Date, kind)
	}
	for _, m := range ws.Net.N.MeetingList {
		if m.Status == "planned" && !m.Date.Before(ws.Today.Date) && (opts.Kind == "" || m.Kind.ID == opts.Kind) {
			return m, nil
		}
	}
	return nil, cmdutil.Errorf(planHint(ws, opts), "%s has no planned meeting on or after %s", opts.Network, ws.Today)
}

// planHint says how to get a planned meeting: schedule, where the kind has
// a cadence to plan from; --date, where it has none; a kind of meeting in
// the terms, where there is none. It never suggests a command that would
// then fail.
func planHint(ws *workspace.Workspace, opts *Options) string {
	kind := opts.Kind
	if kind == "" {
		kind = ws.DefaultKind()
	}
	k, ok := ws.Net.Kinds[kind]
	switch {
	case !ok:
		return fmt.Sprintf("add a kind of meeting under meetings: in %s/network.yaml, then give the date: govctl agenda new %s --date YYYY-MM-DD", opts.Network, opts.Network)
	case !hasCadence(k):
		return fmt.Sprintf("%s meetings have no cadence to plan from: give the date, as in govctl agenda new %s --date YYYY-MM-DD", kind, opts.Network)
	}
	cmd := "govctl schedule " + opts.Network
	if opts.Kind != "" {
		cmd += " --kind " + opts.Kind
	}
	return fmt.Sprintf("plan meetings with: %s --count 12 --write (or give --date)", cmd)
}

func hasCadence(k *model.MeetingKind) bool {
	_, err := terms.Cadence(k)
	return err == nil
}
