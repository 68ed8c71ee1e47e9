package rules

import "github.com/govctl/govctl/pkg/diag"

// OfficeVacant is an office with fewer current holders than it needs.
const OfficeVacant ID = "office-vacant"

var officeVacant = &Rule{
	ID:       OfficeVacant,
	Title:    "an office has no current holder",
	Severity: diag.Error,
	Doc: `
An office whose count has a minimum of one or more (the default count is 1)
needs a current holder on the as-of date in office_holders (a holder who is
no longer a member does not count). Write count: {min: 0, max: 1} for an
office that may stand empty.

A current holding whose office is misspelt (unknown-office), or whose office
or member is missing or not an id (missing-field, wrong-type), is reported
as such, and the vacancy it may leave is not reported again.
`,
	Check: checkOfficeVacant,
}

func checkOfficeVacant(p *Pass) {
	for _, nx := range p.Nets {
		// A current holding of an office that is misspelt or unreadable may
		// be of any office; one with an unreadable member, of its own.
		anyOffice, unreadHolder := false, map[string]bool{}
		for _, h := range nx.Holders() {
			if !h.CurrentOn(p.AsOf) {
				continue
			}
			if _, ok := nx.Offices[h.Office.ID]; !ok {
				anyOffice = true
			} else if h.Member.ID == "" {
				unreadHolder[h.Office.ID] = true
			}
		}
		if anyOffice {
			continue
		}
		current := p.currentHolders(nx)
		for _, o := range nx.N.Offices {
			n, r := len(current[o.Name]), o.Seats()
			switch {
			case n >= r.Min || unreadHolder[o.Name]:
			case n == 0:
				p.Reportf(o.At, "office %q has no current holder", o.Name)
			default:
				p.Reportf(o.At, "office %q needs %s holders; it has %d", o.Name, r, n)
			}
		}
	}
}
