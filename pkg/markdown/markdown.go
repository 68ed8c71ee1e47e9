// Package markdown escapes text that people typed so that it renders on
// GitHub as the same text: never as emphasis, a heading, a list, HTML, a link
// or a broken table. A control character other than a line break or a tab
// (an escape, which would drive a terminal showing the file) becomes U+FFFD,
// as CommonMark itself treats NUL.
package markdown

import (
	"html"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Text escapes s for use as inline text in a paragraph or list item. Line
// breaks are kept as hard breaks.
func Text(s string) string {
	s = strings.TrimSpace(clean(s))
	if !strings.Contains(s, "\n") {
		return escapeLine(s) // one line, most text: nothing to split and join
	}
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = escapeLine(strings.TrimSpace(l))
		if i < len(lines)-1 && strings.HasSuffix(lines[i], `\\`) {
			// An escaped backslash right before the hard break's own
			// backslash: write it as an entity so that no renderer can
			// take `\\\` for anything else.
			lines[i] = strings.TrimSuffix(lines[i], `\\`) + "&#92;"
		}
	}
	return strings.Join(lines, "\\\n")
}

// Line escapes s as Text does, on one line: each line break, with the
// spaces around it, becomes one space. Headings and link text end at a line
// break, so names shown there go through Line; it is fit for a table cell
// too (pipes are escaped).
func Line(s string) string {
	s = clean(s)
	if !strings.Contains(s, "\n") {
		return escapeLine(strings.TrimSpace(s))
	}
	var parts []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			parts = append(parts, l)
		}
	}
	return escapeLine(strings.Join(parts, " "))
}

// newlines turns every line ending CommonMark knows ("\r\n", "\r", "\n")
// into "\n".
func newlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// clean is s with its line endings as "\n" and its other control characters
// (but tabs) as U+FFFD.
func clean(s string) string {
	s = newlines(s)
	if strings.IndexFunc(s, isControl) < 0 {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return unicode.ReplacementChar
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\t'
}

// Cell escapes s for a table cell: as Text, with pipes escaped and line
// breaks as <br>.
func Cell(s string) string {
	s = strings.TrimSpace(clean(s))
	if !strings.Contains(s, "\n") {
		return escapeLine(s)
	}
	lines := strings.Split(s, "\n")
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, escapeLine(l))
		}
	}
	return strings.Join(out, "<br>")
}

// Block keeps s as a person's free markdown (meeting notes): it is trusted
// to be markdown, but raw HTML is escaped, and a link or image that leads
// anywhere but an http, https or mailto address (javascript:, data:, however
// its letters are encoded) is text.
func Block(s string) string {
	// ">" cannot start HTML, so blockquotes stay; "<" could, so it is escaped.
	return safeLinks(strings.ReplaceAll(strings.TrimSpace(clean(s)), "<", "&lt;"))
}

// safeLinks escapes the "]" that ends the text of a link, an image or a
// link reference definition ("](" or "]:") whose destination has a scheme
// other than http, https and mailto: what was a link is then text.
func safeLinks(s string) string {
	var b strings.Builder
	last := 0
	for i := 0; i+1 < len(s); i++ {
		if s[i] != ']' || s[i+1] != '(' && s[i+1] != ':' || escaped(s, i) || safeDestination(s[i+2:]) {
			continue
		}
		b.WriteString(s[last:i])
		b.WriteString(`\]`)
		last = i + 1
	}
	if last == 0 {
		return s
	}
	b.WriteString(s[last:])
	return b.String()
}

// escaped reports whether the byte at i follows an odd number of
// backslashes.
func escaped(s string, i int) bool {
	n := 0
	for j := i - 1; j >= 0 && s[j] == '\\'; j-- {
		n++
	}
	return n%2 == 1
}

// safeDestination reports whether the link destination that rest starts
// with (after spaces and line breaks) has no scheme, or http, https or
// mailto, read as a browser reads it: entities decoded, backslash escapes
// dropped, and spaces and control characters within it ignored.
func safeDestination(rest string) bool {
	rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
	end := strings.IndexFunc(rest, func(r rune) bool { return r == ')' || r == ' ' || r == '\n' })
	if end < 0 {
		end = len(rest)
	}
	d := html.UnescapeString(strings.ReplaceAll(rest[:end], `\`, ""))
	d = strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsControl(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, d)
	i := strings.IndexAny(d, ":/?#")
	if i < 0 || d[i] != ':' {
		return true
	}
	switch strings.TrimPrefix(d[:i], "<") {
	case "http", "https", "mailto":
		return true
	}
	return false
}

// inline is the punctuation that can start markup anywhere in a line ("$"
// is GitHub's math).
const inline = "\\`*_[]<>|~$"

// blockStart is the punctuation that starts a block (a heading, list, quote,
// rule, a table's delimiter row) at the start of a line.
const blockStart = "#+-=>:"

func escapeLine(l string) string {
	// Most text needs nothing escaped: the copy is made only from the first
	// rune that changes.
	var b strings.Builder
	changed := false
	digits := true // every rune so far is a digit
	for i := 0; i < len(l); {
		if c := l[i]; c < utf8.RuneSelf && !mayEscape[c] && (i > 0 || !strings.ContainsRune(blockStart, rune(c))) {
			// ASCII that no rule below changes, the most of any text.
			if changed {
				b.WriteByte(c)
			}
			digits = digits && '0' <= c && c <= '9'
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(l[i:])
		esc, slash := "", false // what the rune becomes; or a backslash before it
		switch {
		case i == 0 && strings.ContainsRune(blockStart, r):
			slash = true
		case (r == '.' || r == ')') && i > 0 && digits:
			// "1." or "1)" at the start would be an ordered list.
			slash = true
		case r == '.' && i >= 3 && isW(l[i-3]) && isW(l[i-2]) && isW(l[i-1]):
			// www. would be autolinked.
			slash = true
		case r == ':' && strings.HasPrefix(l[i+1:], "//"):
			// scheme:// would be autolinked.
			esc = "&#58;"
		case r == '@':
			// an e-mail address would be autolinked.
			esc = "&#64;"
		case r == '&' && i+1 < len(l) && (l[i+1] == '#' || startsLetter(l[i+1:])):
			// an entity such as &amp; would be decoded.
			esc = "&amp;"
		case r == '!' && strings.HasPrefix(l[i+1:], "["):
			slash = true
		case strings.ContainsRune(inline, r):
			slash = true
		case r == utf8.RuneError && size == 1:
			esc = string(utf8.RuneError) // a byte that is not UTF-8
		}
		if (esc != "" || slash) && !changed {
			changed = true
			b.Grow(len(l) + 16)
			b.WriteString(l[:i])
		}
		if changed {
			if slash {
				b.WriteByte('\\')
			}
			if esc != "" {
				b.WriteString(esc)
			} else {
				b.WriteString(l[i : i+size])
			}
		}
		digits = digits && unicode.IsDigit(r)
		i += size
	}
	if !changed {
		return l
	}
	return b.String()
}

// mayEscape marks the ASCII characters escapeLine may change anywhere in a
// line (blockStart's only at its start).
var mayEscape = func() (t [utf8.RuneSelf]bool) {
	for _, c := range inline + ".):@&!" {
		t[c] = true
	}
	return t
}()

// isW reports whether c is w or W: the three runes before a "." spell www
// (in any case; no other rune folds to w) exactly when the three bytes do.
func isW(c byte) bool { return c == 'w' || c == 'W' }

// startsLetter reports whether s starts with a letter.
func startsLetter(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLetter(r)
}
