// Package schedule implements `govctl schedule`: the dates that follow a
// body's cadence, and with --write, planned meeting records for them.
package schedule

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/model"
	sched "github.com/govctl/govctl/pkg/schedule"
	"github.com/govctl/govctl/pkg/tableout"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// Options are schedule's inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	Kind    string
	From    date.Date
	Until   date.Date
	Count   int
	Write   bool
}

// NewCmdSchedule builds the command; runF replaces the work in tests.
func NewCmdSchedule(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	var from, until string
	cmd := &cobra.Command{
		Use:   "schedule NETWORK (--count N | --until DATE)",
		Short: "Plan meeting dates from a body's cadence",
		Long: heredoc.Doc(`
			List the dates that follow a kind of meeting's cadence (every, on, anchor,
			per_year), each moved off weekends, bank holidays and closures to the
			nearest business day in the same week, with its start time and papers
			deadline. With --write, create a planned record (meetings/<date>.yaml) for
			each date that has none; an existing record is never touched.

			The series continues after the last meeting of the kind on record
			(planned, held or cancelled), and never puts a second meeting in a
			cadence period that already has one. Planning from today, it leaves out
			dates whose papers deadline has passed; --from asks for them. No date
			after 31 December 9999, the last a record may hold, is planned: a
			series that runs past it stops there, and says so.

			Output on a terminal is a table; piped, it is tab-separated with a
			header line.
		`),
		Example: heredoc.Doc(`
			govctl schedule sts-omg --count 12
			govctl schedule od-network --from 2026-12-01 --until 2027-11-30 --write
			govctl schedule code --kind drop-in --count 6 --write
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteNetworks,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Network = args[0]
			opts.Dir = cmdutil.RepoDir(cmd)
			var err error
			if opts.From, err = cmdutil.DateFlag("--from", from); err != nil {
				return err
			}
			if opts.Until, err = cmdutil.DateFlag("--until", until); err != nil {
				return err
			}
			if (opts.Count > 0) == !opts.Until.IsZero() {
				return cmdutil.FlagErrorf("give either --count N or --until DATE")
			}
			if opts.Count < 0 || opts.Count > 1000 {
				return cmdutil.FlagErrorf("--count: give a number from 1 to 1000")
			}
			if runF != nil {
				return runF(opts)
			}
			return scheduleRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Kind, "kind", "", "kind of meeting (default: ordinary, or the body's first kind)")
	cmd.Flags().StringVar(&from, "from", "", "first date, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&until, "until", "", "last date, YYYY-MM-DD")
	cmd.Flags().IntVar(&opts.Count, "count", 0, "number of meetings")
	cmd.Flags().BoolVar(&opts.Write, "write", false, "create planned meeting records for the dates")
	return cmd
}

func scheduleRun(opts *Options) error {
	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	if len(ws.Net.N.Meetings) == 0 {
		return cmdutil.Errorf("add meetings: to "+opts.Network+"/network.yaml with each kind's cadence (every, on or per_year)", "%s has no kinds of meeting in its terms, so there is nothing to plan", opts.Network)
	}
	kind := opts.Kind
	if kind == "" {
		kind = ws.DefaultKind()
	}
	k, ok := ws.Net.Kinds[kind]
	if !ok {
		return cmdutil.Errorf("the meeting kinds of "+opts.Network+" are: "+kindList(ws), "%s has no meeting kind %q", opts.Network, kind)
	}
	if _, err := terms.Cadence(k); err != nil {
		return cmdutil.Errorf("set every, on or per_year for the kind in network.yaml", "%s %s meetings: %v", opts.Network, kind, err)
	}
	from := opts.From
	if from.IsZero() {
		from = ws.Today.Date
	}
	if !opts.Until.IsZero() && opts.Until.Before(from) {
		return cmdutil.FlagErrorf("--until %s is before %s, the first day planned (--from, or today)", opts.Until, from)
	}
	// The meetings of the kind already on record from --from on are the
	// series' first dates; new ones continue after the last meeting of the
	// kind on record, whatever its status, never in a cadence period that
	// has a meeting (planned or held). Run twice, schedule plans nothing new.
	var after date.Date
	var onRecord, inRange []*model.Meeting
	for _, m := range ws.Net.N.MeetingList {
		if m.Kind.ID != kind {
			continue
		}
		if m.Date.After(after) {
			after = m.Date.Date
		}
		if m.Status == "cancelled" {
			continue
		}
		onRecord = append(onRecord, m)
		if !m.Date.Before(from) && (opts.Until.IsZero() || !m.Date.After(opts.Until)) {
			inRange = append(inRange, m)
		}
	}
	want := opts.Count
	if want > 0 && len(inRange) > want {
		inRange = inRange[:want]
	}
	var slots []sched.Slot
	end := "" // what is said when the series reaches the last date
	if want == 0 || len(inRange) < want {
		clashes := clashFinder(k, onRecord)
		req := sched.Request{Kind: k, From: from, After: after, Until: opts.Until, Count: max(want-len(inRange), 0),
			Skip: func(s sched.Slot) bool {
				if clashes(s.Date) {
					return true // that cadence period has its meeting
				}
				// Planning from today, a date whose papers are already late
				// is not offered (ask for it with --from).
				d, ok := terms.PapersDeadline(ws.Calendar, k, s.Date)
				return opts.From.IsZero() && ok && d.Before(ws.Today.Date)
			}}
		slots, err = sched.Dates(ws.Calendar, req)
		switch {
		case errors.Is(err, sched.ErrLastDate):
			end = fmt.Sprintf("%s %s: %v, so %d of the %d meeting(s) asked for are planned; no date after it can be written\n",
				opts.IO.Colorize(iostreams.Yellow, "warning:"), opts.Network, err, len(inRange)+len(slots), want)
			if want == 0 {
				end = fmt.Sprintf("%s %s: %v; no date after it can be written\n", opts.IO.Colorize(iostreams.Yellow, "warning:"), opts.Network, err)
			}
		case err != nil:
			return cmdutil.Errorf("set every, on or per_year for the kind in network.yaml", "%s %s meetings: %v", opts.Network, kind, err)
		}
	}
	rows := [][]string{}
	for _, m := range inRange {
		rows = append(rows, row(ws, k, m.Date.Date, fmt.Sprintf("on record (%s)", m.Status)))
	}
	created := 0
	for _, s := range slots {
		note := ""
		switch {
		case s.Unmovable:
			note = "no business day that week"
		case !s.Moved.IsZero():
			why, _ := ws.Calendar.Holiday(s.Moved)
			if why == "" {
				why = s.Moved.Weekday().String()
			}
			note = fmt.Sprintf("moved from %s (%s)", s.Moved, why)
		}
		if opts.Write {
			path, ok, err := ws.WritePlanned(s.Date.String(), kind)
			switch {
			case err != nil:
				return err
			case ok:
				created++
				note = join(note, "planned: "+filepath.ToSlash(path))
			default:
				note = join(note, "a record exists; left as it is")
			}
		}
		rows = append(rows, row(ws, k, s.Date, note))
	}
	if err := tableout.Write(opts.IO.Out, opts.IO.OutTTY, []string{"DATE", "DAY", "START", "PAPERS BY", "NOTE"}, rows, ""); err != nil {
		return err
	}
	if opts.Write {
		fmt.Fprintf(opts.IO.ErrOut, "%d planned meeting record(s) created in %s\n", created, filepath.ToSlash(ws.MeetingsDir()))
	}
	fmt.Fprint(opts.IO.ErrOut, end)
	return nil
}

// clashFinder reports whether a date falls in the cadence period of a
// meeting of kind k on record (terms.Clash). It looks only at the records
// near the date, sorted once, so that a long record costs little per date.
func clashFinder(k *model.MeetingKind, onRecord []*model.Meeting) func(date.Date) bool {
	days := make([]date.Date, 0, len(onRecord))
	for _, m := range onRecord {
		days = append(days, m.Date.Date)
	}
	slices.SortFunc(days, func(a, b date.Date) int { return int(a.Sub(b)) })
	// No clash is further off than half the longest cadence period (a
	// month is at most 31 days, a year 366).
	every, err := terms.Cadence(k)
	if err != nil {
		return func(date.Date) bool { return false }
	}
	reach := every.TotalDaysApprox()/2 + 4*every.Years() + 3*every.Months() + 2
	return func(d date.Date) bool {
		i, _ := slices.BinarySearchFunc(days, d, func(a, b date.Date) int { return int(a.Sub(b)) })
		for j := i; j < len(days) && int(days[j].Sub(d)) <= reach; j++ {
			if terms.Clash(k, days[j], d) {
				return true
			}
		}
		for j := i - 1; j >= 0 && int(d.Sub(days[j])) <= reach; j-- {
			if terms.Clash(k, days[j], d) {
				return true
			}
		}
		return false
	}
}

// row is a date's line of the table: the day, the start, the papers
// deadline and a note.
func row(ws *workspace.Workspace, k *model.MeetingKind, d date.Date, note string) []string {
	deadline := ""
	if dl, ok := terms.PapersDeadline(ws.Calendar, k, d); ok {
		deadline = dl.Weekday().String()[:3] + " " + dl.String()
	}
	return []string{d.String(), d.Weekday().String()[:3], words.When(d, k.Start, k.Duration, ws.Location), deadline, note}
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func kindList(ws *workspace.Workspace) string {
	s := ""
	for i, k := range ws.Net.N.Meetings {
		if i > 0 {
			s += ", "
		}
		s += k.Name
	}
	if s == "" {
		return "(none: add meetings: to network.yaml)"
	}
	return s
}
