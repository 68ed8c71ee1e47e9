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
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// SentOptions are agenda sent's inputs.
type SentOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	Date    string
	// On is the day the papers went out (default: today).
	On string
}

// NewCmdSent builds `agenda sent`.
func NewCmdSent(f *cmdutil.Factory, runF func(*SentOptions) error) *cobra.Command {
	opts := &SentOptions{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "sent NETWORK DATE [--on DATE]",
		Short: "Record the day a meeting's agenda and papers went out",
		Long: heredoc.Doc(`
			Record in meetings/<DATE>.yaml the day the agenda and papers of the meeting
			of DATE were sent to members (papers_sent): today, or the day given with
			--on. Comments and everything else in the record are kept, and an agenda
			already written is written again to show it.

			It warns when that day is after the papers deadline the terms of reference
			set (govctl validate reports it as papers-late): an item that could not
			wait needs its urgent_reason.
		`),
		Example: heredoc.Doc(`
			govctl agenda sent sts-omg 2026-12-08
			govctl agenda sent sts-omg 2026-12-08 --on 2026-12-03
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(2)),
		ValidArgsFunction: cmdutil.CompleteNetworkThenMeeting,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Network, opts.Date = args[0], args[1]
			opts.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.MeetingArg(opts.Date); err != nil {
				return err
			}
			if _, err := cmdutil.DateFlag("--on", opts.On); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return sentRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.On, "on", "", "the day the papers went out, YYYY-MM-DD (default: today)")
	return cmd
}

func sentRun(opts *SentOptions) error {
	ws, err := workspace.OpenAgendas(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	m, err := ws.Find(opts.Date)
	if err != nil {
		return err
	}
	if m.Status == "cancelled" {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("the meeting of %s is cancelled: it has no papers to send", m.Date),
			Hint: "give the date of a planned meeting",
			Code: cmdutil.ExitFindings,
		}
	}
	on := ws.Today.Date
	if opts.On != "" {
		on, _ = cmdutil.DateFlag("--on", opts.On) // checked by the command
	}
	if on.After(m.Date.Date) {
		return cmdutil.Errorf("give the day they went out with --on YYYY-MM-DD",
			"papers sent on %s would reach members after the meeting of %s", on, m.Date)
	}
	was := m.PapersSent
	m, written, err := ws.EditMeeting(m, func(b []byte) ([]byte, error) { return record.PapersSent(b, on.String()) })
	for _, p := range written {
		fmt.Fprintln(opts.IO.Out, filepath.ToSlash(p))
	}
	if err != nil {
		return err
	}
	sentWords(opts, ws, m, was)
	return nil
}

// sentWords says what was recorded, against the papers deadline, and what
// comes next.
func sentWords(opts *SentOptions, ws *workspace.Workspace, m *model.Meeting, was model.Date) {
	out, errOut := opts.IO.Out, opts.IO.ErrOut
	sent := m.PapersSent.Date
	fmt.Fprintf(out, "papers sent: %s", words.LongDate(sent))
	if was.Set() && was.Date != sent {
		fmt.Fprintf(out, " (was %s)", words.LongDate(was.Date))
	}
	fmt.Fprintln(out)
	if deadline, ok := terms.PapersDeadline(ws.Calendar, ws.Net.MeetingKind(m), m.Date.Date); ok {
		fmt.Fprintf(out, "papers deadline: %s\n", words.LongDate(deadline))
		if sent.After(deadline) {
			fmt.Fprintf(errOut, "%s the papers went out after the deadline (%s): govctl validate reports papers-late; an item that could not wait needs an urgent_reason\n",
				opts.IO.Colorize(iostreams.Yellow, "warning:"), words.LongDate(deadline))
		}
	} else {
		fmt.Fprintln(out, "papers deadline: none set by the terms of reference")
	}
	if m.Status == "held" {
		fmt.Fprintln(errOut, "run govctl generate to update the pages")
		return
	}
	fmt.Fprintf(errOut, "after the meeting, record it with: govctl minutes new %s %s\n", opts.Network, m.File)
}
