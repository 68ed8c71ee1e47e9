package record_test

import (
	"errors"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/record"
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
	Attendance struct {
		Present, Apologies, Absent, Guests []string
		Substitutes                        map[string]string
	}
	Agenda        []struct{ Title string }
	Decisions     []any
	Actions       []any
	ActionUpdates []any `yaml:"action_updates"`
	Note          string
}

func fill(t *testing.T, data string, m record.Minutes, force bool) (string, rec) {
	t.Helper()
	out, err := record.Fill([]byte(data), m, force)
	if err != nil {
		t.Fatal(err)
	}
	var r rec
	if err := yaml.Unmarshal(out, &r); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	return string(out), r
}

func TestFillPlannedRecord(t *testing.T) {
	planned := "# kept comment\ndate: 2026-12-08\nkind: ordinary\nstatus: planned # was planned\nnote: keep me\n"
	out, r := fill(t, planned, record.Minutes{Expected: []string{"a", "b"}, Agenda: []string{"Apologies", "Minutes of the last meeting"}}, false)
	if r.Status != "held" || r.Date != "2026-12-08" || r.Note != "keep me" {
		t.Errorf("status %q, date %q, note %q", r.Status, r.Date, r.Note)
	}
	if strings.Join(r.Attendance.Present, ",") != "a,b" || len(r.Attendance.Apologies) != 0 || len(r.Attendance.Absent) != 0 || len(r.Attendance.Guests) != 0 || len(r.Attendance.Substitutes) != 0 {
		t.Errorf("attendance %+v", r.Attendance)
	}
	if len(r.Agenda) != 2 || r.Agenda[0].Title != "Apologies" || r.Agenda[1].Title != "Minutes of the last meeting" {
		t.Errorf("agenda %+v", r.Agenda)
	}
	for _, key := range []string{"decisions: []", "actions: []", "action_updates: []", "# kept comment", "# was planned", "# move members who sent apologies"} {
		if !strings.Contains(out, key) {
			t.Errorf("no %q in\n%s", key, out)
		}
	}
	if strings.Index(out, "note:") > strings.Index(out, "attendance:") {
		t.Errorf("existing keys not kept first:\n%s", out)
	}
}

func TestFillKeepsWhatTheRecordHas(t *testing.T) {
	data := "date: 2026-12-08\nkind: ordinary\nstatus: planned\nagenda:\n  - title: Own item\ndecisions:\n  - {id: D1, text: Agreed, outcome: carried}\n"
	out, r := fill(t, data, record.Minutes{Expected: []string{"a"}, Agenda: []string{"Standing item"}}, false)
	if len(r.Agenda) != 1 || r.Agenda[0].Title != "Own item" {
		t.Errorf("agenda replaced: %+v", r.Agenda)
	}
	if len(r.Decisions) != 1 || strings.Count(out, "decisions:") != 1 {
		t.Errorf("decisions replaced:\n%s", out)
	}
}

func TestFillNoAgendaWhenNoneGiven(t *testing.T) {
	out, _ := fill(t, "date: 2026-12-08\nkind: ordinary\n", record.Minutes{Expected: []string{"a"}}, false)
	if strings.Contains(out, "agenda:") {
		t.Errorf("an empty agenda was added:\n%s", out)
	}
}

func TestFillAttendance(t *testing.T) {
	held := "date: 2026-12-08\nkind: ordinary\nstatus: held\nattendance:\n  present: [x]\n"
	if _, err := record.Fill([]byte(held), record.Minutes{Expected: []string{"a"}}, false); !errors.Is(err, record.ErrHasMinutes) {
		t.Errorf("err = %v; want ErrHasMinutes", err)
	}
	out, r := fill(t, held, record.Minutes{Expected: []string{"a"}}, true)
	if strings.Join(r.Attendance.Present, ",") != "a" || strings.Count(out, "attendance:") != 1 {
		t.Errorf("forced attendance not replaced:\n%s", out)
	}
}

func TestFillRefusesWhatIsNotARecord(t *testing.T) {
	for name, data := range map[string]string{
		"bad yaml": "date: [2026\n",
		"list":     "- a\n- b\n",
		"empty":    "",
	} {
		if _, err := record.Fill([]byte(data), record.Minutes{}, false); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}
