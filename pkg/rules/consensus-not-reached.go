package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// ConsensusNotReached is a decision recorded as agreed under consensus with
// votes against.
const ConsensusNotReached ID = "consensus-not-reached"

var consensusNotReached = &Rule{
	ID:       ConsensusNotReached,
	Title:    "an agreed decision under consensus with votes against, not referred",
	Severity: diag.Error,
	Doc: `
Under voting.method consensus a decision with any vote against is not agreed:
record it as not-agreed, or referred (as on_deadlock provides).
`,
	Check: func(p *Pass) {
		p.eachDecision(func(nx *terms.Net, mt *model.Meeting, dec *model.Decision) {
			if dec.Outcome != "agreed" || nx.Method() != "consensus" || dec.Votes == nil || len(dec.Votes.Against) == 0 {
				return // only these need counting
			}
			if t := nx.Count(mt, dec); consensusBroken(dec, t) {
				p.Reportf(dec.KeyPos("outcome"), "decision %s is recorded as agreed under consensus with %s; record it as not-agreed or referred", dec.ID, words.Plural(t.Against, "vote")+" against")
			}
		})
	},
}
