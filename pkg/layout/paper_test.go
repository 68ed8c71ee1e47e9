package layout

import (
	"strings"
	"testing"
)

func TestPaperLink(t *testing.T) {
	for _, c := range []struct {
		in     string
		target string // "" when no link
		why    string // part of the reason when no link
	}{
		{"papers/2026-11-17-budget.pdf", "papers/2026-11-17-budget.pdf", ""},
		{"  papers/budget.pdf  ", "papers/budget.pdf", ""},
		{"papers/2026-12-29 budget_v2.pdf", "papers/2026-12-29%20budget_v2.pdf", ""},
		{"papers/a(1)&b#c?d%e.pdf", "papers/a%281%29%26b%23c%3Fd%25e.pdf", ""},
		{"papers/Ünïcödé.pdf", "papers/%C3%9Cn%C3%AFc%C3%B6d%C3%A9.pdf", ""},
		{"papers/a:b.pdf", "papers/a:b.pdf", ""},
		{"./Budget: v2.pdf", "./Budget:%20v2.pdf", ""},
		{"../papers/budget.pdf", "../papers/budget.pdf", ""},
		{"../../docs/terms.pdf", "../../docs/terms.pdf", ""},
		{"papers/../../../x.pdf", "papers/../../../x.pdf", ""},
		{"papers/../../../../x.pdf", "", "out of the repository"},
		{"../../../etc/passwd", "", "out of the repository"},
		{`..\..\..\secret`, "", "out of the repository"},
		{"/etc/passwd", "", "absolute path"},
		{"//evil.example/x", "", "absolute path"},
		{`\\server\share\x.pdf`, "", "absolute path"},
		{"https://example.com/docs/budget.pdf", "https://example.com/docs/budget.pdf", ""},
		{"HTTP://EXAMPLE.COM/A", "HTTP://EXAMPLE.COM/A", ""},
		{"https://example.com/a b(1).pdf?x=1&y=2", "https://example.com/a%20b%281%29.pdf?x=1&amp;y=2", ""},
		{"https://example.com/?q=javascript&#58;alert(1)", "https://example.com/?q=javascript&amp;#58;alert%281%29", ""},
		{`https://example.com/a\b`, "https://example.com/a%5Cb", ""},
		{"https://council.gov.uk@evil.example/x", "", "user name"},
		{"https:evil", "", "not a whole web address"},
		{"https://", "", "not a whole web address"},
		{"javascript:alert(1)", "", "scheme javascript"},
		{"JavaScript:alert(1)", "", "scheme JavaScript"},
		{"data:text/html,<script>alert(1)</script>", "", "scheme data"},
		{"vbscript:msgbox", "", "scheme vbscript"},
		{"file:///etc/passwd", "", "scheme file"},
		{"mailto:clerk@example.gov.uk", "", "scheme mailto"},
		{"C:\\papers\\budget.pdf", "", "scheme C"},
		{"Budget: v2.pdf", "", "scheme Budget"},
		{"papers/a\rb.pdf", "", "control character"},
		{"java\tscript:alert(1)", "", "control character"},
		{"papers/x.pdf\n[a](javascript:alert(1))", "", "control character"},
		{"papers/\x1b[2J.pdf", "", "control character"},
		{"", "", "empty"},
	} {
		_, why := PaperLink(c.in)
		target, ok := PaperTarget(c.in)
		switch {
		case c.target != "" && (why != "" || !ok || target != c.target):
			t.Errorf("%q: target %q, %v (why %q); want %q", c.in, target, ok, why, c.target)
		case c.target == "" && (ok || !strings.Contains(why, c.why)):
			t.Errorf("%q: target %q, %v, why %q; want no link, why with %q", c.in, target, ok, why, c.why)
		}
	}
}
