package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// SeatVacant is a seat with fewer current members than it needs.
const SeatVacant ID = "seat-vacant"

var seatVacant = &Rule{
	ID:       SeatVacant,
	Title:    "a seat has fewer current members than it needs",
	Severity: diag.Error,
	Doc: `
Each organisation a seat admits needs at least per_organisation's minimum of
current members (on the as-of date) in that seat.

A member whose seat or organisation is misspelt is reported as unknown-office
or unknown-organisation, and the vacancy it leaves is not reported again.
`,
	Check: checkSeatVacant,
}

func checkSeatVacant(p *Pass) {
	for _, nx := range p.Nets {
		mf := p.misfiledMembers(nx)
		p.eachSeatOrg(nx, func(s *model.Seat, o string, n int) {
			if mf.seatUnknown[o] || mf.orgUnknown[s.Title] {
				return // explained by a misspelt seat or organisation
			}
			if r := s.PerOrg(); n < r.Min {
				p.Reportf(s.At, "seat %q needs %s from %s; it has %d", s.Title, words.Plural(r.Min, "current member"), p.Repo.OrgName(o), n)
			}
		})
	}
}
