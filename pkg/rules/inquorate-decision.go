package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// InquorateDecision is a held meeting that took decisions without a quorum.
const InquorateDecision ID = "inquorate-decision"

var inquorateDecision = &Rule{
	ID:       InquorateDecision,
	Title:    "a meeting took decisions without a quorum present",
	Severity: diag.Error,
	Doc: `
A held meeting that records decisions must have been quorate, judged on its
attendance and the membership as it stood on its date: every condition of
network.yaml quorum must hold (substitutes count unless substitutes_count:
false).

Where the attendance names someone who is not a member, or a member whose
record names a seat or organisation that does not exist, or the quorum names
an organisation that is not in organisations.yaml, the quorum is not judged:
the misspelt name is reported once, where it is written (as unknown-member,
attendance-conflict, unknown-office or unknown-organisation), not again as the
inquorate meeting it would seem to cause.

The quorum is judged decision by decision: a member whose declaration on the
item a decision is taken under says withdrew: true left the room for it and
is not counted. A quorate meeting whose quorum fails for a decision once
members withdrew is reported at that decision.
`,
	Check: checkInquorateDecision,
}

func checkInquorateDecision(p *Pass) {
	for _, nx := range p.Nets {
		for _, mt := range nx.N.MeetingList {
			nx := nx.TermsOn(mt.Date)
			if mt.Status != "held" || len(mt.Decisions) == 0 {
				continue
			}
			q := nx.Quorum(mt)
			if !p.quorumJudged(nx, mt) {
				continue
			}
			if q.Quorate {
				checkDecisionQuorum(p, nx, mt)
				continue
			}
			why := words.List(q.Unmet)
			if mt.Attendance == nil {
				why = "no attendance is recorded"
			}
			p.Reportf(mt.KeyPos("decisions"), "the meeting of %s took %s without a quorum: %s", mt.Date.String(), words.Plural(len(mt.Decisions), "decision"), why)
		}
	}
}

// checkDecisionQuorum reports the decisions of quorate meeting mt taken
// without a quorum once members withdrew for their item.
func checkDecisionQuorum(p *Pass, nx *terms.Net, mt *model.Meeting) {
	for i := range mt.Decisions {
		dec := &mt.Decisions[i]
		if mt.Attendance == nil || len(nx.Withdrew(mt, dec.Item)) == 0 {
			continue
		}
		q := nx.DecisionQuorum(mt, dec)
		if q.Quorate {
			continue
		}
		var ids []string
		for _, mem := range q.Withdrew {
			ids = append(ids, mem.ID)
		}
		p.Reportf(dec.KeyPos("item"), "decision %s was taken without a quorum once %s withdrew for %s: %s", dec.ID, words.List(ids), itemRef(mt, dec.Item), words.List(q.Unmet))
	}
}
