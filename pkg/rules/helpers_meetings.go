package rules

import (
	"strings"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// quorumJudged reports whether meeting mt's quorum can be judged fairly: not
// when its attendance names someone who is not a member (reported as
// unknown-member or attendance-conflict; a stand-in for one included), or a
// member whose record misspells
// their seat or organisation, nor when the quorum names an organisation that
// organisations.yaml lacks (reported as unknown-organisation): a typo is
// reported once, not again as the inquorate meeting it seems to cause.
func (p *Pass) quorumJudged(nx *terms.Net, mt *model.Meeting) bool {
	if !p.quorumOrgsKnown(nx) {
		return false
	}
	a := mt.Attendance
	if a == nil {
		return true
	}
	for _, r := range a.Present {
		if mem, ok := nx.Members[r.ID]; !ok || p.memberTypo(nx, mem) {
			return false
		}
	}
	for _, s := range a.Substitutes {
		if mem, ok := nx.Members[s.For.ID]; !ok || p.memberTypo(nx, mem) {
			return false
		}
	}
	for _, s := range a.StandIns {
		if mem, ok := nx.Members[s.For.ID]; !ok || p.memberTypo(nx, mem) {
			return false
		}
	}
	return true
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
			nx := nx.TermsOn(mt.Date)
			for i := range mt.Decisions {
				f(nx, mt, &mt.Decisions[i])
			}
		}
	}
}

// entitlementHidden reports whether a misspelt name hides whether voter id
// may vote at meeting mt: under basis organisation, a seat of the network
// naming an organisation or group that organisations.yaml lacks (which
// organisation it meant cannot be told); under basis member, the member's
// record, or that of the member a substitute stands in for, naming a seat or
// organisation that does not exist.
func (p *Pass) entitlementHidden(nx *terms.Net, mt *model.Meeting, id string) bool {
	if nx.Basis() != "member" {
		for _, s := range nx.N.Seats {
			if s.Group != nil {
				if _, ok := p.Repo.Groups[s.Group.ID]; !ok {
					return true
				}
			}
			for _, o := range s.Organisations {
				if _, ok := p.Repo.Orgs[o.ID]; !ok {
					return true
				}
			}
		}
		return false
	}
	if mem, ok := nx.Members[id]; ok && p.memberTypo(nx, mem) {
		return true
	}
	if mt.Attendance != nil {
		for _, s := range mt.Attendance.Substitutes {
			if mem, ok := nx.Members[s.For.ID]; ok && s.Substitute.ID == id && p.memberTypo(nx, mem) {
				return true
			}
		}
	}
	return false
}

// tallyHidden reports whether a misspelt name hides what some voter of
// decision dec weighs (entitlementHidden), so that its tally cannot be judged.
func (p *Pass) tallyHidden(nx *terms.Net, mt *model.Meeting, dec *model.Decision) bool {
	for _, list := range voters(dec) {
		for _, r := range list {
			if p.entitlementHidden(nx, mt, r.ID) {
				return true
			}
		}
	}
	return false
}

// voters are the lists of votes for, against and abstaining recorded on
// decision dec, in that order (not joined: there may be many decisions).
func voters(dec *model.Decision) [3][]model.Ref {
	if dec.Votes == nil {
		return [3][]model.Ref{}
	}
	return [3][]model.Ref{dec.Votes.For, dec.Votes.Against, dec.Votes.Abstain}
}
