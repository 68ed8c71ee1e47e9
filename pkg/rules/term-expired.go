package rules

import "github.com/govctl/govctl/pkg/diag"

// TermExpired is a current holding whose term ended before the as-of date.
const TermExpired ID = "term-expired"

var termExpired = &Rule{
	ID:       TermExpired,
	Title:    "the current holder's term ended before the as-of date",
	Severity: diag.Warning,
	Doc: `
A holding still current on the as-of date (no until, or until later) whose
term, counted from its from date, ended before the as-of date: the office is
due for election or appointment.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, h := range nx.Holders() {
				o, ok := nx.Offices[h.Office.ID]
				if !ok || !o.Term.Set() || !h.From.Set() || !h.CurrentOn(p.AsOf) {
					continue
				}
				if end := h.From.AddPeriod(o.Term.Period); p.AsOf.After(end) {
					p.Reportf(h.At, "%s's term as %s, from %s, ended on %s", h.Member.ID, o.Name, h.From.String(), end.String())
				}
			}
		}
	},
}
