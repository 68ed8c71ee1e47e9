package rules

import "github.com/govctl/govctl/pkg/diag"

// NonBusinessDay is a meeting on a weekend, bank holiday or closure day.
const NonBusinessDay ID = "non-business-day"

var nonBusinessDay = &Rule{
	ID:       NonBusinessDay,
	Title:    "a meeting on a weekend, bank holiday or closure day",
	Severity: diag.Warning,
	Doc: `
A meeting that is not cancelled falls on a business day: Monday to Friday, not
a bank holiday of the repository's holidays calendar, not a closure of
govctl.yaml.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				d := mt.Date.Date
				if mt.Status == "cancelled" || p.Cal.IsBusinessDay(d) {
					continue
				}
				why := d.Weekday().String()
				if name, ok := p.Cal.Holiday(d); ok {
					why = name
				}
				p.Reportf(mt.KeyPos("date"), "the meeting of %s falls on a day that is not a business day (%s)", d.String(), why)
			}
		}
	},
}
