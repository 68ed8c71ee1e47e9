package rules

import "github.com/govctl/govctl/pkg/diag"

// ActionOverdue is an open action past its due date.
const ActionOverdue ID = "action-overdue"

var actionOverdue = &Rule{
	ID:       ActionOverdue,
	Title:    "an open action past its due date",
	Severity: diag.Warning,
	Doc: `
An action whose latest status is open (or that has no update) and whose due
date (the latest one set) is before the as-of date.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, a := range nx.Actions() {
				if a.Open() && a.Due.Set() && a.Due.Before(p.AsOf.Date) {
					p.Reportf(a.Action.At, "action %s (owner %s) was due on %s and is still open", a.Action.ID, a.Action.Owner.ID, a.Due.String())
				}
			}
		}
	},
}
