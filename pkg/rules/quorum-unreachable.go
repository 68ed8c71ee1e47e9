package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// QuorumUnreachable is a quorum the current membership can never make.
const QuorumUnreachable ID = "quorum-unreachable"

var quorumUnreachable = &Rule{
	ID:       QuorumUnreachable,
	Title:    "the current membership can never make the quorum",
	Severity: diag.Error,
	Doc: `
With the membership on the as-of date, the quorum could not be met even if
everyone came: an organisation in each_organisation_of has no current voting
member, or members asks for more than there are.

An organisation misspelt in each_organisation_of, or a member's misspelt seat
or organisation, is reported as unknown-organisation or unknown-office, and
the gap it leaves is not reported again.
`,
	Check: checkQuorumUnreachable,
}

func checkQuorumUnreachable(p *Pass) {
	for _, nx := range p.Nets {
		q := nx.N.Quorum
		if q == nil {
			continue
		}
		mf := p.misfiledMembers(nx)
		voting := nx.VotingMembers(p.AsOf)
		for _, o := range q.EachOrganisationOf {
			if !p.orgKnown(o.ID) || mf.seatUnknown[o.ID] || len(mf.orgUnknown) > 0 {
				continue
			}
			found := false
			for _, m := range voting {
				if terms.OrgOf(m) == o.ID {
					found = true
					break
				}
			}
			if !found {
				p.Reportf(o.Pos, "the quorum needs a voting member from %s, and %s has none on %s", p.Repo.OrgName(o.ID), nx.N.ID, p.AsOf.String())
			}
		}
		if q.Members > 0 {
			if n := len(nx.CurrentMembers(p.AsOf)); n < q.Members {
				p.Reportf(q.KeyPos("members"), "the quorum needs %d present, and %s has only %s on %s", q.Members, nx.N.ID, words.Plural(n, "member"), p.AsOf.String())
			}
		}
	}
}
