package render_test

import (
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/report"
)

// hostileNames are names and text a pull request may put in a repository,
// each valid data that would become markup, a link, a page's own markers or
// a control sequence if it were written raw.
var hostileNames = []string{
	"<script>alert(1)</script>",
	"Board <!-- /custom --> after",
	"Name\n<!-- /custom -->\n# Heading",
	"x](javascript:alert(1)) [y",
	"[z](javascript:alert(2))",
	"`code` and ``more``",
	"a | b | c",
	"line one\nline two\r\nline three",
	"\x1b[31mred\x1b[0m \x1b]0;title\x07",
	"<img src=x onerror=alert(1)>",
	"&#60;script&#62; &lt;b&gt;",
	"https://evil.example/x",
}

// freeText is a person's free markdown (notes, what was minuted under an
// item): kept as markdown, but its raw HTML escaped and its links to
// anything but http(s) and mail addresses not links.
const freeText = "See [the budget](https://example.com/budget) and <script>alert(1)</script>.\n\n" +
	"[z](javascript:alert(2)) [w]( JaVa&#115;cript:alert(3)) ![i](javascript:alert(4))\n\n" +
	"[ref]\n\n[ref]: javascript:alert(5)\n"

// hostileRepo writes a small valid repository whose every name is
// hostileNames[i] for some i: a board, a body reporting to it, members and
// an organisation, a kind's standing item, a planned meeting with papers
// and a held one with decisions and actions.
func hostileRepo(t *testing.T, name func(i int) string) string {
	t.Helper()
	q := func(i int) string { return strconv.Quote(name(i)) }
	files := map[string]string{
		"govctl.yaml":        "rules: {unscheduled: off, cadence-gap: off, cadence-count: off, minutes-unapproved: off, office-vacant: off, time-missing: off}\n",
		"organisations.yaml": "organisations:\n  - id: brent\n    name: " + q(0) + "\n",
		"board/network.yaml": "id: board\nname: " + q(1) + "\naliases: [" + q(2) + "]\npurpose: " + q(3) + "\n" +
			"offices:\n  chair: {appointment: elected}\n" +
			"seats:\n  - {organisations: [brent], title: " + q(4) + ", per_organisation: {min: 1, max: 2}}\n" +
			"meetings:\n  ordinary:\n    every: P1M\n    description: " + q(5) + "\n    standing_items: [" + q(6) + "]\n",
		"board/members.yaml": "members:\n  - {id: a, name: " + q(7) + ", organisation: brent, seat: " + q(4) + "}\n" +
			"  - {id: b, name: " + q(8) + ", organisation: brent, seat: " + q(4) + "}\n" +
			"office_holders:\n  - {office: chair, member: a}\n",
		"child/network.yaml": "id: child\nname: " + q(9) + "\nparent: board\n",
		"board/meetings/2026-11-17.yaml": "date: 2026-11-17\nkind: ordinary\nstatus: held\nchair: a\n" +
			"attendance: {present: [a, b], guests: [" + q(10) + "]}\n" +
			"agenda:\n  - title: " + q(11) + "\n    paper: \"papers/a (1) & b#c.pdf\"\n    minutes: " + strconv.Quote(freeText) + "\n" +
			"decisions:\n  - {id: D-1, item: " + q(11) + ", text: " + q(0) + ", outcome: agreed}\n" +
			"actions:\n  - {id: A-1, text: " + q(3) + ", owner: b, due: 2026-12-01}\n" +
			"recommendations: [" + q(5) + "]\nnotes: " + strconv.Quote(freeText) + "\n",
		"board/meetings/2026-12-15.yaml": "date: 2026-12-15\nkind: ordinary\nstatus: planned\n" +
			"agenda:\n  - title: " + q(7) + "\n    presenter: b\n    paper: \"https://example.com/papers?a=1&b=javascript&#58;x\"\n" +
			"  - title: " + q(8) + "\n    kind: urgent\n    urgent_reason: " + q(9) + "\n",
	}
	dir := t.TempDir()
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pageProblems lists what a generated page must not hold, on top of
// renderingProblems: a control character, a page's own custom markers
// (the network page has its one pair), a link that leads anywhere but
// to a path or an http(s) address, and a second first-level heading.
func pageProblems(md goldmark.Markdown, src []byte, markers int) []string {
	var out []string
	for _, p := range renderingProblems(md, src) {
		// The network page's own markers are its one raw HTML.
		if markers == 0 || p != `raw HTML block "`+render.CustomStart+`\n"` && p != `raw HTML block "`+render.CustomEnd+`\n"` {
			out = append(out, p)
		}
	}
	s := string(src)
	if i := strings.IndexFunc(s, func(r rune) bool { return unicode.IsControl(r) && r != '\n' }); i >= 0 {
		out = append(out, "a control character "+strconv.QuoteRune([]rune(s[i:])[0]))
	}
	for _, m := range []string{render.CustomStart, render.CustomEnd} {
		if n := strings.Count(s, m); n != markers {
			out = append(out, strconv.Itoa(n)+" of "+m+", want "+strconv.Itoa(markers))
		}
	}
	doc := md.Parser().Parse(text.NewReader(src))
	h1 := 0
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level == 1 {
				h1++
			}
		case *ast.Link:
			if why := badDestination(html.UnescapeString(string(n.Destination))); why != "" {
				out = append(out, "a link to "+strconv.Quote(string(n.Destination))+": "+why)
			}
		case *ast.Image:
			if why := badDestination(html.UnescapeString(string(n.Destination))); why != "" {
				out = append(out, "an image of "+strconv.Quote(string(n.Destination))+": "+why)
			}
		case *ast.AutoLink:
			if why := badDestination(string(n.URL(src))); why != "" {
				out = append(out, "an autolink to "+strconv.Quote(string(n.URL(src)))+": "+why)
			}
		}
		return ast.WalkContinue, nil
	})
	if h1 != 1 {
		out = append(out, strconv.Itoa(h1)+" first-level headings")
	}
	return out
}

// badDestination says what is wrong with a link's destination as a browser
// reads it (spaces and control characters around it dropped, tabs and line
// breaks within it removed): a scheme but http or https, or a path that is
// absolute.
func badDestination(d string) string {
	d = strings.TrimFunc(d, func(r rune) bool { return r <= ' ' })
	d = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(d)
	if strings.HasPrefix(d, "/") || strings.HasPrefix(d, `\`) {
		return "absolute"
	}
	if m := regexp.MustCompile(`^([a-zA-Z][a-zA-Z0-9+.-]*):`).FindStringSubmatch(d); m != nil {
		if s := strings.ToLower(m[1]); s != "http" && s != "https" {
			return "scheme " + s
		}
	}
	return ""
}

// TestHostileNames renders every page from repositories whose names are
// hostile: each page renders as text, keeps its tables and its one pair of
// custom markers, and links only where govctl links.
func TestHostileNames(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	now := func() time.Time { return time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC) }
	for shift := range hostileNames {
		name := func(i int) string { return hostileNames[(i+shift)%len(hostileNames)] }
		dir := hostileRepo(t, name)
		res, err := check.OpenSound(dir, nil, now)
		if err != nil {
			t.Fatalf("shift %d: %v", shift, err)
		}
		if res.LeftOut != nil {
			t.Fatalf("shift %d: %v", shift, res.LeftOut)
		}
		asOf := model.Date{Date: res.Today.Date}
		pages := map[string][]byte{}
		var rows []report.NetworkRow
		inputs := map[string]render.Inputs{}
		for _, nx := range res.Nets() {
			in := render.Inputs{Net: nx, Calendar: res.Calendar, Location: res.Location, Today: res.Today}
			inputs[nx.N.ID] = in
			page, err := render.Network(in, asOf, func(*model.Meeting) bool { return true })
			if err != nil {
				t.Fatal(err)
			}
			pages[nx.N.ID+"/README.md"] = page
			rows = append(rows, report.Row(nx, asOf))
		}
		if len(rows) != 2 {
			t.Fatalf("shift %d: %d bodies, want 2", shift, len(rows))
		}
		in := inputs["board"]
		for _, date := range []string{"2026-11-17", "2026-12-15"} {
			var m *model.Meeting
			for _, mt := range in.Net.N.MeetingList {
				if mt.Date.String() == date {
					m = mt
				}
			}
			for suffix, f := range map[string]func(render.Inputs, *model.Meeting) ([]byte, error){".agenda.md": render.Agenda, ".minutes.md": render.Minutes} {
				page, err := f(in, m)
				if err != nil {
					t.Fatal(err)
				}
				pages[date+suffix] = page
			}
		}
		index, err := render.Index(rows, asOf)
		if err != nil {
			t.Fatal(err)
		}
		pages["README.md"] = index
		for p, page := range pages {
			markers := 0
			if strings.HasSuffix(p, "/README.md") {
				markers = 1
			}
			for _, problem := range pageProblems(md, page, markers) {
				t.Errorf("shift %d, %s: %s\n%s", shift, p, problem, page)
			}
		}
		// The body reporting to the board is linked from its page, once,
		// with its name as the link's text.
		links := 0
		doc := md.Parser().Parse(text.NewReader(pages["board/README.md"]))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering && string(l.Destination) == "../child/README.md" {
				links++
			}
			return ast.WalkContinue, nil
		})
		if links != 1 {
			t.Errorf("shift %d: %d links to the child body on the board's page, want 1\n%s", shift, links, pages["board/README.md"])
		}
	}
}

// TestPaperLinks: a paper is linked only where it is a path inside the
// repository or an http(s) address, its target encoded; anything else is
// text (validate reports it as paper-link, and no command writes a paper
// then, but the page is safe all the same).
func TestPaperLinks(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	ws := open(t, today)
	m := meeting(t, ws, "2026-12-29")
	for _, c := range []struct {
		paper, dest string // dest "" when the paper is text
	}{
		{"papers/budget.pdf", "papers/budget.pdf"},
		{"papers/a (1) & b#c?.pdf", "papers/a%20%281%29%20%26%20b%23c%3F.pdf"},
		{"https://example.com/p?a=1&b=2", "https://example.com/p?a=1&b=2"},
		{"https://example.com/?q=javascript&#58;alert(1)", "https://example.com/?q=javascript&#58;alert%281%29"},
		{"javascript&#58;alert(1)", "javascript%26%2358%3Balert%281%29"},
		{"javascript:alert(1)", ""},
		{" JavaScript:alert(1)", ""},
		{"java\rscript:alert(1)", ""},
		{"papers/x.pdf\r[a](javascript:alert(1))", ""},
		{`\javascript:alert(1)`, ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"../../../../etc/passwd", ""},
		{"//evil.example/x.pdf", ""},
	} {
		m.Agenda = []model.AgendaItem{{Title: "Budget", Paper: c.paper}}
		out, err := render.Agenda(ws.Inputs(), m)
		if err != nil {
			t.Fatal(err)
		}
		var dests []string
		doc := md.Parser().Parse(text.NewReader(out))
		_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if l, ok := n.(*ast.Link); ok && entering && !strings.HasSuffix(string(l.Destination), ".minutes.md") {
				// CommonMark decodes entities in a destination. (The link
				// to the minutes to approve is not the paper's.)
				dests = append(dests, html.UnescapeString(string(l.Destination)))
			}
			return ast.WalkContinue, nil
		})
		want := []string(nil)
		if c.dest != "" {
			want = []string{c.dest}
		}
		if strings.Join(dests, "\n") != strings.Join(want, "\n") {
			t.Errorf("paper %q: links %q, want %q\n%s", c.paper, dests, want, out)
		}
		for _, problem := range pageProblems(md, out, 0) {
			t.Errorf("paper %q: %s", c.paper, problem)
		}
	}
}
