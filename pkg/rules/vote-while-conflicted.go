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

A member whose declaration says withdrew: true left the room for the item:
they are not counted for the quorum or the votes of its decisions, and a
vote recorded from them is reported here and weighs nothing in the count
(vote-count does not judge the tally again).
`,
	Check: func(p *Pass) {
		p.eachDecision(func(nx *terms.Net, mt *model.Meeting, dec *model.Decision) {
			if dec.Votes == nil || dec.Item == "" {
				return
			}
			reported := map[model.Pos]bool{} // a vote is reported once, for the first declaration
			for _, decl := range mt.Declarations {
				if !model.NormEqual(decl.Item, dec.Item) {
					continue
				}
				if mem, ok := nx.Members[decl.Member.ID]; ok {
					checkConflictedVotes(p, nx, mt, dec, mem, decl.Withdrew, reported)
				}
			}
		})
	},
}

// checkConflictedVotes reports the votes for and against decision dec cast
// by mem, who declared an interest in its item (and withdrew for it, where
// withdrew).
func checkConflictedVotes(p *Pass, nx *terms.Net, mt *model.Meeting, dec *model.Decision, mem *model.Member, withdrew bool, reported map[model.Pos]bool) {
	after, who := "after declaring an interest in it", "who declared an interest in it"
	if withdrew {
		after, who = "after declaring an interest in it and withdrawing", "who declared an interest in it and withdrew"
	}
	for _, r := range append(append([]model.Ref{}, dec.Votes.For...), dec.Votes.Against...) {
		if reported[r.Pos] {
			continue
		}
		if nx.Basis() == "member" {
			if r.ID == mem.ID {
				reported[r.Pos] = true
				p.Reportf(r.Pos, "%s voted on %s %s", mem.ID, itemRef(mt, dec.Item), after)
			}
			continue
		}
		if r.ID == terms.OrgOf(mem) && !otherVoterPresent(nx, mt, dec.Item, mem, r.ID) {
			reported[r.Pos] = true
			p.Reportf(r.Pos, "%s's vote on %s was cast by %s, %s", r.ID, itemRef(mt, dec.Item), mem.ID, who)
		}
	}
}

// otherVoterPresent reports whether organisation org had a voting member at
// meeting mt for item, present or stood in for, other than mem, who
// declared an interest (those who withdrew for the item were not there for
// it): then it is theirs to cast the organisation's vote.
func otherVoterPresent(nx *terms.Net, mt *model.Meeting, item string, mem *model.Member, org string) bool {
	at := nx.AttendanceFor(mt, item)
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
