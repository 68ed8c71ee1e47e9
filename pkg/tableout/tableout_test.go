package tableout

import (
	"bytes"
	"strings"
	"testing"
)

func TestWrite(t *testing.T) {
	rows := [][]string{{"a", "line one\nline two"}, {"b\tc", "d"}}
	var piped bytes.Buffer
	if err := Write(&piped, false, []string{"X", "Y"}, rows, "none"); err != nil {
		t.Fatal(err)
	}
	if got, want := piped.String(), "X\tY\na\tline one line two\nb c\td\n"; got != want {
		t.Errorf("piped = %q, want %q", got, want)
	}
	var tty bytes.Buffer
	if err := Write(&tty, true, []string{"X", "Y"}, rows, "none"); err != nil {
		t.Fatal(err)
	}
	if s := tty.String(); !strings.Contains(s, "line one line two") || strings.Contains(s, "\t") || strings.Count(s, "\n") < 4 {
		t.Errorf("terminal table:\n%s", s)
	}
	var empty bytes.Buffer
	if err := Write(&empty, true, []string{"X"}, nil, "No rows."); err != nil || empty.String() != "No rows.\n" {
		t.Errorf("empty = %q, %v", empty.String(), err)
	}
}

// A name holding an escape (or any control character) prints as its
// escape, on a terminal and piped: it never reaches the terminal raw.
func TestWriteControlCharacters(t *testing.T) {
	rows := [][]string{{"\x1b[2J\x1b]0;owned\x07Brent", "c1\u009b31m", "nul\x00 del\x7f"}}
	for _, tty := range []bool{false, true} {
		var b bytes.Buffer
		if err := Write(&b, tty, []string{"A", "B", "C"}, rows, ""); err != nil {
			t.Fatal(err)
		}
		s := b.String()
		for _, r := range s {
			if r != '\n' && r != '\t' && (r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0) {
				t.Errorf("tty %v: control character %U printed:\n%q", tty, r, s)
			}
		}
		for _, want := range []string{`\x1b[2J\x1b]0;owned\aBrent`, `c1\u009b31m`, `nul\x00 del\x7f`} {
			if !strings.Contains(s, want) {
				t.Errorf("tty %v: %q not in\n%s", tty, want, s)
			}
		}
	}
}
