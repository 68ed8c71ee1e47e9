package rules

import "github.com/govctl/govctl/pkg/model"

// Used by families not yet converted; delete when unused.

// ruleNamed returns the rule with id from the table, for checks that report
// several related rules in one pass.
func ruleNamed(p *Pass, id string) *Rule {
	return p.rules[ID(id)]
}

// reportAs records a finding of rule r.
func (p *Pass) reportAs(r *Rule, pos model.Pos, format string, args ...any) {
	saved := p.rule
	p.rule = r
	p.Reportf(pos, format, args...)
	p.rule = saved
}
