package terms

import (
	"fmt"
	"strconv"

	"github.com/govctl/govctl/pkg/model"
)

// QuorumResult is the judgement of a meeting's quorum.
type QuorumResult struct {
	Quorate bool
	// Defined is false when the terms set no quorum.
	Defined bool
	// Met and Unmet say, in words, which conditions held and which did not.
	Met   []string
	Unmet []string
	// Present is how many counted toward it: the members present who were
	// members on the day, and those stood in for where substitutes count.
	Present int
	// Withdrew are, for the quorum of a decision (DecisionQuorum), the
	// members who withdrew for its item and were not counted.
	Withdrew []*model.Member
}

// Attendees are who counted at a meeting: the present members, and the
// members stood in for by a substitute or by a stand-in who counts as one.
type Attendees struct {
	Present []*model.Member
	// Represented maps a member stood in for to who stood in.
	Represented map[*model.Member]Proxy
	// Uncounted are the stand-ins who attended but count for nothing: the
	// seat of the member they stood in for does not take a stand-in.
	Uncounted []Uncounted
}

// Proxy is who stood in for a member: a substitute, who is a member, or a
// stand-in, who is not.
type Proxy struct {
	// Substitute is the substitute's member id; "" for a stand-in.
	Substitute string
	// StandIn is the stand-in; nil for a substitute.
	StandIn *model.StandIn
}

// Uncounted is a stand-in who attended but does not count, and why, in
// words (StandInCounts).
type Uncounted struct {
	StandIn *model.StandIn
	For     *model.Member
	Why     string
}

// Attendance resolves a meeting's attendance against the membership. Ids
// that are not members are left out (rules report them), and so is a
// second proxy for one member, or a proxy for a member present or not a
// member on the day (attendance-conflict): the first substitute, else the
// first stand-in, stands in.
func (nx *Net) Attendance(m *model.Meeting) Attendees {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Attendance(m)
	}
	at := Attendees{Represented: map[*model.Member]Proxy{}}
	if m.Attendance == nil {
		return at
	}
	seen := map[string]bool{}
	for _, r := range m.Attendance.Present {
		if mem, ok := nx.Members[r.ID]; ok && !seen[r.ID] {
			seen[r.ID] = true
			at.Present = append(at.Present, mem)
		}
	}
	// standable is member id, where they may be stood in for: a member on
	// the day, not present, and not stood in for already; else nil.
	standable := func(id string) *model.Member {
		if mem, ok := nx.Members[id]; ok && mem.CurrentOn(m.Date) && !seen[id] {
			if _, dup := at.Represented[mem]; !dup {
				return mem
			}
		}
		return nil
	}
	for _, s := range m.Attendance.Substitutes {
		if s.Substitute.ID == s.For.ID {
			continue // no one stands in for themselves (attendance-conflict)
		}
		if mem := standable(s.For.ID); mem != nil {
			at.Represented[mem] = Proxy{Substitute: s.Substitute.ID}
		}
	}
	uncounted := map[*model.Member]bool{}
	for i := range m.Attendance.StandIns {
		s := &m.Attendance.StandIns[i]
		mem := standable(s.For.ID)
		if mem == nil || uncounted[mem] {
			continue
		}
		if ok, why := nx.StandInCounts(mem); ok {
			at.Represented[mem] = Proxy{StandIn: s}
		} else {
			uncounted[mem] = true
			at.Uncounted = append(at.Uncounted, Uncounted{StandIn: s, For: mem, Why: why})
		}
	}
	return at
}

// StandInCounts reports whether a stand-in (a colleague who is not a
// member) for member mem counts as a substitute: only where mem's seat has
// substitute: allowed. Where one does not, why says so in words.
func (nx *Net) StandInCounts(mem *model.Member) (counts bool, why string) {
	if mem.Seat == nil {
		return false, fmt.Sprintf("%s holds no seat", mem.Name)
	}
	seat, ok := nx.Seats[mem.Seat.ID]
	switch {
	case !ok:
		return false, fmt.Sprintf("%s's seat, %q, is not a seat of the terms of reference", mem.Name, mem.Seat.ID)
	case seat.Substitute == "allowed":
		return true, ""
	case seat.Substitute == "named":
		return false, fmt.Sprintf("the seat %q takes only the substitutes named in members.yaml", seat.Title)
	case seat.Substitute == "none":
		return false, fmt.Sprintf("the seat %q takes no substitute", seat.Title)
	}
	return false, fmt.Sprintf("the terms of reference do not say that the seat %q takes a substitute", seat.Title)
}

// Quorum judges whether meeting m was quorate, on the membership as it stood
// on the meeting's date.
func (nx *Net) Quorum(m *model.Meeting) QuorumResult {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Quorum(m)
	}
	return nx.quorum(m, nx.Attendance(m))
}

// DecisionQuorum judges the quorum for decision dec of meeting m: as
// Quorum, less the members who withdrew for the item it was taken under
// (Withdrew), who are not counted for its quorum. Where no one withdrew it
// is the meeting's quorum.
func (nx *Net) DecisionQuorum(m *model.Meeting, dec *model.Decision) QuorumResult {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.DecisionQuorum(m, dec)
	}
	q := nx.quorum(m, nx.AttendanceFor(m, dec.Item))
	q.Withdrew = nx.Withdrew(m, dec.Item)
	return q
}

// quorum judges the quorum of meeting m with attendees at.
func (nx *Net) quorum(m *model.Meeting, at Attendees) QuorumResult {
	q := nx.N.Quorum
	subs := q == nil || q.CountSubstitutes()
	d := m.Date

	// Only those who were members on the day count: a member who had left,
	// or had not yet joined, is not a member present.
	counted := 0
	for _, mem := range at.Present {
		if mem.CurrentOn(d) {
			counted++
		}
	}
	if subs {
		counted += len(at.Represented)
	}
	if q == nil || (len(q.EachOrganisationOf) == 0 && q.Members == 0 && !q.Fraction.Set()) {
		return QuorumResult{Quorate: true, Present: counted}
	}
	res := QuorumResult{Defined: true, Present: counted}
	votingPresent := 0
	orgsPresent := map[string]bool{}
	for _, mem := range at.Present {
		if nx.MemberVotes(mem, d) {
			votingPresent++
			orgsPresent[OrgOf(mem)] = true
		}
	}
	if subs {
		for mem := range at.Represented {
			if nx.MemberVotes(mem, d) {
				votingPresent++
				orgsPresent[OrgOf(mem)] = true
			}
		}
	}
	for _, o := range q.EachOrganisationOf {
		name := nx.OrgName(o.ID)
		if orgsPresent[o.ID] {
			res.Met = append(res.Met, name+" was represented")
		} else if subs {
			res.Unmet = append(res.Unmet, "no voting member or substitute from "+name+" was present")
		} else {
			res.Unmet = append(res.Unmet, "no voting member from "+name+" was present (substitutes do not count)")
		}
	}
	if q.Members > 0 {
		if counted >= q.Members {
			res.Met = append(res.Met, strconv.Itoa(counted)+" present, at least "+strconv.Itoa(q.Members)+" needed")
		} else {
			res.Unmet = append(res.Unmet, strconv.Itoa(counted)+" present, at least "+strconv.Itoa(q.Members)+" needed")
		}
	}
	if q.Fraction.Set() {
		total := len(nx.VotingMembers(d))
		need := q.Fraction.Of(total)
		msg := fmt.Sprintf("%d of %d voting members present, %s (%d) needed", votingPresent, total, q.Fraction, need)
		if votingPresent >= need {
			res.Met = append(res.Met, msg)
		} else {
			res.Unmet = append(res.Unmet, msg)
		}
	}
	res.Quorate = len(res.Unmet) == 0
	return res
}
