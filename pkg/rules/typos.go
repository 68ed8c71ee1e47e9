package rules

import (
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// A misspelt name is reported once, by the rule for unknown names
// (unknown-organisation, unknown-office, unknown-member), and not again by
// every rule whose answer it changes: the vacancy it leaves, the seat that
// seems to refuse a member, the quorum that seems unreachable or not met,
// the vote that seems not entitled. These helpers tell a rule where a
// misspelling may explain what it sees, so that it stays silent there.

// orgKnown reports whether id names an organisation of organisations.yaml.
func (p *Pass) orgKnown(id string) bool {
	_, ok := p.Repo.Orgs[id]
	return ok
}

// seatOrgsKnown reports whether every organisation a seat lists, and its
// group, are in organisations.yaml. A seat that names one that is not is
// reported as unknown-organisation, and whom it admits is not judged: the
// misspelt name may be a member's.
func (p *Pass) seatOrgsKnown(s *model.Seat) bool {
	for _, o := range s.Organisations {
		if !p.orgKnown(o.ID) {
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

// quorumOrgsKnown reports whether every organisation the network's quorum
// names in each_organisation_of is in organisations.yaml. When one is not,
// it is reported as unknown-organisation, and whether a meeting or the
// membership can make the quorum is not judged on it.
func (p *Pass) quorumOrgsKnown(nx *terms.Net) bool {
	if q := nx.N.Quorum; q != nil {
		for _, o := range q.EachOrganisationOf {
			if !p.orgKnown(o.ID) {
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
		if m.Organisation != nil && !p.orgKnown(m.Organisation.ID) {
			mf.orgUnknown[m.Seat.ID] = true
		}
	}
	return mf
}

// memberTypo reports whether a member's record names a seat the network
// lacks (reported as unknown-office) or an organisation organisations.yaml
// lacks (unknown-organisation): what the member may do (vote, make a
// quorum) cannot then be told.
func (p *Pass) memberTypo(nx *terms.Net, mem *model.Member) bool {
	if mem.Seat != nil {
		if _, ok := nx.Seats[mem.Seat.ID]; !ok {
			return true
		}
	}
	if mem.Organisation != nil {
		if !p.orgKnown(mem.Organisation.ID) {
			return true
		}
	}
	return false
}

// knownVoter reports whether a voter id names an organisation (basis
// organisation) or member (basis member); an unknown one is reported as
// unknown-organisation or unknown-member, and by no vote rule.
func (p *Pass) knownVoter(nx *terms.Net, id string) bool {
	if nx.Basis() == "member" {
		_, ok := nx.Members[id]
		return ok
	}
	_, ok := p.Repo.Orgs[id]
	return ok
}

// anyMemberTypo reports whether any member of the network has a misspelt
// seat or organisation: which organisations its members come from cannot
// then all be told.
func (p *Pass) anyMemberTypo(nx *terms.Net) bool {
	ms := nx.AllMembers()
	for i := range ms {
		if p.memberTypo(nx, &ms[i]) {
			return true
		}
	}
	return false
}
