package rules

import "github.com/govctl/govctl/pkg/diag"

// UnknownNetwork is a parent that names no network of the repository.
const UnknownNetwork ID = "unknown-network"

var unknownNetwork = &Rule{
	ID:       UnknownNetwork,
	Title:    "a parent that does not exist",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A network's parent is the id of another network in the repository.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			if par := nx.N.Parent; par != nil {
				if _, ok := p.Repo.Networks[par.ID]; !ok {
					p.Reportf(par.Pos, "parent %q is not a network of this repository%s", par.ID, p.didYouMean(par.ID, "networks", func() []string { return keys(p.Repo.Networks) }))
				}
			}
		}
	},
}
