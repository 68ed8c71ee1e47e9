// Package rules holds every check govctl makes of a repository, one rule a
// file, as staticcheck keeps its checks. From a rule's id, one ls finds all
// of it:
//
//	pkg/rules/seat-vacant.go     its id, title, severity, doc and check
//	pkg/rules/seat-vacant.txtar  its fixture: a small repository, the
//	                             findings it must give written in it, and
//	                             the examples `govctl rules explain` shows
//
// Checks are pure functions of the loaded repository, the business-day
// calendar and an as-of date: they never read files or the clock. Twelve
// rules are reported by the loader (package load) while files are read; their
// files here hold their doc and severity, and the loader reports them by the
// same typed ids.
//
// To add a rule: write <id>.go with its ID constant and Rule, add it to All
// in all.go in the order of the format reference, and write <id>.txtar with
// `# want` comments on the lines it must flag and `# example:` regions for
// the examples users are shown (see examples.go).
package rules

import (
	"strings"
	"sync"

	"github.com/govctl/govctl/pkg/diag"
)

// ID names a rule, as findings, govctl.yaml and `govctl rules` spell it.
type ID string

// Rule is one check.
type Rule struct {
	ID    ID
	Title string
	// Severity is the rule's default; govctl.yaml may change it.
	Severity diag.Severity
	// Doc explains the rule in plain prose: paragraphs separated by a blank
	// line, wrapped anywhere (`govctl rules explain` wraps it again).
	Doc string
	// Check reports findings; nil for the rules the loader reports.
	Check func(p *Pass)
	// Refuses is set for a rule whose error means the records cannot be
	// read as their author meant: a file that does not parse, a name that
	// names nothing, a record that contradicts itself. Commands that write
	// papers or records from a body refuse to go on while one is found in
	// its files. The other rules judge what the records say happened (an
	// inquorate decision, a tally the terms do not carry), which the papers
	// report as such.
	Refuses bool
}

// Lookup finds a rule by id.
func Lookup(id string) (*Rule, bool) {
	r, ok := byID()[ID(id)]
	return r, ok
}

// IDs lists every rule id, in the order of All.
func IDs() []string {
	var ids []string
	for _, r := range All() {
		ids = append(ids, string(r.ID))
	}
	return ids
}

// Severity is the default severity of the rule id names (error for an id
// that names no rule, which only a programming mistake can give).
func (id ID) Severity() diag.Severity {
	if r, ok := byID()[id]; ok {
		return r.Severity
	}
	return diag.Error
}

// byID indexes All once: the rules are constant, so the index is too.
var byID = sync.OnceValue(func() map[ID]*Rule {
	m := map[ID]*Rule{}
	for _, r := range All() {
		m[r.ID] = r
	}
	return m
})

// Paragraphs is the rule's doc as paragraphs, each on one line: the raw
// string's line breaks within a paragraph are folded to spaces. A list
// (lines starting "- ") is one paragraph of its items, one a line.
func (r *Rule) Paragraphs() []string {
	var out []string
	for _, p := range strings.Split(strings.TrimSpace(r.Doc), "\n\n") {
		if strings.HasPrefix(strings.TrimSpace(p), "- ") {
			// A list: each item starts a line, its text folded onto it.
			p = strings.ReplaceAll(p, "\n- ", "\x00- ")
		}
		var lines []string
		for _, item := range strings.Split(p, "\x00") {
			if item = strings.Join(strings.Fields(item), " "); item != "" {
				lines = append(lines, item)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return out
}
