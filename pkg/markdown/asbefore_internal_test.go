package markdown

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"
)

// The escaping as it was before it copied only what changes: Text, Line,
// Cell and their escapeLine must give what these gave, byte for byte.

func beforeText(s string) string {
	lines := strings.Split(strings.TrimSpace(clean(s)), "\n")
	for i, l := range lines {
		lines[i] = beforeEscapeLine(strings.TrimSpace(l))
		if i < len(lines)-1 && strings.HasSuffix(lines[i], `\\`) {
			lines[i] = strings.TrimSuffix(lines[i], `\\`) + "&#92;"
		}
	}
	return strings.Join(lines, "\\\n")
}

func beforeLine(s string) string {
	var parts []string
	for _, l := range strings.Split(clean(s), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return beforeEscapeLine(strings.Join(parts, " "))
}

func beforeCell(s string) string {
	lines := strings.Split(strings.TrimSpace(clean(s)), "\n")
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, beforeEscapeLine(l))
		}
	}
	return strings.Join(out, "<br>")
}

func beforeEscapeLine(l string) string {
	var b strings.Builder
	runes := []rune(l)
	for i, r := range runes {
		switch {
		case i == 0 && strings.ContainsRune(blockStart, r):
			b.WriteRune('\\')
			b.WriteRune(r)
		case (r == '.' || r == ')') && beforeAllDigits(runes[:i]):
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '.' && i >= 3 && strings.EqualFold(string(runes[i-3:i]), "www"):
			b.WriteString("\\.")
		case r == ':' && i+2 < len(runes) && runes[i+1] == '/' && runes[i+2] == '/':
			b.WriteString("&#58;")
		case r == '@':
			b.WriteString("&#64;")
		case r == '&' && i+1 < len(runes) && (runes[i+1] == '#' || unicode.IsLetter(runes[i+1])):
			b.WriteString("&amp;")
		case r == '!' && i+1 < len(runes) && runes[i+1] == '[':
			b.WriteString("\\!")
		case strings.ContainsRune(inline, r):
			b.WriteRune('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func beforeAllDigits(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return len(rs) > 0
}

func checkAsBefore(t *testing.T, s string) {
	t.Helper()
	for _, f := range []struct {
		name        string
		now, before func(string) string
	}{{"Text", Text, beforeText}, {"Line", Line, beforeLine}, {"Cell", Cell, beforeCell}, {"escapeLine", escapeLine, beforeEscapeLine}} {
		if got, want := f.now(s), f.before(s); got != want {
			t.Errorf("%s(%q) = %q, before %q", f.name, s, got, want)
		}
	}
}

// pieces are what random text is made of: every character the escaping
// looks at, digits of other scripts, bytes that are not UTF-8, line breaks.
var pieces = []string{"a", "W", "w", "www", "1", "٣", "9", ".", ")", ":", "//", "/", "@", "&", "#", "é", "!", "[", "]",
	"\\", "`", "*", "_", "<", ">", "|", "~", "$", "+", "-", "=", " ", "\t", "\n", "\r", "\r\n", "\x00", "\x1b",
	"\xff", "\xe2\x82", "\ufffd", "\u00a0", "K", "\u212a", "ß", "x"}

func TestEscapingAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkAsBefore(t, b.String())
	}
}

func FuzzEscapingAsBefore(f *testing.F) {
	for _, p := range pieces {
		f.Add("1" + p + "www." + p)
	}
	f.Fuzz(func(t *testing.T, s string) { checkAsBefore(t, s) })
}
