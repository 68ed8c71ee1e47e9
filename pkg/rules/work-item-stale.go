package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// WorkItemStale is a work item with no update for three months.
const WorkItemStale ID = "work-item-stale"

var workItemStale = &Rule{
	ID:       WorkItemStale,
	Title:    "a work item with no update for three months",
	Severity: diag.Warning,
	Doc: `
A work item that is not complete has an update dated within the three months
before the as-of date (with no update, the programme's period start stands
in).
`,
	Check: checkWorkItemStale,
}

func checkWorkItemStale(p *Pass) {
	staleBefore := p.AsOf.AddDate(0, -3, 0)
	for _, nx := range p.Nets {
		wp := nx.N.WorkProgramme
		if wp == nil {
			continue
		}
		for _, it := range wp.Items {
			if it.Status == "complete" {
				continue
			}
			var last model.Date
			for _, u := range it.Updates {
				if u.Date.After(last.Date) {
					last = u.Date
				}
			}
			what := "was last updated on"
			if !last.Set() && wp.Period != nil {
				last, what = wp.Period.From, "has had no update since the programme's period began on"
			}
			if last.Set() && last.Before(staleBefore) {
				p.Reportf(it.At, "work item %s %s %s, more than three months before %s", it.ID, what, last.String(), p.AsOf.String())
			}
		}
	}
}
