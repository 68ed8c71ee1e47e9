package rules

import (
	"strings"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// quorumJudged reports whether meeting mt's quorum can be judged fairly: not
// when its attendance names someone who is not a member (reported as
// unknown-member or attendance-conflict), nor when the quorum names an
// organisation that organisations.yaml lacks (reported as
// unknown-organisation): a typo is reported once, not again as the inquorate
// meeting it seems to cause.
func (p *Pass) quorumJudged(nx *terms.Net, mt *model.Meeting) bool {
	if q := nx.N.Quorum; q != nil {
		for _, o := range q.EachOrganisationOf {
			if _, ok := p.Repo.Orgs[o.ID]; !ok {
				return false
			}
		}
	}
	a := mt.Attendance
	if a == nil {
		return true
	}
	for _, r := range a.Present {
		if _, ok := nx.Members[r.ID]; !ok {
			return false
		}
	}
	for _, s := range a.Substitutes {
		if _, ok := nx.Members[s.For.ID]; !ok {
			return false
		}
	}
	return true
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

// consensusBroken reports whether decision dec is recorded as agreed under
// consensus though tally t has votes against: consensus-not-reached, not
// vote-count, reports it.
func consensusBroken(dec *model.Decision, t terms.Tally) bool {
	return t.Recorded && dec.Outcome == "agreed" && t.Method == "consensus" && t.Against > 0
}

// tallyWords is a tally in words: "2 votes for, 1 vote against, 0 abstentions".
func tallyWords(t terms.Tally) string {
	return strings.Join([]string{words.Plural(t.For, "vote") + " for", words.Plural(t.Against, "vote") + " against", words.Plural(t.Abstain, "abstention")}, ", ")
}

// eachDecision calls f with every decision of every meeting, in order.
func (p *Pass) eachDecision(f func(nx *terms.Net, mt *model.Meeting, dec *model.Decision)) {
	for _, nx := range p.Nets {
		for _, mt := range nx.N.MeetingList {
			for i := range mt.Decisions {
				f(nx, mt, &mt.Decisions[i])
			}
		}
	}
}
