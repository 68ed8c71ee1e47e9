package render_test

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/workspace"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata from the current output")

const (
	repoDir = "testdata/repo"
	network = "ops-board"
)

// today is the fixed clock of the tests: 10 December 2026, before the papers
// deadline of the meeting of 29 December.
var today = time.Date(2026, 12, 10, 9, 0, 0, 0, time.UTC)

func open(t *testing.T, now time.Time) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(repoDir, network, func() time.Time { return now })
	if err != nil {
		if fe, ok := err.(*check.FindingsError); ok {
			for _, d := range fe.Diagnostics {
				t.Log(d)
			}
		}
		t.Fatalf("workspace.Open: %v", err)
	}
	return ws
}

// reindex indexes ws's network again after a test changed its model: the
// index answers for the model as it was loaded.
func reindex(ws *workspace.Workspace) {
	ws.Index = terms.NewRepo(ws.Repo)
	ws.Net = ws.Index.Network(ws.Net.N)
}

func meeting(t *testing.T, ws *workspace.Workspace, date string) *model.Meeting {
	t.Helper()
	m, err := ws.Meeting(date, "")
	if err != nil || m == nil {
		t.Fatalf("meeting %s: %v", date, err)
	}
	return m
}

type paper struct {
	golden string
	date   string
	render func(render.Inputs, *model.Meeting) ([]byte, error)
}

// papers are the goldens: every meeting's agenda, and the minutes of the
// held meetings.
var papers = []paper{
	{"agenda-2026-10-13.golden", "2026-10-13", render.Agenda},
	{"agenda-2026-11-10.golden", "2026-11-10", render.Agenda},
	{"agenda-2026-12-29.golden", "2026-12-29", render.Agenda},
	{"agenda-2027-02-09.golden", "2027-02-09", render.Agenda},
	{"agenda-2027-03-30.golden", "2027-03-30", render.Agenda},
	{"minutes-2026-10-13.golden", "2026-10-13", render.Minutes},
	{"minutes-2026-11-10.golden", "2026-11-10", render.Minutes},
}

func generate(t *testing.T, ws *workspace.Workspace, p paper) []byte {
	t.Helper()
	out, err := p.render(ws.Inputs(), meeting(t, ws, p.date))
	if err != nil {
		t.Fatalf("%s: %v", p.golden, err)
	}
	return out
}

func TestGolden(t *testing.T) {
	ws := open(t, today)
	for _, p := range papers {
		t.Run(p.golden, func(t *testing.T) {
			got := generate(t, ws, p)
			path := filepath.Join("testdata", p.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./pkg/render/ -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (go test ./pkg/render/ -update rewrites it):\n%s", p.golden, diff(string(want), string(got)))
			}
		})
	}
}

// diff shows the first lines that differ.
func diff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	n := 0
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n  want %q\n  got  %q\n", i+1, wl, gl)
			if n++; n == 10 {
				break
			}
		}
	}
	return b.String()
}

func mustContain(t *testing.T, what string, out []byte, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !bytes.Contains(out, []byte(s)) {
			t.Errorf("%s lacks %q:\n%s", what, s, out)
		}
	}
}

func mustNotContain(t *testing.T, what string, out []byte, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("%s has %q:\n%s", what, s, out)
		}
	}
}

// TestPapersDeadline: a meeting on Tuesday 29 December 2026 with two
// business days' notice. Monday 28th and Friday 25th are bank holidays, so
// Thursday 24th is the first business day back and Wednesday 23rd the
// deadline (docs/format.md, "Business days and notice").
func TestPapersDeadline(t *testing.T) {
	ws := open(t, today)
	m := meeting(t, ws, "2026-12-29")
	out, err := render.Agenda(ws.Inputs(), m)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "agenda of 2026-12-29", out,
		"| Papers deadline | Wednesday 23 December 2026 |\n",
		"| Date | Tuesday 29 December 2026 |\n",
		"| Time | 10:00 to 12:00 (GMT) |\n")

	// The day after the deadline, with no papers sent, it has passed.
	late := open(t, time.Date(2026, 12, 24, 9, 0, 0, 0, time.UTC))
	out, err = render.Agenda(late.Inputs(), meeting(t, late, "2026-12-29"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "agenda of 2026-12-29 on 24 December", out, "| Papers deadline | Wednesday 23 December 2026 (**passed**) |\n")

	// On the deadline itself it has not.
	onTime := open(t, time.Date(2026, 12, 23, 17, 0, 0, 0, time.UTC))
	out, err = render.Agenda(onTime.Inputs(), meeting(t, onTime, "2026-12-29"))
	if err != nil {
		t.Fatal(err)
	}
	mustNotContain(t, "agenda of 2026-12-29 on 23 December", out, "passed")

	// Easter 2027: Good Friday 26 March and Easter Monday 29 March are bank
	// holidays, so for Tuesday 30 March the deadline is Wednesday 24th; and
	// summer time has begun.
	out, err = render.Agenda(ws.Inputs(), meeting(t, ws, "2027-03-30"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "agenda of 2027-03-30", out,
		"| Papers deadline | Wednesday 24 March 2027 |\n",
		"| Time | 10:00 to 12:00 (BST) |\n")
}

func TestMinutesFacts(t *testing.T) {
	ws := open(t, today)

	out, err := render.Minutes(ws.Inputs(), meeting(t, ws, "2026-11-10"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "minutes of 2026-11-10", out,
		"The meeting was not quorate.",
		"- no voting member or substitute from Lewisham was present\n",
		"> **Warning:** taken without a quorum: ",
		"## Minutes\n\n**Draft**",
		"Present (2):\n",
		"Apologies (3):\n",
		// A stand-in where the seat allows any counts; where it takes only
		// named substitutes, they attend and the minutes say why they do
		// not count.
		"Stand-ins (2):\n",
		"- Sam Smith, Head of Infrastructure (STS), standing in for Jordan Lee\n",
		"- Jo Bloggs, IT Service Manager (Southwark), standing in for Ama Mensah: attended, but not counted toward the quorum or the votes, as the seat \"Appointed Partner\" takes only the substitutes named in members.yaml\n",
		// It approved the minutes of the meeting before.
		"The minutes of the meeting of Tuesday 13 October 2026 were approved.")

	out, err = render.Minutes(ws.Inputs(), meeting(t, ws, "2026-10-13"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "minutes of 2026-10-13", out,
		"The meeting was quorate.",
		"> **Warning:** recorded as agreed, but the votes do not carry it under the terms.",
		"Approved at the meeting of Tuesday 10 November 2026.")
	mustNotContain(t, "minutes of 2026-10-13", out, "Draft", "draft", "not quorate")
	// The contradiction is reported once, and only on that decision.
	if n := bytes.Count(out, []byte("> **Warning:**")); n != 1 {
		t.Errorf("minutes of 2026-10-13 have %d warnings, want 1:\n%s", n, out)
	}
}

// TestDraftUntilApproved: minutes are a draft until a later held meeting
// approves them.
func TestDraftUntilApproved(t *testing.T) {
	isDraft := func(ws *workspace.Workspace) bool {
		t.Helper()
		out, err := render.Minutes(ws.Inputs(), meeting(t, ws, "2026-10-13"))
		if err != nil {
			t.Fatal(err)
		}
		d := bytes.Contains(out, []byte("**Draft**"))
		if n := bytes.Count(bytes.ToLower(out), []byte("draft")); d && n != 1 {
			t.Errorf("the minutes say draft %d times, want once:\n%s", n, out)
		}
		if !d && !bytes.Contains(out, []byte("Approved at the meeting of")) {
			t.Errorf("minutes say neither draft nor approved:\n%s", out)
		}
		return d
	}
	if ws := open(t, today); isDraft(ws) {
		t.Error("the minutes of 2026-10-13 are a draft, though the held meeting of 2026-11-10 approved them")
	}

	// Before the approving meeting was held, it was only planned.
	ws := open(t, today)
	meeting(t, ws, "2026-11-10").Status = "planned"
	reindex(ws)
	if !isDraft(ws) {
		t.Error("the minutes of 2026-10-13 are approved by a meeting that was not held")
	}

	// Held, but it did not approve them.
	ws = open(t, today)
	meeting(t, ws, "2026-11-10").ApprovesMinutes = nil
	reindex(ws)
	if !isDraft(ws) {
		t.Error("the minutes of 2026-10-13 are approved, though no meeting approved them")
	}
}

// TestAgendaFacts checks what the agendas carry forward.
func TestAgendaFacts(t *testing.T) {
	ws := open(t, today)
	out, err := render.Agenda(ws.Inputs(), meeting(t, ws, "2026-12-29"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "agenda of 2026-12-29", out,
		"To approve the minutes of the meeting of Tuesday 10 November 2026.",
		"## Urgent business",
		"| Venue | Online, or at the offices of Southwark (next in the rotation) |",
		// A-2 is still open with the due date the update set, and its
		// latest note.
		"| A-2 |",
		"<br>Latest: Waiting for Lewisham \\| Southwark<br>next step: \\*workshop\\* | Priya Shah | 2027-01-15 | 2026-10-13 |",
		// A-3 is due before the meeting.
		"2026-12-18 **overdue**")
	// A-1 was done at the meeting of 2026-11-10.
	mustNotContain(t, "agenda of 2026-12-29", out, "| A-1 |")

	out, err = render.Agenda(ws.Inputs(), meeting(t, ws, "2027-02-09"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "agenda of 2027-02-09", out, "**This meeting is cancelled.**")
}

// TestGoldensRenderCleanly renders every golden with an independent
// CommonMark + GFM renderer: no raw HTML but <br> and the header comment,
// and every table row keeps the table's columns.
func TestGoldensRenderCleanly(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, p := range papers {
		src, err := os.ReadFile(filepath.Join("testdata", p.golden))
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range renderingProblems(md, src) {
			t.Errorf("%s: %s", p.golden, problem)
		}
	}
	// And the papers as generated now, should a golden be stale.
	ws := open(t, today)
	for _, p := range papers {
		for _, problem := range renderingProblems(md, generate(t, ws, p)) {
			t.Errorf("%s as generated: %s", p.golden, problem)
		}
	}
}

// TestRenderingProblems shows that the check above sees what it looks for.
func TestRenderingProblems(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	head := render.Header + "\n\n"
	for _, c := range []struct{ name, src, want string }{
		{"clean", head + "Text<br>more\n\n| A | B |\n| --- | --- |\n| a \\| b | c |\n", ""},
		{"no header", "Text\n", "header comment"},
		{"inline HTML", head + "a <b>bold</b>\n", "raw HTML"},
		{"HTML block", head + "<div>\nx\n</div>\n", "raw HTML block"},
		{"extra cell", head + "| A | B |\n| --- | --- |\n| a | b | c |\n", "has 3 cells"},
		{"broken row", head + "| A | B |\n| --- | --- |\n| a\nb | c |\n", "has 1 cells"},
	} {
		got := strings.Join(renderingProblems(md, []byte(c.src)), "\n")
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("%s: problems %q, want one with %q", c.name, got, c.want)
		}
	}
}

// renderingProblems parses src as GitHub would and lists what is wrong:
// raw HTML other than <br> and the header comment, and table rows whose
// cells differ in number from their header's.
func renderingProblems(md goldmark.Markdown, src []byte) []string {
	var out []string
	if !bytes.HasPrefix(src, []byte(render.Header+"\n")) {
		out = append(out, "does not start with the header comment")
	}
	if bytes.ContainsAny(src, "\r\x00") {
		out = append(out, "holds a carriage return or NUL")
	}
	doc := md.Parser().Parse(text.NewReader(src))
	var tables []*east.Table
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.HTMLBlock:
			var b strings.Builder
			for i := 0; i < n.Lines().Len(); i++ {
				seg := n.Lines().At(i)
				b.Write(seg.Value(src))
			}
			if n != doc.FirstChild() || strings.TrimSpace(b.String()) != render.Header {
				out = append(out, fmt.Sprintf("raw HTML block %q", b.String()))
			}
		case *ast.RawHTML:
			var b strings.Builder
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				b.Write(seg.Value(src))
			}
			if b.String() != "<br>" {
				out = append(out, fmt.Sprintf("raw HTML %q", b.String()))
			}
		case *east.Table:
			tables = append(tables, n)
		}
		return ast.WalkContinue, nil
	})

	// goldmark pads short rows and drops the cells of long ones, so the
	// source is counted too: every row of a table has as many cells,
	// split at unescaped pipes as GFM does, as its header.
	blocks := tableBlocks(string(src))
	if len(blocks) != len(tables) {
		out = append(out, fmt.Sprintf("the source has %d tables, goldmark found %d", len(blocks), len(tables)))
	}
	for i, blk := range blocks {
		cols := cells(blk[0])
		for _, row := range blk[1:] {
			if n := cells(row); n != cols {
				out = append(out, fmt.Sprintf("table row %q has %d cells, the header %d", row, n, cols))
			}
		}
		if i >= len(tables) {
			continue
		}
		rows := 0
		for r := tables[i].FirstChild(); r != nil; r = r.NextSibling() {
			rows++
			if r.ChildCount() != cols {
				out = append(out, fmt.Sprintf("table %d: goldmark found a row of %d cells, want %d", i+1, r.ChildCount(), cols))
			}
		}
		// The header and every body row; the delimiter row is no row.
		if rows != len(blk)-1 {
			out = append(out, fmt.Sprintf("table %d: goldmark found %d rows, the source has %d", i+1, rows, len(blk)-1))
		}
	}
	return out
}

// tableBlocks returns the runs of lines that start with "|".
func tableBlocks(src string) [][]string {
	var out [][]string
	var cur []string
	for _, l := range strings.Split(src, "\n") {
		if strings.HasPrefix(l, "|") {
			cur = append(cur, l)
			continue
		}
		if cur != nil {
			out = append(out, cur)
			cur = nil
		}
	}
	if cur != nil {
		out = append(out, cur)
	}
	return out
}

// cells counts the cells of a table row: the pieces between pipes that no
// backslash escapes, less the leading and trailing pipe.
func cells(row string) int {
	row = strings.TrimSpace(row)
	n := 0
	for i := 0; i < len(row); i++ {
		if row[i] == '|' && (i == 0 || row[i-1] != '\\') {
			n++
		}
	}
	if strings.HasPrefix(row, "|") {
		n--
	}
	if strings.HasSuffix(row, "|") && !strings.HasSuffix(row, "\\|") {
		n--
	}
	return n + 1
}

// TestAgendaOrderAndOmissions: the record of 29 December lists every
// standing item but the one it leaves off, so it sets the order; any other
// business is last, after the review of the work programme and urgent
// business; the standing item left off is said, with its reason.
func TestAgendaOrderAndOmissions(t *testing.T) {
	ws := open(t, today)
	out, err := render.Agenda(ws.Inputs(), meeting(t, ws, "2026-12-29"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "agenda of 2026-12-29", out,
		"4. **Budget monitoring**",
		"5. **Declarations of interest**\n6. **Review of the work programme**<br>Progress against the work programme (below).\n7. **Any other business**\n\n",
		"Standing items not taken at this meeting:\n\n- **Risk register**: The register is being rewritten \\| see A-3\n",
		"with the chair's agreement, before any other business.")
	mustNotContain(t, "agenda of 2026-12-29", out, ". **Risk register**")
	if a, u := bytes.Index(out, []byte("Any other business")), bytes.Index(out, []byte("## Urgent business")); a < 0 || u < a {
		t.Errorf("urgent business is not listed after the items (any other business at %d, urgent at %d)", a, u)
	}
}

// TestAgendaMattersArising: each agenda brings up the actions still open
// and the decisions and recommendations of the last meeting held.
func TestAgendaMattersArising(t *testing.T) {
	ws := open(t, today)
	agenda := func(date string) []byte {
		t.Helper()
		out, err := render.Agenda(ws.Inputs(), meeting(t, ws, date))
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	// The first meeting: nothing arises.
	mustNotContain(t, "agenda of 2026-10-13", agenda("2026-10-13"), "Matters arising", "Action")

	out := agenda("2026-11-10")
	mustContain(t, "agenda of 2026-11-10", out,
		"3. **Matters arising**<br>To review the actions still open and the decisions and recommendations of the meeting of Tuesday 13 October 2026 (below).\n",
		"## Matters arising\n\n### Actions still open\n",
		// A-1 was done at this meeting, not before it.
		"| A-1 | Circulate the risk register",
		"| D-2026-10-13-3 | Review of the work programme | Adopt the \\<b\\>new\\</b\\> naming standard \\| v2 | deferred |",
		"### Recommendations of the meeting of Tuesday 13 October 2026\n\n- To the Joint Management Board: adopt the budget (see \\*\\*paper\\*\\*)\n")

	out = agenda("2026-12-29")
	mustContain(t, "agenda of 2026-12-29", out,
		"3. **Matters arising**<br>To review the actions still open and the decisions of the meeting of Tuesday 10 November 2026 (below).\n",
		"| A-4 | Book the workshop | Jordan Lee | none set | 2026-11-10 |",
		"### Decisions of the meeting of Tuesday 10 November 2026\n")
	// 13 October's were reviewed on 10 November; 10 November made no
	// recommendation.
	mustNotContain(t, "agenda of 2026-12-29", out, "| A-1 |", "D-2026-10-13", "### Recommendations")

	// 30 March 2027: the meeting of 9 February was cancelled and 29
	// December's is not held, so 10 November's still come up.
	mustContain(t, "agenda of 2027-03-30", agenda("2027-03-30"), "### Decisions of the meeting of Tuesday 10 November 2026\n")
}

// TestMinutesOfItems: what was minuted under each item is under it, kept as
// the person's markdown but for raw HTML, and a code fence left open ends
// with its item.
func TestMinutesOfItems(t *testing.T) {
	ws := open(t, today)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	html := func(date string) string {
		t.Helper()
		out, err := render.Minutes(ws.Inputs(), meeting(t, ws, date))
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := md.Convert(out, &b); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	h := html("2026-10-13")
	for _, want := range []string{
		// The standing item the record does not list is among the items.
		"<li>\n<p><strong>Risk register</strong></p>\n</li>",
		"the <strong>cost of licences</strong> and the &lt;b&gt;reserve&lt;/b&gt;.",
		"<li>Brent asked for a three-year view.</li>",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("minutes of 2026-10-13 lack %q:\n%s", want, h)
		}
	}
	// The person's list is inside the item, not a list of its own after it.
	if i, j := strings.Index(h, "<strong>Budget 2027/28</strong>"), strings.Index(h, "<strong>Review of the work programme</strong>"); i < 0 || j < 0 || !strings.Contains(h[i:j], "<ul>") || strings.Contains(h[i:j], "</ol>\n<ul>") {
		t.Errorf("the budget item's minutes are not within the item:\n%s", h)
	}

	h = html("2026-11-10")
	code := regexp.MustCompile(`(?s)<pre><code>(.*?)</code></pre>`).FindStringSubmatch(h)
	if code == nil || !strings.Contains(code[1], "phase 2 |") || strings.Contains(code[1], "Retirement") {
		t.Errorf("the open code fence did not end with its item: %q", code)
	}
	for _, want := range []string{
		"<strong>Retirement of the clerk</strong>",
		"<em>twenty</em> years",
		"<h2>Minutes of earlier meetings</h2>",
	} {
		if !strings.Contains(h, want) {
			t.Errorf("minutes of 2026-11-10 lack %q:\n%s", want, h)
		}
	}
	// The standing items the record does not list come first; what the
	// record lists follows, in its order.
	out, err := render.Minutes(ws.Inputs(), meeting(t, ws, "2026-11-10"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "minutes of 2026-11-10", out, "4. **Risk register**\n5. **Work programme review**\n\n   The tender report", "\n6. **Retirement of the clerk**\n\n   The chair thanked")
}

// TestMinutesOfItemTen: the minutes of the tenth item and after are
// indented to its wider number, and stay within it.
func TestMinutesOfItemTen(t *testing.T) {
	ws := open(t, today)
	m := meeting(t, ws, "2026-11-10")
	var extra []model.AgendaItem
	for i := range 6 {
		extra = append(extra, model.AgendaItem{Title: fmt.Sprintf("Item %c", 'A'+i)})
	}
	m.Agenda = append(extra, m.Agenda...)
	out, err := render.Minutes(ws.Inputs(), m)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "minutes with twelve items", out, "\n12. **Retirement of the clerk**\n\n    The chair thanked")
	var b bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(out, &b); err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`<li>\s*<p><strong>Retirement of the clerk</strong></p>\s*<p>The chair thanked the clerk for <em>twenty</em> years' service.</p>\s*</li>`).MatchString(b.String()) {
		t.Errorf("the twelfth item's minutes are not within it:\n%s", b.String())
	}
}

// TestOnlineLinkOnNetworkPage: a planned meeting's joining link follows its
// venue, encoded as a paper's web address is.
func TestOnlineLinkOnNetworkPage(t *testing.T) {
	ws := open(t, today)
	page, err := render.Network(ws.Inputs(), ws.Today, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "([join online](https://teams.example.com/l/meetup-join/19%3ameeting_abc?context=%28x%29&amp;tid=1)) |"
	if !strings.Contains(string(page), want) {
		t.Errorf("the network page lacks %q:\n%s", want, page)
	}
}
