package layout

import (
	"regexp"
	"testing"
)

// The hand-written matchers agree with the regular expressions they
// replace, on names and values chosen to sit on every edge.
func TestMatchersAgreeWithPatterns(t *testing.T) {
	reMeeting := regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(-[2-9]|-[1-9][0-9]+)?\.yaml$`)
	reID := regexp.MustCompile(ID.Pattern())
	for _, name := range []string{
		"2026-12-08.yaml", "2026-12-08-2.yaml", "2026-12-08-9.yaml", "2026-12-08-10.yaml",
		"2026-12-08-123.yaml", "2026-12-08-1.yaml", "2026-12-08-0.yaml", "2026-12-08-01.yaml",
		"2026-12-08-.yaml", "2026-12-08-2a.yaml", "2026-12-08.yml", "2026-12-08.yaml.bak",
		"2026-1-08.yaml", "20261208.yaml", "2026/12/08.yaml", "2026-12-0x.yaml", ".yaml",
		"", "2026-12-08", "x2026-12-08.yaml", "2026-12-08x.yaml", "9999-99-99.yaml",
	} {
		got, ok := MeetingFileDate(name)
		m := reMeeting.FindStringSubmatch(name)
		if ok != (m != nil) || (ok && got != m[1]) {
			t.Errorf("MeetingFileDate(%q) = %q, %v; the pattern says %q", name, got, ok, m)
		}
	}
	for _, s := range []string{
		"a", "A", "0", "ab", "a-b", "a.b", "a_b", "a--b", "-a", "a-", ".a", "a.", "_a", "a_",
		"", "a b", "a/b", "é", "aé", "brent", "m-0", "D-29", "lb-brent", "x..y",
	} {
		if IsID(s) != reID.MatchString(s) {
			t.Errorf("IsID(%q) = %v; the pattern says %v", s, IsID(s), reID.MatchString(s))
		}
	}
}
