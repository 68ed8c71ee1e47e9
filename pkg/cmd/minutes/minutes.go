// Package minutes implements `govctl minutes new` (fill a meeting record with
// what govctl knows, for the secretary to complete) and `govctl minutes
// render` (write the minutes).
package minutes

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
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
	// Edition is render's --identity and --out: the restricted edition.
	Edition cmdutil.Edition
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
				if err := cmdutil.MeetingArg(opts.Date); err != nil {
					return err
				}
				if err := opts.Edition.Check(); err != nil {
					return err
				}
				return run(opts)
			},
		}
		c.Flags().StringVar(&opts.Kind, "kind", "", "kind of meeting, when the record is created")
		if render {
			opts.Edition.AddFlags(c.Flags())
		}
		if !render {
			c.Flags().BoolVar(&opts.Force, "force", false, "fill a held meeting's record that already records attendance (adding only what it lacks), or prepare the record of a meeting not yet held")
		}
		return c
	}
	cmd.AddCommand(mk("new NETWORK DATE", "Fill a meeting record with what govctl knows, ready to complete",
		heredoc.Doc(`
			Fill the record meetings/<DATE>.yaml (created if missing) with what govctl
			knows, for the secretary to complete after the meeting, and mark it held:
			the members expected that day, all under present, ready to move to
			apologies or absent, with empty substitutes, stand_ins and guests; the
			chair, when one member held the chair that day (with co-chairs, a comment
			asks which chaired); approves_minutes, the last held meeting whose minutes
			no meeting has approved yet; for each action open that day, an update with
			status open, the action named in a comment, to set to done, dropped or
			open; and empty decisions and actions. The standing items are not copied:
			the agenda holds them without the record listing them, and a comment says
			how to minute one. Nothing the record has is changed and every comment is
			kept; the record is written in govctl fmt's layout. A held meeting's record
			that already records attendance is not changed without --force, which adds
			only what it lacks.
		`),
		"  govctl minutes new sts-omg 2026-12-08", false))
	cmd.AddCommand(mk("render NETWORK DATE", "Write a meeting's minutes as markdown",
		heredoc.Doc(`
			Write meetings/<DATE>.minutes.md from the record: attendance with its
			counts (present, substitutes and stand-ins and whom they stood in for,
			apologies, absent, guests), the quorum computed from the terms and the
			membership on that date, declarations of interest, the items of the
			agenda each with its minutes (any other business last), each decision
			with its votes and the outcome the terms give, actions raised, updates
			to earlier actions and recommendations. Minutes are marked draft until
			a later held meeting approves them. A meeting that is not held has none.

			Business taken in private shows as "taken in private (REASON)": a
			private item's title only where the record sets publish_title, never its
			minutes or paper, nor a private decision's or action's text.

			With --identity KEY --out FILE, the restricted edition, for members:
			the meeting's private file (and those of earlier meetings whose private
			actions it updates) opened with KEY, checked against the record, and
			the minutes written with the private business in place, each private
			item marked "private (REASON)", to FILE, which must lie outside the
			repository. The public minutes are not touched, and neither the key nor
			any private text is printed.
		`),
		"  govctl minutes render sts-omg 2026-12-01\n  govctl minutes render sts-omg 2026-12-01 --identity ~/.config/govctl/key.txt --out ~/restricted/2026-12-01.minutes.md", true))
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
	if m != nil && m.Status == "cancelled" {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("the meeting of %s was cancelled: it has no minutes", m.Date),
			Hint: fmt.Sprintf("if it took place after all, set status: planned in %s and run this again", filepath.ToSlash(ws.PathOf(m, ".yaml"))),
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
	data, err := ws.Read(path)
	if err != nil {
		return err
	}
	known := known(ws.Net, m)
	out, filled, err := record.Fill(data, known, opts.Force)
	if errors.Is(err, record.ErrHasMinutes) {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("%s already records attendance: it is a held meeting's record", filepath.ToSlash(path)),
			Hint: "edit it by hand, or run again with --force to add what it lacks (what it records is kept)",
			Code: cmdutil.ExitFindings,
		}
	}
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.ToSlash(path), err)
	}
	// The layout of govctl fmt, so that fmt --check passes after.
	if out, err = workspace.Canonical(data, out, layout.Meeting, path); err != nil {
		return err
	}
	if err := ws.Replace(path, data, out); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(path))
	fmt.Fprint(opts.IO.ErrOut, toDo(ws.Net, filepath.ToSlash(path), known, filled, opts.Network, m.File))
	return nil
}

// known is what govctl knows of meeting m before its secretary fills the
// record in.
func known(nx *terms.Net, m *model.Meeting) record.Minutes {
	var k record.Minutes
	for _, mem := range nx.CurrentMembers(m.Date) {
		if mem.Seat != nil {
			k.Expected = append(k.Expected, mem.ID)
		}
	}
	k.Chairs = nx.ChairsOn(m.Date)
	if o := nx.MinutesToApprove(m); o != nil {
		k.Approves = o.Date.String()
	}
	for _, e := range nx.Agenda(m) {
		if e.Record == nil {
			k.FromTerms = append(k.FromTerms, e.Title)
		}
	}
	for _, a := range nx.OpenActionsAt(m) {
		k.Open = append(k.Open, record.OpenAction{ID: a.Action.ID, Text: words.ActionText(a.Action), Owner: a.Action.Owner.ID, Due: a.Due.Date})
	}
	return k
}

// toDo tells the secretary what is left to do in the record at path, and
// what to run then.
func toDo(nx *terms.Net, path string, k record.Minutes, f record.Filled, network, file string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "The meeting is marked held, with what govctl knows filled in. Still to do in %s:\n", path)
	line := func(format string, a ...any) { fmt.Fprintf(&b, "  - "+format+"\n", a...) }
	switch {
	case f.PresentKept:
		line("attendance: check who is under present, apologies and absent; add substitutes and stand-ins")
	case len(f.Present) > 0:
		line("attendance: %s under present: move those who sent apologies to apologies and those who did not come to absent; add substitutes and stand-ins", words.Plural(len(f.Present), "member"))
	default:
		line("attendance: add who came under present, and who sent apologies (no member holds a seat, so govctl expects nobody in particular)")
	}
	switch {
	case f.Chair != "":
		line("chair: set to %s (%s), who held the chair that day; change it if someone else chaired", f.Chair, nx.MemberName(f.Chair))
	case f.NoChair && len(k.Chairs) > 1:
		line("chair: add who chaired (one of the co-chairs: %s)", words.Or(k.Chairs))
	case f.NoChair:
		line("chair: add who chaired (nobody holds the chair that day)")
	}
	if len(f.Updates) > 0 {
		line("action_updates: set the status of %s (done, dropped or open) and add a note", words.List(f.Updates))
	}
	if f.Approves != "" {
		line("approves_minutes: %s is set; remove it if the meeting did not approve those minutes", f.Approves)
	}
	line("agenda: write minutes: under the items (to minute an item of the terms, add an item of its title)")
	line("decisions and actions: add those taken and raised")
	fmt.Fprintf(&b, "Then run: govctl minutes render %s %s\n", network, file)
	return b.String()
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
	if opts.Edition.Restricted() {
		in, rm, notes, err := cmdutil.RestrictedInputs(ws, m, opts.Edition)
		if err != nil {
			return err
		}
		data, err := render.Minutes(in, rm)
		if err != nil {
			return err
		}
		return cmdutil.WriteRestricted(ws, opts.IO, opts.Edition, data, notes)
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
