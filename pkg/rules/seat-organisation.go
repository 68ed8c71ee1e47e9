package rules

import (
	"slices"

	"github.com/govctl/govctl/pkg/diag"
)

// SeatOrganisation is a member in a seat that does not admit their
// organisation.
const SeatOrganisation ID = "seat-organisation"

var seatOrganisation = &Rule{
	ID:       SeatOrganisation,
	Title:    "a member sits in a seat that does not admit their organisation",
	Severity: diag.Error,
	Doc: `
A member's seat must admit the member's organisation (by its organisations
list or its group).

A misspelt organisation or group, the member's or the seat's, is reported
once as unknown-organisation, and not again here for each member of the seat.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, m := range nx.AllMembers() {
				if m.Seat == nil || m.Organisation == nil || !p.orgKnown(m.Organisation.ID) {
					continue
				}
				s, ok := nx.Seats[m.Seat.ID]
				if !ok || !p.seatOrgsKnown(s) {
					continue // unknown-office, or unknown-organisation in the seat
				}
				if !slices.Contains(nx.SeatOrgs(s), m.Organisation.ID) {
					p.Reportf(m.Organisation.Pos, "member %s sits in seat %q, which does not admit %s", m.ID, s.Title, p.Repo.OrgName(m.Organisation.ID))
				}
			}
		}
	},
}
