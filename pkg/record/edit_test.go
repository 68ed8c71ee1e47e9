package record_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/yamlfmt"
)

// edited is a record a person has written by hand: comments, a key govctl
// does not know, a quoted time.
const edited = `# The December meeting.
date: 2026-12-08 # moved once already?
start: "10:00"
kind: ordinary
status: planned # planned until we hear
agenda:
  - title: Budget
    # the finance paper follows
    paper: papers/budget.pdf
local_note: keep me
`

// canonical checks that out, put through fmt, keeps every comment of the
// original and reads as want (a map of keys to values).
func canonical(t *testing.T, out []byte, typ reflect.Type, comments ...string) map[string]any {
	t.Helper()
	f, err := yamlfmt.Format(out, typ)
	if err != nil {
		t.Fatalf("fmt: %v\n%s", err, out)
	}
	for _, c := range comments {
		if !bytes.Contains(f, []byte(c)) {
			t.Errorf("the comment %q is lost:\n%s", c, f)
		}
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(f, &doc); err != nil {
		t.Fatal(err)
	}
	return plain(doc.Content[0]).(map[string]any)
}

// plain is the value of n as the loader reads it: a scalar is its text when
// YAML reads it as text or a date, else its tag and text ("!!int 12").
func plain(n *yaml.Node) any {
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			m[n.Content[i].Value] = plain(n.Content[i+1])
		}
		return m
	case yaml.SequenceNode:
		l := []any{}
		for _, c := range n.Content {
			l = append(l, plain(c))
		}
		return l
	}
	if n.Tag == "!!str" || n.Tag == "!!timestamp" {
		return n.Value
	}
	return n.Tag + " " + n.Value
}

var editedComments = []string{"# The December meeting.", "# moved once already?", "# planned until we hear", "# the finance paper follows"}

func TestCancel(t *testing.T) {
	for _, reason := range []string{"The chair is ill", "yes", "12", "2026-12-08", "Clash: the council's budget meeting", "  spaced  ", `"quoted", and a # hash`} {
		out, err := record.Cancel([]byte(edited), reason)
		if err != nil {
			t.Fatal(err)
		}
		got := canonical(t, out, layout.Meeting.Type(), editedComments...)
		if got["status"] != "cancelled" || got["cancelled_reason"] != reason {
			t.Errorf("%q: status %v, cancelled_reason %#v", reason, got["status"], got["cancelled_reason"])
		}
		if got["local_note"] != "keep me" || got["start"] != "10:00" || got["date"] != "2026-12-08" {
			t.Errorf("%q: what the person wrote is changed: %v", reason, got)
		}
	}
}

func TestMove(t *testing.T) {
	once, err := record.Move([]byte(edited), "2026-12-08", "2026-12-15")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(once, []byte("moved_from: [2026-12-08]\n")) {
		t.Errorf("the first move: moved_from is not a short list:\n%s", once)
	}
	twice, err := record.Move(once, "2026-12-15", "2027-01-05")
	if err != nil {
		t.Fatal(err)
	}
	got := canonical(t, twice, layout.Meeting.Type(), editedComments...)
	if got["date"] != "2027-01-05" || !reflect.DeepEqual(got["moved_from"], []any{"2026-12-08", "2026-12-15"}) {
		t.Errorf("date %v, moved_from %v; want 2027-01-05 and the two earlier dates, first planned first", got["date"], got["moved_from"])
	}
	if got["status"] != "planned" || got["local_note"] != "keep me" {
		t.Errorf("what the person wrote is changed: %v", got)
	}
	// A block list written by hand is added to as it is.
	block := "date: 2026-12-15\nkind: ordinary\nstatus: planned\nmoved_from:\n  - 2026-12-08 # the first date\n"
	out, err := record.Move([]byte(block), "2026-12-15", "2026-12-22")
	if err != nil {
		t.Fatal(err)
	}
	got = canonical(t, out, layout.Meeting.Type(), "# the first date")
	if !reflect.DeepEqual(got["moved_from"], []any{"2026-12-08", "2026-12-15"}) {
		t.Errorf("moved_from %v", got["moved_from"])
	}
	if _, err := record.Move([]byte("date: 2026-12-15\nmoved_from: 2026-12-08\n"), "2026-12-15", "2026-12-22"); err == nil || !strings.Contains(err.Error(), "moved_from is not a list") {
		t.Errorf("moved_from that is not a list: err = %v", err)
	}
}

func TestPapersSent(t *testing.T) {
	out, err := record.PapersSent([]byte(edited), "2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	got := canonical(t, out, layout.Meeting.Type(), editedComments...)
	if got["papers_sent"] != "2026-12-01" {
		t.Errorf("papers_sent %v", got["papers_sent"])
	}
	// Sent again: the date is replaced, its comment kept.
	again, err := record.PapersSent([]byte("date: 2026-12-08\npapers_sent: 2026-11-30 # by e-mail\n"), "2026-12-01")
	if err != nil {
		t.Fatal(err)
	}
	if string(again) != "date: 2026-12-08\npapers_sent: 2026-12-01 # by e-mail\n" {
		t.Errorf("got %q", again)
	}
}

func TestEditRefusesWhatIsNotARecord(t *testing.T) {
	for _, in := range []string{"- a list\n", "key: [unclosed\n", "just text\n"} {
		if _, err := record.Cancel([]byte(in), "x"); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}

func TestAddWorkItem(t *testing.T) {
	// A work programme not yet written, or only a comment.
	for _, in := range []string{"", "# The board's work programme.\n"} {
		out, err := record.AddWorkItem([]byte(in), record.WorkItem{ID: "wp-2027", Title: "2027", Status: "not-started"})
		if err != nil {
			t.Fatal(err)
		}
		got := canonical(t, out, layout.WorkProgramme.Type(), strings.TrimSpace(in))
		want := map[string]any{"items": []any{map[string]any{"id": "wp-2027", "title": "2027", "status": "not-started"}}}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%q: got %v, want %v", in, got, want)
		}
	}
	wp := `# Agreed in April.
period: {from: 2026-04-01, until: 2027-03-31}
items:
  - id: wp-codes # the first
    title: Codes
    status: on-track
`
	out, err := record.AddWorkItem([]byte(wp), record.WorkItem{ID: "wp-pay", Title: "Pay: a review", Lead: "ann", Status: "not-started", Due: "2027-03-31"})
	if err != nil {
		t.Fatal(err)
	}
	got := canonical(t, out, layout.WorkProgramme.Type(), "# Agreed in April.", "# the first")
	items := got["items"].([]any)
	if len(items) != 2 || !reflect.DeepEqual(items[1], map[string]any{"id": "wp-pay", "title": "Pay: a review", "lead": "ann", "status": "not-started", "due": "2027-03-31"}) {
		t.Errorf("items %v", items)
	}
	if _, err := record.AddWorkItem(out, record.WorkItem{ID: "wp-pay", Title: "Again", Status: "not-started"}); err == nil || !strings.Contains(err.Error(), "already has an item wp-pay") {
		t.Errorf("a second item wp-pay: err = %v", err)
	}
	// items: [] written short becomes a block list once it holds an item.
	out, err = record.AddWorkItem([]byte("items: []\n"), record.WorkItem{ID: "a", Title: "A", Status: "not-started"})
	if err != nil {
		t.Fatal(err)
	}
	if string(out) != "items:\n  - id: a\n    title: A\n    status: not-started\n" {
		t.Errorf("got %q", out)
	}
}

func TestUpdateWorkItem(t *testing.T) {
	wp := `items:
  - id: wp-codes
    title: Codes
    status: on-track # as of October
    milestones:
      - title: Audit of coding schemes
        due: 2026-12-31
    updates:
      - date: 2026-11-10
        text: Twelve boroughs have replied
  - id: wp-pay
    title: Pay
    status: not-started
`
	out, err := record.UpdateWorkItem([]byte(wp), "wp-codes", record.WorkChange{
		Status: "at-risk", Due: "2027-06-30", Lead: "ann", Date: "2026-12-04", Note: "Two boroughs: no reply yet",
		MilestoneDone: "Audit of coding schemes", Milestone: "Draft standard", MilestoneDue: "2027-02-28",
	})
	if err != nil {
		t.Fatal(err)
	}
	got := canonical(t, out, layout.WorkProgramme.Type(), "# as of October")
	want := map[string]any{
		"id": "wp-codes", "title": "Codes", "lead": "ann", "status": "at-risk", "due": "2027-06-30",
		"milestones": []any{
			map[string]any{"title": "Audit of coding schemes", "due": "2026-12-31", "done": "2026-12-04"},
			map[string]any{"title": "Draft standard", "due": "2027-02-28"},
		},
		"updates": []any{
			map[string]any{"date": "2026-11-10", "text": "Twelve boroughs have replied"},
			map[string]any{"date": "2026-12-04", "text": "Two boroughs: no reply yet"},
		},
	}
	items := got["items"].([]any)
	if !reflect.DeepEqual(items[0], want) {
		t.Errorf("got %v\nwant %v", items[0], want)
	}
	if !reflect.DeepEqual(items[1], map[string]any{"id": "wp-pay", "title": "Pay", "status": "not-started"}) {
		t.Errorf("another item changed: %v", items[1])
	}
	// A first note on an item with no updates.
	out, err = record.UpdateWorkItem([]byte(wp), "wp-pay", record.WorkChange{Date: "2026-12-04", Note: "Started"})
	if err != nil {
		t.Fatal(err)
	}
	items = canonical(t, out, layout.WorkProgramme.Type())["items"].([]any)
	if !reflect.DeepEqual(items[1].(map[string]any)["updates"], []any{map[string]any{"date": "2026-12-04", "text": "Started"}}) {
		t.Errorf("updates %v", items[1])
	}
	for _, tc := range []struct {
		id   string
		c    record.WorkChange
		want string
	}{
		{"wp-nope", record.WorkChange{Status: "complete"}, "no item wp-nope"},
		{"wp-codes", record.WorkChange{Date: "2026-12-04", MilestoneDone: "Audit"}, `no milestone "Audit"`},
	} {
		if _, err := record.UpdateWorkItem([]byte(wp), tc.id, tc.c); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s %+v: err = %v, want %q", tc.id, tc.c, err, tc.want)
		}
	}
}
