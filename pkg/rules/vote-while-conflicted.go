package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// VoteWhileConflicted is a vote on an item by a member who declared an
// interest in it.
const VoteWhileConflicted ID = "vote-while-conflicted"

var voteWhileConflicted = &Rule{
	ID:       VoteWhileConflicted,
	Title:    "a vote on an item by a member who declared an interest in it",
	Severity: diag.Error,
	Doc: `
A member who declares an interest in an item may not vote for or against a
decision taken under it (abstaining is right).

Under basis organisation, the organisation's vote is the conflicted member's
when no other voting member of it, or substitute, was present.
`,
	Check: func(p *Pass) {
		p.eachDecision(func(nx *terms.Net, mt *model.Meeting, dec *model.Decision) {
			if dec.Votes == nil || dec.Item == "" {
				return
			}
			for _, decl := range mt.Declarations {
				if !model.NormEqual(decl.Item, dec.Item) {
					continue
				}
				if mem, ok := nx.Members[decl.Member.ID]; ok {
					checkConflictedVotes(p, nx, mt, dec, mem)
				}
			}
		})
	},
}

// checkConflictedVotes reports the votes for and against decision dec cast
// by mem, who declared an interest in its item.
func checkConflictedVotes(p *Pass, nx *terms.Net, mt *model.Meeting, dec *model.Decision, mem *model.Member) {
	for _, r := range append(append([]model.Ref{}, dec.Votes.For...), dec.Votes.Against...) {
		if nx.Basis() == "member" {
			if r.ID == mem.ID {
				p.Reportf(r.Pos, "%s voted on %s after declaring an interest in it", mem.ID, itemRef(mt, dec.Item))
			}
			continue
		}
		if r.ID == terms.OrgOf(mem) && !otherVoterPresent(nx, mt, mem, r.ID) {
			p.Reportf(r.Pos, "%s's vote on %s was cast by %s, who declared an interest in it", r.ID, itemRef(mt, dec.Item), mem.ID)
		}
	}
}

// otherVoterPresent reports whether organisation org had a voting member at
// meeting mt, present or stood in for, other than mem, who declared an
// interest: then it is theirs to cast the organisation's vote.
func otherVoterPresent(nx *terms.Net, mt *model.Meeting, mem *model.Member, org string) bool {
	at := nx.Attendance(mt)
	for _, pm := range at.Present {
		if pm != mem && terms.OrgOf(pm) == org && nx.MemberVotes(pm, mt.Date) {
			return true
		}
	}
	for rep, by := range at.Represented {
		// A substitute who declared the interest is no other voter.
		if rep != mem && by.Substitute != mem.ID && terms.OrgOf(rep) == org && nx.MemberVotes(rep, mt.Date) {
			return true
		}
	}
	return false
}
