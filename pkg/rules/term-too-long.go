package rules

import "github.com/govctl/govctl/pkg/diag"

// TermTooLong is a recorded holding longer than the office's term.
const TermTooLong ID = "term-too-long"

var termTooLong = &Rule{
	ID:       TermTooLong,
	Title:    "a recorded holding is longer than the office's term",
	Severity: diag.Error,
	Doc: `
A holding with from and until may last no longer than the office's term:
until may be at most the anniversary of from (from + term).
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, h := range nx.Holders() {
				o, ok := nx.Offices[h.Office.ID]
				if !ok || !o.Term.Set() || !h.From.Set() || !h.Until.Set() {
					continue
				}
				if end := h.From.AddPeriod(o.Term.Period); h.Until.After(end) {
					p.Reportf(h.Until.Pos, "holding of %q from %s until %s is longer than the term of %s (at most until %s)", o.Name, h.From.String(), h.Until.String(), o.Term.Period.String(), end.String())
				}
			}
		}
	},
}
