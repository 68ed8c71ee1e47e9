// Package minutes implements `govctl minutes new` (fill a meeting record
// ready to mark attendance) and `govctl minutes render` (write the minutes).
package minutes

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/workspace"
)

// Options are the minutes commands' inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	Date    string
	Kind    string
	Force   bool
	Render  bool
}

// NewCmdMinutes builds `minutes new` and `minutes render`.
func NewCmdMinutes(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	cmd := &cobra.Command{Use: "minutes", Short: "Record meetings and write their minutes"}
	run := func(opts *Options) error {
		if runF != nil {
			return runF(opts)
		}
		if opts.Render {
			return renderRun(opts)
		}
		return newRun(opts)
	}
	mk := func(use, short, long, example string, render bool) *cobra.Command {
		opts := &Options{IO: f.IOStreams, Now: f.Now, Render: render}
		c := &cobra.Command{
			Use: use, Short: short, Long: long, Example: example,
			Args:              cmdutil.Usage(cobra.ExactArgs(2)),
			ValidArgsFunction: cmdutil.CompleteNetworkThenMeeting,
			RunE: func(cmd *cobra.Command, args []string) error {
				opts.Network, opts.Date = args[0], args[1]
				opts.Dir = cmdutil.RepoDir(cmd)
				if len(opts.Date) < 10 {
					return cmdutil.FlagErrorf("%q is not a meeting date: expected YYYY-MM-DD", opts.Date)
				}
				if _, err := cmdutil.DateFlag("DATE", opts.Date[:10]); err != nil {
					return err
				}
				return run(opts)
			},
		}
		c.Flags().StringVar(&opts.Kind, "kind", "", "kind of meeting, when the record is created")
		if !render {
			c.Flags().BoolVar(&opts.Force, "force", false, "replace the attendance of a record that already has one, or prepare the record of a meeting not yet held")
		}
		return c
	}
	cmd.AddCommand(mk("new NETWORK DATE", "Fill a meeting record ready to mark attendance",
		heredoc.Doc(`
			Fill the record meetings/<DATE>.yaml (created if missing) with the members
			expected that day, all under present, ready to move to apologies or absent
			and to name substitutes; with the agenda items when it has none; and mark
			it held. Comments and everything else in the record are kept. A record
			that already has attendance is a held meeting's record: it is not changed
			without --force.
		`),
		"  govctl minutes new sts-omg 2026-12-01", false))
	cmd.AddCommand(mk("render NETWORK DATE", "Write a meeting's minutes as markdown",
		heredoc.Doc(`
			Write meetings/<DATE>.minutes.md from the record: attendance (present,
			substitutes and whom they stood in for, apologies, absent, guests), the
			quorum computed from the terms and the membership on that date, declarations
			of interest, each decision with its votes and the outcome the terms give,
			actions raised, updates to earlier actions and recommendations. Minutes are
			marked draft until a later held meeting approves them.
		`),
		"  govctl minutes render sts-omg 2026-12-01", true))
	return cmd
}

func newRun(opts *Options) error {
	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	m, err := ws.Meeting(opts.Date, opts.Kind)
	if err != nil {
		return err
	}
	if when := meetingDay(m, opts.Date); when.After(ws.Today.Date) && !opts.Force {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("the meeting of %s has not happened yet (today is %s): its attendance cannot be recorded", when, ws.Today),
			Hint: "run it after the meeting, or again with --force to prepare the record now",
			Code: cmdutil.ExitFindings,
		}
	}
	if m == nil {
		kind := opts.Kind
		if kind == "" {
			kind = ws.DefaultKind()
		}
		if m, err = ws.CreateMeeting(opts.Date, kind); err != nil {
			return err
		}
	}
	path := ws.PathOf(m, ".yaml")
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var fill record.Minutes
	for _, mem := range ws.Net.CurrentMembers(m.Date) {
		if mem.Seat != nil {
			fill.Expected = append(fill.Expected, mem.ID)
		}
	}
	for _, it := range ws.Net.Agenda(m) {
		if !it.Urgent {
			fill.Agenda = append(fill.Agenda, it.Title)
		}
	}
	out, err := record.Fill(data, fill, opts.Force)
	if errors.Is(err, record.ErrHasMinutes) {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("%s already records attendance: it is a held meeting's record", filepath.ToSlash(path)),
			Hint: "edit it by hand, or run again with --force to replace its attendance",
			Code: cmdutil.ExitFindings,
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.ToSlash(path), err)
	}
	if err := ws.WriteGenerated(path, out); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(path))
	fmt.Fprintf(opts.IO.ErrOut, "%d members expected; move those who sent apologies or were absent, add substitutes, decisions and actions, then run: govctl minutes render %s %s\n", len(fill.Expected), opts.Network, m.File)
	return nil
}

func renderRun(opts *Options) error {
	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	m, err := ws.Meeting(opts.Date, opts.Kind)
	if err != nil {
		return err
	}
	if m == nil {
		return cmdutil.Errorf(fmt.Sprintf("record it first: govctl minutes new %s %s", opts.Network, opts.Date), "%s has no meeting on %s", opts.Network, opts.Date)
	}
	switch m.Status {
	case "held":
	case "cancelled":
		return cmdutil.Errorf("a cancelled meeting has no minutes", "the meeting of %s was cancelled", m.Date)
	default:
		return cmdutil.Errorf(fmt.Sprintf("after the meeting, record it with govctl minutes new %s %s, mark the attendance, then render", opts.Network, m.File),
			"the meeting of %s is %s, not held: it has no minutes yet", m.Date, m.Status)
	}
	data, err := render.Minutes(ws.Inputs(), m)
	if err != nil {
		return err
	}
	path := ws.PathOf(m, ".minutes.md")
	if err := ws.WriteGenerated(path, data); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(path))
	return nil
}

// meetingDay is the day of meeting m, or of ref (YYYY-MM-DD...) when there
// is no record yet.
func meetingDay(m *model.Meeting, ref string) date.Date {
	if m != nil {
		return m.Date.Date
	}
	d, _ := load.ParseDate(ref[:10]) // ws.Meeting has checked it
	return d
}
