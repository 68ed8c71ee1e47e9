package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/words"
)

// OfficeOverfilled is an office with more current holders than its count
// allows.
const OfficeOverfilled ID = "office-overfilled"

var officeOverfilled = &Rule{
	ID:       OfficeOverfilled,
	Title:    "more current holders than the office allows",
	Severity: diag.Error,
	Doc: `
No more members may hold an office on the as-of date than its count allows
(co-chairs: count: {min: 1, max: 3}).
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			current := p.currentHolders(nx)
			for _, o := range nx.N.Offices {
				hs, r := current[o.Name], o.Seats()
				if len(hs) >= r.Min && r.HasMax && len(hs) > r.Max {
					p.Reportf(hs[r.Max].At, "office %q allows %s; %d hold it on %s", o.Name, words.Plural(r.Max, "holder"), len(hs), p.AsOf.String())
				}
			}
		}
	},
}
