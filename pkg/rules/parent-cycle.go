package rules

import (
	"strings"

	"github.com/govctl/govctl/pkg/diag"
)

// ParentCycle is a loop of networks, each reporting to the next.
const ParentCycle ID = "parent-cycle"

var parentCycle = &Rule{
	ID:       ParentCycle,
	Title:    "networks that report to each other in a loop",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Following parents upward must end at a body that reports to no one in the
repository.
`,
	Check: checkParentCycle,
}

func checkParentCycle(p *Pass) {
	for _, nx := range p.Nets {
		seen := map[string]bool{nx.N.ID: true}
		path := []string{nx.N.ID}
		cur := nx.N
		for cur.Parent != nil {
			next, ok := p.Repo.Networks[cur.Parent.ID]
			if !ok {
				break
			}
			path = append(path, next.ID)
			if next.ID == nx.N.ID {
				p.Reportf(nx.N.Parent.Pos, "networks report to each other in a loop: %s", strings.Join(path, " -> "))
				break
			}
			if seen[next.ID] {
				break // a loop further up; reported at its own members
			}
			seen[next.ID] = true
			cur = next
		}
	}
}
