package terms

import (
	"strconv"

	"github.com/govctl/govctl/pkg/model"
)

// Tally is a recorded vote counted under the terms.
type Tally struct {
	// Recorded is false when the decision has no votes.
	Recorded bool
	For      int
	Against  int
	Abstain  int
	// Base is what the method measures For against (votes cast, voters
	// present or the whole voting membership).
	Base   int
	Method string
	// Carried is the outcome the terms give, before any casting vote.
	Carried bool
	// Tie is true when the votes for and against are equal (and some were cast).
	Tie bool
	// Rule explains the test applied, in words.
	Rule string
	// Duplicates lists voters counted more than once.
	Duplicates []model.Ref
	// Silent is true when the terms say nothing about voting (no voting:,
	// and no casting vote for the chair, which implies a count): the votes
	// recorded are given as they are (For, Against and Abstain count the
	// names), with no method, base or weights to carry a decision by, and
	// so no Carried, Tie or Rule: the outcome is the one recorded.
	Silent bool
	// Withdrawn lists the votes cast by those who had withdrawn for the
	// decision's item (see Net.Withdrew), which weigh nothing.
	Withdrawn []model.Ref
}

// Count counts decision dec of meeting m under the network's voting terms.
// Abstentions are never votes cast; two-thirds is inclusive; a majority is
// strictly more than half. The members who withdrew for the decision's item
// are not counted: a vote they cast weighs nothing, and they are not among
// the voters present.
func (nx *Net) Count(m *model.Meeting, dec *model.Decision) Tally {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Count(m, dec)
	}
	t := Tally{Method: nx.Method()}
	if dec.Votes == nil || len(dec.Votes.For)+len(dec.Votes.Against)+len(dec.Votes.Abstain) == 0 {
		return t
	}
	t.Recorded = true
	if nx.N.Voting == nil && !nx.CastingVote() {
		t.Silent, t.Method = true, ""
		t.For, t.Against, t.Abstain = len(dec.Votes.For), len(dec.Votes.Against), len(dec.Votes.Abstain)
		return t
	}
	gone := nx.Withdrew(m, dec.Item)
	seen := map[string]bool{}
	weigh := func(refs []model.Ref) int {
		sum := 0
		for _, r := range refs {
			if seen[r.ID] {
				t.Duplicates = append(t.Duplicates, r)
				continue
			}
			seen[r.ID] = true
			if nx.withdrawnVote(m, r.ID, gone) {
				t.Withdrawn = append(t.Withdrawn, r)
				continue
			}
			sum += nx.weight(m, r.ID)
		}
		return sum
	}
	t.For = weigh(dec.Votes.For)
	t.Against = weigh(dec.Votes.Against)
	t.Abstain = weigh(dec.Votes.Abstain)
	cast := t.For + t.Against
	switch nx.Base() {
	case "present":
		t.Base = nx.presentWeight(m, nx.AttendanceFor(m, dec.Item))
	case "membership":
		t.Base = nx.membershipWeight(m.Date)
	default:
		t.Base = cast
	}
	// Everyone who voted or abstained took part: where the attendance (or
	// the membership) records fewer voters, the base is those who voted, so
	// that a missing attendance list cannot carry a decision on a base of 0.
	if voted := cast + t.Abstain; nx.Base() != "cast" && t.Base < voted {
		t.Base = voted
	}
	t.Tie = cast > 0 && t.For == t.Against
	switch t.Method {
	case "consensus":
		t.Carried = t.For > 0 && t.Against == 0
		t.Rule = "consensus: no votes against"
	case "unanimous":
		if nx.Base() == "cast" {
			t.Carried = t.For > 0 && t.Against == 0
		} else {
			t.Carried = t.For > 0 && t.For >= t.Base
		}
		t.Rule = "unanimous: all " + strconv.Itoa(t.Base) + " of the " + nx.baseWords() + " in favour"
	case "two-thirds":
		t.Carried = t.For > 0 && 3*t.For >= 2*t.Base
		t.Rule = "two-thirds: at least two-thirds of " + strconv.Itoa(t.Base) + " " + nx.baseWords()
	default:
		t.Carried = 2*t.For > t.Base
		t.Rule = "majority: more than half of " + strconv.Itoa(t.Base) + " " + nx.baseWords()
	}
	return t
}

func (nx *Net) baseWords() string {
	switch nx.Base() {
	case "present":
		return "voters present"
	case "membership":
		return "voting members"
	}
	return "votes cast"
}

// weight is the votes a voter holds at meeting m: an organisation's votes
// under the seats, or one for a member entitled to vote (or a substitute
// standing in for one). A voter who holds no vote weighs nothing:
// vote-not-entitled reports the vote, and it must not change the outcome.
func (nx *Net) weight(m *model.Meeting, id string) int {
	if nx.Basis() == "member" {
		if nx.Entitled(m, id) {
			return 1
		}
		return 0
	}
	return nx.OrgVotes(id)
}

// presentWeight is the votes held by attendees at of meeting m (members
// present, or their substitutes and the stand-ins who count as substitutes).
func (nx *Net) presentWeight(m *model.Meeting, at Attendees) int {
	orgs := map[string]bool{}
	n := 0
	add := func(mem *model.Member) {
		if !nx.MemberVotes(mem, m.Date) {
			return
		}
		if nx.Basis() == "member" {
			n++
			return
		}
		orgs[OrgOf(mem)] = true
	}
	for _, mem := range at.Present {
		add(mem)
	}
	for mem := range at.Represented {
		add(mem)
	}
	if nx.Basis() == "member" {
		return n
	}
	for o := range orgs {
		n += nx.OrgVotes(o)
	}
	return n
}

// membershipWeight is the votes held by the whole membership on day d.
func (nx *Net) membershipWeight(d model.Date) int {
	voters := nx.VotingMembers(d)
	if nx.Basis() == "member" {
		return len(voters)
	}
	orgs := map[string]bool{}
	n := 0
	for _, mem := range voters {
		if o := OrgOf(mem); !orgs[o] {
			orgs[o] = true
			n += nx.OrgVotes(o)
		}
	}
	return n
}

// Entitled reports whether voter id may vote at meeting m: an organisation
// admitted by a voting seat, or a member who holds a vote that day (or a
// substitute standing in for one).
func (nx *Net) Entitled(m *model.Meeting, id string) bool {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Entitled(m, id)
	}
	if nx.Basis() != "member" {
		return nx.OrgVotes(id) > 0
	}
	if mem, ok := nx.Members[id]; ok && nx.MemberVotes(mem, m.Date) {
		return true
	}
	if m.Attendance != nil {
		for _, s := range m.Attendance.Substitutes {
			if s.Substitute.ID == id {
				if mem, ok := nx.Members[s.For.ID]; ok && nx.MemberVotes(mem, m.Date) {
					return true
				}
			}
		}
	}
	return false
}
