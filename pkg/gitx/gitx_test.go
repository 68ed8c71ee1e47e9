package gitx

import "testing"

func TestSplitRange(t *testing.T) {
	for _, tc := range []struct {
		rev, base, head string
		ok              bool
	}{
		{"origin/main", "", "", false},
		{"HEAD~1", "", "", false},
		{"origin/main..HEAD", "origin/main", "HEAD", true},
		{"origin/main...HEAD", "origin/main", "HEAD", true},
		{"origin/main...", "origin/main", "HEAD", true},
		{"..feature", "HEAD", "feature", true},
	} {
		base, head, ok := splitRange(tc.rev)
		if base != tc.base || head != tc.head || ok != tc.ok {
			t.Errorf("splitRange(%q) = %q, %q, %v; want %q, %q, %v", tc.rev, base, head, ok, tc.base, tc.head, tc.ok)
		}
	}
}
