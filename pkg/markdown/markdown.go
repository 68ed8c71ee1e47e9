// Package markdown escapes text that people typed so that it renders on
// GitHub as the same text: never as emphasis, a heading, a list, HTML, a link
// or a broken table.
package markdown

import (
	"strings"
	"unicode"
)

// Text escapes s for use as inline text in a paragraph or list item. Line
// breaks are kept as hard breaks.
func Text(s string) string {
	lines := strings.Split(strings.TrimSpace(newlines(s)), "\n")
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

// newlines turns every line ending CommonMark knows ("\r\n", "\r", "\n")
// into "\n".
func newlines(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
}

// Cell escapes s for a table cell: as Text, with pipes escaped and line
// breaks as <br>.
func Cell(s string) string {
	lines := strings.Split(strings.TrimSpace(newlines(s)), "\n")
	var out []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, escapeLine(l))
		}
	}
	return strings.Join(out, "<br>")
}

// Block keeps s as a person's free markdown (meeting notes): it is trusted
// to be markdown, but raw HTML is escaped.
func Block(s string) string {
	// ">" cannot start HTML, so blockquotes stay; "<" could, so it is escaped.
	return strings.ReplaceAll(strings.TrimSpace(newlines(s)), "<", "&lt;")
}

// inline is the punctuation that can start markup anywhere in a line ("$"
// is GitHub's math).
const inline = "\\`*_[]<>|~$"

// blockStart is the punctuation that starts a block (a heading, list, quote,
// rule, a table's delimiter row) at the start of a line.
const blockStart = "#+-=>:"

func escapeLine(l string) string {
	var b strings.Builder
	runes := []rune(l)
	for i, r := range runes {
		switch {
		case i == 0 && strings.ContainsRune(blockStart, r):
			b.WriteRune('\\')
			b.WriteRune(r)
		case (r == '.' || r == ')') && allDigits(runes[:i]):
			// "1." or "1)" at the start would be an ordered list.
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '.' && i >= 3 && strings.EqualFold(string(runes[i-3:i]), "www"):
			// www. would be autolinked.
			b.WriteString("\\.")
		case r == ':' && i+2 < len(runes) && runes[i+1] == '/' && runes[i+2] == '/':
			// scheme:// would be autolinked.
			b.WriteString("&#58;")
		case r == '@':
			// an e-mail address would be autolinked.
			b.WriteString("&#64;")
		case r == '&' && i+1 < len(runes) && (runes[i+1] == '#' || unicode.IsLetter(runes[i+1])):
			// an entity such as &amp; would be decoded.
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

func allDigits(rs []rune) bool {
	for _, r := range rs {
		if !unicode.IsDigit(r) {
			return false
		}
	}
	return len(rs) > 0
}
