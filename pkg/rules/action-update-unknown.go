package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// ActionUpdateUnknown is an update to an action that no earlier meeting
// raised.
const ActionUpdateUnknown ID = "action-update-unknown"

var actionUpdateUnknown = &Rule{
	ID:       ActionUpdateUnknown,
	Title:    "an update to an action that no earlier meeting raised",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
action_updates name actions raised (under actions) at an earlier meeting of
the same network.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			raised := map[string]model.Date{}
			for _, mt := range nx.N.MeetingList {
				if mt.Status == "cancelled" {
					continue
				}
				for _, a := range mt.Actions {
					if _, ok := raised[a.ID]; !ok {
						raised[a.ID] = mt.Date
					}
				}
			}
			for _, mt := range nx.N.MeetingList {
				nx := nx.TermsOn(mt.Date)
				for _, u := range mt.ActionUpdates {
					if d, ok := raised[u.Action.ID]; !ok || !d.Before(mt.Date.Date) {
						p.Reportf(u.Action.Pos, "no meeting of %s before %s raised action %q", nx.N.ID, mt.Date.String(), u.Action.ID)
					}
				}
			}
		}
	},
}
