package terms

import (
	"fmt"

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
}

// Attendees are who counted at a meeting: the present members and the
// substitutes with the members they stood in for.
type Attendees struct {
	Present []*model.Member
	// Represented maps a member stood in for to their substitute's id.
	Represented map[*model.Member]string
}

// Attendance resolves a meeting's attendance against the membership. Ids
// that are not members are left out (rules report them).
func (nx *Net) Attendance(m *model.Meeting) Attendees {
	at := Attendees{Represented: map[*model.Member]string{}}
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
	for _, s := range m.Attendance.Substitutes {
		if s.Substitute.ID == s.For.ID {
			continue // no one stands in for themselves (attendance-conflict)
		}
		if mem, ok := nx.Members[s.For.ID]; ok && mem.CurrentOn(m.Date) && !seen[s.For.ID] {
			if _, dup := at.Represented[mem]; !dup {
				at.Represented[mem] = s.Substitute.ID
			}
		}
	}
	return at
}

// Quorum judges whether meeting m was quorate, on the membership as it stood
// on the meeting's date.
func (nx *Net) Quorum(m *model.Meeting) QuorumResult {
	q := nx.N.Quorum
	if q == nil || (len(q.EachOrganisationOf) == 0 && q.Members == 0 && !q.Fraction.Set()) {
		return QuorumResult{Quorate: true}
	}
	res := QuorumResult{Defined: true}
	at := nx.Attendance(m)
	subs := q.CountSubstitutes()
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
			res.Met = append(res.Met, fmt.Sprintf("%s was represented", name))
		} else if subs {
			res.Unmet = append(res.Unmet, fmt.Sprintf("no voting member or substitute from %s was present", name))
		} else {
			res.Unmet = append(res.Unmet, fmt.Sprintf("no voting member from %s was present (substitutes do not count)", name))
		}
	}
	if q.Members > 0 {
		if counted >= q.Members {
			res.Met = append(res.Met, fmt.Sprintf("%d present, at least %d needed", counted, q.Members))
		} else {
			res.Unmet = append(res.Unmet, fmt.Sprintf("%d present, at least %d needed", counted, q.Members))
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
