package markdown_test

import (
	"bytes"
	"fmt"
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/govctl/govctl/pkg/markdown"
)

// gfm is an independent CommonMark + GitHub Flavored Markdown renderer. Raw
// HTML is let through (WithUnsafe) so that any that the escaping lets slip
// shows up in the output instead of being dropped.
var gfm = goldmark.New(
	goldmark.WithExtensions(extension.GFM),
	goldmark.WithRendererOptions(gmhtml.WithUnsafe()),
)

// hostile is text a person might type into a YAML field, each chosen to
// become markup if it were not escaped.
var hostile = []string{
	"",
	"   ",
	"plain words",
	"a | b | c",
	"|",
	"||",
	"| leading pipe",
	"trailing pipe |",
	"*emphasis*",
	"**strong**",
	"* bullet",
	"***",
	"* * *",
	"_under_",
	"__strong__",
	"snake_case_name",
	"___",
	"<script>alert(1)</script>",
	"<b>bold</b>",
	"<br>",
	"<!-- comment -->",
	"<?php echo 1; ?>",
	"<![CDATA[x]]>",
	"<http://example.com>",
	"<a@b.com>",
	"> quoted",
	">",
	"a > b < c",
	"`code`",
	"``double``",
	"```",
	"```go\nfmt.Println()\n```",
	"~~~",
	"# heading",
	"#",
	"###### six",
	"#hashtag",
	"- item",
	"-",
	"---",
	"+ item",
	"+",
	"1. first",
	"1) first",
	"2026. A year",
	"1234567890. long",
	"12) twelve",
	"3.14 pi",
	"[link](http://x)",
	"[ref]",
	"[ref]: http://x",
	"[^1]",
	"- [ ] task",
	"- [x] done",
	"![img](x)",
	"!",
	"!not an image",
	"http://example.com",
	"https://example.com/path?a=1&b=2",
	"ftp://example.com",
	"see http://example.com.",
	"www.example.com",
	"WWW.EXAMPLE.COM",
	"go to www.example.com now",
	"a@b.com",
	"mailto:a@b.com",
	"xmpp:a@b.com/c",
	"Email jo.bloggs@council.gov.uk today",
	"@someone",
	"&amp;",
	"&#60;",
	"&#x3C;",
	"&lt;script&gt;",
	"&copy; 2026",
	"fish & chips",
	"&",
	"\\",
	"a\\",
	"trailing backslash \\",
	"\\*not emphasis\\*",
	"C:\\Users\\jo",
	"\\\\server\\share",
	"~strike~",
	"~~strike~~",
	"line one\nline two",
	"line one\r\nline two",
	"line one\rline two",
	"a\rb\r\nc\nd",
	"a\n\nb",
	"a\n\n\n\nb",
	"a\n   \nb",
	"first\n# heading",
	"first\n- item",
	"first\n1. item",
	"first\n> quote",
	"first\n===",
	"first\n---",
	"first\n```",
	"first\r# heading",
	"first\r- item",
	"first\r| a | b |\r| - | - |",
	"a | b\n--- | ---\nc | d",
	"| a | b |\n| - | - |\n| c | d |",
	"a\n:-",
	"a\n-:",
	"a\n:-:",
	"a\n|-",
	"    indented code",
	"\tindented with a tab",
	"line  \nwith two trailing spaces",
	"line\\\nwith a trailing backslash",
	"Ünïcödé — “quotes” ‘single’ …",
	"日本語のテキスト",
	"emoji 🎉 and flags 🇬🇧",
	"right-to-left עברית",
	"non\u00a0breaking\u00a0space",
	"\u00a0# after nbsp",
	"zero\u200bwidth",
	"a $x$ b",
	"$$\nx\n$$",
	"Budget 2027/28: £1,200 (+5%)",
	"Agenda item: \"quoted\" and 'single'",
	"a*b*c",
	"a_b_c",
	"*a **b** c*",
	"a\\|b",
	"`a|b`",
	"| a \\| b |",
	// Names from a pull request: a generated page's own markers, a link
	// out of link text, control characters.
	"<!-- /custom -->",
	"<!-- custom -->",
	"](javascript:alert(1))",
	"x](javascript:alert(1)) [y",
	"[a](b)",
	"`<script>` | pipe",
	"\x1b[31mred\x1b[0m",
	"bell\x07 and nul\x00",
	"vertical\x0btab and form\x0cfeed",
	"\x0bleading vertical tab",
	"next\u0085line and csi\u009b2J",
	"line\u2028separator",
	"name\n<!-- /custom -->\nmore",
	// Links a person's free markdown may hold; only http(s) and mailto
	// stay links.
	"[a](javascript:alert(1))",
	"[a]( JaVa&#115;cript:alert(1) )",
	"[a](java\tscript:alert(1))",
	"[a](javascript&#58;alert(1))",
	"[a](javascript\\:alert(1))",
	"[a](\njavascript:alert(1))",
	"[a](<javascript:alert(1)>)",
	"[a](data:text/html;base64,PHNjcmlwdD4=)",
	"![i](javascript:alert(1))",
	"[ref]\n\n[ref]: javascript:alert(1)",
	"[ref]\n\n[ref]:\n  vbscript:msgbox",
	"[a \\](javascript:alert(1))",
	"[a [b]](javascript:alert(1))",
	"[ok](https://example.com/a?b=1&c=2) [mail](mailto:clerk@example.gov.uk) [rel](papers/x.pdf)",
}

// tag is one HTML tag found in the output.
type tag struct {
	name string // lower case, without "/"
	raw  string
}

// tokens splits goldmark's HTML into tags and text. goldmark escapes every
// "<" in text as &lt;, so any "<" in its output starts a tag (or raw HTML
// that was let through).
func tokens(out string) (tags []tag, texts []string, err error) {
	for len(out) > 0 {
		i := strings.IndexByte(out, '<')
		if i < 0 {
			texts = append(texts, out)
			break
		}
		texts = append(texts, out[:i])
		out = out[i:]
		j := strings.IndexByte(out, '>')
		if j < 0 {
			return nil, nil, fmt.Errorf("unterminated tag %q", out)
		}
		raw := out[:j+1]
		out = out[j+1:]
		name := strings.TrimPrefix(raw[1:len(raw)-1], "/")
		if k := strings.IndexAny(name, " \t\n/"); k >= 0 {
			name = name[:k]
		}
		t := tag{name: strings.ToLower(name), raw: raw}
		tags = append(tags, t)
		if t.name == "br" {
			texts = append(texts, "\n")
		}
	}
	return tags, texts, nil
}

// norm collapses whitespace, as a browser shows it. CommonMark replaces
// NUL with U+FFFD, and the escaping every other control character but line
// breaks and tabs, so that is what a reader sees of one.
func norm(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t' {
			return unicode.ReplacementChar
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}

// render converts doc to HTML with gfm.
func render(t testing.TB, doc string) string {
	t.Helper()
	return convert(t, gfm, doc)
}

// convert converts doc to HTML. CommonMark ends a line at "\r\n", "\n" or
// a lone "\r", and so does GitHub; goldmark takes only the first two, so
// a lone "\r" is given to it as the line ending it is.
func convert(t testing.TB, md goldmark.Markdown, doc string) string {
	t.Helper()
	doc = strings.ReplaceAll(strings.ReplaceAll(doc, "\r\n", "\n"), "\r", "\n")
	var b bytes.Buffer
	if err := md.Convert([]byte(doc), &b); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	return b.String()
}

// checkTags fails unless every tag in out is one of allowed.
func checkTags(t testing.TB, what, doc, out string, tags []tag, allowed ...string) {
	t.Helper()
	for _, tg := range tags {
		ok := false
		for _, a := range allowed {
			if tg.name == a {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%s: markup %s appeared\nmarkdown: %q\nhtml: %q", what, tg.raw, doc, out)
		}
	}
}

// context is a place in a generated paper where escaped text goes.
type context struct {
	name   string
	before string
	after  string
	// textBefore and textAfter are what the context's own markdown reads as.
	textBefore, textAfter string
	// allowed are the tags the context itself makes.
	allowed []string
	// nonEmpty: the context only makes sense with some text.
	nonEmpty bool
	// oneLine: the context only takes a single line (a heading).
	oneLine bool
}

// textContexts are where the templates put markdown.Text: a paragraph of its
// own, a bullet, a bold numbered agenda item (with a note after it), a bold
// bullet, after a label, and a heading (names, which are one line).
var textContexts = []context{
	{name: "paragraph", allowed: []string{"p", "br"}},
	{name: "bullet", before: "- ", allowed: []string{"ul", "li", "p", "br"}},
	{name: "bold item", before: "1. **", after: "**", allowed: []string{"ol", "li", "p", "strong", "br"}, nonEmpty: true},
	{name: "labelled line", before: "Votes: ", after: ".", textBefore: "Votes: ", textAfter: ".", allowed: []string{"p", "br"}},
	{name: "bold item with a note", before: "1. **", after: "**<br>Presenter: Jo", textAfter: "\nPresenter: Jo", allowed: []string{"ol", "li", "p", "strong", "br"}, nonEmpty: true},
	{name: "bold bullet", before: "- **", after: "** (presenter: Jo)", textAfter: " (presenter: Jo)", allowed: []string{"ul", "li", "p", "strong", "br"}, nonEmpty: true},
	{name: "heading", before: "# ", after: ": Ordinary meeting", textAfter: ": Ordinary meeting", allowed: []string{"h1"}, nonEmpty: true, oneLine: true},
}

// noControls fails if esc holds a control character but a line break: an
// escape in a page would drive the terminal of whoever prints it.
func noControls(t testing.TB, what, esc string) {
	t.Helper()
	if i := strings.IndexFunc(esc, func(r rune) bool { return unicode.IsControl(r) && r != '\n' && r != '\t' }); i >= 0 {
		t.Errorf("%s = %q holds a control character", what, esc)
	}
}

func checkText(t testing.TB, s string) {
	t.Helper()
	esc := markdown.Text(s)
	noControls(t, fmt.Sprintf("Text(%q)", s), esc)
	for _, c := range textContexts {
		if c.nonEmpty && esc == "" || c.oneLine && strings.Contains(esc, "\n") {
			continue
		}
		doc := c.before + esc + c.after + "\n"
		out := render(t, doc)
		tags, texts, err := tokens(out)
		if err != nil {
			t.Fatalf("Text(%q) in a %s: %v", s, c.name, err)
		}
		checkTags(t, fmt.Sprintf("Text(%q) in a %s", s, c.name), doc, out, tags, c.allowed...)
		want := norm(c.textBefore + norm(s) + c.textAfter)
		got := norm(html.UnescapeString(strings.Join(texts, "")))
		if got != want {
			t.Errorf("Text(%q) in a %s reads %q, want %q\nmarkdown: %q\nhtml: %q", s, c.name, got, want, doc, out)
		}
	}
	// A paragraph never gains a second block: no line of it may be read
	// as anything but text.
	if esc != "" {
		out := render(t, esc+"\n")
		if n := strings.Count(out, "<p>"); n != 1 {
			t.Errorf("Text(%q) as a paragraph made %d paragraphs\nmarkdown: %q\nhtml: %q", s, n, esc, out)
		}
	}
}

// cellTexts is the text of each cell of the table's rows (the header row's
// cells are <th>, so it has none), with the number of header cells.
func cellTexts(t testing.TB, out string) (rows [][]string, headers int) {
	t.Helper()
	var cur *strings.Builder
	rest := out
	for {
		i := strings.IndexByte(rest, '<')
		if i < 0 {
			break
		}
		if cur != nil {
			cur.WriteString(rest[:i])
		}
		j := strings.IndexByte(rest[i:], '>')
		if j < 0 {
			t.Fatalf("unterminated tag in %q", out)
		}
		raw := rest[i : i+j+1]
		rest = rest[i+j+1:]
		switch {
		case raw == "<tr>":
			rows = append(rows, nil)
		case raw == "<th>" || strings.HasPrefix(raw, "<th "):
			headers++
		case raw == "<td>" || strings.HasPrefix(raw, "<td "):
			cur = &strings.Builder{}
		case raw == "</td>" && cur != nil && len(rows) > 0:
			rows[len(rows)-1] = append(rows[len(rows)-1], norm(html.UnescapeString(cur.String())))
			cur = nil
		case strings.HasPrefix(raw, "<br") && cur != nil:
			cur.WriteString("\n")
		}
	}
	return rows, headers
}

func checkCell(t testing.TB, s string) {
	t.Helper()
	esc := markdown.Cell(s)
	noControls(t, fmt.Sprintf("Cell(%q)", s), esc)
	for _, v := range []struct {
		name string
		row  string
		col  int
		want string
	}{
		{"column 1", "| " + esc + " | other |", 0, norm(s)},
		{"column 2", "| other | " + esc + " |", 1, norm(s)},
		// The action log adds the latest update after the text.
		{"column 1 with a note", "| " + esc + "<br>Latest: note | other |", 0, norm(s + "\nLatest: note")},
	} {
		doc := "| Head | Head |\n| --- | --- |\n" + v.row + "\n"
		out := render(t, doc)
		tags, _, err := tokens(out)
		if err != nil {
			t.Fatalf("Cell(%q): %v", s, err)
		}
		what := fmt.Sprintf("Cell(%q) in %s", s, v.name)
		checkTags(t, what, doc, out, tags, "table", "thead", "tbody", "tr", "th", "td", "br")
		rows, headers := cellTexts(t, out)
		// rows[0] is the header row (no <td>).
		if headers != 2 || len(rows) != 2 || len(rows[1]) != 2 {
			t.Errorf("%s: the table lost its shape: %d headers, rows %q\nmarkdown: %q\nhtml: %q", what, headers, rows, doc, out)
			continue
		}
		if got := rows[1][v.col]; got != v.want {
			t.Errorf("%s reads %q, want %q\nmarkdown: %q\nhtml: %q", what, got, v.want, doc, out)
		}
		if got := rows[1][1-v.col]; got != "other" {
			t.Errorf("%s: the other cell reads %q\nmarkdown: %q\nhtml: %q", what, got, doc, out)
		}
	}
	if strings.ContainsAny(esc, "\r\n") {
		t.Errorf("Cell(%q) = %q: a line break would end the table row", s, esc)
	}
}

// lineContexts are where the templates put markdown.Line: a heading, link
// text (a body's name on its parent's page), and link text in a table cell
// (a body's row in the index).
var lineContexts = []struct {
	name, before, after string
	textBefore          string
	allowed             []string
	table               bool
}{
	{name: "heading", before: "# ", after: ": Ordinary meeting", allowed: []string{"h1"}},
	{name: "link text", before: "Reporting to it: [", after: "](../sts-omg/README.md).", textBefore: "Reporting to it: ", allowed: []string{"p", "a"}},
	{name: "link text in a cell", before: "| Body | Chair |\n| --- | --- |\n| ↳ [", after: "](sts-omg/README.md) | Jo |", table: true,
		allowed: []string{"table", "thead", "tbody", "tr", "th", "td", "a"}},
}

func checkLine(t testing.TB, s string) {
	t.Helper()
	esc := markdown.Line(s)
	noControls(t, fmt.Sprintf("Line(%q)", s), esc)
	if strings.ContainsAny(esc, "\r\n") {
		t.Errorf("Line(%q) = %q holds a line break", s, esc)
	}
	if esc == "" {
		return
	}
	for _, c := range lineContexts {
		doc := c.before + esc + c.after + "\n"
		out := render(t, doc)
		tags, texts, err := tokens(out)
		if err != nil {
			t.Fatalf("Line(%q) in %s: %v", s, c.name, err)
		}
		what := fmt.Sprintf("Line(%q) in %s", s, c.name)
		checkTags(t, what, doc, out, tags, c.allowed...)
		links := 0
		for _, tg := range tags {
			if tg.name == "a" && !strings.HasPrefix(tg.raw, "</") {
				links++
				if !strings.Contains(tg.raw, `href="../sts-omg/README.md"`) && !strings.Contains(tg.raw, `href="sts-omg/README.md"`) {
					t.Errorf("%s: the link leads elsewhere: %s\nhtml: %q", what, tg.raw, out)
				}
			}
		}
		if c.name != "heading" && links != 1 {
			t.Errorf("%s: %d links, want 1\nmarkdown: %q\nhtml: %q", what, links, doc, out)
		}
		if c.table {
			rows, headers := cellTexts(t, out)
			if headers != 2 || len(rows) != 2 || len(rows[1]) != 2 || rows[1][0] != norm("↳ "+s) || rows[1][1] != "Jo" {
				t.Errorf("%s: the table reads %q (%d headers), want [↳ %s, Jo]\nmarkdown: %q\nhtml: %q", what, rows, headers, norm(s), doc, out)
			}
			continue
		}
		got := norm(html.UnescapeString(strings.Join(texts, "")))
		if !strings.HasPrefix(got, norm(c.textBefore+norm(s))) {
			t.Errorf("%s reads %q, want %q first\nmarkdown: %q\nhtml: %q", what, got, norm(c.textBefore+s), doc, out)
		}
	}
}

func TestLine(t *testing.T) {
	for _, s := range hostile {
		checkLine(t, s)
	}
}

func TestText(t *testing.T) {
	for _, s := range hostile {
		checkText(t, s)
	}
}

func TestCell(t *testing.T) {
	for _, s := range hostile {
		checkCell(t, s)
	}
}

// TestTextExact pins the escaping of a few inputs, so that a change to it is
// seen in review.
func TestTextExact(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"  plain  ", "plain"},
		{"a | b", `a \| b`},
		{"# h", `\# h`},
		{"1. x", `1\. x`},
		{"a\r\nb", "a\\\nb"},
		{"a\rb", "a\\\nb"},
		{"a@b.com", "a&#64;b.com"},
		{"http://x", "http&#58;//x"},
		{"www.x", `www\.x`},
		{"&amp;", "&amp;amp;"},
		{"$x$", `\$x\$`},
		// A table's delimiter row at the start of a line.
		{"a\n:-", "a\\\n\\:-"},
		// A backslash typed at the end of a line, before the hard break.
		{"a\\\nb", "a&#92;\\\nb"},
	} {
		if got := markdown.Text(c.in); got != c.want {
			t.Errorf("Text(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"a\nb", "a<br>b"},
		{"a\r\n\r\nb", "a<br>b"},
		{"a\rb", "a<br>b"},
		{"a|b", `a\|b`},
		{"\n\n", ""},
	} {
		if got := markdown.Cell(c.in); got != c.want {
			t.Errorf("Cell(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"Operational Management Group", "Operational Management Group"},
		{"a\n  <!-- /custom -->", `a \<!-- /custom --\>`},
		{"](javascript:alert(1))", `\](javascript:alert(1))`},
		{"x\x1b[2J", "x\uFFFD\\[2J"},
		{"# a\r\n# b", `\# a # b`},
	} {
		if got := markdown.Line(c.in); got != c.want {
			t.Errorf("Line(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// safeGFM is goldmark as it is by default: raw HTML is left out, with a
// comment saying so.
var safeGFM = goldmark.New(goldmark.WithExtensions(extension.GFM))

// TestBlock checks that free markdown keeps its markdown but never carries
// raw HTML, nor a link to anything but http(s) and mail addresses.
func TestBlock(t *testing.T) {
	for _, s := range hostile {
		checkBlock(t, s)
	}
	// Links to the web, mail and files are kept.
	out := render(t, markdown.Block("[ok](https://example.com/a?b=1&c=2) [mail](mailto:clerk@example.gov.uk) [rel](papers/x.pdf) ![i](https://example.com/i.png)")+"\n")
	for _, want := range []string{`<a href="https://example.com/a?b=1&amp;c=2">ok</a>`, `<a href="mailto:clerk@example.gov.uk">mail</a>`, `<a href="papers/x.pdf">rel</a>`, `<img src="https://example.com/i.png" alt="i">`} {
		if !strings.Contains(out, want) {
			t.Errorf("Block lost the link %s: %q", want, out)
		}
	}
	// Markdown is kept.
	out = render(t, markdown.Block("**Budget**\n\n- one\n- two")+"\n")
	if !strings.Contains(out, "<strong>Budget</strong>") || !strings.Contains(out, "<li>one</li>") {
		t.Errorf("Block lost its markdown: %q", out)
	}
}

// reScheme is a URL's scheme as browsers read one.
var reScheme = regexp.MustCompile(`^([a-z][a-z0-9+.-]*):`)

func checkBlock(t testing.TB, s string) {
	t.Helper()
	esc := markdown.Block(s)
	noControls(t, fmt.Sprintf("Block(%q)", s), esc)
	out := convert(t, safeGFM, esc+"\n")
	if strings.Contains(out, "raw HTML omitted") {
		t.Errorf("Block(%q) carries raw HTML\nmarkdown: %q\nhtml: %q", s, esc, out)
	}
	// goldmark's default renderer drops dangerous links itself; the
	// unsafe one shows what a renderer that does not would link to.
	out = render(t, esc+"\n")
	for _, m := range regexp.MustCompile(`(?:href|src)="([^"]*)"`).FindAllStringSubmatch(out, -1) {
		// As a browser reads the attribute: entities decoded, spaces and
		// control characters dropped.
		d := strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || unicode.IsControl(r) {
				return -1
			}
			return unicode.ToLower(r)
		}, html.UnescapeString(m[1]))
		// GFM itself links ftp:// addresses typed as text.
		if m := reScheme.FindStringSubmatch(d); m != nil && m[1] != "http" && m[1] != "https" && m[1] != "mailto" && m[1] != "ftp" {
			t.Errorf("Block(%q) links to %q\nmarkdown: %q\nhtml: %q", s, m[1], esc, out)
		}
	}
}

func FuzzBlock(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validInput(s) {
			t.Skip()
		}
		checkBlock(t, s)
	})
}

func validInput(s string) bool {
	// The loader refuses files that are not UTF-8.
	return utf8.ValidString(s)
}

func FuzzText(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validInput(s) {
			t.Skip()
		}
		checkText(t, s)
	})
}

func FuzzLine(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validInput(s) {
			t.Skip()
		}
		checkLine(t, s)
	})
}

func FuzzCell(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !validInput(s) {
			t.Skip()
		}
		checkCell(t, s)
	})
}
