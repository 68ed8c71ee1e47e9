// Package report implements `govctl report`: the work programme across
// networks, and a network's attendance, as markdown, a table or JSON.
package report

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/report"
	"github.com/govctl/govctl/pkg/tableout"
	"github.com/govctl/govctl/pkg/workspace"
)

var formats = []string{"markdown", "table", "json"}

// NewCmdReport builds `report` and its subcommands.
func NewCmdReport(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "report <command>",
		Short: "Report on work programmes, attendance and the business planned",
		Long: heredoc.Doc(`
			Reports across the records: the work programme of one or more networks,
			the attendance of a network's members at its held meetings, and the
			forward plan of the business planned for the coming months. Each prints
			markdown (the default, ready for a paper), a table, or JSON.
		`),
	}
	cmd.AddCommand(NewCmdWorkProgramme(f, nil))
	cmd.AddCommand(NewCmdAttendance(f, nil))
	cmd.AddCommand(NewCmdForwardPlan(f, nil))
	return cmd
}

// WorkProgrammeOptions are report work-programme's inputs.
type WorkProgrammeOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir      string
	Networks []string
	AsOf     date.Date
	Format   string
}

// NewCmdWorkProgramme builds `report work-programme`.
func NewCmdWorkProgramme(f *cmdutil.Factory, runF func(*WorkProgrammeOptions) error) *cobra.Command {
	opts := &WorkProgrammeOptions{IO: f.IOStreams, Now: f.Now}
	var asOf string
	cmd := &cobra.Command{
		Use:   "work-programme [NETWORK...] [--as-of DATE] [--format markdown|table|json]",
		Short: "Report each work item's progress, with flags, and a summary by status",
		Long: heredoc.Doc(`
			Report the work programme of the networks named (all when none is): each
			work item with its network, id, title, lead (the member's or organisation's
			name), status, due date, milestones done out of total, and its latest
			update with its date; then, for each network, the number of items of each
			status (not-started, on-track, at-risk, off-track, complete).

			Flags, judged on the --as-of date (default today):
			  overdue-milestone  a milestone is past due and not done
			  stale              not complete, and no update in the three months
			                     before the date (with no update, the programme
			                     period's start stands in)
			  overdue            not complete, and the item's due date has passed
			They match govctl validate's milestone-overdue and work-item-stale on the
			same date: every record counts, whatever its date.

			Networks without a work programme are left out (the markdown says which).
			Errors in the files stop the command: run govctl validate first.

			Table output on a terminal is aligned; piped, it is tab-separated: a header
			and a line an item, a blank line, then a header and a line a network for
			the summary.

			JSON is one object:
			  {"as_of": "2026-11-23",
			   "items": [{"network", "id", "title", "lead", "lead_id", "status", "due",
			              "milestones_done", "milestones", "latest_update",
			              "latest_update_date", "flags": [...]}],
			   "summary": [{"network", "name", "period_from", "period_until",
			                "not_started", "on_track", "at_risk", "off_track",
			                "complete", "total"}],
			   "without_work_programme": ["network-id", ...]}
			Dates are YYYY-MM-DD, or "" when not given.
		`),
		Example: heredoc.Doc(`
			govctl report work-programme > work-programme.md
			govctl report work-programme workforce-planning --format table
			govctl report work-programme --as-of 2027-01-31 --format json | jq '.items[] | select(.flags | index("overdue"))'
		`),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			return check.NetworkIDs(cmdutil.RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Networks = args
			opts.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.Format(opts.Format, formats...); err != nil {
				return err
			}
			var err error
			if opts.AsOf, err = cmdutil.DateFlag("--as-of", asOf); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return workProgrammeRun(opts)
		},
	}
	cmd.Flags().StringVar(&asOf, "as-of", "", "date the flags are judged on, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "markdown, table or json")
	return cmd
}

func workProgrammeRun(opts *WorkProgrammeOptions) error {
	res, err := check.OpenSound(opts.Dir, opts.Networks, opts.Now)
	if err != nil {
		return err
	}
	today := res.Today
	if !opts.AsOf.IsZero() {
		today.Date = opts.AsOf
	}
	r := report.WorkProgramme(res.Nets(), today)
	if err := printWorkProgramme(opts.IO.Out, opts.IO.OutTTY, opts.Format, r); err != nil {
		return err
	}
	return res.Left()
}

// printWorkProgramme writes the report in format (a table: aligned on a
// terminal, tty, else tab-separated).
func printWorkProgramme(out io.Writer, tty bool, format string, r report.WorkProgrammeReport) error {
	switch format {
	case "json":
		return writeJSON(out, r)
	case "markdown":
		_, err := out.Write(r.Markdown())
		return err
	}
	header := []string{"NETWORK", "ID", "TITLE", "LEAD", "STATUS", "DUE", "MILESTONES", "UPDATED", "LATEST UPDATE", "FLAGS"}
	rows := [][]string{}
	for _, it := range r.Items {
		ms := ""
		if it.Milestones > 0 {
			ms = fmt.Sprintf("%d/%d", it.MilestonesDone, it.Milestones)
		}
		rows = append(rows, []string{it.Network, it.ID, it.Title, it.Lead, it.Status, it.Due, ms, it.LatestUpdateDate, it.LatestUpdate, strings.Join(it.Flags, ",")})
	}
	sumHeader := []string{"NETWORK", "NOT STARTED", "ON TRACK", "AT RISK", "OFF TRACK", "COMPLETE", "TOTAL"}
	sumRows := [][]string{}
	for _, s := range r.Summary {
		sumRows = append(sumRows, []string{s.Network, fmt.Sprint(s.NotStarted), fmt.Sprint(s.OnTrack), fmt.Sprint(s.AtRisk), fmt.Sprint(s.OffTrack), fmt.Sprint(s.Complete), fmt.Sprint(s.Total)})
	}
	if !tty {
		writeTSV(out, header, rows)
		fmt.Fprintln(out)
		writeTSV(out, sumHeader, sumRows)
		return nil
	}
	if len(r.Summary) == 0 {
		fmt.Fprintln(out, "No network has a work programme.")
	} else {
		if len(rows) > 0 {
			if err := writeAligned(out, header, rows); err != nil {
				return err
			}
			fmt.Fprintln(out)
		}
		if err := writeAligned(out, sumHeader, sumRows); err != nil {
			return err
		}
	}
	if len(r.Without) > 0 {
		fmt.Fprintf(out, "\nLeft out, with no work programme: %s\n", strings.Join(r.Without, ", "))
	}
	return nil
}

// AttendanceOptions are report attendance's inputs.
type AttendanceOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	From    date.Date
	Until   date.Date
	By      string
	Format  string
}

// NewCmdAttendance builds `report attendance`.
func NewCmdAttendance(f *cmdutil.Factory, runF func(*AttendanceOptions) error) *cobra.Command {
	opts := &AttendanceOptions{IO: f.IOStreams, Now: f.Now}
	var from, until string
	cmd := &cobra.Command{
		Use:   "attendance NETWORK [--from DATE] [--until DATE] [--by member|organisation] [--format markdown|table|json]",
		Short: "Report each member's attendance at held meetings",
		Long: heredoc.Docf(`
			Report, for each member of the network (or each organisation, with
			--by organisation), over the network's held meetings from --from to
			--until (both inclusive; all when not given):

			  expected       held meetings at which they were a current member with a
			                 seat (an organisation: had such a member)
			  present        listed under present
			  by substitute  a substitute stood in for them
			  apologies      they sent apologies (and no substitute came)
			  absent         listed absent, or expected and not recorded at all
			  rate           (present + by substitute) / expected, a whole percentage
			                 rounded half up; n/a when nothing was expected

			Present, by substitute, apologies and absent add up to expected. Cancelled
			and planned meetings are left out; so are held meetings with no attendance
			recorded at all (listed as not counted), since that is a missing record, not
			an absence. Members without a seat (named substitutes, observers) are not
			expected and not listed; standing in for someone counts for the member
			stood in for, not for the substitute.

			By organisation: present when any of its members was present, by
			substitute when only substitutes stood in for its members, apologies when
			any of them sent apologies and none came, absent otherwise.

			Flag absent-in-a-row: %[1]d or more absences in a row, counting the meetings
			at which the member was expected, in date order. Apologies are not
			absences: a meeting with apologies (or attended, or with a substitute) ends
			the run. Meetings at which the member was not expected (before they joined,
			after they left) neither extend nor end it.

			Table output on a terminal is aligned; piped, it is tab-separated with a
			header line.

			JSON is one object:
			  {"network", "name", "by": "member"|"organisation", "from", "until",
			   "meetings": [{"date", "kind", "file"}],
			   "not_recorded": [{"date", "kind", "file"}],
			   "rows": [{"id", "name", "organisation", "organisation_name",
			             "expected", "present", "by_substitute", "apologies", "absent",
			             "rate", "longest_absent_run", "flags": [...]}]}
			rate is a whole number, or null when expected is 0; from and until are
			"" when not given; organisation is "" by organisation.
		`, report.AbsentRun),
		Example: heredoc.Doc(`
			govctl report attendance sts-omg > attendance.md
			govctl report attendance sts-omg --from 2026-04-01 --until 2027-03-31 --by organisation --format table
			govctl report attendance heads-of-hr --format json | jq '.rows[] | select(.flags | length > 0)'
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteNetworks,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Network = args[0]
			opts.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.Format(opts.Format, formats...); err != nil {
				return err
			}
			if opts.By != report.ByMember && opts.By != report.ByOrganisation {
				return cmdutil.FlagErrorf("--by %q: want member or organisation", opts.By)
			}
			var err error
			if opts.From, opts.Until, err = cmdutil.DateRange(from, until); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return attendanceRun(opts)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "first date counted, YYYY-MM-DD")
	cmd.Flags().StringVar(&until, "until", "", "last date counted, YYYY-MM-DD")
	cmd.Flags().StringVar(&opts.By, "by", report.ByMember, "member or organisation")
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "markdown, table or json")
	_ = cmd.RegisterFlagCompletionFunc("by", cobra.FixedCompletions([]string{report.ByMember, report.ByOrganisation}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func attendanceRun(opts *AttendanceOptions) error {
	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	r := report.Attendance(ws.Net, report.AttendanceOptions{From: opts.From, Until: opts.Until, By: opts.By})
	out := opts.IO.Out
	switch opts.Format {
	case "json":
		return writeJSON(out, r)
	case "markdown":
		_, err := out.Write(r.Markdown())
		return err
	}
	var header []string
	if r.By == report.ByOrganisation {
		header = []string{"ORGANISATION", "NAME"}
	} else {
		header = []string{"MEMBER", "NAME", "ORGANISATION"}
	}
	header = append(header, "EXPECTED", "PRESENT", "SUBSTITUTE", "APOLOGIES", "ABSENT", "RATE", "FLAGS")
	rows := [][]string{}
	for _, row := range r.Rows {
		cells := []string{row.ID, row.Name}
		if r.By != report.ByOrganisation {
			cells = append(cells, row.OrganisationName)
		}
		flag := ""
		if len(row.Flags) > 0 {
			flag = fmt.Sprintf("%s (%d)", strings.Join(row.Flags, ","), row.LongestAbsentRun)
		}
		cells = append(cells, fmt.Sprint(row.Expected), fmt.Sprint(row.Present), fmt.Sprint(row.Substitute), fmt.Sprint(row.Apologies), fmt.Sprint(row.Absent), row.RateText(), flag)
		rows = append(rows, cells)
	}
	if !opts.IO.OutTTY {
		writeTSV(out, header, rows)
		return nil
	}
	if len(rows) == 0 {
		fmt.Fprintln(out, "No held meeting with attendance recorded in the period.")
	} else if err := writeAligned(out, header, rows); err != nil {
		return err
	}
	fmt.Fprintf(out, "\n%d held meeting(s) counted", len(r.Meetings))
	if len(r.NotRecorded) > 0 {
		var dates []string
		for _, m := range r.NotRecorded {
			dates = append(dates, m.Date)
		}
		fmt.Fprintf(out, "; not counted, no attendance recorded: %s", strings.Join(dates, ", "))
	}
	fmt.Fprintln(out, ".")
	return nil
}

func writeJSON(out io.Writer, v any) error {
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeTSV writes a header and rows as tab-separated values.
func writeTSV(out io.Writer, header []string, rows [][]string) {
	_ = tableout.Write(out, false, header, rows, "")
}

// writeAligned writes an aligned table for a terminal.
func writeAligned(out io.Writer, header []string, rows [][]string) error {
	return tableout.Write(out, true, header, rows, "")
}

// ForwardPlanOptions are report forward-plan's inputs.
type ForwardPlanOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir      string
	Networks []string
	AsOf     date.Date
	Months   int
	Format   string
}

// NewCmdForwardPlan builds `report forward-plan`.
func NewCmdForwardPlan(f *cmdutil.Factory, runF func(*ForwardPlanOptions) error) *cobra.Command {
	opts := &ForwardPlanOptions{IO: f.IOStreams, Now: f.Now}
	var asOf string
	cmd := &cobra.Command{
		Use:   "forward-plan [NETWORK...] [--months N] [--as-of DATE] [--format markdown|table|json]",
		Short: "Report the business planned for the coming months, meeting by meeting",
		Long: heredoc.Doc(`
			Report the business planned across the networks named (all when none is)
			for the --months months (default 4) from the --as-of date (default today):
			every planned meeting in the period, in date order, with its time, venue
			and papers deadline (and the day papers were sent, when recorded), the
			items its record plans (the standing items every meeting holds are not
			listed), and the referrals from other bodies it is expected to answer:
			those made to the body before the meeting and not answered by the as-of
			date, each at the body's first meeting of the period after it was made.
			Referrals waiting for a body with no meeting in the period are listed
			apart.

			Business to be taken in private is marked, with the reason, and its
			substance is not published: an item whose title is not published is "a
			private item", and a private referral's text "taken in private (REASON)".

			Table output on a terminal is aligned; piped, it is tab-separated: a
			header, and a line for each item or referral expected (a meeting with
			neither has a line of its own).

			JSON is one object:
			  {"as_of", "until", "months",
			   "meetings": [{"network", "network_name", "date", "meeting", "kind",
			                 "time", "venue", "papers_deadline", "papers_sent",
			                 "items": [{"title", "kind", "presenter", "private"}],
			                 "referrals": [REFERRAL]}],
			   "referrals_without_meeting": [REFERRAL]}
			with REFERRAL {"to", "to_name", "from", "from_name", "date", "meeting",
			"id", "item", "text", "deferred"}. Dates are YYYY-MM-DD, or "" when not
			known; "private" is the reason, "" for an item taken in public.
		`),
		Example: heredoc.Doc(`
			govctl report forward-plan > forward-plan.md
			govctl report forward-plan sts-joint-committee --months 6
			govctl report forward-plan --format json | jq '.meetings[] | select(.referrals | length > 0)'
		`),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			return check.NetworkIDs(cmdutil.RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Networks = args
			opts.Dir = cmdutil.RepoDir(cmd)
			if err := cmdutil.Format(opts.Format, formats...); err != nil {
				return err
			}
			if opts.Months < 1 || opts.Months > maxMonths {
				return cmdutil.FlagErrorf("--months %d: want 1 to %d", opts.Months, maxMonths)
			}
			var err error
			if opts.AsOf, err = cmdutil.DateFlag("--as-of", asOf); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return forwardPlanRun(opts)
		},
	}
	cmd.Flags().IntVar(&opts.Months, "months", 4, fmt.Sprintf("how many months the plan covers, 1 to %d", maxMonths))
	cmd.Flags().StringVar(&asOf, "as-of", "", "first day of the plan, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&opts.Format, "format", "markdown", "markdown, table or json")
	_ = cmd.RegisterFlagCompletionFunc("format", cobra.FixedCompletions(formats, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

// maxMonths bounds --months: five years, the longest cadence a kind of
// meeting may have.
const maxMonths = 60

func forwardPlanRun(opts *ForwardPlanOptions) error {
	res, err := check.OpenReferred(opts.Dir, opts.Networks, opts.Now)
	if err != nil {
		return err
	}
	asOf := res.Today
	if !opts.AsOf.IsZero() {
		asOf.Date = opts.AsOf
	}
	r := report.ForwardPlanOf(res.Nets(), report.ForwardPlanOptions{AsOf: asOf, Months: opts.Months, Calendar: res.Calendar, Location: res.Location})
	if err := printForwardPlan(opts.IO.Out, opts.IO.OutTTY, opts.Format, r); err != nil {
		return err
	}
	return res.Left()
}

// printForwardPlan writes the plan in format (a table: aligned on a
// terminal, tty, else tab-separated).
func printForwardPlan(out io.Writer, tty bool, format string, r report.ForwardPlan) error {
	switch format {
	case "json":
		return writeJSON(out, r)
	case "markdown":
		_, err := out.Write(r.Markdown())
		return err
	}
	header := []string{"DATE", "NETWORK", "TIME", "PAPERS BY", "BUSINESS", "KIND", "PRIVATE"}
	rows := [][]string{}
	referral := func(e report.ExpectedReferral) string {
		s := fmt.Sprintf("referral %s/%s (%s): %s", e.From, e.ID, e.Date, e.Text)
		if e.Deferred != "" {
			s += " (deferred " + e.Deferred + ")"
		}
		return s
	}
	for _, m := range r.Meetings {
		head := []string{m.Date, m.Network, m.Time, m.PapersDeadline}
		if len(m.Items)+len(m.Referrals) == 0 {
			rows = append(rows, append(head, "", "", ""))
		}
		for _, it := range m.Items {
			rows = append(rows, append(slices.Clone(head), it.Title, it.Kind, it.Private))
		}
		for _, e := range m.Referrals {
			rows = append(rows, append(slices.Clone(head), referral(e), "referral", ""))
		}
	}
	for _, e := range r.Unplaced {
		rows = append(rows, []string{"", e.To, "", "", referral(e) + " (no meeting planned)", "referral", ""})
	}
	return tableout.Write(out, tty, header, rows, "No meeting is planned in the period.")
}
