package load

import (
	"errors"
	"regexp"
	"strconv"
	"testing"
)

// The hand-written matcher agrees with the regular expression it replaces,
// on messages chosen to sit on every edge.
func TestYAMLErrorLineAgreesWithPattern(t *testing.T) {
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
