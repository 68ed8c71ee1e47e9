package render_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestNoRulesBelowRender keeps the layers apart: render lays out pages from
// the model and the domain answers of terms; it never asks a rule, nor reads
// files.
func TestNoRulesBelowRender(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"/pkg/rules", "/pkg/load", "/pkg/check", "/pkg/workspace"} {
			if strings.HasSuffix(pkg, banned) || strings.Contains(pkg, banned+"/") {
				t.Errorf("render depends on %s", pkg)
			}
		}
	}
}
