package rules_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/rules"
)

// The fixtures are the *.txtar files beside the rules, one a rule, named by
// its id: each archive is a small repository. Its expected findings are written in the
// YAML itself, as comments on the offending line:
//
//	parent: sts-jnb   # want "unknown-network: not a network"
//
// Each quoted regexp is matched against "RULE: MESSAGE" of one finding on
// that line. A finding in a file that cannot hold a comment (a missing file)
// is written in the archive's comment as
//
//	want x/network.yaml:1 "missing-file"
//
// The archive comment may also set the date: "as-of: 2026-11-23" (the default).
// Every finding must be wanted and every want found.

var (
	reWant     = regexp.MustCompile(`#\s*want((?:\s+"(?:[^"\\]|\\.)*")+)\s*$`)
	reWantFile = regexp.MustCompile(`^want\s+(\S+):(\d+)((?:\s+"(?:[^"\\]|\\.)*")+)\s*$`)
	reQuoted   = regexp.MustCompile(`"((?:[^"\\]|\\.)*)"`)
	reAsOf     = regexp.MustCompile(`(?m)^as-of:\s*(\S+)\s*$`)
)

type want struct {
	file  string
	line  int
	re    *regexp.Regexp
	found bool
}

func parseWants(t *testing.T, arch *txtar.Archive) []*want {
	t.Helper()
	var wants []*want
	add := func(file string, line int, quoted string) {
		for _, m := range reQuoted.FindAllStringSubmatch(quoted, -1) {
			re, err := regexp.Compile(strings.ReplaceAll(m[1], `\"`, `"`))
			if err != nil {
				t.Fatalf("%s:%d: bad want regexp %q: %v", file, line, m[1], err)
			}
			wants = append(wants, &want{file: file, line: line, re: re})
		}
	}
	for _, f := range arch.Files {
		for i, line := range strings.Split(string(f.Data), "\n") {
			if m := reWant.FindStringSubmatch(line); m != nil {
				add(f.Name, i+1, m[1])
			}
		}
	}
	for _, line := range strings.Split(string(arch.Comment), "\n") {
		if m := reWantFile.FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			var n int
			fmt.Sscan(m[2], &n)
			add(m[1], n, m[3])
		}
	}
	return wants
}

func TestRuleFixtures(t *testing.T) {
	files, err := filepath.Glob("*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures: %v", err)
	}
	triggered := map[rules.ID]bool{}
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".txtar")
		t.Run(name, func(t *testing.T) {
			arch, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			for _, f := range arch.Files {
				p := filepath.Join(dir, filepath.FromSlash(f.Name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			asOf := "2026-11-23"
			if m := reAsOf.FindSubmatch(arch.Comment); m != nil {
				asOf = string(m[1])
			}
			d, err := load.ParseDate(asOf)
			if err != nil {
				t.Fatal(err)
			}
			res, err := check.Run(dir, check.Options{AsOf: d})
			if err != nil {
				t.Fatal(err)
			}
			wants := parseWants(t, arch)
			for _, got := range res.Diagnostics {
				rel, _ := filepath.Rel(dir, filepath.FromSlash(got.Pos.File))
				rel = filepath.ToSlash(rel)
				text := got.Rule + ": " + got.Message
				matched := false
				for _, w := range wants {
					if !w.found && w.file == rel && w.line == int(got.Pos.Line) && w.re.MatchString(text) {
						w.found, matched = true, true
						triggered[rules.ID(got.Rule)] = true
						break
					}
				}
				if !matched {
					t.Errorf("%s:%d:%d: unexpected finding: %s %s", rel, got.Pos.Line, got.Pos.Col, got.Severity, text)
				}
			}
			for _, w := range wants {
				if !w.found {
					t.Errorf("%s:%d: missing finding matching %q", w.file, w.line, w.re)
				}
			}
		})
	}
	t.Run("every rule has a fixture that triggers it", func(t *testing.T) {
		for _, r := range rules.All() {
			id := r.ID
			if !triggered[id] {
				t.Errorf("rule %s: no fixture triggers it", id)
			}
			if !slices.ContainsFunc(files, func(f string) bool { return strings.TrimSuffix(filepath.Base(f), ".txtar") == string(id) }) {
				t.Errorf("rule %s: no pkg/rules/%s.txtar", id, id)
			}
		}
	})
}

// TestRuleDocs checks that every rule has the parts `govctl rules explain`
// prints, and that severities are the contract's.
func TestRuleDocs(t *testing.T) {
	seen := map[rules.ID]bool{}
	for _, r := range rules.All() {
		if seen[r.ID] {
			t.Errorf("rule %s is listed twice", r.ID)
		}
		seen[r.ID] = true
		if r.Check == nil && !r.Refuses {
			t.Errorf("rule %s is reported by the loader: its errors must refuse (Refuses: true)", r.ID)
		}
		if r.Title == "" || len(r.Paragraphs()) == 0 {
			t.Errorf("rule %s lacks a title or doc", r.ID)
		}
		ex, err := r.Examples()
		if err != nil {
			t.Errorf("rule %s: %v", r.ID, err)
			continue
		}
		if len(ex.Fails) == 0 || len(ex.Passes) == 0 {
			t.Errorf("rule %s: its fixture needs an example that fails and one that passes (# example: fails / passes)", r.ID)
		}
		// A failing example may span files (the seat in network.yaml, its
		// members in members.yaml): one of its parts shows the finding.
		if !slices.ContainsFunc(ex.Fails, func(e rules.Example) bool { return slices.Contains(e.Wants, r.ID) }) {
			t.Errorf("rule %s: no failing example has a `# want \"%s: ...\"`: it must show a finding of the rule", r.ID, r.ID)
		}
		for _, e := range ex.Passes {
			if len(e.Wants) > 0 {
				t.Errorf("rule %s: the passing example in %s wants findings %v: it must give none", r.ID, e.File, e.Wants)
			}
		}
		if r.Severity != diag.Error && r.Severity != diag.Warning {
			t.Errorf("rule %s has severity %q", r.ID, r.Severity)
		}
	}
}
