// Package schedule implements `govctl schedule`: the dates that follow a
// body's cadence, and with --write, planned meeting records for them.
package schedule

import (
	"fmt"
	"path/filepath"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
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

			The series continues from the last meeting of the kind before --from.

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
	kind := opts.Kind
	if kind == "" {
		kind = ws.DefaultKind()
	}
	k, ok := ws.Net.Kinds[kind]
	if !ok {
		return cmdutil.Errorf("the meeting kinds of "+opts.Network+" are: "+kindList(ws), "%s has no meeting kind %q", opts.Network, kind)
	}
	from := opts.From
	if from.IsZero() {
		from = ws.Today.Date
	}
	var after date.Date
	for _, m := range ws.Net.N.MeetingList {
		if m.Kind.ID == kind && m.Status != "cancelled" && m.Date.Before(from) {
			after = m.Date.Date
		}
	}
	slots, err := sched.Dates(ws.Calendar, sched.Request{Kind: k, From: from, After: after, Count: opts.Count, Until: opts.Until})
	if err != nil {
		return cmdutil.Errorf("set every, on or per_year for the kind in network.yaml", "%s %s meetings: %v", opts.Network, kind, err)
	}
	rows := [][]string{}
	created := 0
	for _, s := range slots {
		start := words.When(s.Date, k.Start, k.Duration, ws.Location)
		deadline := ""
		if d, ok := terms.PapersDeadline(ws.Calendar, k, s.Date); ok {
			deadline = d.Weekday().String()[:3] + " " + d.String()
		}
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
		if existing := ws.MeetingOn(s.Date.String(), kind); existing != nil {
			note = join(note, fmt.Sprintf("on record (%s)", existing.Status))
		} else if opts.Write {
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
		rows = append(rows, []string{s.Date.String(), s.Date.Weekday().String()[:3], start, deadline, note})
	}
	if err := tableout.Write(opts.IO.Out, opts.IO.OutTTY, []string{"DATE", "DAY", "START", "PAPERS BY", "NOTE"}, rows, ""); err != nil {
		return err
	}
	if opts.Write {
		fmt.Fprintf(opts.IO.ErrOut, "%d planned meeting record(s) created in %s\n", created, filepath.ToSlash(ws.MeetingsDir()))
	}
	return nil
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
