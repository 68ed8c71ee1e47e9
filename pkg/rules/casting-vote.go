package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// CastingVote is a casting vote recorded where no office has one.
const CastingVote ID = "casting-vote"

var castingVote = &Rule{
	ID:       CastingVote,
	Title:    "a casting vote where the terms of reference give none",
	Severity: diag.Error,
	Doc: `
A decision may record casting_vote: true only where an office of network.yaml
has casting_vote: true.
`,
	Check: func(p *Pass) {
		p.eachDecision(func(nx *terms.Net, _ *model.Meeting, dec *model.Decision) {
			if dec.CastingVote && !nx.CastingVote() {
				p.Reportf(dec.KeyPos("casting_vote"), "decision %s records a casting vote, but no office of %s has one", dec.ID, nx.N.ID)
			}
		})
	},
}
