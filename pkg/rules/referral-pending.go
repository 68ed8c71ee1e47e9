package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// ReferralPending is a referral the receiving body has not answered in the
// three months after it was made.
const ReferralPending ID = "referral-pending"

var referralPending = &Rule{
	ID:       ReferralPending,
	Title:    "a referral not answered in the three months after it was made",
	Severity: diag.Warning,
	Doc: `
A referral (a decision of a held meeting with outcome: referred and
refer_to naming another body) is answered by a decision of the receiving
body, at one of its held meetings, whose responds_to names it. Where the as-of
date is more than three months after the meeting that made the referral,
and no meeting of the receiving body held up to the as-of date has
answered it, the referral is pending.

An answer that defers the referral (outcome: deferred) does not settle it:
the body still has it to answer, and it waits on the body's next agendas.
Any other outcome settles it, referring it on to a third body included.
The finding is on the referral, in the referring body's record; the answer
goes in the receiving body's. A refer_to that names no body is
referral-unknown's.
`,
	Check: func(p *Pass) {
		judged := make(map[*model.Network]bool, len(p.Nets))
		for _, nx := range p.Nets {
			judged[nx.N] = true
		}
		for _, r := range p.Repo.Referrals() {
			if !judged[r.From] {
				continue
			}
			due := r.Meeting.Date.AddDate(0, 3, 0)
			if !p.AsOf.After(due) || r.AnsweredBy(p.AsOf.Date) != nil {
				continue
			}
			deferred := ""
			for _, a := range r.Answers {
				if !a.Meeting.Date.After(p.AsOf.Date) {
					deferred = "; it deferred it on " + a.Meeting.Date.String()
				}
			}
			p.Reportf(r.Decision.ReferTo.Pos, "decision %s was referred to %s on %s, and no meeting of %s has answered it in the three months since (to %s)%s: record the answer there with responds_to: %s", r.Decision.ID, r.To.ID, r.Meeting.Date.String(), r.To.ID, due.String(), deferred, r.Key())
		}
	},
}
