package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// ReferralUnknown is a refer_to or responds_to that names nothing, or a
// referral that contradicts itself.
const ReferralUnknown ID = "referral-unknown"

var referralUnknown = &Rule{
	ID:       ReferralUnknown,
	Title:    "refer_to a body that does not exist, or responds_to a decision that does not",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A decision travels from one body to another in two steps. The body that
refers it records the decision with outcome: referred and refer_to: the id
of the network it goes to. The receiving body records its answer, at one of
its own meetings, as a decision whose responds_to names the referral:
NETWORK/DECISION-ID, the referring network's id, a slash, and the id of its
decision (sts-omg/D-2026-11-17-1).

Reported on the decision that says it: a refer_to that names no network
of the repository, or the decision's own body (to take a matter again
itself, a body defers it); a refer_to on a decision whose outcome is not
referred (a body that agrees to recommend something to another refers it:
outcome: referred); a responds_to that is not NETWORK/DECISION-ID, or that
names no network of the repository, the answering body itself, or a
decision the network does not have; a responds_to naming a decision that
was not referred (its outcome is not referred, or its meeting was not
held), that was referred to another body, or that names no body to refer
it to (add refer_to to it); and a responds_to naming a referral made after
the answer's own meeting.

A decision with outcome: referred and no refer_to is not reported: it goes
somewhere outside the repository (a council, the dispute resolution of the
terms), and it waits on no body's agenda. Whether a referral has been
answered is referral-pending's.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				for i := range mt.Decisions {
					d := &mt.Decisions[i]
					if d.ReferTo != nil {
						referTo(p, nx, d)
					}
					if d.RespondsTo != nil {
						respondsTo(p, nx, mt, d)
					}
				}
			}
		}
	},
}

// referTo judges decision d's refer_to.
func referTo(p *Pass, nx *terms.Net, d *model.Decision) {
	to := d.ReferTo
	switch _, known := p.Repo.Networks[to.ID]; {
	case !known:
		p.Reportf(to.Pos, "decision %s: refer_to %q is not a network of this repository%s", d.ID, to.ID, p.didYouMean(to.ID, "networks", func() []string { return keys(p.Repo.Networks) }))
	case to.ID == nx.N.ID:
		p.Reportf(to.Pos, "decision %s: refer_to %q is this body itself: a decision is referred to another body (to take it again later, record it as deferred)", d.ID, to.ID)
	case d.Outcome != "" && d.Outcome != "referred" && isOutcome(d.Outcome):
		p.Reportf(to.Pos, "decision %s names a body to refer it to (refer_to: %s), but its outcome is %s: a decision goes to another body with outcome: referred", d.ID, to.ID, d.Outcome)
	}
}

func isOutcome(s string) bool {
	return s == "agreed" || s == "not-agreed" || s == "deferred" || s == "referred"
}

// respondsTo judges decision d's responds_to, of meeting mt.
func respondsTo(p *Pass, nx *terms.Net, mt *model.Meeting, d *model.Decision) {
	ref := d.RespondsTo
	net, id, ok := layout.DecisionRef(ref.ID)
	if !ok {
		p.Reportf(ref.Pos, "decision %s: responds_to %q is not NETWORK/DECISION-ID: the referring network's id, a slash, and the id of its decision (sts-omg/D-2026-11-17-1)", d.ID, ref.ID)
		return
	}
	n, om, od := p.Repo.FindDecision(net, id)
	switch {
	case n == nil:
		p.Reportf(ref.Pos, "decision %s: responds_to %q names %q, which is not a network of this repository%s", d.ID, ref.ID, net, p.didYouMean(net, "networks", func() []string { return keys(p.Repo.Networks) }))
		return
	case net == nx.N.ID:
		p.Reportf(ref.Pos, "decision %s: responds_to %q names a decision of this body: an answer responds to a referral from another body", d.ID, ref.ID)
		return
	case od == nil:
		p.Reportf(ref.Pos, "decision %s: responds_to %q: %s has no decision %s%s", d.ID, ref.ID, net, id, p.nearest(id, decisionIDs(n)))
		return
	}
	switch {
	case od.Outcome != "referred":
		p.Reportf(ref.Pos, "decision %s: responds_to %q, which was not referred (its outcome is %s): an answer responds to a decision with outcome: referred", d.ID, ref.ID, outcomeWords(od.Outcome))
	case om.Status != "held":
		p.Reportf(ref.Pos, "decision %s: responds_to %q, which is on the record of a meeting %s, not held: a referral is made at a meeting held", d.ID, ref.ID, om.Status)
	case od.ReferTo == nil:
		p.Reportf(ref.Pos, "decision %s: responds_to %q, which names no body to refer it to: add refer_to: %s to it", d.ID, ref.ID, nx.N.ID)
	case od.ReferTo.ID != nx.N.ID:
		if _, known := p.Repo.Networks[od.ReferTo.ID]; known {
			p.Reportf(ref.Pos, "decision %s: responds_to %q, which was referred to %s, not to this body", d.ID, ref.ID, od.ReferTo.ID)
		}
	case mt.Date.Before(om.Date.Date):
		p.Reportf(ref.Pos, "decision %s, of %s, responds_to %q, which was referred later, on %s: an answer comes after the referral", d.ID, mt.Date.String(), ref.ID, om.Date.String())
	}
}

// outcomeWords is an outcome as a message names it.
func outcomeWords(s string) string {
	if s == "" {
		return "not given"
	}
	return s
}

// decisionIDs lists the ids of network n's decisions, for hints.
func decisionIDs(n *model.Network) []string {
	var out []string
	for _, m := range n.MeetingList {
		for _, d := range m.Decisions {
			out = append(out, d.ID)
		}
	}
	return out
}
