package report

import (
	"fmt"
	"strings"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Flags of a work item.
const (
	FlagOverdueMilestone = "overdue-milestone" // a milestone past due and not done
	FlagStale            = "stale"             // no update in the three months before the as-of date
	FlagOverdue          = "overdue"           // the item's due date has passed and it is not complete
)

// Statuses of a work item, in the order of the summary.
var Statuses = []string{"not-started", "on-track", "at-risk", "off-track", "complete"}

// WorkProgrammeReport is the work programme of one or more networks as of a
// date. Its JSON shape is stable:
//
//	{"as_of": "2026-11-23",
//	 "items": [WorkItem...],
//	 "summary": [StatusSummary...],
//	 "without_work_programme": ["network-id", ...]}
type WorkProgrammeReport struct {
	AsOf    string          `json:"as_of"`
	Items   []WorkItem      `json:"items"`
	Summary []StatusSummary `json:"summary"`
	// Without lists the networks that have no work programme, which the
	// report leaves out.
	Without []string `json:"without_work_programme"`
}

// WorkItem is one work item as reported. Dates are YYYY-MM-DD, or "" when
// not given; every key is always present.
type WorkItem struct {
	Network string `json:"network"`
	ID      string `json:"id"`
	Title   string `json:"title"`
	// Lead is the lead member's name, or the lead organisation's name.
	Lead   string `json:"lead"`
	LeadID string `json:"lead_id"`
	Status string `json:"status"`
	Due    string `json:"due"`
	// MilestonesDone of Milestones have a done date.
	MilestonesDone int `json:"milestones_done"`
	Milestones     int `json:"milestones"`
	// LatestUpdate is the text of the update with the latest date.
	LatestUpdate     string `json:"latest_update"`
	LatestUpdateDate string `json:"latest_update_date"`
	// Flags are overdue-milestone, stale and overdue, in that order; never
	// null.
	Flags []string `json:"flags"`
}

// StatusSummary counts one network's work items by status.
type StatusSummary struct {
	Network     string `json:"network"`
	Name        string `json:"name"`
	PeriodFrom  string `json:"period_from"`
	PeriodUntil string `json:"period_until"`
	NotStarted  int    `json:"not_started"`
	OnTrack     int    `json:"on_track"`
	AtRisk      int    `json:"at_risk"`
	OffTrack    int    `json:"off_track"`
	Complete    int    `json:"complete"`
	Total       int    `json:"total"`
}

// Count is the number of items with status s.
func (s StatusSummary) Count(status string) int {
	switch status {
	case "not-started":
		return s.NotStarted
	case "on-track":
		return s.OnTrack
	case "at-risk":
		return s.AtRisk
	case "off-track":
		return s.OffTrack
	case "complete":
		return s.Complete
	}
	return 0
}

func (s *StatusSummary) add(status string) {
	switch status {
	case "not-started":
		s.NotStarted++
	case "on-track":
		s.OnTrack++
	case "at-risk":
		s.AtRisk++
	case "off-track":
		s.OffTrack++
	case "complete":
		s.Complete++
	}
	s.Total++
}

// WorkProgramme reports the work items of nets (in the order given) as of
// asOf. The flags are judged as govctl validate judges milestone-overdue
// and work-item-stale on the same date: every record counts, whatever its
// date, and only the flags' thresholds move with asOf.
func WorkProgramme(nets []*terms.Net, asOf model.Date) WorkProgrammeReport {
	r := WorkProgrammeReport{AsOf: asOf.String(), Items: []WorkItem{}, Summary: []StatusSummary{}, Without: []string{}}
	staleBefore := asOf.AddDate(0, -3, 0)
	for _, nx := range nets {
		wp := nx.N.WorkProgramme
		if wp == nil {
			r.Without = append(r.Without, nx.N.ID)
			continue
		}
		sum := StatusSummary{Network: nx.N.ID, Name: nx.N.Name}
		if wp.Period != nil {
			sum.PeriodFrom, sum.PeriodUntil = dateString(wp.Period.From), dateString(wp.Period.Until)
		}
		for i := range wp.Items {
			it := &wp.Items[i]
			w := WorkItem{Network: nx.N.ID, ID: it.ID, Title: it.Title, Status: it.Status, Due: dateString(it.Due), Milestones: len(it.Milestones), Flags: []string{}}
			if it.Lead != nil {
				w.LeadID, w.Lead = it.Lead.ID, nx.LeadName(it.Lead.ID)
			}
			overdueMilestone := false
			for _, ms := range it.Milestones {
				if ms.Done.Set() {
					w.MilestonesDone++
				} else if ms.Due.Set() && ms.Due.Before(asOf.Date) {
					overdueMilestone = true
				}
			}
			var last *model.WorkUpdate
			for j := range it.Updates {
				u := &it.Updates[j]
				if last == nil || !u.Date.Before(last.Date.Date) {
					last = u
				}
			}
			since := model.Date{}
			if last != nil {
				w.LatestUpdate, w.LatestUpdateDate = oneLine(last.Text), dateString(last.Date)
				since = last.Date
			} else if wp.Period != nil {
				since = wp.Period.From
			}
			complete := it.Status == "complete"
			if overdueMilestone {
				w.Flags = append(w.Flags, FlagOverdueMilestone)
			}
			if !complete && since.Set() && since.Before(staleBefore) {
				w.Flags = append(w.Flags, FlagStale)
			}
			if !complete && it.Due.Set() && it.Due.Before(asOf.Date) {
				w.Flags = append(w.Flags, FlagOverdue)
			}
			r.Items = append(r.Items, w)
			sum.add(it.Status)
		}
		r.Summary = append(r.Summary, sum)
	}
	return r
}

// Markdown renders the report: a section a network with its items, then
// the summary by status, then the networks left out.
func (r WorkProgrammeReport) Markdown() []byte {
	var b strings.Builder
	b.WriteString("# Work programme report\n\n")
	if d, err := date.ParseISO(r.AsOf); err == nil {
		fmt.Fprintf(&b, "As of %s.\n", words.LongDate(d))
	}
	for _, s := range r.Summary {
		fmt.Fprintf(&b, "\n## %s (%s)\n\n", markdown.Line(s.Name), markdown.Line(s.Network))
		if s.PeriodFrom != "" {
			fmt.Fprintf(&b, "Period: %s to %s.\n\n", s.PeriodFrom, s.PeriodUntil)
		}
		var items []WorkItem
		for _, it := range r.Items {
			if it.Network == s.Network {
				items = append(items, it)
			}
		}
		if len(items) == 0 {
			b.WriteString("The work programme has no items.\n")
			continue
		}
		b.WriteString("| Item | Title | Lead | Status | Due | Milestones | Latest update | Flags |\n")
		b.WriteString("| --- | --- | --- | --- | --- | --- | --- | --- |\n")
		for _, it := range items {
			ms := ""
			if it.Milestones > 0 {
				ms = fmt.Sprintf("%d of %d", it.MilestonesDone, it.Milestones)
			}
			update := ""
			if it.LatestUpdateDate != "" {
				update = it.LatestUpdateDate + ": " + markdown.Cell(it.LatestUpdate)
			}
			var flags []string
			for _, f := range it.Flags {
				flags = append(flags, "**"+f+"**")
			}
			fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s | %s |\n",
				markdown.Cell(it.ID), markdown.Cell(it.Title), markdown.Cell(it.Lead), markdown.Cell(it.Status),
				it.Due, ms, update, strings.Join(flags, ", "))
		}
	}
	if len(r.Summary) > 0 {
		b.WriteString("\n## Summary by status\n\n")
		b.WriteString("| Network | Not started | On track | At risk | Off track | Complete | Total |\n")
		b.WriteString("| --- | --: | --: | --: | --: | --: | --: |\n")
		for _, s := range r.Summary {
			fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %d |\n", markdown.Cell(s.Network), s.NotStarted, s.OnTrack, s.AtRisk, s.OffTrack, s.Complete, s.Total)
		}
	} else {
		b.WriteString("\nNo network has a work programme.\n")
	}
	if len(r.Without) > 0 {
		var ids []string
		for _, id := range r.Without {
			ids = append(ids, markdown.Line(id))
		}
		fmt.Fprintf(&b, "\nLeft out, with no work programme: %s.\n", strings.Join(ids, ", "))
	}
	if len(r.Items) > 0 {
		b.WriteString("\nFlags: **overdue-milestone**, a milestone past due and not done; **stale**, no update in the three months before the report's date (with no update, the programme's start stands in), not complete; **overdue**, the item's due date has passed and it is not complete.\n")
	}
	return []byte(b.String())
}
