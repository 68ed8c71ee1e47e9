package layout

import (
	"regexp"
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

// FuzzPaperTarget: a target is one markdown destination that leads to an
// http(s) address or to a path with no scheme and no root, and holds
// nothing markdown or a browser would read otherwise (a space, a control
// character, a bracket, a backslash, an entity).
func FuzzPaperTarget(f *testing.F) {
	for _, s := range []string{"papers/a b.pdf", "https://x.example/?a=1&b=2", "javascript:alert(1)", "javascript&#58;x",
		"java\tscript:x", "../../x", "../../../x", "//x", `\\x`, "a:b", "./a:b", "https://u@x", "papers/\r", "%", "&amp;", "HTTPS://X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		target, ok := PaperTarget(p)
		web, why := PaperLink(p)
		if ok != (why == "") {
			t.Fatalf("%q: PaperTarget ok %v, PaperLink why %q", p, ok, why)
		}
		if !ok {
			return
		}
		if i := strings.IndexFunc(target, func(r rune) bool {
			return r <= ' ' || r == 0x7f || strings.ContainsRune(`()<>\"`+"`", r)
		}); i >= 0 {
			t.Errorf("%q: target %q holds %q", p, target, target[i])
		}
		if strings.Contains(strings.ReplaceAll(target, "&amp;", ""), "&") {
			t.Errorf("%q: target %q holds a bare '&'", p, target)
		}
		// A scheme as a browser reads one.
		m := regexp.MustCompile(`^([A-Za-z][A-Za-z0-9+.-]*):`).FindStringSubmatch(target)
		scheme, has := "", m != nil
		if has {
			scheme = m[1]
		}
		switch {
		case web && (!has || !strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https")):
			t.Errorf("%q: web target %q has scheme %q", p, target, scheme)
		case !web && (has || strings.HasPrefix(target, "/")):
			t.Errorf("%q: path target %q has a scheme or a root", p, target)
		}
	})
}

func TestPublished(t *testing.T) {
	cases := []struct{ base, path, want string }{
		{"", "heads-of-hr/meetings/2026-11-17.agenda.md", "heads-of-hr/meetings/2026-11-17.agenda.md"},
		{"https://example.org/gov/", "heads-of-hr/meetings/2026-11-17.agenda.md", "https://example.org/gov/heads-of-hr/meetings/2026-11-17.agenda.md"},
		{"https://example.org", "a b/meetings/x#1?.md", "https://example.org/a%20b/meetings/x%231%3F.md"},
	}
	for _, c := range cases {
		if got := Published(c.base, c.path); got != c.want {
			t.Errorf("Published(%q, %q) = %q, want %q", c.base, c.path, got, c.want)
		}
	}
	if got := PaperPath("sts-omg", "2026-12-01-2", MinutesSuffix); got != "sts-omg/meetings/2026-12-01-2.minutes.md" {
		t.Errorf("PaperPath = %q", got)
	}
}

func TestCheckWebFormats(t *testing.T) {
	re := func(format string) *regexp.Regexp { return regexp.MustCompile(TextPattern(format)) }
	cases := []struct {
		format, s string
		ok        bool
	}{
		{"https-url", "https://teams.microsoft.com/l/meetup-join/19%3ameeting?context=%7b%7d", true},
		{"https-url", "https://example.org", true},
		{"https-url", "http://example.org", false},
		{"https-url", "https://user:secret@example.org/", false},
		{"https-url", "https://exa mple.org/", false},
		{"https-url", "https:///path", false},
		{"https-url", "javascript:alert(1)", false},
		{"https-url", "https://example.org/a\nb", false},
		{"https-base", "https://example.github.io/governance", true},
		{"https-base", "https://example.org/x?y=1", false},
		{"https-base", "https://example.org/x#top", false},
		{"age-file", "contacts.yaml.age", true},
		{"age-file", "private/contacts.yaml.age", true},
		{"age-file", "contacts.yaml", false},
		{"age-file", "../contacts.yaml.age", false},
		{"age-file", "/home/me/contacts.yaml.age", false},
		{"age-file", ".hidden.age", false},
	}
	for _, c := range cases {
		err := CheckText(c.format, c.s)
		if (err == nil) != c.ok {
			t.Errorf("CheckText(%s, %q) = %v, want ok %v", c.format, c.s, err, c.ok)
		}
		if re(c.format).MatchString(c.s) != c.ok {
			t.Errorf("TextPattern(%s) on %q: want match %v", c.format, c.s, c.ok)
		}
	}
}
