package words

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Names and text that a repository's files hold reach the terminal, CI logs
// and GitHub's workflow commands. Printed raw, a line break ends a message
// early (a following "::error ..." would be read as a workflow command), and
// an escape character drives the terminal. These are the one way govctl
// makes such text fit to print: every writer of human-facing lines (findings,
// tables, messages) goes through them.

// HasControl reports whether s holds a control character (Unicode's Cc: the
// C0 controls with tab and line breaks, DEL, and the C1 controls).
func HasControl(s string) bool {
	return strings.IndexFunc(s, unicode.IsControl) >= 0
}

// Quote is a name or path fit to print: as it is, or Go-quoted (control
// characters and bytes that are not UTF-8 escaped, "\n", "\x1b") when it
// holds one, so that the reader sees which name it is.
func Quote(s string) string {
	if HasControl(s) || !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	return s
}

// Printable is text fit to print within a line: each control character is
// replaced by its Go escape (a line break by \n, an escape by \x1b) and each
// byte that is not UTF-8 by \xNN; everything else is kept as it is.
func Printable(s string) string {
	if !HasControl(s) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b.WriteString(`\x`)
			b.WriteString(strconv.FormatUint(uint64(s[i])|0x100, 16)[1:])
		case unicode.IsControl(r):
			q := strconv.QuoteRuneToASCII(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}
