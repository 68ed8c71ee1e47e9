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
