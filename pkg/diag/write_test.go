package diag

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/govctl/govctl/pkg/model"
)

// hostile is a finding whose file and message hold what a pull request
// may put in a name: a line break followed by a workflow command, an
// escape sequence, GitHub's own escapes.
func hostile(file, msg string) []Diagnostic {
	return []Diagnostic{
		{Pos: model.Pos{File: file, Line: 3, Col: 5}, Severity: Error, Rule: "unsafe-path", Message: msg, More: 2},
		{Pos: model.Pos{File: "r/x/network.yaml", Line: 1, Col: 1}, Severity: Warning, Rule: "unscheduled", Message: "plain"},
	}
}

func TestWriteEscapes(t *testing.T) {
	ds := hostile("r/a\n::error file=x::pwned/network.yaml", "name \"\x1b[2J\" and\r\n::warning::y %0A")
	for format, want := range map[string]string{
		"text": `"r/a\n::error file=x::pwned/network.yaml":3:5: error unsafe-path: name "\x1b[2J" and\r\n::warning::y %0A` + "\n" +
			`"r/a\n::error file=x::pwned/network.yaml": and 2 more errors of rule unsafe-path in this file, not listed: fix these and run again` + "\n" +
			"r/x/network.yaml:1:1: warning unscheduled: plain\n" +
			"3 errors, 1 warning\n",
		"github": `::error file="r/a\n%3A%3Aerror file=x%3A%3Apwned/network.yaml",line=3,col=5,title=unsafe-path::name "\x1b[2J" and\r\n::warning::y %250A` + "\n" +
			`::error file="r/a\n%3A%3Aerror file=x%3A%3Apwned/network.yaml",title=unsafe-path::"r/a\n::error file=x::pwned/network.yaml": and 2 more errors of rule unsafe-path in this file, not listed: fix these and run again` + "\n" +
			"::warning file=r/x/network.yaml,line=1,col=1,title=unscheduled::plain\n",
	} {
		var b bytes.Buffer
		if err := Write(&b, format, ds); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s:\n%s\nwant:\n%s", format, b.String(), want)
		}
	}
	// JSON keeps the text as it is, escaped by the encoder.
	var b bytes.Buffer
	if err := Write(&b, "json", ds); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Diagnostics []struct{ File, Message string }
	}
	if err := json.Unmarshal(b.Bytes(), &got); err != nil || got.Diagnostics[0].File != ds[0].Pos.File || got.Diagnostics[0].Message != ds[0].Message {
		t.Errorf("json: %v %+v", err, got)
	}
}

// FuzzWrite: whatever a file's name and a message hold, the text format is
// one line a finding (and one for those left out, and the summary), the
// github format one workflow command a line, and neither holds a control
// character.
func FuzzWrite(f *testing.F) {
	f.Add("r/a\n::error::b/network.yaml", "m\r\n::warning::x")
	f.Add("r/\x1b[2J/x.yaml", "\u009b31m \x00 \xff")
	f.Add("r/%0A/x.yaml", "%0A%0D,:")
	f.Fuzz(func(t *testing.T, file, msg string) {
		ds := hostile(file, msg)
		for format, lines := range map[string]int{"text": 4, "github": 3} {
			var b bytes.Buffer
			if err := Write(&b, format, ds); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if n := strings.Count(out, "\n"); n != lines || !strings.HasSuffix(out, "\n") {
				t.Errorf("%s: %d lines, want %d:\n%q", format, n, lines, out)
			}
			if i := strings.IndexFunc(out, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }); i >= 0 || !utf8.ValidString(out) {
				t.Errorf("%s: a control character or a byte that is not UTF-8:\n%q", format, out)
			}
			if format == "github" {
				for _, l := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
					if !strings.HasPrefix(l, "::error file=") && !strings.HasPrefix(l, "::warning file=") {
						t.Errorf("github: line %q is not one of govctl's commands", l)
					}
				}
			}
		}
	})
}
