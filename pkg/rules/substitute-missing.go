package rules

import (
	"slices"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// SubstituteMissing is a member of a seat that requires a named substitute
// who names none.
const SubstituteMissing ID = "substitute-missing"

var substituteMissing = &Rule{
	ID:       SubstituteMissing,
	Title:    "a seat requires a named substitute and its member has none",
	Severity: diag.Error,
	Doc: `
Where a seat says substitute: named, every current member in it names at
least one substitute (a member id) in substitutes, and at least one of them
is still a member on the as-of date.
`,
	Check: checkSubstituteMissing,
}

func checkSubstituteMissing(p *Pass) {
	for _, nx := range p.Nets {
		for _, m := range nx.CurrentMembers(p.AsOf) {
			if m.Seat == nil {
				continue
			}
			s, ok := nx.Seats[m.Seat.ID]
			if !ok || s.Substitute != "named" {
				continue
			}
			if len(m.Substitutes) == 0 {
				p.Reportf(m.At, "member %s sits in seat %q, which requires a named substitute; add substitutes: [member id]", m.ID, s.Title)
				continue
			}
			// A member cannot stand in for themselves.
			others := slices.DeleteFunc(slices.Clone(m.Substitutes), func(r model.Ref) bool { return r.ID == m.ID })
			if len(others) == 0 {
				p.Reportf(m.KeyPos("substitutes"), "member %s sits in seat %q, which requires a named substitute, and names only themselves", m.ID, s.Title)
				continue
			}
			// A substitute who is no longer a member cannot stand in (an
			// unknown id is unknown-member's).
			current := false
			for _, r := range others {
				if sub, known := nx.Members[r.ID]; !known || sub.CurrentOn(p.AsOf) {
					current = true
				}
			}
			if !current {
				p.Reportf(m.KeyPos("substitutes"), "member %s sits in seat %q, which requires a named substitute, and none of %s is a member on %s", m.ID, s.Title, words.List(model.IDs(others)), p.AsOf.String())
			}
		}
	}
}
