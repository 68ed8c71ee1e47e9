package remind_test

import (
	"os/exec"
	"strings"
	"testing"
)

// TestPure keeps remind a pure layer over the domain: it works from the
// indexed repository it is given, and never opens one, asks a rule or
// touches a file.
func TestPure(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Skipf("go list: %v", err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		for _, banned := range []string{"/pkg/rules", "/pkg/load", "/pkg/check", "/pkg/workspace", "/pkg/safefile", "/pkg/cmdutil"} {
			if strings.HasSuffix(pkg, banned) || strings.Contains(pkg, banned+"/") {
				t.Errorf("remind depends on %s", pkg)
			}
		}
	}
}
