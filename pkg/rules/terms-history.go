package rules

import (
	"path"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
)

// TermsHistory is versions of the terms out of order: an effective date not
// after the version it replaces, or one that contradicts its file's name.
const TermsHistory ID = "terms-history"

var termsHistory = &Rule{
	ID:       TermsHistory,
	Title:    "versions of the terms out of order",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Terms of reference are amended without rewriting history: network.yaml says
the day its terms came into force (effective:), and each earlier version is
kept whole as terms/<YYYY-MM-DD>.yaml, in force from the date of its name
until the next version's. A meeting is judged by the version in force on its
day, so the dates must follow one another:

- network.yaml's effective date is after the latest earlier version's;
- an earlier version that gives its own effective: gives the date of its
  file's name;
- a network with earlier versions gives network.yaml an effective date, or
  no meeting could be told which version judges it.

govctl terms amend NETWORK --effective DATE keeps the current version and
stamps the new date, so that none of this is done by hand.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			n := nx.N
			for _, v := range n.Versions {
				if v.Effective.Set() && v.Effective.Date != v.From.Date {
					p.Reportf(v.KeyPos("effective"), "this version's effective date %s differs from its file name %s.yaml: an earlier version is in force from the date of its name; rename the file or correct the date", v.Effective.String(), v.From.String())
				}
			}
			if len(n.Versions) == 0 {
				continue
			}
			last := n.Versions[len(n.Versions)-1]
			lastFile := path.Join(layout.TermsDir, last.From.String()+".yaml")
			switch {
			case !n.Effective.Set():
				p.Reportf(n.At, "network.yaml gives no effective date, but earlier versions of the terms are kept (the latest, %s, from %s): add effective: with the day these terms came into force", lastFile, last.From.String())
			case !n.Effective.After(last.From.Date):
				p.Reportf(n.KeyPos("effective"), "effective %s is not after %s, the earlier version it replaces: the current terms come into force after the version they replace", n.Effective.String(), lastFile)
			}
		}
	},
}
