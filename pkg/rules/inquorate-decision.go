package rules

import (
	"github.com/govctl/govctl/pkg/diag"
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
			if q.Quorate || !p.quorumJudged(nx, mt) {
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
