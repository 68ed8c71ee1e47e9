package rules

import (
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// The membership rules report a misspelt name once, as unknown-organisation
// or unknown-office, and not again as the vacancy, the refused seat or the
// unreachable quorum it causes. These helpers say where a misspelling may
// explain a gap.

// OrgKnown reports whether id names an organisation of organisations.yaml.
func (p *Pass) OrgKnown(id string) bool {
	_, ok := p.Repo.Orgs[id]
	return ok
}

// SeatOrgsKnown reports whether every organisation a seat lists, and its
// group, are in organisations.yaml. A seat that names one that is not is
// reported as unknown-organisation, and whom it admits is not judged: the
// misspelt name may be a member's.
func (p *Pass) SeatOrgsKnown(s *model.Seat) bool {
	for _, o := range s.Organisations {
		if !p.OrgKnown(o.ID) {
			return false
		}
	}
	if s.Group != nil {
		if _, ok := p.Repo.Groups[s.Group.ID]; !ok {
			return false
		}
	}
	return true
}

// QuorumOrgsKnown reports whether every organisation the network's quorum
// names in each_organisation_of is in organisations.yaml. When one is not,
// it is reported as unknown-organisation, and whether a meeting or the
// membership can make the quorum is not judged on it.
func (p *Pass) QuorumOrgsKnown(nx *terms.Net) bool {
	if q := nx.N.Quorum; q != nil {
		for _, o := range q.EachOrganisationOf {
			if !p.OrgKnown(o.ID) {
				return false
			}
		}
	}
	return true
}

// misfiled notes the current members of a network whose seat or
// organisation is misspelt, by the gap each leaves.
type misfiled struct {
	// seatUnknown holds the organisations of current members whose seat
	// is not a seat title of the network (unknown-office).
	seatUnknown map[string]bool
	// orgUnknown holds the seats of current members whose organisation is
	// not in organisations.yaml (unknown-organisation).
	orgUnknown map[string]bool
}

// misfiledMembers finds the network's current members on the as-of date
// whose seat or organisation is misspelt.
func (p *Pass) misfiledMembers(nx *terms.Net) misfiled {
	mf := misfiled{seatUnknown: map[string]bool{}, orgUnknown: map[string]bool{}}
	for _, m := range nx.CurrentMembers(p.AsOf) {
		if m.Seat == nil {
			continue
		}
		if _, ok := nx.Seats[m.Seat.ID]; !ok {
			mf.seatUnknown[terms.OrgOf(m)] = true
		}
		if m.Organisation != nil && !p.OrgKnown(m.Organisation.ID) {
			mf.orgUnknown[m.Seat.ID] = true
		}
	}
	return mf
}

// eachSeatOrg calls f for each titled seat of the network and each
// organisation of organisations.yaml it admits, with the number of that
// organisation's current members in the seat on the as-of date. A seat with
// no title is missing-field's (no member can name it), an unknown
// organisation unknown-organisation's.
func (p *Pass) eachSeatOrg(nx *terms.Net, f func(s *model.Seat, org string, n int)) {
	counts := map[string]map[string]int{}
	for _, m := range nx.CurrentMembers(p.AsOf) {
		if m.Seat == nil {
			continue
		}
		c := counts[m.Seat.ID]
		if c == nil {
			c = map[string]int{}
			counts[m.Seat.ID] = c
		}
		c[terms.OrgOf(m)]++
	}
	for i := range nx.N.Seats {
		s := &nx.N.Seats[i]
		if s.Title == "" {
			continue
		}
		for _, o := range nx.SeatOrgs(s) {
			if p.OrgKnown(o) {
				f(s, o, counts[s.Title][o])
			}
		}
	}
}

// currentHolders lists by office the network's holdings current on the
// as-of date, in file order. A holding with no member, or whose holder is no
// longer a member, does not count; one whose holder is not a member at all
// does (unknown-member reports it).
func (p *Pass) currentHolders(nx *terms.Net) map[string][]model.OfficeHolder {
	out := map[string][]model.OfficeHolder{}
	for _, h := range nx.Holders() {
		if h.Member.ID == "" || !h.CurrentOn(p.AsOf) {
			continue
		}
		if m, known := nx.Members[h.Member.ID]; known && !m.CurrentOn(p.AsOf) {
			continue // the holder is no longer a member
		}
		out[h.Office.ID] = append(out[h.Office.ID], h)
	}
	return out
}
