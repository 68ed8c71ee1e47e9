package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// CadenceCount is a 12-month span with fewer meetings of a kind than its
// per_year.
const CadenceCount ID = "cadence-count"

var cadenceCount = &Rule{
	ID:       CadenceCount,
	Title:    "fewer meetings than per_year in a 12-month span",
	Severity: diag.Warning,
	Doc: `
For a kind with per_year, every complete 12-month span that starts at one of
its meetings (one that ends on or before the last meeting recorded, or the
as-of date) holds at least per_year meetings that are not cancelled. Only the
first short span of each kind is reported.
`,
	Check: func(p *Pass) {
		p.eachKind(func(_ *terms.Net, k *model.MeetingKind, ms []*model.Meeting) {
			if k.PerYear == 0 || len(ms) == 0 {
				return
			}
			// A span is judged once it is complete: it ends on or before the
			// later of the last meeting recorded and the as-of date (so a
			// body that stopped meeting is reported too).
			last := ms[len(ms)-1].Date.Date
			if p.AsOf.After(last) {
				last = p.AsOf.Date
			}
			for j, start := range ms {
				end := start.Date.AddDate(1, 0, 0) // the span is [start, end)
				if end.After(last.Add(1)) {
					return
				}
				n := 0
				for _, m2 := range ms[j:] {
					if m2.Date.Before(end) {
						n++
					}
				}
				if n < k.PerYear {
					p.Reportf(start.KeyPos("date"), "%s in the 12 months from %s; the terms ask for %d %s meetings a year", words.Plural(n, "meeting"), start.Date.String(), k.PerYear, k.Name)
					return
				}
			}
		})
	},
}
