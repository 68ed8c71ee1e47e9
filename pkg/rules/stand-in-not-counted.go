package rules

import (
	"github.com/govctl/govctl/pkg/diag"
)

// StandInNotCounted is a stand-in for a member whose seat does not take one:
// they attend, but count for nothing.
const StandInNotCounted ID = "stand-in-not-counted"

var standInNotCounted = &Rule{
	ID:       StandInNotCounted,
	Title:    "a stand-in for a member whose seat does not take one: they attend but are not counted",
	Severity: diag.Warning,
	Doc: `
A stand-in (attendance.stand_ins: a colleague who is not a member, sent for
one meeting) counts as a substitute, toward the quorum and the votes, only
where the seat of the member they stand in for has substitute: allowed.
Where it is named (only the substitutes members.yaml names), none, or not
given, or where the member holds no seat, the stand-in attends, and the
minutes say so, but is not counted.

Where the colleague is the member's named substitute, add them to
members.yaml and to the member's substitutes, and record them under
substitutes instead. Where the terms of reference allow any colleague to
stand in, say so on the seat: substitute: allowed.

An attendance naming someone unknown, or a member whose seat is misspelt,
is not judged: the typo is reported once, where it is written.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				nx := nx.TermsOn(mt.Date)
				if mt.Attendance == nil || mt.Status == "cancelled" || !p.quorumJudged(nx, mt) {
					continue
				}
				for _, u := range nx.Attendance(mt).Uncounted {
					p.Reportf(u.StandIn.For.Pos, "%q stands in for %s at the meeting of %s but is not counted toward the quorum or the votes: %s", u.StandIn.Name, u.For.Name, mt.Date.String(), u.Why)
				}
			}
		}
	},
}
