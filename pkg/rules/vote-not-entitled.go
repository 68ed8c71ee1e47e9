package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// VoteNotEntitled is a vote cast by an organisation or member that holds none.
const VoteNotEntitled ID = "vote-not-entitled"

var voteNotEntitled = &Rule{
	ID:       VoteNotEntitled,
	Title:    "a vote from an organisation or member that holds none",
	Severity: diag.Error,
	Doc: `
Under voting.basis organisation, only organisations admitted by a seat with
votes may vote; under basis member, only members in such a seat (not marked
votes: false) on the meeting's date, or their substitutes at that meeting.

A voter that is not an organisation or member at all is reported as
unknown-organisation or unknown-member, not here; nor is a vote whose
entitlement a misspelt name hides: a seat of the network naming an
organisation or group that organisations.yaml lacks (basis organisation), or
the voter's member record naming a seat or organisation that does not exist
(basis member). The misspelt name is reported once, where it is written.
`,
	Check: func(p *Pass) {
		p.eachDecision(func(nx *terms.Net, mt *model.Meeting, dec *model.Decision) {
			for _, list := range voters(dec) {
				for _, r := range list {
					if p.knownVoter(nx, r.ID) && !p.entitlementHidden(nx, mt, r.ID) && !nx.Entitled(mt, r.ID) {
						p.Reportf(r.Pos, "%s holds no vote in %s", r.ID, nx.N.ID)
					}
				}
			}
		})
	},
}
