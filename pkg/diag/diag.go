// Package diag holds findings (diagnostics) and writes them in the formats of
// the contract: text, json and GitHub Actions workflow commands.
package diag

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// Severity of a finding.
type Severity string

// Severities. Off is used only in settings: a rule set to off reports nothing.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Off     Severity = "off"
)

// Diagnostic is one finding at a place in a file.
type Diagnostic struct {
	Pos      model.Pos
	Severity Severity
	Rule     string
	Message  string
	// More, on the last finding listed for a rule in a file, counts the
	// findings of that rule in that file left out after it (see Cap).
	More int
}

func (d Diagnostic) String() string {
	s := fmt.Sprintf("%s: %s %s: %s", d.Pos, d.Severity, d.Rule, d.Message)
	if d.More > 0 {
		s += "\n" + d.MoreLine()
	}
	return s
}

// MoreLine is the line said of the findings left out after d.
func (d Diagnostic) MoreLine() string {
	return fmt.Sprintf("%s: and %s more %s of rule %s in this file, not listed: fix these and run again",
		d.Pos.File, words.Thousands(d.More), d.Severity+"s", d.Rule)
}

// PerFile is how many findings of one rule in one file are listed; Cap
// counts the rest.
const PerFile = 50

// Cap lists at most n findings of each rule in each file of sorted ds, the
// last one listed counting the rest in More (with those a finding's own
// More already counted), so that a file of a million
// mistakes costs a screen, not a million lines. Count still counts them.
func Cap(ds []Diagnostic, n int) []Diagnostic {
	type key struct{ file, rule string }
	seen := map[key]int{}
	last := map[key]int{} // index in out of the last listed
	out := ds[:0:0]
	more := map[key]int{} // findings left out before Cap (d.More) and by it
	for _, d := range ds {
		k := key{d.Pos.File, d.Rule}
		more[k] += d.More
		d.More = 0
		seen[k]++
		if seen[k] > n {
			more[k]++
			continue
		}
		last[k] = len(out)
		out = append(out, d)
	}
	for k, m := range more {
		if m > 0 {
			out[last[k]].More += m
		}
	}
	return out
}

// Sort orders findings by file, line, column, rule and message, and drops
// exact repeats.
func Sort(ds []Diagnostic) []Diagnostic {
	slices.SortStableFunc(ds, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Rule, b.Rule),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(ds)
}

// Count returns the number of errors and warnings.
func Count(ds []Diagnostic) (errors, warnings int) {
	for _, d := range ds {
		switch d.Severity {
		case Error:
			errors += 1 + d.More
		case Warning:
			warnings += 1 + d.More
		}
	}
	return errors, warnings
}

// Collector gathers findings.
type Collector struct {
	List []Diagnostic
}

// Add records a finding.
func (c *Collector) Add(pos model.Pos, sev Severity, rule, format string, args ...any) {
	c.List = append(c.List, Diagnostic{Pos: pos, Severity: sev, Rule: rule, Message: fmt.Sprintf(format, args...)})
}
