package rules

import (
	"fmt"
	"testing"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// TestReportKeepsWhatCapLists reports many findings in one file in no
// order: the pass keeps a bounded number, formatted, and what diag.Cap then
// lists is what it lists of every finding: the first by position, the
// last of them counting all the others.
func TestReportKeepsWhatCapLists(t *testing.T) {
	const n = 5000
	var all, kept []diag.Diagnostic
	rule := &Rule{ID: "test-rule", Severity: diag.Error}
	p := &Pass{rule: rule, out: &kept}
	other := model.Pos{File: "b.yaml", Line: 1, Col: 1}
	for i := range n {
		line := int32((i*7919)%n + 1) // every line once, in no order
		pos := model.Pos{File: "a.yaml", Line: line, Col: 1}
		p.Reportf(pos, "finding at %d", line)
		all = append(all, diag.Diagnostic{Pos: pos, Severity: diag.Error, Rule: "test-rule", Message: fmt.Sprintf("finding at %d", line)})
	}
	p.Reportf(other, "elsewhere")
	all = append(all, diag.Diagnostic{Pos: other, Severity: diag.Error, Rule: "test-rule", Message: "elsewhere"})
	p.finish()
	if len(kept) > keptPerFile+1 {
		t.Errorf("the pass kept %d findings, want at most %d", len(kept), keptPerFile+1)
	}
	got := diag.Cap(diag.Sort(kept), diag.PerFile)
	want := diag.Cap(diag.Sort(all), diag.PerFile)
	if len(got) != len(want) {
		t.Fatalf("listed %d findings, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("finding %d: got %+v, want %+v", i, got[i], want[i])
		}
	}
	if e, _ := diag.Count(got); e != n+1 {
		t.Errorf("counted %d errors, want %d", e, n+1)
	}
}
