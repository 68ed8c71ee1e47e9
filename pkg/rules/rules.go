// Package rules holds every check govctl makes of a repository: each rule has
// an id, a one-line title, a default severity, a doc with a failing and a
// passing example, and (unless the loader reports it) a Check function.
//
// Checks are pure functions of the loaded repository, the business-day
// calendar and an as-of date: they never read files or the clock. `govctl
// rules` and `govctl rules explain` print the docs from the same table.
package rules

import (
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/suggest"
	"github.com/govctl/govctl/pkg/terms"
)

// Rule is one check.
type Rule struct {
	ID       string
	Title    string
	Severity diag.Severity
	// Doc explains the rule in a few sentences of plain text.
	Doc string
	// Bad is a fragment of the repository that breaks the rule, Good one
	// that keeps it. Each starts with a "# file" comment line.
	Bad, Good string
	// Check reports findings; nil for rules the loader reports.
	Check func(p *Pass)
}

// All returns every rule, in the order of the format reference.
func All() []*Rule {
	var all []*Rule
	for _, group := range [][]*Rule{loaderRules(), referenceRules(), membershipRules(), meetingRules(), scheduleRules(), actionRules()} {
		all = append(all, group...)
	}
	return all
}

// Lookup finds a rule by id.
func Lookup(id string) (*Rule, bool) {
	for _, r := range All() {
		if r.ID == id {
			return r, true
		}
	}
	return nil, false
}

// IDs lists every rule id.
func IDs() []string {
	var ids []string
	for _, r := range All() {
		ids = append(ids, r.ID)
	}
	return ids
}

// Pass is what a Check sees: the repository, indexed, the as-of date and the
// calendar, and a way to report.
type Pass struct {
	Repo *terms.Repo
	Nets []*terms.Net
	AsOf model.Date
	Cal  *calendar.Calendar

	rule  *Rule
	rules map[string]*Rule
	out   *[]diag.Diagnostic

	// Names for "did you mean" hints, and how many have been compared.
	hintKeys  map[string][]string
	hintsUsed int
}

// Reportf records a finding of the current rule at pos.
func (p *Pass) Reportf(pos model.Pos, format string, args ...any) {
	*p.out = append(*p.out, diag.Diagnostic{Pos: pos, Severity: p.rule.Severity, Rule: p.rule.ID, Message: fmt.Sprintf(format, args...)})
}

// Run applies every rule with a Check to the repository.
func Run(repo *model.Repo, cal *calendar.Calendar, asOf model.Date) []diag.Diagnostic {
	rx := terms.NewRepo(repo)
	all := All()
	p := &Pass{Repo: rx, AsOf: asOf, Cal: cal, rules: map[string]*Rule{}}
	for _, r := range all {
		p.rules[r.ID] = r
	}
	for _, n := range repo.Networks {
		p.Nets = append(p.Nets, rx.Network(n))
	}
	// Checks run in parallel, each with its own copy of the pass and its own
	// findings; they only read the repository. The result is in rule order.
	var checks []*Rule
	for _, r := range all {
		if r.Check != nil {
			checks = append(checks, r)
		}
	}
	found := make([][]diag.Diagnostic, len(checks))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(checks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				q := *p
				q.rule, q.out = checks[i], &found[i]
				checks[i].Check(&q)
			}
		}()
	}
	for i := range checks {
		work <- i
	}
	close(work)
	wg.Wait()
	var out []diag.Diagnostic
	for _, f := range found {
		out = append(out, f...)
	}
	return out
}

// Configure applies govctl.yaml's per-rule severities to findings: a rule
// set to off is dropped, others take the severity given. A setting that names
// no rule is itself a finding.
func Configure(s model.Settings, ds []diag.Diagnostic) []diag.Diagnostic {
	sev := map[string]diag.Severity{}
	ids := IDs()
	var extra []diag.Diagnostic
	for _, rs := range s.Rules {
		if !slices.Contains(ids, rs.Rule) {
			msg := fmt.Sprintf("rules: %q is not a rule id", rs.Rule)
			if best := suggest.Nearest(rs.Rule, ids); best != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", best)
			}
			extra = append(extra, diag.Diagnostic{Pos: rs.At, Severity: diag.Error, Rule: "unknown-field", Message: msg + "; `govctl rules` lists them"})
			continue
		}
		if rs.Severity != "" {
			sev[rs.Rule] = diag.Severity(rs.Severity)
		}
	}
	if len(sev) == 0 && len(extra) == 0 {
		return ds // nothing to change: no copy of what may be many findings
	}
	out := make([]diag.Diagnostic, 0, len(ds)+len(extra))
	for _, d := range ds {
		if s, ok := sev[d.Rule]; ok {
			if s == diag.Off {
				continue
			}
			d.Severity = s
		}
		out = append(out, d)
	}
	return append(out, extra...)
}
