// Package meeting implements `govctl meeting cancel` and `govctl meeting
// move`: the changes of plan of a planned meeting, written into its record
// as a person would (status and cancelled_reason; date and moved_from), with
// the agenda already written brought up to date.
package meeting

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/ical"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// Options are the meeting commands' inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	// Move is true for `meeting move`, false for `meeting cancel`.
	Move    bool
	Dir     string
	Network string
	Date    string
	NewDate string
	Reason  string
}

// NewCmdMeeting builds `meeting cancel` and `meeting move`.
func NewCmdMeeting(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{Use: "meeting", Short: "Cancel or move a planned meeting"}
	run := func(opts *Options) error {
		if runF != nil {
			return runF(opts)
		}
		if opts.Move {
			return moveRun(opts)
		}
		return cancelRun(opts)
	}

	cancel := &Options{IO: f.IOStreams, Now: f.Now}
	cancelCmd := &cobra.Command{
		Use:   "cancel NETWORK DATE --reason TEXT",
		Short: "Cancel a planned meeting, saying why",
		Long: heredoc.Doc(`
			Mark the planned meeting of DATE (meetings/<DATE>.yaml) cancelled: status:
			cancelled and cancelled_reason: TEXT. Comments and everything else in the
			record are kept. The meeting stays on record: the calendar feed keeps its
			event, marked cancelled with the reason (calendars that hold it drop it),
			and an agenda already written is rewritten to say it is cancelled.

			Only a planned meeting is cancelled: a held one has minutes, and a
			cancelled one already says why.
		`),
		Example: heredoc.Doc(`
			govctl meeting cancel sts-omg 2026-12-08 --reason "The chair is unavailable; items go to January"
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(2)),
		ValidArgsFunction: cmdutil.CompleteNetworkThenMeeting,
		RunE: func(cmd *cobra.Command, args []string) error {
			cancel.Network, cancel.Date = args[0], args[1]
			cancel.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.MeetingArg(cancel.Date); err != nil {
				return err
			}
			if strings.TrimSpace(cancel.Reason) == "" {
				return cmdutil.FlagErrorf("--reason is required: say why the meeting is cancelled (it goes on the record, the agenda and the calendar)")
			}
			return run(cancel)
		},
	}
	cancelCmd.Flags().StringVar(&cancel.Reason, "reason", "", "why the meeting is cancelled (required)")
	cmd.AddCommand(cancelCmd)

	move := &Options{IO: f.IOStreams, Now: f.Now, Move: true}
	moveCmd := &cobra.Command{
		Use:   "move NETWORK DATE NEW-DATE",
		Short: "Move a planned meeting to another day",
		Long: heredoc.Doc(`
			Move the planned meeting of DATE to NEW-DATE: its record is written as
			meetings/<NEW-DATE>.yaml (the old file is removed only once the new one is
			written) with date: NEW-DATE and DATE added to moved_from, so that the date
			it was first planned for is moved_from's first. Comments and everything
			else in the record are kept. An agenda already written is written again
			for the new date and the old one removed; other files of the meeting
			(its private business) follow it.

			It prints the new papers deadline, and warns when that deadline has passed,
			when NEW-DATE is not a business day, and when it falls within half a
			cadence of another meeting of the kind. The calendar feed keeps the
			meeting's event (its UID is made from the first date) and raises its
			SEQUENCE, so calendars that hold it move it.

			Only a planned meeting is moved. A day that already has a meeting of the
			same kind (planned or held) is refused: move or cancel that one first. A
			meeting of another kind, or a cancelled one, may share the day (the record
			is then <NEW-DATE>-2.yaml).
		`),
		Example: heredoc.Doc(`
			govctl meeting move sts-omg 2026-12-08 2026-12-15
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(3)),
		ValidArgsFunction: cmdutil.CompleteNetworkThenMeeting,
		RunE: func(cmd *cobra.Command, args []string) error {
			move.Network, move.Date, move.NewDate = args[0], args[1], args[2]
			move.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.MeetingArg(move.Date); err != nil {
				return err
			}
			if _, err := cmdutil.DateFlag("NEW-DATE", move.NewDate); err != nil {
				return err
			}
			return run(move)
		},
	}
	cmd.AddCommand(moveCmd)
	return cmd
}

func cancelRun(opts *Options) error {
	ws, err := workspace.OpenAgendas(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	m, err := ws.Find(opts.Date)
	if err != nil {
		return err
	}
	switch m.Status {
	case "held":
		return refuse(fmt.Sprintf("a held meeting has minutes; if it did not take place after all, edit %s by hand", rel(ws, m, ".yaml")),
			"the meeting of %s was held: it cannot be cancelled", m.Date)
	case "cancelled":
		return refuse(fmt.Sprintf("to change the reason, edit cancelled_reason in %s", rel(ws, m, ".yaml")),
			"the meeting of %s is already cancelled%s", m.Date, reasonWords(m.CancelledReason))
	}
	m, written, err := ws.EditMeeting(m, func(b []byte) ([]byte, error) { return record.Cancel(b, strings.TrimSpace(opts.Reason)) })
	for _, p := range written {
		fmt.Fprintln(opts.IO.Out, filepath.ToSlash(p))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "cancelled the meeting of %s; tell the members, then run govctl generate to update the pages (the calendar feed marks it cancelled)\n", words.LongDate(m.Date.Date))
	return nil
}

func moveRun(opts *Options) error {
	ws, err := workspace.OpenAgendas(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	m, err := ws.Find(opts.Date)
	if err != nil {
		return err
	}
	oldPath := ws.PathOf(m, ".yaml")
	switch m.Status {
	case "held":
		return refuse(fmt.Sprintf("a held meeting stays on the day it was held; if the record's date is wrong, edit %s by hand", rel(ws, m, ".yaml")),
			"the meeting of %s was held: it cannot be moved", m.Date)
	case "cancelled":
		return refuse(fmt.Sprintf("plan a meeting on the new day instead: govctl agenda new %s --date %s", opts.Network, opts.NewDate),
			"the meeting of %s is cancelled: it cannot be moved", m.Date)
	}
	newDay, _ := cmdutil.DateFlag("NEW-DATE", opts.NewDate) // checked by the command
	if newDay == m.Date.Date {
		return cmdutil.Errorf("give the day it moves to as NEW-DATE", "the meeting of %s is already on %s", m.File, opts.NewDate)
	}
	var others []string
	for _, o := range ws.Net.N.MeetingList {
		if o == m || o.Date.Date != newDay {
			continue
		}
		if o.Kind.ID == m.Kind.ID && o.Status != "cancelled" {
			hint := fmt.Sprintf("choose another day, or first move or cancel that meeting: govctl meeting move %s %s NEW-DATE", opts.Network, o.File)
			if o.Status == "held" {
				hint = "choose another day: that day's meeting was held"
			}
			return refuse(hint,
				"%s already has a meeting of kind %s on %s (%s, %s)", opts.Network, o.Kind.ID, opts.NewDate, o.Status, rel(ws, o, ".yaml"))
		}
		others = append(others, fmt.Sprintf("a meeting of kind %s (%s, %s)", o.Kind.ID, o.Status, rel(ws, o, ".yaml")))
	}
	newStem := strings.TrimSuffix(ws.FreeMeetingFile(opts.NewDate), ".yaml")
	newPath := filepath.Join(ws.MeetingsDir(), newStem+".yaml")
	if err := safefile.Inside(ws.Dir, newPath); err != nil {
		return err
	}
	data, err := ws.Read(oldPath)
	if err != nil {
		return err
	}
	edited, err := record.Move(data, m.Date.String(), opts.NewDate)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.ToSlash(oldPath), err)
	}
	out, err := workspace.Canonical(data, edited, layout.Meeting, oldPath)
	if err != nil {
		return err
	}
	compFrom, compTo, err := companions(ws, m.File, newStem)
	if err != nil {
		return err
	}
	// The new record first; the old one goes only once it is written.
	if err := safefile.Create(newPath, out); errors.Is(err, safefile.ErrExists) {
		return refuse("a file appeared there that govctl did not read as a meeting of this body: look at it, then move it away or choose another day",
			"%s already exists", filepath.ToSlash(newPath))
	} else if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.ToSlash(newPath), err)
	}
	oldStem := m.File
	for i := range compFrom {
		if err := moveFile(compFrom[i], compTo[i]); err != nil {
			return fmt.Errorf("%s is written, but the meeting's other files could not follow: %w; remove %s once they have", filepath.ToSlash(newPath), err, filepath.ToSlash(oldPath))
		}
	}
	if now, err := ws.Read(oldPath); err != nil || !bytes.Equal(now, data) {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("%s is written, but %s changed while govctl was moving it, so it is left as it is", filepath.ToSlash(newPath), filepath.ToSlash(oldPath)),
			Hint: "compare the two, keep what is right in " + filepath.ToSlash(newPath) + ", then remove " + filepath.ToSlash(oldPath),
			Code: cmdutil.ExitFindings,
		}
	}
	if err := os.Remove(oldPath); err != nil {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("%s is written, but %s could not be removed: %w", filepath.ToSlash(newPath), filepath.ToSlash(oldPath), err),
			Hint: "remove " + filepath.ToSlash(oldPath) + " by hand: the meeting is now in " + filepath.ToSlash(newPath),
			Code: cmdutil.ExitFindings,
		}
	}
	oldAgenda := filepath.Join(ws.MeetingsDir(), oldStem+".agenda.md")
	agendaText, err := os.ReadFile(oldAgenda)
	hadAgenda := err == nil
	if hadAgenda {
		if err := os.Remove(oldAgenda); err != nil {
			return fmt.Errorf("removing the agenda of the old date, %s: %w", filepath.ToSlash(oldAgenda), err)
		}
	}
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(newPath))
	for _, p := range compTo {
		fmt.Fprintln(opts.IO.Out, filepath.ToSlash(p))
	}
	if err := ws.Reload(); err != nil {
		return err
	}
	if m, err = ws.Meeting(newStem, ""); err != nil || m == nil {
		return fmt.Errorf("the meeting is not found in %s after the move: %v", filepath.ToSlash(newPath), err)
	}
	if hadAgenda {
		path, err := ws.WriteAgenda(m, agendaText)
		if err != nil {
			return err
		}
		fmt.Fprintln(opts.IO.Out, filepath.ToSlash(path))
	}
	return reportMove(opts, ws, m, others)
}

// reportMove prints what follows from the new date: its papers deadline,
// and warnings for a deadline passed, a day that is not a business day and
// a clash with another meeting of the kind.
func reportMove(opts *Options, ws *workspace.Workspace, m *model.Meeting, others []string) error {
	out, errOut := opts.IO.Out, opts.IO.ErrOut
	warn := opts.IO.Colorize(iostreams.Yellow, "warning:")
	d := m.Date.Date
	fmt.Fprintf(out, "moved from %s to %s\n", words.LongDate(m.MovedFrom[len(m.MovedFrom)-1].Date), words.LongDate(d))
	k := ws.Net.MeetingKind(m)
	if deadline, ok := terms.PapersDeadline(ws.Calendar, k, d); ok {
		fmt.Fprintf(out, "papers deadline: %s\n", words.LongDate(deadline))
		switch {
		case m.PapersSent.Set() && m.PapersSent.After(deadline):
			fmt.Fprintf(errOut, "%s the papers were sent on %s, after the new deadline (%s)\n", warn, words.LongDate(m.PapersSent.Date), words.LongDate(deadline))
		case !m.PapersSent.Set() && deadline.Before(ws.Today.Date):
			fmt.Fprintf(errOut, "%s the papers deadline for the new date (%s) has passed and no papers are recorded as sent\n", warn, words.LongDate(deadline))
		}
	} else {
		fmt.Fprintln(out, "papers deadline: none set by the terms of reference")
	}
	if d.Before(ws.Today.Date) {
		fmt.Fprintf(errOut, "%s %s is in the past (today is %s)\n", warn, words.LongDate(d), words.LongDate(ws.Today.Date))
	}
	if !ws.Calendar.IsBusinessDay(d) {
		why := d.Weekday().String()
		if name, ok := ws.Calendar.Holiday(d); ok {
			why = name
		}
		fmt.Fprintf(errOut, "%s %s is not a business day (%s)\n", warn, words.LongDate(d), why)
	}
	if k != nil {
		for _, o := range ws.Net.N.MeetingList {
			if o != m && o.Kind.ID == m.Kind.ID && o.Status != "cancelled" && terms.Clash(k, d, o.Date.Date) {
				fmt.Fprintf(errOut, "%s the %s meeting of %s is less than half a cadence (%s) away: two meetings in one cadence period\n",
					warn, m.Kind.ID, words.LongDate(o.Date.Date), words.Cadence(k))
			}
		}
	}
	for _, o := range others {
		fmt.Fprintf(errOut, "note: the day also has %s\n", o)
	}
	fmt.Fprintf(errOut, "tell the members the new date, then run govctl generate to update the pages (the calendar feed moves the event: same UID, SEQUENCE %d)\n", ical.Sequence(m))
	return nil
}

// companions are the files of meeting oldStem other than its record and
// agenda (its private business, say), each with the path it takes under
// newStem. A path already taken is refused before anything is written.
func companions(ws *workspace.Workspace, oldStem, newStem string) (from, to []string, err error) {
	ents, err := os.ReadDir(ws.MeetingsDir())
	if err != nil {
		return nil, nil, err
	}
	for _, e := range ents {
		suffix, ok := strings.CutPrefix(e.Name(), oldStem+".")
		if !ok || e.IsDir() || suffix == "yaml" || suffix == "agenda.md" {
			continue
		}
		t := filepath.Join(ws.MeetingsDir(), newStem+"."+suffix)
		if err := safefile.Inside(ws.Dir, t); err != nil {
			return nil, nil, err
		}
		if _, err := os.Lstat(t); err == nil {
			return nil, nil, refuse("move it away, or choose another day", "%s already exists: the meeting's %s cannot be moved there", filepath.ToSlash(t), e.Name())
		}
		from = append(from, filepath.Join(ws.MeetingsDir(), e.Name()))
		to = append(to, t)
	}
	return from, to, nil
}

// moveFile moves a file, never over another.
func moveFile(from, to string) error {
	if err := os.Link(from, to); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return refuse("move it away, then move "+filepath.ToSlash(from)+" there by hand", "%s already exists", filepath.ToSlash(to))
		}
		return err
	}
	return os.Remove(from)
}

// refuse is an error for a meeting that cannot be changed as asked: exit 1.
func refuse(hint, format string, args ...any) error {
	return &cmdutil.UserError{Err: fmt.Errorf(format, args...), Hint: hint, Code: cmdutil.ExitFindings}
}

// rel is the path of meeting m's file with suffix, as reached from the
// folder govctl runs in.
func rel(ws *workspace.Workspace, m *model.Meeting, suffix string) string {
	return filepath.ToSlash(ws.PathOf(m, suffix))
}

func reasonWords(r string) string {
	if r == "" {
		return ""
	}
	return " (" + r + ")"
}
