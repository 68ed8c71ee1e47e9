package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// VoteCount is a voter counted twice, or a tally that contradicts the
// recorded outcome or casting vote.
const VoteCount ID = "vote-count"

var voteCount = &Rule{
	ID:       VoteCount,
	Title:    "a voter counted twice, or a tally that contradicts the outcome or method",
	Severity: diag.Error,
	Doc: `
The outcome is recomputed from the terms: method (majority: strictly more than
half; two-thirds: at least two-thirds; unanimous; consensus), base (votes
cast, voters present or the whole voting membership; abstentions never count
as cast), and weights (an organisation's votes under its seat).

A recorded agreed or not-agreed that the tally contradicts, a voter in two
lists, or a casting vote recorded where the votes were not tied, is an error.
An agreed decision under consensus with votes against is reported as
consensus-not-reached instead.

Where the terms say nothing about voting (no voting: in network.yaml), no
count is made: the outcome is the one recorded.

Where a misspelt name hides what a voter's vote weighs (see
vote-not-entitled), the tally is not judged: the typo is reported once, where
it is written. Nor is it where a vote is recorded from a member who withdrew
for the decision's item (declarations: withdrew: true): that vote weighs
nothing, and vote-while-conflicted reports it.
`,
	Check: func(p *Pass) {
		p.eachDecision(func(nx *terms.Net, mt *model.Meeting, dec *model.Decision) {
			checkVoteCount(p, nx, mt, dec, nx.Count(mt, dec))
		})
	},
}

func checkVoteCount(p *Pass, nx *terms.Net, mt *model.Meeting, dec *model.Decision, t terms.Tally) {
	for _, r := range t.Duplicates {
		p.Reportf(r.Pos, "%s is counted more than once in decision %s", r.ID, dec.ID)
	}
	if !t.Recorded || t.Silent || len(t.Withdrawn) > 0 || p.tallyHidden(nx, mt, dec) {
		return // nothing to count by: the terms say nothing about voting
	}
	casting := dec.CastingVote && nx.CastingVote() // one the terms give; casting-vote reports others
	if casting && !t.Tie {
		p.Reportf(dec.KeyPos("casting_vote"), "decision %s records a casting vote, but the votes were not tied (%d for, %d against)", dec.ID, t.For, t.Against)
	}
	switch {
	case consensusBroken(dec, t):
	case dec.Outcome == "agreed" && !t.Carried && !(t.Tie && casting):
		p.Reportf(dec.KeyPos("outcome"), "decision %s is recorded as agreed, but %s does not carry it under %s", dec.ID, tallyWords(t), t.Rule)
	case dec.Outcome == "not-agreed" && t.Carried:
		p.Reportf(dec.KeyPos("outcome"), "decision %s is recorded as not agreed, but %s carries it under %s", dec.ID, tallyWords(t), t.Rule)
	}
}
