package semdiff_test

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/semdiff"
)

// repo loads a small repository written from files.
func repo(t *testing.T, files map[string]string) *model.Repo {
	t.Helper()
	r, ds, err := load.Load(cmdtest.WriteTree(t, files), load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		t.Errorf("load: %s", d)
	}
	return r
}

var before = map[string]string{
	"organisations.yaml": "organisations:\n  - {id: a, name: Alpha Council}\n  - {id: b, name: Beta Council}\n",
	"board/network.yaml": `id: board
name: Board
purpose: To decide.
aims: [Keep going]
offices:
  chair: {appointment: elected, term: P2Y}
seats:
  - {organisations: [a, b], per_organisation: 1, title: Member, votes: 1}
quorum: {members: 2}
voting: {basis: organisation, method: majority, base: cast}
meetings:
  ordinary:
    every: P1M
    standing_items: [Apologies, Minutes]
`,
	"board/members.yaml": `members:
  - {id: m1, name: Ann, organisation: a, seat: Member}
  - {id: m2, name: Bob, organisation: b, seat: Member}
office_holders:
  - {office: chair, member: m1}
`,
	"board/meetings/2026-11-03.yaml": "date: 2026-11-03\nkind: ordinary\nstatus: planned\n",
	"board/meetings/2026-12-01.yaml": "date: 2026-12-01\nkind: ordinary\nstatus: planned\n",
	"old/network.yaml":               "id: old\nname: Old Panel\n",
}

var after = map[string]string{
	"organisations.yaml": "organisations:\n  - {id: a, name: Alpha Borough}\n  - {id: c, name: Gamma Council}\n",
	"board/network.yaml": `id: board
name: Joint Board
purpose: To decide together.
aims: [Keep going, Grow]
offices:
  chair: {appointment: elected, term: P3Y}
  vice-chair: {appointment: elected}
seats:
  - {organisations: [a, c], per_organisation: 1, title: Member, votes: 2}
quorum: {members: 3}
voting: {basis: organisation, method: majority, base: cast}
meetings:
  ordinary:
    every: P2M
    standing_items: [Minutes, Apologies]
`,
	"board/members.yaml": `members:
  - {id: m1, name: Ann, organisation: a, seat: Member}
  - {id: m3, name: Cy, organisation: c, seat: Member}
office_holders:
  - {office: chair, member: m3}
`,
	"board/meetings/2026-11-03.yaml": `date: 2026-11-03
kind: ordinary
status: held
attendance: {present: [m1, m3]}
decisions:
  - {id: 2026-11-03-1, text: Budget agreed, outcome: agreed}
actions:
  - {id: 2026-11-03-A1, text: Write the plan, owner: m1}
`,
	"board/meetings/2026-12-08.yaml": "date: 2026-12-08\nkind: ordinary\nstatus: planned\n",
	"panel/network.yaml":             "id: panel\nname: New Panel\n",
}

func TestCompare(t *testing.T) {
	got := semdiff.Compare(repo(t, before), repo(t, after))
	var lines []string
	for _, c := range got {
		lines = append(lines, fmt.Sprintf("%s|%s|%s", c.Network, c.Area, c.Text))
	}
	want := []string{
		`|organisations|organisation a renamed from "Alpha Council" to "Alpha Borough"`,
		`|organisations|organisation removed: Beta Council (b)`,
		`|organisations|organisation added: Gamma Council (c)`,
		`board|terms|name: from "Board" to "Joint Board"`,
		`board|terms|purpose: from "To decide." to "To decide together."`,
		`board|terms|aim added: Grow`,
		`board|offices|office added: vice-chair`,
		`board|seats|Member: organisation added: c`,
		`board|seats|Member: organisation removed: b`,
		`board|seats|Member votes: from 1 to 2 for each organisation`,
		`board|meetings|ordinary standing items reordered`,
		`board|members|member joined: Cy (Member)`,
		`board|members|member removed: Bob (Member)`,
		`board|meetings|meeting of 2026-11-03: held (was planned)`,
		`board|decisions|decision 2026-11-03-1 recorded on 2026-11-03: Budget agreed (agreed)`,
		`board|actions|action 2026-11-03-A1 raised on 2026-11-03: Write the plan (owner m1)`,
		`board|meetings|meeting moved: ordinary from 2026-12-01 to 2026-12-08`,
		`old|bodies|body removed: Old Panel`,
		`panel|bodies|body added: New Panel`,
	}
	for _, w := range want {
		found := false
		for _, l := range lines {
			found = found || l == w
		}
		if !found {
			t.Errorf("missing change %q", w)
		}
	}
	// Areas whose wording comes from elsewhere: only that they changed.
	for _, prefix := range []string{"board|offices|chair term: ", "board|quorum|quorum: ", "board|voting|voting: ", "board|meetings|ordinary cadence: ", "board|offices|office holding added: chair held by Cy", "board|offices|office holding removed: chair held by Ann"} {
		n := 0
		for _, l := range lines {
			if strings.HasPrefix(l, prefix) {
				n++
			}
		}
		if n != 1 {
			t.Errorf("%d changes start %q; want 1", n, prefix)
		}
	}
	// Repository changes first, then bodies in id order.
	order := []string{"", "board", "old", "panel"}
	i := 0
	for _, c := range got {
		for i < len(order) && order[i] != c.Network {
			i++
		}
		if i == len(order) {
			t.Fatalf("changes not in body order: %v", lines)
		}
	}
}

func TestCompareSameRepo(t *testing.T) {
	if got := semdiff.Compare(repo(t, before), repo(t, before)); len(got) != 0 {
		t.Errorf("changes between equal repositories: %v", got)
	}
}

func TestMarkdown(t *testing.T) {
	got := string(semdiff.Markdown([]semdiff.Change{
		{Network: "", Area: "organisations", Text: "organisation added: Gamma Council (c)"},
		{Network: "board", Area: "terms", Text: "aim added: Grow"},
		{Network: "board", Area: "members", Text: "member joined: Cy"},
		{Network: "panel", Area: "bodies", Text: "body added: New Panel"},
	}, "abc123", "working tree"))
	want := "## Governance changes (abc123 → working tree)\n\n" +
		"### Repository\n\n- **organisations**: organisation added: Gamma Council (c)\n" +
		"### board\n\n- **terms**: aim added: Grow\n- **members**: member joined: Cy\n" +
		"### panel\n\n- **bodies**: body added: New Panel\n"
	if got != want {
		t.Errorf("Markdown =\n%s\nwant\n%s", got, want)
	}
}

func TestMarkdownNoChanges(t *testing.T) {
	got := string(semdiff.Markdown(nil, "v1", "v2"))
	if got != "## Governance changes (v1 → v2)\n\nNo governance changes.\n" {
		t.Errorf("Markdown = %q", got)
	}
}

// Text from the repository cannot break the markdown list it is put in.
func TestMarkdownEscapesText(t *testing.T) {
	got := string(semdiff.Markdown([]semdiff.Change{{Network: "b", Area: "terms", Text: "name: from \"*x*\" to \"<b>y</b>\""}}, "a", "b"))
	if strings.Contains(got, "*x*") || strings.Contains(got, "<b>") {
		t.Errorf("markdown not escaped: %q", got)
	}
}

// Revision names (a branch may be called "<img src=x onerror=alert(1)>")
// and folders (a body's id as read from its folder) are escaped too: the
// comment keeps its one heading a body, and holds no raw HTML nor link.
func TestMarkdownEscapesNames(t *testing.T) {
	base := "origin/<img src=x onerror=alert(1)>"
	head := "feature/[x](javascript:alert(1))`|"
	folder := "evil <script>alert(1)</script>\n## Injected [y](javascript:alert(2))"
	src := semdiff.Markdown([]semdiff.Change{
		{Network: folder, Area: "bodies", Text: "body added: <b>Evil</b>\n# heading"},
		{Network: "board", Area: "terms", Text: "aim added: [z](javascript:alert(3))"},
	}, base, head)
	var b bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := md.Convert(src, &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, tag := range regexp.MustCompile(`</?([a-zA-Z0-9]+)`).FindAllStringSubmatch(out, -1) {
		switch tag[1] {
		case "h2", "h3", "ul", "li", "strong", "p", "br":
		default:
			t.Errorf("markup <%s> in\n%s\nfrom\n%s", tag[1], out, src)
		}
	}
	if n, m := strings.Count(out, "<h2>"), strings.Count(out, "<h3>"); n != 1 || m != 2 {
		t.Errorf("%d h2 and %d h3 headings, want 1 and 2:\n%s", n, m, out)
	}
	for _, want := range []string{"origin/&lt;img src=x onerror=alert(1)&gt;", "feature/[x](javascript:alert(1))`|", "evil &lt;script&gt;alert(1)&lt;/script&gt; ## Injected [y](javascript:alert(2))"} {
		if !strings.Contains(out, want) {
			t.Errorf("%q not shown as text in\n%s", want, out)
		}
	}
}

// TestCompareReferrals: a referral made at one body and answered at
// another between two versions, each reported at its own body, with the
// public record's text only.
func TestCompareReferrals(t *testing.T) {
	base := map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: Alpha Council}\n",
		"omg/network.yaml":   "id: omg\nname: Operational Group\n",
		"jmb/network.yaml":   "id: jmb\nname: Management Board\n",
		"omg/meetings/2026-11-17.yaml": `date: 2026-11-17
kind: ordinary
status: held
decisions:
  - {id: D-1, text: Recommend the budget, outcome: agreed}
  - {id: D-3, text: Already referred, outcome: referred, refer_to: jmb}
`,
	}
	head := map[string]string{}
	for k, v := range base {
		head[k] = v
	}
	head["omg/meetings/2026-11-17.yaml"] = `date: 2026-11-17
kind: ordinary
status: held
agenda:
  - {title: Contract, private: "Schedule 12A, paragraph 3"}
decisions:
  - {id: D-1, text: Recommend the budget, outcome: referred, refer_to: jmb}
  - {id: D-2, item: Contract, outcome: referred, refer_to: jmb, private: "Schedule 12A, paragraph 3"}
  - {id: D-3, text: Already referred, outcome: referred, refer_to: jmb}
`
	head["jmb/meetings/2026-12-02.yaml"] = `date: 2026-12-02
kind: ordinary
status: held
decisions:
  - {id: J-1, responds_to: omg/D-1, outcome: agreed}
  - {id: J-2, responds_to: omg/D-2, text: Wait for advice, outcome: deferred}
`
	head["jmb/meetings/2027-01-06.yaml"] = `date: 2027-01-06
kind: ordinary
status: planned
decisions:
  - {id: J-3, responds_to: omg/D-3, outcome: agreed}
`
	var got []string
	for _, c := range semdiff.Compare(repo(t, base), repo(t, head)) {
		if c.Area == "referrals" {
			got = append(got, c.Network+": "+c.Text)
		}
	}
	want := []string{
		"jmb: referral answered: J-1 answers omg/D-1 on 2026-12-02 (agreed)",
		"jmb: referral answered: J-2 answers omg/D-2 on 2026-12-02 (deferred): Wait for advice",
		"omg: referral made: D-1 of 2026-11-17 referred to Management Board (jmb): Recommend the budget",
		"omg: referral made: D-2 of 2026-11-17 referred to Management Board (jmb): taken in private (Schedule 12A, paragraph 3)",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("referral changes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
