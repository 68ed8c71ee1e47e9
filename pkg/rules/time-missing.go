package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// TimeMissing is a planned meeting with no start time from its record or its
// terms.
const TimeMissing ID = "time-missing"

var timeMissing = &Rule{
	ID:       TimeMissing,
	Title:    "a planned meeting with no start time from its record or its terms",
	Severity: diag.Warning,
	Doc: `
A planned meeting, not yet past, has a start time: its record's start, or
else its kind's (meetings.<kind>.start in network.yaml). Without one, its
agenda gives no time and the calendar shows it as an all-day event.

The meetings of a kind that lack one are reported once, on the record of
the next of them, counting the others: one start on the kind in
network.yaml fixes them all (give the kind a start where its meetings
usually begin at one time), or give each record its own.

A past meeting still planned is minutes-missing's, and a meeting of a kind
the terms do not define is unknown-meeting-kind's.
`,
	Check: func(p *Pass) {
		for _, cur := range p.Nets {
			for _, nx := range cur.Versions() {
				for i := range nx.N.Meetings {
					k := &nx.N.Meetings[i]
					if k.Start.Valid {
						continue
					}
					var lacking []*model.Meeting
					for _, mt := range nx.N.MeetingList {
						if mt.Kind.ID == k.Name && cur.TermsOn(mt.Date) == nx && mt.Status == "planned" && !mt.Date.Before(p.AsOf.Date) && !nx.Start(mt).Valid {
							lacking = append(lacking, mt)
						}
					}
					switch n := len(lacking); {
					case n == 1:
						p.Reportf(lacking[0].At, "the planned %s meeting of %s has no start time: give it one here (start: \"HH:MM\"), or its kind one in network.yaml (meetings.%s.start)", k.Name, lacking[0].Date.String(), k.Name)
					case n > 1:
						p.Reportf(lacking[0].At, "this planned %s meeting and %d more to %s have no start time: give the kind one in network.yaml (meetings.%s.start: \"HH:MM\"), or each record its own", k.Name, n-1, lacking[n-1].Date.String(), k.Name)
					}
				}
			}
		}
	},
}
