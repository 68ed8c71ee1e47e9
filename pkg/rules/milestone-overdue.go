package rules

import "github.com/govctl/govctl/pkg/diag"

// MilestoneOverdue is a milestone past due and not done.
const MilestoneOverdue ID = "milestone-overdue"

var milestoneOverdue = &Rule{
	ID:       MilestoneOverdue,
	Title:    "a milestone past due and not done",
	Severity: diag.Warning,
	Doc: `
A milestone whose due date is before the as-of date records when it was done.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			if nx.N.WorkProgramme == nil {
				continue
			}
			for _, it := range nx.N.WorkProgramme.Items {
				for _, ms := range it.Milestones {
					if ms.Due.Set() && !ms.Done.Set() && ms.Due.Before(p.AsOf.Date) {
						p.Reportf(ms.At, "milestone %q of %s was due on %s and is not done", ms.Title, it.ID, ms.Due.String())
					}
				}
			}
		}
	},
}
