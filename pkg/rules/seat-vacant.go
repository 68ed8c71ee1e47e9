package rules

import (
	"github.com/govctl/govctl/pkg/diag"
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
		counts := p.seatCounts(nx)
		for i := range nx.N.Seats {
			s := &nx.N.Seats[i]
			if s.Title == "" {
				continue // missing-field; no member can name it
			}
			r := s.PerOrg()
			for _, o := range nx.SeatOrgs(s) {
				if !p.OrgKnown(o) || mf.seatUnknown[o] || mf.orgUnknown[s.Title] {
					continue // unknown-organisation, or explained by a misspelt seat or organisation
				}
				if n := counts[s.Title][o]; n < r.Min {
					p.Reportf(s.At, "seat %q needs %s from %s; it has %d", s.Title, words.Plural(r.Min, "current member"), p.Repo.OrgName(o), n)
				}
			}
		}
	}
}
