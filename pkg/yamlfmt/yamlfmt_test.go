package yamlfmt

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/model"
)

var (
	meetingType = reflect.TypeFor[model.Meeting]()
	networkType = reflect.TypeFor[model.Network]()
)

func format(t *testing.T, src string, typ reflect.Type) string {
	t.Helper()
	out, err := Format([]byte(src), typ)
	if err != nil {
		t.Fatalf("Format: %v\ninput:\n%s", err, src)
	}
	again, err := Format(out, typ)
	if err != nil {
		t.Fatalf("Format of its own output: %v\noutput:\n%s", err, out)
	}
	if string(again) != string(out) {
		t.Fatalf("not idempotent:\nfirst:\n%s\nsecond:\n%s", out, again)
	}
	assertCommentsKept(t, src, string(out))
	return string(out)
}

// sourceComments are the comments of src, each as the text from its '#',
// found by the parser.
func sourceComments(t *testing.T, src string) []string {
	t.Helper()
	doc, err := parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if doc == nil {
		return nil
	}
	return commentLines(doc)
}

// assertCommentsKept checks that every comment line of src is a line (or
// the end of a line) of out, as often as in src.
func assertCommentsKept(t *testing.T, src, out string) {
	t.Helper()
	have := map[string]int{}
	for l := range strings.SplitSeq(out, "\n") {
		if i := strings.Index(l, "#"); i >= 0 {
			for j := i; j < len(l); j++ {
				if l[j] == '#' {
					have[strings.TrimSpace(l[j:])]++
				}
			}
		}
	}
	for _, c := range sourceComments(t, src) {
		if have[c] == 0 {
			t.Errorf("comment %q lost; output:\n%s", c, out)
		}
		have[c]--
	}
}

func TestFormatMessyMeeting(t *testing.T) {
	src := `---
# Meeting record, written by hand.

status: held        # after the meeting
kind: ordinary
date: 2026-11-24
start: "10:00"
attendance:
    absent: []
    substitutes:
        lewisham-deputy: lewisham-it   # stood in
        brent-deputy: brent-it
    present: [md, brent-it,
              lewisham-deputy]
    apologies:
        - southwark-it
agenda:
    -   kind: standing
        # the title comes first
        title: Apologies for absence
    - title: 'Budget: 2027/28'
      presenter: md
      kind: decision


    # late item
    - urgent_reason: >
        Supplier notice
        received late.

        Second paragraph.
      title: Power failure
      kind: urgent
decisions:
    - text: |
        Recommend the budget.
          Indented line.
      id: D-1
      outcome: agreed
      votes: {against: [], for: [brent, md]}   # tally
notes: This is a plain
    scalar that runs over
    three lines
extra_unknown: 1
another_unknown: 2
# trailing comment at the end
...
`
	want := `# Meeting record, written by hand.

date: 2026-11-24
start: "10:00"
kind: ordinary
status: held        # after the meeting
attendance:
  present: [md, brent-it, lewisham-deputy]
  apologies:
    - southwark-it
  substitutes:
    lewisham-deputy: lewisham-it   # stood in
    brent-deputy: brent-it
  absent: []
agenda:
  # the title comes first
  - title: Apologies for absence
    kind: standing
  - title: 'Budget: 2027/28'
    kind: decision
    presenter: md

  # late item
  - title: Power failure
    kind: urgent
    urgent_reason: >
      Supplier notice
      received late.

      Second paragraph.
decisions:
  - id: D-1
    text: |
      Recommend the budget.
        Indented line.
    outcome: agreed
    votes:   # tally
      for: [brent, md]
      against: []
notes: This is a plain scalar that runs over three lines
extra_unknown: 1
another_unknown: 2

# trailing comment at the end
`
	if got := format(t, src, meetingType); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestFormatNetworkFourSpaces(t *testing.T) {
	src := `# Terms of reference.
name: Operational Management Group   # the body's name
id: omg
meetings:
    ordinary:
        start: "10:00"
        every: P1M      # monthly
        venue: {rotate: [brent, lewisham], online: true}
        notice:
            clear: false
            business_days: 2
    workshop:
        duration: PT2H
        per_year: 6
offices:
    vice-chair:
        term: P2Y
        appointment: elected
    chair:
        casting_vote: false
        count: {max: 3, min: 1}
        appointment: ex-officio
seats:
    -   title: Appointed Partner
        organisations: [brent, lewisham, southwark]
        per_organisation: 1
responsibilities:
    - One
    - 'Two: quoted'
    - "Three \"double\""
aims: [a very long list of aims that goes past the width, another aim here, a third]
purpose: |-
    Line one.

    Line three.
`
	want := `# Terms of reference.
id: omg
name: Operational Management Group   # the body's name
purpose: |-
  Line one.

  Line three.
aims:
  - a very long list of aims that goes past the width
  - another aim here
  - a third
responsibilities:
  - One
  - 'Two: quoted'
  - "Three \"double\""
offices:
  vice-chair:
    appointment: elected
    term: P2Y
  chair:
    count:
      min: 1
      max: 3
    appointment: ex-officio
    casting_vote: false
seats:
  - organisations: [brent, lewisham, southwark]
    per_organisation: 1
    title: Appointed Partner
meetings:
  ordinary:
    every: P1M      # monthly
    start: "10:00"
    venue:
      online: true
      rotate: [brent, lewisham]
    notice:
      business_days: 2
      clear: false
  workshop:
    per_year: 6
    duration: PT2H
`
	if got := format(t, src, networkType); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestFormatKeepsWhatItShould(t *testing.T) {
	tests := []struct {
		name, src, want string
		typ             reflect.Type
	}{
		{"no type keeps the order", "b: 1\na: 2\n", "b: 1\na: 2\n", nil},
		{"one trailing newline, no markers", "--- \ndate: 2026-01-01\n...\n\n\n", "date: 2026-01-01\n", meetingType},
		{"CRLF and BOM kept", "\ufeffstatus: held\r\ndate: 2026-01-01\r\n", "\ufeffdate: 2026-01-01\r\nstatus: held\r\n", meetingType},
		{"BOM kept", "\ufeffstatus: held\ndate: 2026-01-01\n", "\ufeffdate: 2026-01-01\nstatus: held\n", meetingType},
		{"CRLF kept", "status: held\r\ndate: 2026-01-01\r\n", "date: 2026-01-01\r\nstatus: held\r\n", meetingType},
		{"the first line end sets them all", "date: x\r\nstatus: held\nkind: a\r\n", "date: x\r\nkind: a\r\nstatus: held\r\n", meetingType},
		{"LF first: LF throughout", "date: x\nstatus: held\r\n", "date: x\nstatus: held\n", meetingType},
		{"CRLF comments stay in place", "a: 1\r\n# one\r\n# two\r\nb: []\r\n", "a: 1\r\n# one\r\n# two\r\nb: []\r\n", nil},
		{"CRLF literal block", "notes: |\r\n  one\r\n\r\n  two\r\ndate: x\r\n", "date: x\r\nnotes: |\r\n  one\r\n\r\n  two\r\n", meetingType},
		{"only comments, CRLF and BOM", "\ufeff# nothing yet\r\n", "\ufeff# nothing yet\r\n", meetingType},
		{"empty file", "", "", meetingType},
		{"only comments", "# nothing yet\n", "# nothing yet\n", meetingType},
		{"duplicates stay together in order", "status: a\ndate: x\nstatus: b\n", "date: x\nstatus: a\nstatus: b\n", meetingType},
		{"unknown keys last, as written", "zz: 1\nstatus: held\naa: 2\ndate: x\n", "date: x\nstatus: held\nzz: 1\naa: 2\n", meetingType},
		{"empty value", "status:\ndate: x\n", "date: x\nstatus:\n", meetingType},
		{"anchors and aliases", "chair: &c\n  id: x\nkind: &s held\nstatus: *s\ndate: y\n", "date: y\nkind: &s held\nstatus: *s\nchair: &c\n  id: x\n", meetingType},
		{"an alias before its anchor keeps the order", "chair: &c x\nkind: *c\n", "chair: &c x\nkind: *c\n", meetingType},
		{"tags", "status: !!str held\ndate: x\n", "date: x\nstatus: !!str held\n", meetingType},
		{"blank lines collapse to one", "date: x\n\n\n\nstatus: held\n", "date: x\n\nstatus: held\n", meetingType},
		{"no blank line opens a block", "agenda:\n\n  - title: a\n", "agenda:\n  - title: a\n", meetingType},
		{"kept chomping written afresh", "notes: |+\n  kept\n\ndate: x\n", "date: x\nnotes: \"kept\\n\\n\"\n", meetingType},
		{"flow mapping in a list", "agenda: [{kind: a, title: b}]\n", "agenda:\n  - title: b\n    kind: a\n", meetingType},
		{"list of lists", "x:\n- - a\n  - b\n-   - c\n", "x:\n  - - a\n    - b\n  - - c\n", nil},
		{"comment on a dash", "agenda:\n  - # about it\n    title: a\n", "agenda:\n  # about it\n  - title: a\n", meetingType},
		{"comment in a flow list", "present: [a, # first\n  b]\n", "present:\n  - a # first\n  - b\n", reflect.TypeFor[model.Attendance]()},
		{"top-level list", "- b: 1\n  a: 2\n", "- b: 1\n  a: 2\n", nil},
		{"unicode before a value", "é: \"x\"   # c\n", "é: \"x\"   # c\n", nil},
		{"key holds comment for block", "agenda: # items\n- title: a\n", "agenda: # items\n  - title: a\n", meetingType},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := format(t, tt.src, tt.typ); got != tt.want {
				t.Errorf("got:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestFormatErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
		syntax          bool
		line            int
	}{
		{"syntax", "date: 2026-01-01\nstatus: [held\n", "did not find expected", true, 2},
		{"two documents", "a: 1\n---\nb: 2\n", "a second YAML document", true, 2},
		{"tab", "a:\n\tb: 1\n", "", true, 0},
		{"not UTF-8", "a: \xff\n", "not valid UTF-8", true, 0},
		{"NUL", "a: 1\nb: \x00\n", "NUL", true, 2},
		{"lost comment", "a: 1\n... # after the end\n", "a comment is in a place fmt cannot keep", false, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Format([]byte(tt.src), meetingType)
			var e *Error
			if !errors.As(err, &e) || out != nil {
				t.Fatalf("Format = %q, %v; want an *Error and no output", out, err)
			}
			if !strings.Contains(e.Msg, tt.want) || e.Syntax != tt.syntax || (tt.line > 0 && e.Line != tt.line) {
				t.Errorf("error = %+v; want %q, syntax %v, line %d", e, tt.want, tt.syntax, tt.line)
			}
		})
	}
}

// TestNetworksIdempotent formats every file of the repository's own
// networks: once is enough, and no comment is lost.
func TestNetworksIdempotent(t *testing.T) {
	files, _, err := Files("../../networks")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 10 {
		t.Fatalf("only %d files found in ../../networks", len(files))
	}
	for _, f := range files {
		t.Run(f.Rel, func(t *testing.T) {
			data, err := os.ReadFile(f.Path)
			if err != nil {
				t.Fatal(err)
			}
			format(t, string(data), f.Type)
		})
	}
}

func TestFilesAndTypes(t *testing.T) {
	dir := t.TempDir()
	for _, rel := range []string{
		"govctl.yaml", "organisations.yaml", "stray.yaml",
		"net/network.yaml", "net/members.yaml", "net/work-programme.yaml", "net/other.yaml",
		"net/meetings/2026-01-13.yaml", "net/meetings/2026-01-13-2.yaml", "net/meetings/notes.yaml",
		"net/meetings/2026-01-13.agenda.md", "net/papers/network.yaml", ".hidden/network.yaml",
	} {
		write(t, filepath.Join(dir, rel), "a: 1\n")
	}
	write(t, filepath.Join(dir, "net2", "network.yaml"), "a: 1\n")
	if err := os.Symlink(filepath.Join("..", "net", "members.yaml"), filepath.Join(dir, "net2", "members.yaml")); err != nil {
		t.Fatal(err)
	}
	files, links, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range files {
		got = append(got, f.Rel+" "+f.Type.Name())
	}
	want := []string{
		"govctl.yaml Settings",
		"net/meetings/2026-01-13-2.yaml Meeting",
		"net/meetings/2026-01-13.yaml Meeting",
		"net/members.yaml MembersFile",
		"net/network.yaml Network",
		"net/work-programme.yaml WorkProgramme",
		"net2/network.yaml Network",
		"organisations.yaml OrganisationsFile",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("files:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(links) != 1 || !strings.HasSuffix(links[0], "net2/members.yaml") {
		t.Errorf("links = %q, want net2/members.yaml", links)
	}
	if _, _, err := Files(filepath.Join(dir, "nope")); err == nil {
		t.Error("Files of a missing folder: no error")
	}
}

// windows is text as a Windows editor saves it: with a byte-order mark and
// CR LF line ends.
func windows(text string) string { return "\ufeff" + strings.ReplaceAll(text, "\n", "\r\n") }

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// FuzzFormat: whatever Format accepts, it formats once and for all, keeping
// every comment. (go test -fuzz FuzzFormat ./pkg/yamlfmt/)
func FuzzFormat(f *testing.F) {
	f.Add("status: held   # c\ndate: x\n\n# foot\n")
	f.Add("a:\n    - {b: 1, c: [d, e]}   # x\n    # y\n    - |\n      z\n")
	f.Add("agenda:\n  - # about it\n    title: a\n    kind: b\n\n  # next\n  - title: c\n")
	f.Add("x: >-\n  folded\n  text\n\n  more\ny: 'q''s'\nz: \"d\\\"q\"\n")
	for _, name := range []string{"../../networks/sts-omg/network.yaml", "../../networks/organisations.yaml"} {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(string(data))
		}
	}
	f.Add("\ufeffa: [b, # c\r\n  d] # e\r\n# f\r\n# g\r\nh: 1\r\n")
	f.Fuzz(func(t *testing.T, src string) {
		for _, typ := range []reflect.Type{meetingType, networkType} {
			out, err := Format([]byte(src), typ)
			if err != nil {
				continue
			}
			again, err := Format(out, typ)
			if err != nil {
				t.Fatalf("Format of its own output: %v\ninput:\n%q\noutput:\n%q", err, src, out)
			}
			if string(again) != string(out) {
				t.Fatalf("not idempotent:\ninput:\n%q\nfirst:\n%q\nsecond:\n%q", src, out, again)
			}
			// Saved by a Windows editor (a byte-order mark, CR LF line
			// ends), the file is formatted the same, and written the same
			// way.
			if strings.ContainsRune(src, '\r') || strings.HasPrefix(src, "\ufeff") {
				continue
			}
			win, err := Format([]byte(windows(src)), typ)
			if err != nil {
				t.Fatalf("Format of the CR LF file: %v; of the LF one: none\ninput:\n%q", err, src)
			}
			if want := EncodingOf([]byte(windows(src))).Apply(bytes.Clone(out)); string(win) != string(want) {
				t.Fatalf("CR LF formatted otherwise:\ninput:\n%q\nLF:\n%q\nCR LF:\n%q", src, out, win)
			}
		}
	})
}

// BenchmarkFormatLongFlowList formats a meeting record of about 1 MiB whose
// recommendations are one flow list of quoted scalars on one line: the cost
// must grow with the length of the line, not its square.
func BenchmarkFormatLongFlowList(b *testing.B) {
	var s strings.Builder
	s.WriteString("date: 2026-01-20\nkind: ordinary\nstatus: planned\nrecommendations: [")
	for i := 0; s.Len() < 900_000; i++ {
		if i > 0 {
			s.WriteString(", ")
		}
		fmt.Fprintf(&s, "%q, 'it''s %d', é%d", fmt.Sprint("rec ", i), i, i)
	}
	s.WriteString("]\n")
	src := []byte(s.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := Format(src, reflect.TypeFor[model.Meeting]()); err != nil {
			b.Fatal(err)
		}
	}
}

func TestCommentsKept(t *testing.T) {
	tests := []struct {
		name, src, edited, want string
		line                    int
	}{
		{"all kept", "a: [b, # c\n  d] # e\n", "a:\n  - b # c\n  - d\nx: 1 # e\n", "", 0},
		{"kept in CR LF", "\ufeff# top\r\na: 1 # one\r\n", "# top\na: 1 # one\nb: 2\n", "", 0},
		{"comments added", "a: 1\n", "# new\na: 1\n", "", 0},
		{"new file", "", "a: 1\n", "", 0},
		{"only comments", "# one\n# two\n", "# one\n# two\na: 1\n", "", 0},
		{"lost", "a: 1\n# one\nb: 2 # two\n", "a: 1\n# one\nb: 2\n", `the comment "# two" would be lost`, 3},
		{"a comment twice, one lost", "a: 1 # x\nb: 2 # x\n", "a: 1 # x\nb: 2\n", `the comment "# x" would be lost`, 1},
		{"lost from a file of comments", "# one\n", "a: 1\n", `the comment "# one" would be lost`, 1},
		{"where the parser drops it", "a: [ # c\n  b]\n", "a: [b]\n", "a comment is in a place fmt cannot keep it", 1},
		{"after a flow mapping's brace", "a: 1\nb: { # c\n  x: 1}\n", "a: 1\nb: {x: 1}\n", "a comment is in a place fmt cannot keep it", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := CommentsKept([]byte(tt.src), []byte(tt.edited))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("CommentsKept: %v", err)
				}
				return
			}
			var e *Error
			if !errors.As(err, &e) || !strings.Contains(e.Msg, tt.want) || e.Line != tt.line {
				t.Fatalf("CommentsKept: %v; want %q at line %d", err, tt.want, tt.line)
			}
		})
	}
}

func TestEncoding(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want Encoding
	}{
		{"", Encoding{}},
		{"a: 1\n", Encoding{}},
		{"a: 1\r\n", Encoding{CRLF: true}},
		{"\ufeffa: 1", Encoding{BOM: true}},
		{"\ufeffa: 1\r\nb: 2\n", Encoding{BOM: true, CRLF: true}},
		{"a: 1\nb: 2\r\n", Encoding{}},
		{"\r\n", Encoding{CRLF: true}},
	} {
		if got := EncodingOf([]byte(tt.src)); got != tt.want {
			t.Errorf("EncodingOf(%q) = %+v; want %+v", tt.src, got, tt.want)
		}
	}
	if got := (Encoding{BOM: true, CRLF: true}).Apply([]byte("a: 1\nb: 2\r\n")); string(got) != "\ufeffa: 1\r\nb: 2\r\n" {
		t.Errorf("Apply = %q", got)
	}
	if got := (Encoding{BOM: true}).Apply([]byte("\ufeffa: 1\n")); string(got) != "\ufeffa: 1\n" {
		t.Errorf("Apply with a mark there already = %q", got)
	}
}
