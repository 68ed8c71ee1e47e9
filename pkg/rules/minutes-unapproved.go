package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// MinutesUnapproved is a held meeting whose minutes no later held meeting
// approved.
const MinutesUnapproved ID = "minutes-unapproved"

var minutesUnapproved = &Rule{
	ID:       MinutesUnapproved,
	Title:    "a held meeting whose minutes no later held meeting approved",
	Severity: diag.Warning,
	Doc: `
Each held meeting's minutes are agreed by a later held meeting, which lists
its date in approves_minutes. The latest held meeting is not reported: its
minutes await the next.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			var lastHeld *model.Meeting
			for _, mt := range nx.N.MeetingList {
				if mt.Status == "held" {
					lastHeld = mt
				}
			}
			for _, mt := range nx.N.MeetingList {
				if mt.Status == "held" && mt != lastHeld && nx.ApprovedBy(mt) == nil {
					p.Reportf(mt.KeyPos("status"), "the minutes of %s were not approved by a later meeting (no later held meeting lists it in approves_minutes)", mt.Date.String())
				}
			}
		}
	},
}
