// Package work implements `govctl work add` and `govctl work update`: a
// body's work programme (<network>/work-programme.yaml) kept from the
// terminal, its items added and their progress recorded as a person would
// write them, comments and all.
package work

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/report"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/suggest"
	"github.com/govctl/govctl/pkg/workspace"
)

// NewCmdWork builds `work add` and `work update`.
func NewCmdWork(f *cmdutil.Factory) *cobra.Command {
	cmd := &cobra.Command{Use: "work", Short: "Keep a body's work programme"}
	cmd.AddCommand(NewCmdAdd(f, nil))
	cmd.AddCommand(NewCmdUpdate(f, nil))
	return cmd
}

// AddOptions are work add's inputs.
type AddOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	Title   string
	ID      string
	Lead    string
	Due     string
	Status  string
}

// NewCmdAdd builds `work add`.
func NewCmdAdd(f *cmdutil.Factory, runF func(*AddOptions) error) *cobra.Command {
	opts := &AddOptions{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "add NETWORK --title TEXT [--id ID] [--lead ID] [--due DATE] [--status STATUS]",
		Short: "Add an item to a body's work programme",
		Long: heredoc.Doc(`
			Add an item at the end of <NETWORK>/work-programme.yaml (written, with an
			items: list, when the body has none yet). Its id is --id, or made from the
			title (wp-standardise-occupational-codes); the lead is a member id of the
			body or an organisation id; the status is not-started unless --status says
			otherwise (not-started, on-track, at-risk, off-track or complete).
			Comments and everything else in the file are kept.
		`),
		Example: heredoc.Doc(`
			govctl work add workforce-planning --title "Standardise occupational classifications" --lead havering --due 2027-03-31
			govctl work add sts-omg --title "Cloud backup" --id wp-backup --status on-track
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteNetworks,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Network = args[0]
			opts.Dir = cmdutil.RepoDir(cmd)
			opts.Title = strings.TrimSpace(opts.Title)
			if opts.Title == "" {
				return cmdutil.FlagErrorf("--title is required: the work item, in a few words")
			}
			if opts.ID != "" && !layout.IsID(opts.ID) {
				return cmdutil.FlagErrorf("--id %q is not an id: letters, digits, dots, underscores and hyphens, starting and ending with a letter or digit", opts.ID)
			}
			if err := checkStatus(opts.Status); err != nil {
				return err
			}
			if _, err := cmdutil.DateFlag("--due", opts.Due); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return addRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Title, "title", "", "the work item (required)")
	cmd.Flags().StringVar(&opts.ID, "id", "", "its id (default: made from the title)")
	cmd.Flags().StringVar(&opts.Lead, "lead", "", "who leads it: a member id or an organisation id")
	cmd.Flags().StringVar(&opts.Due, "due", "", "when it is due, YYYY-MM-DD")
	cmd.Flags().StringVar(&opts.Status, "status", "not-started", "where it stands: "+strings.Join(report.Statuses, ", "))
	return cmd
}

func addRun(opts *AddOptions) error {
	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	if err := checkLead(ws, opts.Lead); err != nil {
		return err
	}
	items := items(ws)
	id := opts.ID
	if id == "" {
		id = freeID(DeriveID(opts.Title), items)
	} else if slices.ContainsFunc(items, func(it model.WorkItem) bool { return it.ID == id }) {
		return &cmdutil.UserError{
			Err:  fmt.Errorf("the work programme of %s already has an item %s", opts.Network, id),
			Hint: fmt.Sprintf("choose another --id, or record progress on it: govctl work update %s %s --note TEXT", opts.Network, id),
			Code: cmdutil.ExitFindings,
		}
	}
	path := filepath.Join(ws.Dir, ws.Net.N.Folder, layout.WorkProgrammeFile)
	data, err := ws.Read(path)
	created := errors.Is(err, fs.ErrNotExist)
	if err != nil && !created {
		return err
	}
	edited, err := record.AddWorkItem(data, record.WorkItem{ID: id, Title: opts.Title, Lead: opts.Lead, Status: opts.Status, Due: opts.Due})
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.ToSlash(path), err)
	}
	if err := write(ws, path, data, edited, created); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(path))
	fmt.Fprintf(opts.IO.Out, "added %s: %s\n", id, opts.Title)
	fmt.Fprintf(opts.IO.ErrOut, "record its progress with: govctl work update %s %s --note TEXT (and --status, --milestone-done TITLE)\n", opts.Network, id)
	return nil
}

// UpdateOptions are work update's inputs.
type UpdateOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	Item    string

	Status string
	Due    string
	Lead   string
	Note   string
	// Date dates the note and a milestone done (default: today).
	Date          string
	MilestoneDone string
	Milestone     string
	MilestoneDue  string
}

// NewCmdUpdate builds `work update`.
func NewCmdUpdate(f *cmdutil.Factory, runF func(*UpdateOptions) error) *cobra.Command {
	opts := &UpdateOptions{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "update NETWORK ITEM-ID [--status STATUS] [--note TEXT] [--date DATE] [--due DATE] [--lead ID] [--milestone-done TITLE] [--milestone TITLE [--milestone-due DATE]]",
		Short: "Record progress on a work programme item",
		Long: heredoc.Doc(`
			Change the item ITEM-ID of <NETWORK>/work-programme.yaml: --note adds a
			progress report to its updates (dated --date, default today), --status,
			--due and --lead set those fields, --milestone-done marks the milestone of
			that title done on --date, and --milestone adds a milestone (due
			--milestone-due). Comments and everything else in the file are kept.

			A progress note at least every three months keeps the item from being
			reported stale (work-item-stale).
		`),
		Example: heredoc.Doc(`
			govctl work update workforce-planning wp-occupational-codes --note "Twelve boroughs have returned the audit survey"
			govctl work update workforce-planning wp-occupational-codes --status at-risk --note "Two boroughs have not replied"
			govctl work update workforce-planning wp-occupational-codes --milestone-done "Audit of borough coding schemes" --date 2026-12-10
		`),
		Args: cmdutil.Usage(cobra.ExactArgs(2)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Network, opts.Item = args[0], args[1]
			opts.Dir = cmdutil.RepoDir(cmd)
			opts.Note, opts.Milestone, opts.MilestoneDone = strings.TrimSpace(opts.Note), strings.TrimSpace(opts.Milestone), strings.TrimSpace(opts.MilestoneDone)
			if opts.Status == "" && opts.Due == "" && opts.Lead == "" && opts.Note == "" && opts.MilestoneDone == "" && opts.Milestone == "" {
				return cmdutil.FlagErrorf("nothing to update: give --note, --status, --due, --lead, --milestone-done or --milestone")
			}
			if opts.Status != "" {
				if err := checkStatus(opts.Status); err != nil {
					return err
				}
			}
			if opts.Date != "" && opts.Note == "" && opts.MilestoneDone == "" {
				return cmdutil.FlagErrorf("--date dates a --note or a --milestone-done: give one of them")
			}
			if opts.MilestoneDue != "" && opts.Milestone == "" {
				return cmdutil.FlagErrorf("--milestone-due is the due date of a new --milestone: give its title")
			}
			for name, v := range map[string]string{"--date": opts.Date, "--due": opts.Due, "--milestone-due": opts.MilestoneDue} {
				if _, err := cmdutil.DateFlag(name, v); err != nil {
					return err
				}
			}
			if runF != nil {
				return runF(opts)
			}
			return updateRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Status, "status", "", "where it stands: "+strings.Join(report.Statuses, ", "))
	cmd.Flags().StringVar(&opts.Note, "note", "", "a progress report, added to its updates")
	cmd.Flags().StringVar(&opts.Date, "date", "", "the day of the note or milestone done, YYYY-MM-DD (default: today)")
	cmd.Flags().StringVar(&opts.Due, "due", "", "a new due date, YYYY-MM-DD")
	cmd.Flags().StringVar(&opts.Lead, "lead", "", "a new lead: a member id or an organisation id")
	cmd.Flags().StringVar(&opts.MilestoneDone, "milestone-done", "", "the title of a milestone now done")
	cmd.Flags().StringVar(&opts.Milestone, "milestone", "", "the title of a milestone to add")
	cmd.Flags().StringVar(&opts.MilestoneDue, "milestone-due", "", "when the milestone added is due, YYYY-MM-DD")
	return cmd
}

func updateRun(opts *UpdateOptions) error {
	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	if ws.Net.N.WorkProgramme == nil {
		return cmdutil.Errorf(fmt.Sprintf("add its first item with: govctl work add %s --title TEXT", opts.Network),
			"%s has no work programme (%s)", opts.Network, layout.WorkProgrammeFile)
	}
	it, err := findItem(ws, opts.Item)
	if err != nil {
		return err
	}
	if err := checkLead(ws, opts.Lead); err != nil {
		return err
	}
	c := record.WorkChange{Status: opts.Status, Due: opts.Due, Lead: opts.Lead, Note: opts.Note, Date: opts.Date, Milestone: opts.Milestone, MilestoneDue: opts.MilestoneDue}
	if c.Date == "" {
		c.Date = ws.Today.String()
	}
	var said []string
	if opts.MilestoneDone != "" {
		ms, err := findMilestone(ws, it, opts.MilestoneDone)
		if err != nil {
			return err
		}
		c.MilestoneDone = ms.Title
		said = append(said, fmt.Sprintf("milestone %q done on %s", ms.Title, c.Date))
	}
	if opts.Milestone != "" {
		if slices.ContainsFunc(it.Milestones, func(ms model.Milestone) bool { return sameTitle(ms.Title, opts.Milestone) }) {
			return &cmdutil.UserError{
				Err:  fmt.Errorf("work item %s already has a milestone %q", it.ID, opts.Milestone),
				Hint: fmt.Sprintf("to mark it done: govctl work update %s %s --milestone-done %q", opts.Network, it.ID, opts.Milestone),
				Code: cmdutil.ExitFindings,
			}
		}
		said = append(said, fmt.Sprintf("milestone %q added", opts.Milestone))
	}
	for _, f := range []struct{ name, v string }{{"status", opts.Status}, {"due", opts.Due}, {"lead", opts.Lead}} {
		if f.v != "" {
			said = append(said, f.name+": "+f.v)
		}
	}
	if opts.Note != "" {
		said = append(said, "update of "+c.Date+" added")
	}
	path := filepath.Join(ws.Dir, ws.Net.N.Folder, layout.WorkProgrammeFile)
	data, err := ws.Read(path)
	if err != nil {
		return err
	}
	edited, err := record.UpdateWorkItem(data, it.ID, c)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.ToSlash(path), err)
	}
	if err := write(ws, path, data, edited, false); err != nil {
		return err
	}
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(path))
	fmt.Fprintf(opts.IO.Out, "%s: %s\n", it.ID, strings.Join(said, "; "))
	if opts.Status == "complete" {
		var open []string
		for _, ms := range it.Milestones {
			if !ms.Done.Set() && !sameTitle(ms.Title, opts.MilestoneDone) {
				open = append(open, fmt.Sprintf("%q", ms.Title))
			}
		}
		if len(open) > 0 {
			fmt.Fprintf(opts.IO.ErrOut, "%s %s is complete but its milestone(s) %s are not marked done: --milestone-done TITLE\n",
				opts.IO.Colorize(iostreams.Yellow, "warning:"), it.ID, strings.Join(open, ", "))
		}
	}
	fmt.Fprintf(opts.IO.ErrOut, "run govctl generate to update the pages (govctl report work-programme %s shows where the programme stands)\n", opts.Network)
	return nil
}

// write writes a work programme, in fmt's layout; created is true for a
// file not there before, which is then never written over.
func write(ws *workspace.Workspace, path string, was, data []byte, created bool) error {
	out, err := workspace.Canonical(was, data, layout.WorkProgramme, path)
	if err != nil {
		return err
	}
	if !created {
		return ws.Replace(path, was, out)
	}
	if err := safefile.Inside(ws.Dir, path); err != nil {
		return err
	}
	if err := safefile.Create(path, out); errors.Is(err, safefile.ErrExists) {
		return &cmdutil.UserError{Err: fmt.Errorf("%s appeared while govctl was adding to it", filepath.ToSlash(path)), Hint: "run the command again", Code: cmdutil.ExitFindings}
	} else if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.ToSlash(path), err)
	}
	return nil
}

func items(ws *workspace.Workspace) []model.WorkItem {
	if wp := ws.Net.N.WorkProgramme; wp != nil {
		return wp.Items
	}
	return nil
}

// findItem is the work item id, or an error naming the one probably meant.
func findItem(ws *workspace.Workspace, id string) (*model.WorkItem, error) {
	its := items(ws)
	var ids []string
	for i := range its {
		if its[i].ID == id {
			return &its[i], nil
		}
		ids = append(ids, its[i].ID)
	}
	hint := "its items: " + strings.Join(ids, ", ")
	if near := nearestID(id, ids); near != "" {
		hint = "did you mean " + near + "? " + hint
	}
	if len(ids) == 0 {
		hint = fmt.Sprintf("it has none yet: govctl work add %s --title TEXT", ws.Net.N.ID)
	}
	return nil, cmdutil.Errorf(hint, "the work programme of %s has no item %s", ws.Net.N.ID, id)
}

// nearestID is the id of ids probably meant by id: one a typing slip away,
// or the only one that begins with id (ids made from titles are long).
func nearestID(id string, ids []string) string {
	if near := suggest.Nearest(id, ids); near != "" {
		return near
	}
	var starts []string
	for _, c := range ids {
		if strings.HasPrefix(c, id) {
			starts = append(starts, c)
		}
	}
	if len(starts) == 1 {
		return starts[0]
	}
	return ""
}

// findMilestone is the milestone of it titled title (case and spacing
// aside), not yet done.
func findMilestone(ws *workspace.Workspace, it *model.WorkItem, title string) (*model.Milestone, error) {
	var titles []string
	for i := range it.Milestones {
		ms := &it.Milestones[i]
		if sameTitle(ms.Title, title) {
			if ms.Done.Set() {
				return nil, &cmdutil.UserError{
					Err:  fmt.Errorf("the milestone %q of %s was already done on %s", ms.Title, it.ID, ms.Done),
					Hint: "to change the day, edit its done: in " + filepath.ToSlash(filepath.Join(ws.Dir, ws.Net.N.Folder, layout.WorkProgrammeFile)),
					Code: cmdutil.ExitFindings,
				}
			}
			return ms, nil
		}
		titles = append(titles, fmt.Sprintf("%q", ms.Title))
	}
	hint := "its milestones: " + strings.Join(titles, ", ")
	if len(titles) == 0 {
		hint = fmt.Sprintf("it has none: add one with govctl work update %s %s --milestone TITLE", ws.Net.N.ID, it.ID)
	}
	return nil, cmdutil.Errorf(hint, "work item %s has no milestone %q", it.ID, title)
}

// checkLead refuses a lead that is neither a member of the body nor an
// organisation.
func checkLead(ws *workspace.Workspace, lead string) error {
	if lead == "" {
		return nil
	}
	if _, ok := ws.Net.Members[lead]; ok {
		return nil
	}
	if _, ok := ws.Net.Orgs[lead]; ok {
		return nil
	}
	var known []string
	for id := range ws.Net.Members {
		known = append(known, id)
	}
	for id := range ws.Net.Orgs {
		known = append(known, id)
	}
	slices.Sort(known)
	hint := fmt.Sprintf("give a member id from %s/members.yaml or an organisation id from organisations.yaml", ws.Net.N.Folder)
	if near := suggest.Nearest(lead, known); near != "" {
		hint = "did you mean " + near + "? " + hint
	}
	return cmdutil.Errorf(hint, "--lead %q is neither a member of %s nor an organisation", lead, ws.Net.N.ID)
}

func checkStatus(s string) error {
	if slices.Contains(report.Statuses, s) {
		return nil
	}
	return cmdutil.FlagErrorf("--status %q: want one of %s", s, strings.Join(report.Statuses, ", "))
}

// sameTitle compares titles case and spacing aside.
func sameTitle(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// DeriveID makes a work item's id from its title: wp- and the title's first
// words in lower case, joined by hyphens (accents dropped, other
// characters left out), at most 40 characters of words.
func DeriveID(title string) string {
	title = strings.NewReplacer(
		"à", "a", "á", "a", "â", "a", "ä", "a", "ã", "a", "å", "a", "æ", "ae", "ç", "c",
		"è", "e", "é", "e", "ê", "e", "ë", "e", "ì", "i", "í", "i", "î", "i", "ï", "i",
		"ñ", "n", "ò", "o", "ó", "o", "ô", "o", "ö", "o", "õ", "o", "ø", "o", "œ", "oe",
		"ù", "u", "ú", "u", "û", "u", "ü", "u", "ý", "y", "ÿ", "y", "ß", "ss", "&", " and ",
	).Replace(strings.ToLower(title))
	var words []string
	var w strings.Builder
	flush := func() {
		if w.Len() > 0 {
			words = append(words, w.String())
			w.Reset()
		}
	}
	for _, r := range title {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			w.WriteRune(r)
		case r == '\'' || r == '’' || r > 127:
			// an apostrophe, or a letter with no plain form: left out
		default:
			flush()
		}
	}
	flush()
	id := ""
	for _, word := range words {
		if id != "" && len(id)+1+len(word) > 40 {
			break
		}
		if id != "" {
			id += "-"
		}
		id += word
	}
	if id == "" {
		return "wp-item"
	}
	return "wp-" + id[:min(len(id), 40)]
}

// freeID is id, or id-2, id-3 ... when the work programme has it.
func freeID(id string, items []model.WorkItem) string {
	taken := map[string]bool{}
	for _, it := range items {
		taken[it.ID] = true
	}
	out := id
	for i := 2; taken[out]; i++ {
		out = fmt.Sprintf("%s-%d", id, i)
	}
	return out
}
