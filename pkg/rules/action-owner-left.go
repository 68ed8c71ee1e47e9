package rules

import "github.com/govctl/govctl/pkg/diag"

// ActionOwnerLeft is an open action owned by someone no longer a member.
const ActionOwnerLeft ID = "action-owner-left"

var actionOwnerLeft = &Rule{
	ID:       ActionOwnerLeft,
	Title:    "an open action owned by someone no longer a member",
	Severity: diag.Warning,
	Doc: `
The owner of an open action is a current member on the as-of date; reassign
or drop the action when they leave.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, a := range nx.Actions() {
				if !a.Open() {
					continue
				}
				if m, ok := nx.Members[a.Action.Owner.ID]; ok && !m.CurrentOn(p.AsOf) {
					p.Reportf(a.Action.Owner.Pos, "action %s is open and its owner %s is no longer a member", a.Action.ID, m.ID)
				}
			}
		}
	},
}
