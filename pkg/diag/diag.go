// Package diag holds findings (diagnostics) and writes them in the formats of
// the contract: text, json and GitHub Actions workflow commands.
package diag

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/govctl/govctl/pkg/model"
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
}

func (d Diagnostic) String() string {
	return fmt.Sprintf("%s: %s %s: %s", d.Pos, d.Severity, d.Rule, d.Message)
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
			errors++
		case Warning:
			warnings++
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
