package rules

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/suggest"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Pass is what a Check sees: the repository, indexed, the as-of date and the
// calendar, and a way to report.
type Pass struct {
	Repo *terms.Repo
	Nets []*terms.Net
	AsOf model.Date
	Cal  *calendar.Calendar

	rule *Rule
	out  *[]diag.Diagnostic
	// Per file, the findings of the rule kept (indexes in *out) and how
	// many were left out: a file of a million mistakes costs the first few
	// findings formatted and a count, not a million messages (see report).
	files map[string]*fileFindings

	// Names for "did you mean" hints, and how many have been compared.
	hintKeys  map[string][]string
	hintsUsed int
}

// Reportf records a finding of the current rule at pos.
func (p *Pass) Reportf(pos model.Pos, format string, args ...any) {
	p.report(pos, p.rule.Severity, format, args)
}

// Warnf records a finding of the current rule at pos as a warning, for
// the advice of a rule whose findings are otherwise errors (private-file:
// a file to encrypt again). govctl.yaml's severity for the rule, when it
// sets one, applies to it too.
func (p *Pass) Warnf(pos model.Pos, format string, args ...any) {
	p.report(pos, diag.Warning, format, args)
}

// keptPerFile is how many findings of a rule in a file a pass keeps: twice
// what diag.Cap lists, so that the findings Cap lists are among them when
// diag.Sort drops repeats.
const keptPerFile = 2 * diag.PerFile

// fileFindings are a rule's findings kept in one file, and the count of
// those left out.
type fileFindings struct {
	kept []int // indexes in *Pass.out
	left int
}

// report records a finding. Past keptPerFile findings of the rule in a
// file, only the first ones by position are kept (the ones diag.Cap
// lists), formatted; the others are counted, and finish adds the count to
// the last kept, as Cap's "and N more".
func (p *Pass) report(pos model.Pos, sev diag.Severity, format string, args []any) {
	if p.files == nil {
		p.files = map[string]*fileFindings{}
	}
	ff := p.files[pos.File]
	if ff == nil {
		ff = &fileFindings{}
		p.files[pos.File] = ff
	}
	d := func() diag.Diagnostic {
		return diag.Diagnostic{Pos: pos, Severity: sev, Rule: string(p.rule.ID), Message: fmt.Sprintf(format, args...)}
	}
	if len(ff.kept) < keptPerFile {
		ff.kept = append(ff.kept, len(*p.out))
		*p.out = append(*p.out, d())
		return
	}
	ff.left++
	last := ff.lastKept(*p.out)
	if before(pos, (*p.out)[last].Pos) {
		(*p.out)[last] = d() // the one it replaces is counted instead
	}
}

// lastKept is the index in out of the kept finding that sorts last.
func (ff *fileFindings) lastKept(out []diag.Diagnostic) int {
	last := ff.kept[0]
	for _, i := range ff.kept[1:] {
		if before(out[last].Pos, out[i].Pos) {
			last = i
		}
	}
	return last
}

// before reports whether a comes before b in a file (diag.Sort's order).
func before(a, b model.Pos) bool {
	return a.Line < b.Line || a.Line == b.Line && a.Col < b.Col
}

// finish adds the count of the findings left out in each file to the last
// kept there.
func (p *Pass) finish() {
	for _, ff := range p.files {
		if ff.left > 0 {
			(*p.out)[ff.lastKept(*p.out)].More += ff.left
		}
	}
	p.files = nil
}

// Run applies every rule with a Check to the indexed repository.
func Run(rx *terms.Repo, cal *calendar.Calendar, asOf model.Date) []diag.Diagnostic {
	return RunOnly(rx, cal, asOf, nil)
}

// RunOnly applies the rules with a Check for which keep is true (every one
// when keep is nil): their findings are those Run gives of them, since no
// rule reports another's id.
func RunOnly(rx *terms.Repo, cal *calendar.Calendar, asOf model.Date, keep func(*Rule) bool) []diag.Diagnostic {
	all := All()
	p := &Pass{Repo: rx, Nets: rx.Nets(), AsOf: asOf, Cal: cal}
	// Checks run in parallel, each with its own copy of the pass and its own
	// findings; they only read the repository. The result is in rule order.
	var checks []*Rule
	for _, r := range all {
		if r.Check != nil && (keep == nil || keep(r)) {
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
				q.rule, q.out, q.files = checks[i], &found[i], nil
				checks[i].Check(&q)
				q.finish()
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
	return append(out, checkVersions(p, keep)...)
}

// versionRules are the rules that judge a network.yaml on its own (its
// names and references), which every earlier version of the terms, kept
// under terms/, is checked by too. Rules that judge membership or meetings
// against the terms use, for each meeting, the version in force on its day
// (terms.Net.TermsOn), and so need no second run.
var versionRules = []ID{DuplicateID, UnknownNetwork, UnknownOrganisation}

// checkVersions runs the versionRules over each earlier version of each
// network's terms, as a network of its own with no members, meetings or work
// programme, keeping the findings in the version's file.
func checkVersions(p *Pass, keep func(*Rule) bool) []diag.Diagnostic {
	var ids []ID
	for _, id := range versionRules {
		if keep == nil || keep(byID()[id]) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil
	}
	var out []diag.Diagnostic
	for _, nx := range p.Nets {
		for _, v := range nx.N.Versions {
			bare := *v
			bare.Members, bare.MeetingList, bare.WorkProgramme, bare.Versions = nil, nil, nil, nil
			q := *p
			q.Nets = []*terms.Net{p.Repo.Network(&bare)}
			for _, id := range ids {
				var found []diag.Diagnostic
				q.rule, q.out, q.hintKeys, q.hintsUsed, q.files = byID()[id], &found, nil, 0, nil
				q.rule.Check(&q)
				q.finish()
				for _, d := range found {
					if d.Pos.File == v.At.File {
						out = append(out, d)
					}
				}
			}
		}
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
			extra = append(extra, diag.Diagnostic{Pos: rs.At, Severity: UnknownField.Severity(), Rule: string(UnknownField), Message: msg + "; `govctl rules` lists them"})
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

// didYouMeanOrList suggests the nearest of the known names, or when none is
// near lists them all (there are few offices and seats; past
// maxListed only their number is given).
func (p *Pass) didYouMeanOrList(s, label string, knownFn func() []string, what, none string, quote bool) string {
	if hint := p.didYouMean(s, label, knownFn); hint != "" {
		return hint
	}
	known := p.known(label, knownFn)
	if len(known) == 0 {
		return "; it has no " + none
	}
	if len(known) > maxListed {
		return fmt.Sprintf("; it has %d %s", len(known), what)
	}
	names := known
	if quote {
		names = make([]string, len(known))
		for i, k := range known {
			names[i] = fmt.Sprintf("%q", k)
		}
	}
	if len(names) == 1 {
		return fmt.Sprintf("; its only %s is %s", strings.TrimSuffix(what, "s"), names[0])
	}
	return fmt.Sprintf("; its %s are %s", what, words.List(names))
}

// maxListed is the most names a message lists.
const maxListed = 20

// hintBudget bounds the names compared in one run to suggest what an
// unknown id probably meant. Each suggestion compares the id with every
// known one, so a meeting naming 100,000 unknown members of a network of
// 30,000 would otherwise take billions of comparisons (hours, and each
// comparison allocates); past the budget, findings come without a
// suggestion.
const hintBudget = 100_000

// known returns the sorted names labelled label, worked out once a run.
func (p *Pass) known(label string, knownFn func() []string) []string {
	if k, ok := p.hintKeys[label]; ok {
		return k
	}
	if p.hintKeys == nil {
		p.hintKeys = map[string][]string{}
	}
	k := knownFn()
	p.hintKeys[label] = k
	return k
}

// didYouMean suggests the nearest of the names labelled label, within the
// run's budget.
func (p *Pass) didYouMean(s, label string, knownFn func() []string) string {
	return p.nearest(s, p.known(label, knownFn))
}

// nearest suggests the nearest of known, within the run's budget: a file of
// thousands of misspellings costs no more than a few hundred suggestions.
func (p *Pass) nearest(s string, known []string) string {
	if p.hintsUsed+len(known) > hintBudget {
		return ""
	}
	p.hintsUsed += len(known)
	return didYouMean(s, known)
}

func keys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}

// didYouMean suggests the nearest known id, if any is near.
func didYouMean(s string, known []string) string {
	if best := suggest.Nearest(s, known); best != "" {
		return fmt.Sprintf(" (did you mean %q?)", best)
	}
	return ""
}
