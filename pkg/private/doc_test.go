package private_test

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
)

// meeting is a public record with private business at every level, and
// public business beside it.
func meeting() *model.Meeting {
	return &model.Meeting{
		File: "2026-11-17",
		Agenda: []model.AgendaItem{
			{Title: "Budget 2027/28", Minutes: "Agreed in public."},
			{Title: "Cloud backup contract award", Private: "Commercially confidential", Paper: "../papers/private/2026-11-17-bids.pdf.age"},
			{Title: "Staffing", Private: "Schedule 12A, paragraph 1", PublishTitle: true},
		},
		Decisions: []model.Decision{
			{ID: "D-2026-11-17-1", Text: "Agree the budget", Outcome: "agreed"},
			{ID: "D-2026-11-17-2", Item: "Cloud backup contract award", Outcome: "agreed", Private: "Commercially confidential"},
		},
		Actions: []model.Action{
			{ID: "A-18", Text: "Publish the budget"},
			{ID: "A-19", Private: "Commercially confidential"},
		},
	}
}

const companion = `# the private business of 17 November
agenda:
  - title: cloud backup  contract award
    minutes: |
      Three bids were evaluated.
  - title: Staffing
    minutes: The post is regraded.
    paper: ../papers/private/2026-11-17-staffing.pdf.age
decisions:
  - id: D-2026-11-17-2
    text: Award the contract to Supplier B at 4.2m
actions:
  - id: A-19
    text: Notify the unsuccessful bidders
`

func TestParse(t *testing.T) {
	d, err := private.Parse([]byte(companion))
	if err != nil {
		t.Fatal(err)
	}
	want := &private.Doc{
		Agenda: []private.Item{
			{Line: 3, Title: "cloud backup  contract award", Minutes: "Three bids were evaluated.\n"},
			{Line: 6, Title: "Staffing", Minutes: "The post is regraded.", Paper: "../papers/private/2026-11-17-staffing.pdf.age"},
		},
		Decisions: []private.Entry{{Line: 10, ID: "D-2026-11-17-2", Text: "Award the contract to Supplier B at 4.2m"}},
		Actions:   []private.Entry{{Line: 13, ID: "A-19", Text: "Notify the unsuccessful bidders"}},
	}
	if !reflect.DeepEqual(d, want) {
		t.Errorf("Parse:\n got %+v\nwant %+v", d, want)
	}
	if errs := private.Check(d, meeting()); len(errs) > 0 {
		t.Errorf("Check: %v", errs)
	}

	for _, empty := range []string{"", "# nothing yet\n", "~\n", "agenda:\ndecisions: []\n"} {
		d, err := private.Parse([]byte(empty))
		if err != nil || len(d.Agenda)+len(d.Decisions)+len(d.Actions) > 0 {
			t.Errorf("Parse(%q) = %+v, %v; want an empty document", empty, d, err)
		}
	}
	d, err = private.Parse([]byte("\ufeffactions:\n  - {id: A-19, text: ~}\n"))
	if err != nil || len(d.Actions) != 1 || d.Actions[0].Text != "" {
		t.Errorf("a byte-order mark and a null text: %+v, %v", d, err)
	}
}

func TestParseErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"agenda:\n  - title: A\n   minutes: x\n", "line 1: not valid YAML: did not find expected '-' indicator"},
		{"agenda:\n  - title: A\n\tminutes: x\n", "line 2: not valid YAML: found a tab character"},
		{"- title: A\n", "line 1: expected a mapping with agenda, decisions and actions"},
		{"agenda:\n  - title: A\nminutes: x\n", `line 3: unknown field "minutes": expected agenda, decisions or actions`},
		{"agenda:\n  title: A\n", "line 2: expected a list"},
		{"agenda:\n  - A\n", "line 2: expected a mapping with title, minutes, paper"},
		{"agenda:\n  - minutes: x\n", "line 2: no title"},
		{"agenda:\n  - title: \"\"\n    minutes: x\n", "line 2: title is empty"},
		{"agenda:\n  - title: A\n    text: x\n", `line 3: unknown field "text": expected title, minutes, paper`},
		{"decisions:\n  - id: D-1\n    minutes: x\n", `line 3: unknown field "minutes": expected id, text`},
		{"decisions:\n  - id: D-1\n    text: [a, b]\n", "line 3: text must be text"},
		{"decisions:\n  - id: D-1\n    text: a\n    text: b\n", "line 4: text is given twice"},
		{"actions: []\nactions:\n  - id: A-1\n", "line 2: actions is given twice"},
		{"actions:\n  - id: A-1\n---\nactions:\n  - id: A-2\n", "line 3: a second document"},
	} {
		_, err := private.Parse([]byte(c.in))
		if err == nil || !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Parse(%q): err = %v, want %q...", c.in, err, c.want)
			continue
		}
		var p *private.Problem
		if !errors.As(err, &p) || p.Line == 0 {
			t.Errorf("Parse(%q): %v is not a *Problem with its line", c.in, err)
		}
	}
}

func TestCheck(t *testing.T) {
	d, err := private.Parse([]byte(`agenda:
  - title: Cloud backup contract award
  - title: Budget 2027/28
  - title: Cloud Backup Contract Award
  - title: Pensions
decisions:
  - id: D-2026-11-17-2
  - id: D-2026-11-17-1
  - id: D-9
  - id: D-2026-11-17-2
actions:
  - id: A-18
  - id: A-19
  - id: A-20
  - id: A-19
`))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range private.Check(d, meeting()) {
		var p *private.Problem
		if !errors.As(e, &p) {
			t.Errorf("%v is not a *Problem", e)
		}
		got = append(got, e.Error())
	}
	want := []string{
		`line 3: the item "Budget 2027/28" is not private in the meeting's record`,
		`line 4: the item "Cloud Backup Contract Award" is given twice`,
		`line 5: the meeting's record has no item "Pensions"`,
		`line 8: decision D-2026-11-17-1 is not private in the meeting's record`,
		`line 9: the meeting's record has no decision D-9`,
		`line 10: decision D-2026-11-17-2 is given twice`,
		`line 12: action A-18 is not private in the meeting's record`,
		`line 14: the meeting's record has no action A-20`,
		`line 15: action A-19 is given twice`,
	}
	if len(got) != len(want) {
		t.Fatalf("Check gave %d problems, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("problem %d: %q, want %q...", i+1, got[i], want[i])
		}
	}
}

func TestApply(t *testing.T) {
	m := meeting()
	before := meeting()
	d, err := private.Parse([]byte(companion))
	if err != nil {
		t.Fatal(err)
	}
	r := private.Apply(m, d)
	if !reflect.DeepEqual(m, before) {
		t.Errorf("Apply changed the public record:\n got %+v\nwant %+v", m, before)
	}
	if got := r.Agenda[1]; got.Minutes != "Three bids were evaluated.\n" || got.Paper != "../papers/private/2026-11-17-bids.pdf.age" {
		t.Errorf("item with no private paper: minutes %q, paper %q; want the private minutes and the public .age paper kept", got.Minutes, got.Paper)
	}
	if got := r.Agenda[2]; got.Minutes != "The post is regraded." || got.Paper != "../papers/private/2026-11-17-staffing.pdf.age" {
		t.Errorf("item with a private paper: %+v", got)
	}
	if !reflect.DeepEqual(r.Agenda[0], before.Agenda[0]) || r.Decisions[0].Text != "Agree the budget" || !reflect.DeepEqual(r.Actions[0], before.Actions[0]) {
		t.Errorf("Apply changed public business: %+v", r)
	}
	if r.Decisions[1].Text != "Award the contract to Supplier B at 4.2m" || r.Actions[1].Text != "Notify the unsuccessful bidders" {
		t.Errorf("Apply: decision %q, action %q", r.Decisions[1].Text, r.Actions[1].Text)
	}
	if r.Decisions[1].Private == "" || r.Agenda[1].Private == "" {
		t.Error("Apply dropped the private reason")
	}
}

func TestTemplate(t *testing.T) {
	m := meeting()
	text, err := private.TemplateText(m)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# The private business of the meeting", "  - title: Cloud backup contract award\n    minutes: \"\"\n", "  - id: D-2026-11-17-2\n    text: \"\"\n", "  - id: A-19\n"} {
		if !strings.Contains(string(text), want) {
			t.Errorf("TemplateText lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(string(text), "Budget") || strings.Contains(string(text), "A-18") {
		t.Errorf("TemplateText names public business:\n%s", text)
	}
	d, err := private.Parse(text)
	if err != nil {
		t.Fatal(err)
	}
	if errs := private.Check(d, m); len(errs) > 0 {
		t.Errorf("the template does not check: %v", errs)
	}
	if len(d.Agenda) != 2 || len(d.Decisions) != 1 || len(d.Actions) != 1 {
		t.Errorf("the template read back: %+v", d)
	}

	none := &model.Meeting{Agenda: []model.AgendaItem{{Title: "Public"}}}
	if private.HasPrivate(none) {
		t.Error("HasPrivate: true for a meeting with none")
	}
	if !private.HasPrivate(m) {
		t.Error("HasPrivate: false for a meeting with some")
	}
	for _, m := range []*model.Meeting{
		{Decisions: []model.Decision{{ID: "D-1", Private: "x"}}},
		{Actions: []model.Action{{ID: "A-1", Private: "x"}}},
	} {
		if !private.HasPrivate(m) {
			t.Errorf("HasPrivate(%+v) = false", m)
		}
	}
	text, err = private.TemplateText(none)
	if err != nil {
		t.Fatal(err)
	}
	if d, err := private.Parse(text); err != nil || len(d.Agenda) > 0 {
		t.Errorf("the template of a meeting without private business: %q: %+v, %v", text, d, err)
	}
}
