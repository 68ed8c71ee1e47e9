// Package root builds govctl's root command and attaches every subcommand.
package root

import (
	"github.com/spf13/cobra"

	actionsCmd "github.com/govctl/govctl/pkg/cmd/actions"
	agendaCmd "github.com/govctl/govctl/pkg/cmd/agenda"
	calendarCmd "github.com/govctl/govctl/pkg/cmd/calendar"
	decisionsCmd "github.com/govctl/govctl/pkg/cmd/decisions"
	diffCmd "github.com/govctl/govctl/pkg/cmd/diff"
	exportCmd "github.com/govctl/govctl/pkg/cmd/export"
	fmtCmd "github.com/govctl/govctl/pkg/cmd/fmt"
	generateCmd "github.com/govctl/govctl/pkg/cmd/generate"
	initCmd "github.com/govctl/govctl/pkg/cmd/initcmd"
	meetingCmd "github.com/govctl/govctl/pkg/cmd/meeting"
	minutesCmd "github.com/govctl/govctl/pkg/cmd/minutes"
	networkCmd "github.com/govctl/govctl/pkg/cmd/network"
	networksCmd "github.com/govctl/govctl/pkg/cmd/networks"
	privateCmd "github.com/govctl/govctl/pkg/cmd/private"
	remindCmd "github.com/govctl/govctl/pkg/cmd/remind"
	reportCmd "github.com/govctl/govctl/pkg/cmd/report"
	rulesCmd "github.com/govctl/govctl/pkg/cmd/rules"
	scheduleCmd "github.com/govctl/govctl/pkg/cmd/schedule"
	schemaCmd "github.com/govctl/govctl/pkg/cmd/schema"
	termsCmd "github.com/govctl/govctl/pkg/cmd/terms"
	validateCmd "github.com/govctl/govctl/pkg/cmd/validate"
	workCmd "github.com/govctl/govctl/pkg/cmd/work"
	"github.com/govctl/govctl/pkg/cmdutil"
)

// NewCmdRoot returns the govctl command tree.
func NewCmdRoot(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "govctl <command> [flags]",
		Short: "Governance of networks and boards as YAML in git",
		Long: `govctl keeps the terms of reference, membership, meetings, actions and work
programmes of public-sector networks and boards as plain YAML in a git
repository, checks them against their own rules, and writes the papers those
bodies run on.`,
		Example: `  govctl validate networks
  govctl validate --format github --as-of 2026-12-01
  govctl rules
  govctl rules explain quorum-unreachable`,
		Version:       f.Version,
		SilenceErrors: true,
		SilenceUsage:  true,
	}
	cmd.SetVersionTemplate("govctl {{.Version}}\n")
	cmd.SetOut(f.IOStreams.Out)
	cmd.SetErr(f.IOStreams.ErrOut)
	cmd.SetIn(f.IOStreams.In)
	cmd.SetFlagErrorFunc(cmdutil.FlagUsage)

	cmd.PersistentFlags().StringP("repo", "R", "networks", "the repository folder (validate also takes it as DIR)")
	_ = cmd.RegisterFlagCompletionFunc("repo", func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		return nil, cobra.ShellCompDirectiveFilterDirs
	})

	cmd.AddCommand(validateCmd.NewCmdValidate(f, nil))
	cmd.AddCommand(scheduleCmd.NewCmdSchedule(f, nil))
	cmd.AddCommand(agendaCmd.NewCmdAgenda(f, nil))
	cmd.AddCommand(minutesCmd.NewCmdMinutes(f, nil))
	cmd.AddCommand(meetingCmd.NewCmdMeeting(f, nil))
	cmd.AddCommand(privateCmd.NewCmdPrivate(f, nil))
	cmd.AddCommand(actionsCmd.NewCmdActions(f, nil))
	cmd.AddCommand(decisionsCmd.NewCmdDecisions(f, nil))
	cmd.AddCommand(calendarCmd.NewCmdCalendar(f, nil))
	cmd.AddCommand(remindCmd.NewCmdRemind(f, nil))
	cmd.AddCommand(generateCmd.NewCmdGenerate(f, nil))
	cmd.AddCommand(diffCmd.NewCmdDiff(f, nil))
	cmd.AddCommand(initCmd.NewCmdInit(f, nil))
	cmd.AddCommand(networkCmd.NewCmdNetwork(f, nil))
	cmd.AddCommand(fmtCmd.NewCmdFmt(f, nil))
	cmd.AddCommand(reportCmd.NewCmdReport(f))
	cmd.AddCommand(networksCmd.NewCmdNetworks(f, nil))
	cmd.AddCommand(exportCmd.NewCmdExport(f, nil))
	cmd.AddCommand(rulesCmd.NewCmdRules(f, nil))
	cmd.AddCommand(schemaCmd.NewCmdSchema(f, nil))
	cmd.AddCommand(workCmd.NewCmdWork(f))
	cmd.AddCommand(termsCmd.NewCmdTerms(f, nil))
	return cmd
}
