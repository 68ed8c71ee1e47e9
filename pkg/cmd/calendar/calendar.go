// Package calendar implements `govctl calendar`: the meetings of networks as
// an iCalendar (RFC 5545) feed on stdout, for Outlook and other calendars.
package calendar

import (
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/ical"
	"github.com/govctl/govctl/pkg/iostreams"
)

// Options are calendar's inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir       string
	Networks  []string
	From      date.Date
	Until     date.Date
	Deadlines bool
}

// NewCmdCalendar builds the command.
func NewCmdCalendar(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	var from, until string
	cmd := &cobra.Command{
		Use:   "calendar [NETWORK...]",
		Short: "Write the meetings as an iCalendar feed, for Outlook and other calendars",
		Long: heredoc.Doc(`
			Write the meetings of the networks named (all when none are) as an
			iCalendar (RFC 5545) feed on stdout: one event per meeting, in the
			repository's timezone, with its venue, the path of its agenda and its
			papers deadline. Cancelled meetings stay in the feed, marked cancelled,
			so that calendars that imported them learn of it.

			The output depends only on the files: run it in CI and publish the .ics
			file where calendars can subscribe to it.
		`),
		Example: heredoc.Doc(`
			govctl calendar > meetings.ics
			govctl calendar sts-omg --deadlines > sts-omg.ics
			govctl calendar --from 2027-01-01 --until 2027-12-31
		`),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			return check.NetworkIDs(cmdutil.RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Networks = args
			opts.Dir = cmdutil.RepoDir(cmd)
			var err error
			if opts.From, opts.Until, err = cmdutil.DateRange(from, until); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return calendarRun(opts)
		},
	}
	cmd.Flags().StringVar(&from, "from", "", "only meetings on or after this date, YYYY-MM-DD")
	cmd.Flags().StringVar(&until, "until", "", "only meetings on or before this date, YYYY-MM-DD")
	cmd.Flags().BoolVar(&opts.Deadlines, "deadlines", false, "add an all-day event on each papers deadline")
	return cmd
}

func calendarRun(opts *Options) error {
	res, err := check.OpenSound(opts.Dir, opts.Networks, opts.Now)
	if err != nil {
		return err
	}
	_, err = opts.IO.Out.Write(ical.Calendar(ical.Options{
		Networks:  res.Nets(),
		Calendar:  res.Calendar,
		Location:  res.Location,
		From:      opts.From,
		Until:     opts.Until,
		Deadlines: opts.Deadlines,
		PagesURL:  res.Index.Repo.Settings.PagesURL,
	}))
	if err != nil {
		return err
	}
	return res.Left()
}
