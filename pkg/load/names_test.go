package load

import (
	"errors"
	"regexp"
	"strconv"
	"testing"
)

// The hand-written matchers agree with the regular expressions they
// replace, on names and values chosen to sit on every edge.
func TestMatchersAgreeWithPatterns(t *testing.T) {
	reMeeting := regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})(-[2-9]|-[1-9][0-9]+)?\.yaml$`)
	reID := regexp.MustCompile(`^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$`)
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
	reLine := regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	for _, msg := range []string{
		"yaml: line 3: did not find expected key", "yaml: line 12: mapping values are not allowed in this context",
		"yaml: line : x", "yaml: line x: y", "yaml: unknown anchor 'a' referenced", "line 3: x", "yaml: line 3:x",
		"yaml: line 7: ",
	} {
		n, text, ok := YAMLErrorLine(errors.New(msg))
		m := reLine.FindStringSubmatch(msg)
		if ok != (m != nil) || (ok && (text != m[2] || strconv.Itoa(n) != m[1])) {
			t.Errorf("YAMLErrorLine(%q) = %d, %q, %v; the pattern says %q", msg, n, text, ok, m)
		}
	}
}
