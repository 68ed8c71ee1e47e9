package rules

import "github.com/govctl/govctl/pkg/diag"

// MinutesMissing is a past meeting still planned, or a held one with no one
// recorded present.
const MinutesMissing ID = "minutes-missing"

var minutesMissing = &Rule{
	ID:       MinutesMissing,
	Title:    "a meeting in the past still planned, or held with no attendance recorded",
	Severity: diag.Warning,
	Doc: `
Once its date has passed (before the as-of date) a meeting is marked held
(with its attendance) or cancelled.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				switch {
				case mt.Status == "planned" && mt.Date.Before(p.AsOf.Date):
					p.Reportf(mt.KeyPos("status"), "the meeting of %s has passed but is still planned: record it as held (with attendance) or cancelled", mt.Date.String())
				case mt.Status == "held" && (mt.Attendance == nil || len(mt.Attendance.Present) == 0):
					p.Reportf(mt.KeyPos("status"), "the meeting of %s is held but records no one present", mt.Date.String())
				}
			}
		}
	},
}
