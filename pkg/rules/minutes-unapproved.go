package rules

import (
	"github.com/rickb777/date"

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
			approved := map[date.Date]bool{}
			var lastHeld *model.Meeting
			for _, mt := range nx.N.MeetingList {
				if mt.Status == "held" {
					lastHeld = mt
					for _, d := range mt.ApprovesMinutes {
						if d.Before(mt.Date.Date) {
							approved[d.Date] = true
						}
					}
				}
			}
			for _, mt := range nx.N.MeetingList {
				if mt.Status == "held" && mt != lastHeld && !approved[mt.Date.Date] {
					p.Reportf(mt.KeyPos("status"), "the minutes of %s were not approved by a later meeting (no later held meeting lists it in approves_minutes)", mt.Date.String())
				}
			}
		}
	},
}
