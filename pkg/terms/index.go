// Package terms answers questions that the terms of reference settle: who is
// a member with a vote on a given day, who chairs, whether a meeting was
// quorate and why, what outcome a tally gives, when papers are due, where
// and when a meeting is held, which is the next, what its agenda holds and
// whether it reviews the work programme, and the quorum and voting in
// words. Its answers are pure functions of the loaded repository; rules,
// pages, reports and the calendar share them. An index answers for the
// model as it was when indexed: some answers are worked out once, on first
// use, so a caller that changes the model indexes it again (NewRepo).
package terms

import (
	"sync"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
)

// Repo indexes a repository's organisations and networks by id.
type Repo struct {
	Repo     *model.Repo
	Orgs     map[string]*model.Organisation
	Groups   map[string][]string // group name -> organisation ids, in file order
	Networks map[string]*model.Network

	// nets indexes every network once, on first asking: the rules, the
	// papers and the reports of one run share each network's index and
	// what it caches (the action log).
	nets      func() []*Net
	byNetwork map[*model.Network]*Net
	// The referrals between bodies are indexed once, on first asking.
	refState
}

// NewRepo builds the index. The first of two things with one id wins.
func NewRepo(r *model.Repo) *Repo {
	x := &Repo{Repo: r, Orgs: map[string]*model.Organisation{}, Groups: map[string][]string{}, Networks: map[string]*model.Network{}}
	for i := range r.Organisations {
		o := &r.Organisations[i]
		if _, dup := x.Orgs[o.ID]; dup || o.ID == "" {
			continue
		}
		x.Orgs[o.ID] = o
		for _, g := range o.Groups {
			x.Groups[g.ID] = append(x.Groups[g.ID], o.ID)
		}
	}
	for _, n := range r.Networks {
		if _, dup := x.Networks[n.ID]; !dup {
			x.Networks[n.ID] = n
		}
	}
	x.nets = sync.OnceValue(func() []*Net {
		out := make([]*Net, len(r.Networks))
		x.byNetwork = make(map[*model.Network]*Net, len(r.Networks))
		for i, n := range r.Networks {
			out[i] = x.index(n)
			x.byNetwork[n] = out[i]
		}
		return out
	})
	return x
}

// OrgName is the organisation's short name, or its name, or the id.
func (x *Repo) OrgName(id string) string {
	if o, ok := x.Orgs[id]; ok {
		if o.ShortName != "" {
			return o.ShortName
		}
		return o.Name
	}
	return id
}

// Net indexes one network.
type Net struct {
	*Repo
	N       *model.Network
	Members map[string]*model.Member
	Offices map[string]*model.Office
	Seats   map[string]*model.Seat // by title
	Kinds   map[string]*model.MeetingKind

	// The action log is worked out once, on first use: papers and rules
	// ask for it meeting after meeting.
	actionsOnce sync.Once
	actions     []*ActionState
	actionByID  map[string]*ActionState
	seatOrgs    map[*model.Seat][]string

	// Which meeting approved whose minutes, worked out once (ApprovedBy):
	// each meeting's minutes ask.
	approvalsOnce sync.Once
	approvedBy    map[date.Date]*model.Meeting

	// versions index the earlier versions of the terms (TermsOn), oldest
	// first; current is, for one of them, the index of network.yaml's.
	versions []*Net
	current  *Net
}

// Network is the index of network n, built once for the repository's own
// networks.
func (x *Repo) Network(n *model.Network) *Net {
	x.nets()
	if nx, ok := x.byNetwork[n]; ok {
		return nx
	}
	return x.index(n)
}

// index builds the index of one network.
func (x *Repo) index(n *model.Network) *Net {
	nx := &Net{Repo: x, N: n, Members: map[string]*model.Member{}, Offices: map[string]*model.Office{}, Seats: map[string]*model.Seat{}, Kinds: map[string]*model.MeetingKind{}}
	if n.Members != nil {
		for i := range n.Members.Members {
			m := &n.Members.Members[i]
			if _, dup := nx.Members[m.ID]; !dup && m.ID != "" {
				nx.Members[m.ID] = m
			}
		}
	}
	for i := range n.Offices {
		nx.Offices[n.Offices[i].Name] = &n.Offices[i]
	}
	nx.seatOrgs = make(map[*model.Seat][]string, len(n.Seats))
	for i := range n.Seats {
		if _, dup := nx.Seats[n.Seats[i].Title]; !dup {
			nx.Seats[n.Seats[i].Title] = &n.Seats[i]
		}
		nx.seatOrgs[&n.Seats[i]] = x.SeatOrgs(&n.Seats[i])
	}
	for i := range n.Meetings {
		nx.Kinds[n.Meetings[i].Name] = &n.Meetings[i]
	}
	if len(n.Versions) > 0 {
		nx.versions = x.versionNets(nx)
	}
	return nx
}

// Nets is the index of every network, in the repository's order, built
// once. Callers must not change the slice.
func (x *Repo) Nets() []*Net {
	return x.nets()
}

// SeatOrgs lists the organisations a seat admits, in order, groups expanded.
// For the network's own seats the answer is worked out once.
func (nx *Net) SeatOrgs(s *model.Seat) []string {
	if orgs, ok := nx.seatOrgs[s]; ok {
		return orgs
	}
	return nx.Repo.SeatOrgs(s)
}

// SeatOrgs lists the organisations a seat admits, in order, groups expanded.
func (x *Repo) SeatOrgs(s *model.Seat) []string {
	var out []string
	seen := map[string]bool{}
	add := func(id string) {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, r := range s.Organisations {
		add(r.ID)
	}
	if s.Group != nil {
		for _, id := range x.Groups[s.Group.ID] {
			add(id)
		}
	}
	return out
}

// AllMembers lists the network's members (empty when it has no members.yaml).
func (nx *Net) AllMembers() []model.Member {
	if nx.N.Members == nil {
		return nil
	}
	return nx.N.Members.Members
}

// Holders lists the network's office holdings.
func (nx *Net) Holders() []model.OfficeHolder {
	if nx.N.Members == nil {
		return nil
	}
	return nx.N.Members.OfficeHolders
}

// Basis is the voting basis: organisation (the default) or member.
func (nx *Net) Basis() string {
	if nx.N.Voting != nil && nx.N.Voting.Basis != "" {
		return nx.N.Voting.Basis
	}
	return "organisation"
}

// Method is the voting method (default majority).
func (nx *Net) Method() string {
	if nx.N.Voting != nil && nx.N.Voting.Method != "" {
		return nx.N.Voting.Method
	}
	return "majority"
}

// Base is what a majority is of (default cast).
func (nx *Net) Base() string {
	if nx.N.Voting != nil && nx.N.Voting.Base != "" {
		return nx.N.Voting.Base
	}
	return "cast"
}

// MemberVotes reports whether member m holds a vote on day d: a current
// member in a seat with votes, not marked votes: false.
func (nx *Net) MemberVotes(m *model.Member, d model.Date) bool {
	if v := nx.TermsOn(d); v != nx {
		return v.MemberVotes(m, d)
	}
	if m == nil || !m.CurrentOn(d) || m.Seat == nil {
		return false
	}
	if m.Votes != nil && !*m.Votes {
		return false
	}
	s, ok := nx.Seats[m.Seat.ID]
	return ok && s.VoteCount() > 0
}

// OrgVotes is the number of votes an organisation holds under the seats
// (the largest of the voting seats that admit it); 0 when none.
func (nx *Net) OrgVotes(org string) int {
	best := 0
	for i := range nx.N.Seats {
		s := &nx.N.Seats[i]
		for _, o := range nx.SeatOrgs(s) {
			if o == org {
				best = max(best, s.VoteCount())
			}
		}
	}
	return best
}

// VotingMembers lists the members who hold a vote on day d.
func (nx *Net) VotingMembers(d model.Date) []*model.Member {
	if v := nx.TermsOn(d); v != nx {
		return v.VotingMembers(d)
	}
	var out []*model.Member
	for i := range nx.AllMembers() {
		m := &nx.N.Members.Members[i]
		if nx.counted(m) && nx.MemberVotes(m, d) {
			out = append(out, m)
		}
	}
	return out
}

// CurrentMembers lists the members on day d.
func (nx *Net) CurrentMembers(d model.Date) []*model.Member {
	if v := nx.TermsOn(d); v != nx {
		return v.CurrentMembers(d)
	}
	var out []*model.Member
	for i := range nx.AllMembers() {
		m := &nx.N.Members.Members[i]
		if nx.counted(m) && m.CurrentOn(d) {
			out = append(out, m)
		}
	}
	return out
}

// counted reports whether entry m of members.yaml counts as a member: of
// two entries with one id (duplicate-id) only the first does, as in the
// index, so that one person listed twice neither fills two places in a
// seat nor counts twice toward a quorum or a voting base.
func (nx *Net) counted(m *model.Member) bool {
	return m.ID == "" || nx.Members[m.ID] == m
}

// CastingVote reports whether any office gives its holder a casting vote.
func (nx *Net) CastingVote() bool {
	for _, o := range nx.N.Offices {
		if o.CastingVote {
			return true
		}
	}
	return false
}

// OrgOf is the member's organisation id, or "".
func OrgOf(m *model.Member) string {
	if m == nil || m.Organisation == nil {
		return ""
	}
	return m.Organisation.ID
}
