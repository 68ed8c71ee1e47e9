package rules

import (
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

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
			if p.orgKnown(o) {
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
