package rules_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"testing"

	"github.com/govctl/govctl/pkg/rules"
)

// TestOneRuleOneFile checks that each rule is found by its id alone:
// <id>.go declares its ID constant and its Rule (with the check, when the
// rule has one), and <id>.txtar is its fixture (TestRuleFixtures).
func TestOneRuleOneFile(t *testing.T) {
	for _, r := range rules.All() {
		file := string(r.ID) + ".go"
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, 0)
		if err != nil {
			t.Errorf("rule %s: %v", r.ID, err)
			continue
		}
		declared := false
		ast.Inspect(f, func(n ast.Node) bool {
			if vs, ok := n.(*ast.ValueSpec); ok {
				for _, v := range vs.Values {
					if lit, ok := v.(*ast.BasicLit); ok && lit.Kind == token.STRING {
						if s, _ := strconv.Unquote(lit.Value); s == string(r.ID) {
							declared = true
						}
					}
				}
			}
			return !declared
		})
		if !declared {
			t.Errorf("rule %s: %s does not declare its id %q", r.ID, file, r.ID)
		}
	}
}
