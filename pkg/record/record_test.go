package record_test

import (
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date"
	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/yamlfmt"
)

func TestPlanned(t *testing.T) {
	for _, tc := range []struct{ date, kind, start, want string }{
		{"2026-12-08", "ordinary", "", "date: 2026-12-08\nkind: ordinary\nstatus: planned\n"},
		{"2026-12-08", "drop-in", "14:00", "date: 2026-12-08\nstart: \"14:00\"\nkind: drop-in\nstatus: planned\n"},
	} {
		if got := string(record.Planned(tc.date, tc.kind, tc.start)); got != tc.want {
			t.Errorf("Planned(%q, %q, %q) = %q; want %q", tc.date, tc.kind, tc.start, got, tc.want)
		}
	}
}

// rec is what a filled record decodes to.
type rec struct {
	Date       string
	Status     string
	Chair      *string
	Attendance struct {
		Present, Apologies, Absent, Guests []string
		Substitutes                        map[string]string
		StandIns                           []map[string]string `yaml:"stand_ins"`
	}
	Agenda          []struct{ Title, Minutes string }
	ApprovesMinutes []string `yaml:"approves_minutes"`
	Decisions       []any
	Actions         []any
	ActionUpdates   []struct{ Action, Status, Note string } `yaml:"action_updates"`
	Notes           string
}

// known is what govctl knows of the meeting in most tests: members a and
// b expected, a in the chair, the minutes of 17 November to approve, two
// standing items and two open actions.
var known = record.Minutes{
	Expected:  []string{"a", "b"},
	Chairs:    []string{"a"},
	Approves:  "2026-11-17",
	FromTerms: []string{"Apologies", "Minutes of the last meeting"},
	Open: []record.OpenAction{
		{ID: "A-1", Text: "Write the\n  plan", Owner: "ann", Due: date.MustParseISO("2026-11-20")},
		{ID: "A-2", Text: "Book the room"},
	},
}

func fill(t *testing.T, data string, m record.Minutes, force bool) (string, record.Filled, rec) {
	t.Helper()
	out, got, err := record.Fill([]byte(data), m, force)
	if err != nil {
		t.Fatal(err)
	}
	var r rec
	if err := yaml.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return string(out), got, r
}

// flat is s as words, without comment marks: what a comment says, however
// it is wrapped.
func flat(s string) string {
	return strings.Join(strings.Fields(strings.ReplaceAll(s, "#", "")), " ")
}

func updates(r rec) string {
	var s []string
	for _, u := range r.ActionUpdates {
		s = append(s, u.Action+" "+u.Status)
	}
	return strings.Join(s, ", ")
}

func TestFillPlannedRecord(t *testing.T) {
	planned := "# kept comment\ndate: 2026-12-08\nkind: ordinary\nstatus: planned # was planned\nnotes: keep me\n"
	out, got, r := fill(t, planned, known, false)
	if r.Status != "held" || r.Date != "2026-12-08" || r.Notes != "keep me" {
		t.Errorf("status %q, date %q, notes %q", r.Status, r.Date, r.Notes)
	}
	if r.Chair == nil || *r.Chair != "a" || got.Chair != "a" || got.NoChair {
		t.Errorf("chair %v, filled %+v; want a", r.Chair, got)
	}
	a := r.Attendance
	if strings.Join(a.Present, ",") != "a,b" || len(a.Apologies) != 0 || len(a.Absent) != 0 || len(a.Guests) != 0 || len(a.Substitutes) != 0 || len(a.StandIns) != 0 {
		t.Errorf("attendance %+v", a)
	}
	if !slices.Equal(got.Present, []string{"a", "b"}) {
		t.Errorf("Filled.Present = %q", got.Present)
	}
	// The standing items are the terms': never copied into the record.
	if len(r.Agenda) != 0 {
		t.Errorf("agenda %+v; want none copied", r.Agenda)
	}
	if !slices.Equal(r.ApprovesMinutes, []string{"2026-11-17"}) || got.Approves != "2026-11-17" {
		t.Errorf("approves_minutes %q, filled %q", r.ApprovesMinutes, got.Approves)
	}
	if updates(r) != "A-1 open, A-2 open" || !slices.Equal(got.Updates, []string{"A-1", "A-2"}) {
		t.Errorf("action_updates %q, filled %q", updates(r), got.Updates)
	}
	for _, want := range []string{
		"# kept comment\n",
		"status: held # was planned\n",
		"  stand_ins: []\n",
		"  stand_ins: []\n  guests: []\n",
		"decisions: []\n",
		"actions: []\n",
		"agenda: []\n",
		"approves_minutes: [2026-11-17]\n",
		"# The minutes of 2026-11-17 await approval",
		"#   Apologies\n#   Minutes of the last meeting\n",
		"#     - title: Apologies\n#       minutes: |\n",
		// The action named where the secretary sets its status, its text
		// on one line.
		"  # A-1: Write the plan (ann, due Friday 20 November 2026); set status: done, dropped or open, and add a note\n  - action: A-1\n    status: open\n",
		"  # A-2: Book the room; set status: done, dropped or open, and add a note\n  - action: A-2\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	for _, want := range []string{
		"attendance: Move members who sent apologies to apologies, and those who neither came nor sent apologies to absent. present:",
		"Colleagues who are not members, sent in a member's place for this meeting: each with name, organisation and for (the member's id). stand_ins: []",
		"Under each item, write what was said and agreed as its minutes: (markdown). The agenda also holds these items (from the terms of reference, or added by govctl), which are not listed here: Apologies Minutes of the last meeting To minute one",
		"Each decision taken: id, item",
		"Each action raised: id, text, owner (a member id) and due (a date). actions: []",
	} {
		if !strings.Contains(flat(out), want) {
			t.Errorf("no comment %q in\n%s", want, out)
		}
	}
	// The format's key order: what fmt writes, exactly.
	if canon := format(t, out); canon != out {
		t.Errorf("not in fmt's layout:\n%s\nfmt writes:\n%s", out, canon)
	}
}

// format is out in govctl fmt's layout.
func format(t *testing.T, out string) string {
	t.Helper()
	canon, err := yamlfmt.Format([]byte(out), reflect.TypeFor[model.Meeting]())
	if err != nil {
		t.Fatalf("fmt: %v\n%s", err, out)
	}
	return string(canon)
}

func TestFillKeepsWhatTheRecordHas(t *testing.T) {
	data := `# The secretary's draft.
date: 2026-12-08
kind: ordinary
status: planned
chair: b   # chaired for a
agenda:
  # Moved up at the chair's request.
  - title: Budget
    minutes: |
      Agreed.
approves_minutes: []   # none this time
decisions:
  - {id: D1, item: Budget, text: Agreed, outcome: agreed}
action_updates:
  - {action: A-2, status: done, note: Booked}   # at last
recommendations: [Keep going]
notes: |
  Keep.
`
	out, got, r := fill(t, data, known, false)
	if r.Chair == nil || *r.Chair != "b" || got.Chair != "" || got.NoChair {
		t.Errorf("chair %v, filled %+v; want b kept", r.Chair, got)
	}
	if len(r.Agenda) != 1 || r.Agenda[0].Title != "Budget" || r.Agenda[0].Minutes != "Agreed.\n" {
		t.Errorf("agenda %+v", r.Agenda)
	}
	if len(r.ApprovesMinutes) != 0 || got.Approves != "" || strings.Contains(out, "await approval") {
		t.Errorf("approves_minutes %q (filled %q) replaced the record's empty list", r.ApprovesMinutes, got.Approves)
	}
	if len(r.Decisions) != 1 || strings.Count(out, "decisions:") != 1 {
		t.Errorf("decisions replaced:\n%s", out)
	}
	// A-2 is updated already: not again.
	if updates(r) != "A-2 done, A-1 open" || r.ActionUpdates[0].Note != "Booked" || !slices.Equal(got.Updates, []string{"A-1"}) {
		t.Errorf("action_updates %q, filled %q", updates(r), got.Updates)
	}
	for _, want := range []string{"# The secretary's draft.", "chair: b # chaired for a", "# Moved up at the chair's request.", "approves_minutes: [] # none this time", "# at last", "recommendations: [Keep going]", "notes: |\n  Keep.\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in\n%s", want, out)
		}
	}
	// The agenda's comment goes below the person's.
	if i, j := strings.Index(out, "# Moved up"), strings.Index(out, "# Under each item"); j < 0 || j > i {
		t.Errorf("the agenda's comment is not above the person's:\n%s", out)
	}
	if strings.Index(out, "action_updates:") > strings.Index(out, "recommendations:") {
		t.Errorf("keys out of the format's order:\n%s", out)
	}
	format(t, out)
}

func TestFillChairUnknown(t *testing.T) {
	for _, tc := range []struct {
		name   string
		chairs []string
		want   string
	}{
		{"co-chairs", []string{"a", "b"}, "Who chaired? Add chair: with the member's id here: a or b (the co-chairs). attendance:"},
		{"none", nil, "Who chaired? Add chair: with the member's id here (no member holds the chair on this date). attendance:"},
	} {
		m := known
		m.Chairs = tc.chairs
		out, got, r := fill(t, "date: 2026-12-08\nkind: ordinary\nstatus: planned\n", m, false)
		if r.Chair != nil || got.Chair != "" || !got.NoChair {
			t.Errorf("%s: chair %v, filled %+v; want none", tc.name, r.Chair, got)
		}
		if !strings.Contains(flat(out), tc.want) {
			t.Errorf("%s: no %q in\n%s", tc.name, tc.want, out)
		}
	}
}

func TestFillAttendance(t *testing.T) {
	held := "date: 2026-12-08\nkind: ordinary\nstatus: held\nattendance:\n  present: [x]   # late\n  absent: [b]\n"
	if _, _, err := record.Fill([]byte(held), known, false); !errors.Is(err, record.ErrHasMinutes) {
		t.Errorf("err = %v; want ErrHasMinutes", err)
	}
	// Forced: what it records is kept, what it lacks added.
	out, got, r := fill(t, held, known, true)
	a := r.Attendance
	if strings.Join(a.Present, ",") != "x" || strings.Join(a.Absent, ",") != "b" || a.Apologies == nil || a.StandIns == nil || len(got.Present) != 0 || strings.Count(out, "attendance:") != 1 {
		t.Errorf("forced attendance %+v, filled present %q:\n%s", a, got.Present, out)
	}
	if !got.PresentKept {
		t.Error("Filled.PresentKept is false for a record's own present list")
	}
	if !strings.Contains(out, "present: [x] # late") {
		t.Errorf("the record's present and its comment not kept:\n%s", out)
	}

	// Apologies noted before the meeting: kept, and not refused.
	early := "date: 2026-12-08\nkind: ordinary\nstatus: planned\nattendance:\n  apologies: [b]\n  stand_ins:\n    - {name: Sam Smith, for: c}\n"
	m := known
	m.Expected = []string{"a", "b", "c", "d"}
	_, got, r = fill(t, early, m, false)
	if a := r.Attendance; strings.Join(a.Present, ",") != "a,d" || strings.Join(a.Apologies, ",") != "b" || len(a.StandIns) != 1 || a.StandIns[0]["for"] != "c" {
		t.Errorf("attendance %+v", a)
	}
	if !slices.Equal(got.Present, []string{"a", "d"}) || got.PresentKept {
		t.Errorf("Filled.Present = %q, PresentKept %v", got.Present, got.PresentKept)
	}

	// Nobody expected (an open network): an empty list, and what goes in it.
	m.Expected = nil
	out, got, r = fill(t, "date: 2026-12-08\nkind: ordinary\nstatus: planned\n", m, false)
	if len(r.Attendance.Present) != 0 || got.Present != nil || got.PresentKept || !strings.Contains(flat(out), "The ids of the members who came; those who sent apologies go under apologies. present: []") {
		t.Errorf("nobody expected:\n%s", out)
	}
}

// A second Fill (forced) adds nothing: no second comment, no second update.
func TestFillTwice(t *testing.T) {
	once, _, _ := fill(t, "date: 2026-12-08\nkind: ordinary\nstatus: planned\n", known, false)
	m := known
	m.Chairs = nil
	once, _, _ = fill(t, once, m, true) // the chair's comment, once
	twice, got, _ := fill(t, once, m, true)
	if twice != once {
		t.Errorf("a second fill changed the record:\n%s\nto\n%s", once, twice)
	}
	if len(got.Updates) != 0 || len(got.Present) != 0 || got.Approves != "" {
		t.Errorf("a second fill added %+v", got)
	}
}

func TestFillQuotesIDsThatReadAsOtherThings(t *testing.T) {
	m := record.Minutes{Expected: []string{"123", "ann"}, Chairs: []string{"true"}, Open: []record.OpenAction{{ID: "12", Text: "x"}}}
	out, _, _ := fill(t, "date: 2026-12-08\nkind: ordinary\nstatus: planned\n", m, false)
	var typed struct {
		Chair      any
		Attendance struct{ Present []any }
		Updates    []struct{ Action any } `yaml:"action_updates"`
	}
	if err := yaml.Unmarshal([]byte(out), &typed); err != nil {
		t.Fatal(err)
	}
	if typed.Chair != "true" || typed.Attendance.Present[0] != "123" || typed.Updates[0].Action != "12" {
		t.Errorf("ids not kept as text:\n%s", out)
	}
}

func TestFillNullKeys(t *testing.T) {
	out, _, r := fill(t, "date: 2026-12-08\nkind: ordinary\nstatus: planned\nattendance:\naction_updates:\n", known, false)
	if strings.Join(r.Attendance.Present, ",") != "a,b" || updates(r) != "A-1 open, A-2 open" {
		t.Errorf("empty keys not filled:\n%s", out)
	}
}

func TestFillRefusesWhatIsNotARecord(t *testing.T) {
	for name, data := range map[string]string{
		"bad yaml": "date: [2026\n",
		"list":     "- a\n- b\n",
		"empty":    "",
	} {
		if _, _, err := record.Fill([]byte(data), record.Minutes{}, false); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// A record a person wrote, in no particular layout, keeps every key, value
// and comment through Fill and fmt.
func TestFillKeepsEveryKeyAndComment(t *testing.T) {
	src := `---
# Meeting record, written by hand.

status: held        # after the meeting
kind: ordinary
date: 2026-11-24
start: "10:00"
attendance: {present: [md, brent-it,
              lewisham-deputy], substitutes: {lewisham-deputy: lewisham-it}}   # taken at the door
agenda:
    -   kind: standing
        # the title comes first
        title: Apologies for absence
    - title: 'Budget: 2027/28'
      presenter: md
      kind: decision
      minutes: >
        Discussed at
        length.


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
action_updates: [{action: A-2, status: done}]   # one so far
notes: This is a plain
    scalar that runs over
    three lines
# trailing comment at the end
...
`
	out, _, _ := fill(t, src, known, true)
	canon := format(t, out)
	for _, line := range strings.Split(src, "\n") {
		if _, c, ok := strings.Cut(line, "# "); ok && !strings.Contains(canon, "# "+c) {
			t.Errorf("comment %q lost:\n%s", c, canon)
		}
	}
	var before, after map[string]any
	if err := yaml.Unmarshal([]byte(src), &before); err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal([]byte(canon), &after); err != nil {
		t.Fatal(err)
	}
	for k, v := range before {
		switch k {
		case "attendance":
			for ak, av := range v.(map[string]any) {
				if got := after[k].(map[string]any)[ak]; !reflect.DeepEqual(got, av) {
					t.Errorf("attendance %s = %v; want %v kept", ak, got, av)
				}
			}
		case "action_updates":
			if got := after[k].([]any); len(got) != 2 || !reflect.DeepEqual(got[0], v.([]any)[0]) {
				t.Errorf("action_updates = %v; want the record's, then A-1's", got)
			}
		default:
			if !reflect.DeepEqual(after[k], v) {
				t.Errorf("%s = %v; want %v kept", k, after[k], v)
			}
		}
	}
}

// A key written with no value is filled as if it were missing, its
// comments kept.
func TestFillEmptyChairAndApproval(t *testing.T) {
	data := "date: 2026-12-08\nkind: ordinary\nstatus: planned\nchair:   # who?\napproves_minutes:\n"
	out, got, r := fill(t, data, known, false)
	if r.Chair == nil || *r.Chair != "a" || got.Chair != "a" || !strings.Contains(out, "chair: a # who?\n") {
		t.Errorf("chair not filled:\n%s", out)
	}
	if !slices.Equal(r.ApprovesMinutes, []string{"2026-11-17"}) || strings.Count(out, "approves_minutes") != 1 || !strings.Contains(flat(out), "The minutes of 2026-11-17 await approval") {
		t.Errorf("approves_minutes not filled:\n%s", out)
	}
	m := known
	m.Chairs = []string{"a", "b"}
	out, _, r = fill(t, data, m, false)
	if r.Chair != nil || !strings.Contains(flat(out), "Who chaired? Give the member's id here: a or b (the co-chairs). chair: who?") {
		t.Errorf("co-chairs: the empty chair should be asked for:\n%s", out)
	}
	format(t, out)
}
