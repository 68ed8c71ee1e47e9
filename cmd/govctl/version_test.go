package main

import (
	"runtime/debug"
	"testing"
)

// TestVersionOf: the stamped version wins; without one, the module version
// Go recorded (go install ...@v1.2.3), and "dev" when Go recorded none.
func TestVersionOf(t *testing.T) {
	info := func(v string) func() (*debug.BuildInfo, bool) {
		return func() (*debug.BuildInfo, bool) {
			return &debug.BuildInfo{Main: debug.Module{Path: "github.com/govctl/govctl", Version: v}}, true
		}
	}
	none := func() (*debug.BuildInfo, bool) { return nil, false }
	for i, c := range []struct {
		stamped string
		info    func() (*debug.BuildInfo, bool)
		want    string
	}{
		{"v1.2.3", info("v9.9.9"), "v1.2.3"},
		{"a685129-dirty", none, "a685129-dirty"},
		{"", info("v1.2.3"), "v1.2.3"},
		{"", info("v0.0.0-20261204120000-a685129c0ffe+dirty"), "v0.0.0-20261204120000-a685129c0ffe+dirty"},
		{"", info("(devel)"), "dev"},
		{"", info(""), "dev"},
		{"", none, "dev"},
	} {
		if got := versionOf(c.stamped, c.info); got != c.want {
			t.Errorf("case %d: versionOf(%q, ...) = %q, want %q", i, c.stamped, got, c.want)
		}
	}
}
