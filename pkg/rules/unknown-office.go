package rules

import "github.com/govctl/govctl/pkg/diag"

// UnknownOffice is an office or seat title that network.yaml does not define.
const UnknownOffice ID = "unknown-office"

var unknownOffice = &Rule{
	ID:       UnknownOffice,
	Title:    "an office or seat title that network.yaml does not define",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
office_holders name an office under network.yaml offices; a member's seat is
the title of one of network.yaml's seats.
`,
	Check: checkUnknownOffice,
}

func checkUnknownOffice(p *Pass) {
	for _, nx := range p.Nets {
		for _, h := range nx.Holders() {
			if _, ok := nx.Offices[h.Office.ID]; !ok && h.Office.ID != "" {
				p.Reportf(h.Office.Pos, "office %q is not an office of %s%s", h.Office.ID, nx.N.ID, p.didYouMeanOrList(h.Office.ID, "offices of "+nx.N.ID, func() []string { return keys(nx.Offices) }, "offices", "offices", false))
			}
		}
		for _, m := range nx.AllMembers() {
			if m.Seat != nil {
				if _, ok := nx.Seats[m.Seat.ID]; !ok {
					p.Reportf(m.Seat.Pos, "seat %q is not a seat title of %s%s", m.Seat.ID, nx.N.ID, p.didYouMeanOrList(m.Seat.ID, "seats of "+nx.N.ID, func() []string { return keys(nx.Seats) }, "seat titles", "seats", true))
				}
			}
		}
	}
}
