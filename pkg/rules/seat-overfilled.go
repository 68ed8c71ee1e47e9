package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// SeatOverfilled is a seat with more current members than it allows.
const SeatOverfilled ID = "seat-overfilled"

var seatOverfilled = &Rule{
	ID:       SeatOverfilled,
	Title:    "a seat has more current members than it allows",
	Severity: diag.Error,
	Doc: `
No organisation may have more current members in a seat than
per_organisation's maximum.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			p.eachSeatOrg(nx, func(s *model.Seat, o string, n int) {
				if r := s.PerOrg(); n >= r.Min && r.HasMax && n > r.Max {
					p.Reportf(s.At, "seat %q allows %s from %s; it has %d", s.Title, words.Plural(r.Max, "member"), p.Repo.OrgName(o), n)
				}
			})
		}
	},
}
