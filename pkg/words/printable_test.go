package words

import (
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestQuote(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"networks/sts-omg/network.yaml", "networks/sts-omg/network.yaml"},
		{"networks/HR Network/network.yaml", "networks/HR Network/network.yaml"},
		{"networks/été/network.yaml", "networks/été/network.yaml"},
		{"a\n::error file=x::pwned", `"a\n::error file=x::pwned"`},
		{"a\rb", `"a\rb"`},
		{"\x1b[31mred", `"\x1b[31mred"`},
		{"tab\there", `"tab\there"`},
		{"c1\u009bcsi", `"c1\u009bcsi"`},
		{"latin1 \xe9", `"latin1 \xe9"`},
	} {
		if got := Quote(c.in); got != c.want {
			t.Errorf("Quote(%q) = %s, want %s", c.in, got, c.want)
		}
	}
}

func TestPrintable(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"Head of IT, Brent", "Head of IT, Brent"},
		{"Ünïcödé “quotes”", "Ünïcödé “quotes”"},
		{"a\nb", `a\nb`},
		{"a\r\n::error::x", `a\r\n::error::x`},
		{"\x1b]0;title\x07", `\x1b]0;title\a`},
		{"nul\x00", `nul\x00`},
		{"del\x7f", `del\x7f`},
		{"c1\u009b", `c1\u009b`},
		{"bad \xff\xfe", `bad \xff\xfe`},
	} {
		if got := Printable(c.in); got != c.want {
			t.Errorf("Printable(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzPrintable: what Printable and Quote give never holds a control
// character or a byte that is not UTF-8, and text without either is kept.
func FuzzPrintable(f *testing.F) {
	for _, s := range []string{"", "plain", "a\nb", "\x1b[2J", "\r", "\u0085", "\xff", "é\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for name, got := range map[string]string{"Printable": Printable(s), "Quote": Quote(s)} {
			if HasControl(got) || !utf8.ValidString(got) {
				t.Errorf("%s(%q) = %q holds a control character", name, s, got)
			}
		}
		clean := utf8.ValidString(s) && strings.IndexFunc(s, unicode.IsControl) < 0
		if clean && (Printable(s) != s || Quote(s) != s) {
			t.Errorf("%q changed: %q, %q", s, Printable(s), Quote(s))
		}
		if !clean {
			if u, err := strconv.Unquote(Quote(s)); err != nil || u != s {
				t.Errorf("Quote(%q) = %q does not read back: %q, %v", s, Quote(s), u, err)
			}
		}
	})
}
