package report_test

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/report"
	"github.com/govctl/govctl/pkg/terms"
)

// The test repository: one board whose membership changes over 2026, with
// held, cancelled and planned meetings, and a work programme; and a second
// body with neither.
var testRepo = map[string]string{
	"govctl.yaml": "timezone: Europe/London\n",
	"organisations.yaml": `
organisations:
  - {id: a, name: Authority A, short_name: A}
  - {id: b, name: Borough B, short_name: B}
  - {id: c, name: Council C}
`,
	"board/network.yaml": `
id: board
name: The Board
parent: other
offices:
  chair: {count: {min: 1, max: 2}, appointment: elected}
seats:
  - {organisations: [a, b, c], title: Member, substitute: allowed}
meetings:
  ordinary: {every: P1M, duration: PT2H}
`,
	// b1 leaves at the end of March and b2 takes B's seat in April; c1
	// joins in March. a-dep has no seat: a substitute.
	"board/members.yaml": `
members:
  - {id: a1, name: Ann One, organisation: a, seat: Member}
  - {id: a-dep, name: Ann's Deputy, organisation: a}
  - {id: b1, name: Bob One, organisation: b, seat: Member, until: 2026-03-31}
  - {id: b2, name: Bea Two, organisation: b, seat: Member, from: 2026-04-01}
  - {id: c1, name: Cat One, organisation: c, seat: Member, from: 2026-03-01}
office_holders:
  - {office: chair, member: b1, until: 2026-03-31}
  - {office: chair, member: a1, from: 2026-04-01}
  - {office: chair, member: b2, from: 2026-04-01}
`,
	"board/meetings/2026-01-13.yaml": `
kind: ordinary
status: held
attendance: {present: [a1], apologies: [b1]}
actions:
  - {id: A-1, text: Circulate the register, owner: a1, due: 2026-02-01}
  - {id: A-2, text: Review the budget, owner: b1}
`,
	"board/meetings/2026-02-10.yaml": `
kind: ordinary
status: held
attendance:
  present: [b1]
  substitutes: {a-dep: a1}
action_updates:
  - {action: A-1, status: done}
`,
	// c1 has joined but is not recorded: absent.
	"board/meetings/2026-03-10.yaml": `
kind: ordinary
status: held
attendance: {present: [b1], absent: [a1]}
`,
	// Cancelled: everyone listed present, and nothing of it counts.
	"board/meetings/2026-03-24.yaml": `
kind: ordinary
status: cancelled
attendance: {present: [a1, b1, c1]}
actions:
  - {id: A-3, text: Never raised, owner: a1}
`,
	// a1 is not recorded: absent.
	"board/meetings/2026-04-14.yaml": `
kind: ordinary
status: held
attendance: {present: [b2], absent: [c1]}
`,
	// Held, with no attendance recorded: not counted.
	"board/meetings/2026-05-12.yaml": `
kind: ordinary
status: held
`,
	"board/meetings/2026-06-09.yaml": `
kind: ordinary
status: held
attendance: {present: [b2], apologies: [c1], absent: [a1]}
`,
	// a's deputy comes in their own right while a1 sends apologies.
	"board/meetings/2026-07-14.yaml": `
kind: ordinary
status: held
attendance: {present: [a-dep], apologies: [a1], absent: [b2, c1]}
`,
	"board/meetings/2026-12-08.yaml": `
kind: ordinary
status: planned
attendance: {present: [a1, b2, c1]}
`,
	"board/meetings/2026-11-10.yaml": `
kind: ordinary
status: planned
`,
	"board/work-programme.yaml": `
period: {from: 2026-04-01, until: 2027-03-31}
items:
  - id: wp-1
    title: Standardise the codes
    lead: a1
    status: on-track
    due: 2027-03-31
    milestones:
      - {title: Audit, due: 2026-10-31}
      - {title: Survey, due: 2026-09-30, done: 2026-09-20}
      - {title: Report, due: 2027-01-31}
    updates:
      - {date: 2026-11-10, text: "Twelve returns\nin"}
      - {date: 2026-10-01, text: Started}
  - {id: wp-2, title: Shared training, lead: b, status: at-risk, due: 2026-10-31}
  - {id: wp-3, title: Done already, status: complete, due: 2026-06-30}
  - id: wp-4
    title: Exactly three months
    status: not-started
    updates: [{date: 2026-08-23, text: Planned}]
  - id: wp-5
    title: A day more
    status: off-track
    updates: [{date: 2026-08-22, text: Planned}]
`,
	"other/network.yaml": `
id: other
name: Other Body
meetings:
  ordinary: {per_year: 6, duration: PT2H}
  workshop: {every: P6W, per_year: 9}
  extraordinary: {duration: PT1H}
`,
	"other/members.yaml": "members:\n  - {id: o1, name: O One}\n",
}

func writeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	dated := map[string]string{}
	for name, text := range files {
		if strings.Contains(name, "/meetings/") {
			text = "date: " + strings.TrimSuffix(filepath.Base(name), ".yaml")[:10] + "\n" + strings.TrimLeft(text, "\n")
		}
		dated[name] = text
	}
	return cmdtest.WriteTree(t, dated)
}

// open opens the networks ids of the repository in dir as the commands
// that read across bodies do, on 23 November 2026.
func open(dir string, ids []string) ([]*terms.Net, model.Date, error) {
	res, err := check.OpenSound(dir, ids, cmdtest.Clock("2026-11-23"))
	if err != nil {
		return nil, model.Date{}, err
	}
	return res.Nets(), res.Today, res.Left()
}

// loadNets loads the test repository as the commands do; any error in the
// files fails the test, so that the fixtures say what they mean.
func loadNets(t *testing.T) (map[string]*terms.Net, []*terms.Net, model.Date) {
	t.Helper()
	nets, today, err := open(writeRepo(t, testRepo), nil)
	if err != nil {
		if fe, ok := err.(*check.FindingsError); ok {
			for _, d := range fe.Diagnostics {
				t.Error(d)
			}
		}
		t.Fatal(err)
	}
	byID := map[string]*terms.Net{}
	for _, nx := range nets {
		byID[nx.N.ID] = nx
	}
	return byID, nets, today
}

func day(s string) date.Date {
	d, err := load.ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// counts is a row's numbers: expected, present, by substitute, apologies,
// absent, rate ("n/a" or "67%"), longest run of absences, flagged.
type counts struct {
	expected, present, sub, apologies, absent int
	rate                                      string
	run                                       int
	flagged                                   bool
}

func rowCounts(r report.AttendanceRow) counts {
	return counts{r.Expected, r.Present, r.Substitute, r.Apologies, r.Absent, r.RateText(), r.LongestAbsentRun, slices.Contains(r.Flags, report.FlagAbsentInARow)}
}

func TestAttendanceByMember(t *testing.T) {
	nets, _, _ := loadNets(t)
	r := report.Attendance(nets["board"], report.AttendanceOptions{})
	var dates []string
	for _, m := range r.Meetings {
		dates = append(dates, m.Date)
	}
	// Held meetings only: not the cancelled one of 24 March, nor the
	// planned ones; 12 May is held with no attendance recorded.
	if want := []string{"2026-01-13", "2026-02-10", "2026-03-10", "2026-04-14", "2026-06-09", "2026-07-14"}; !slices.Equal(dates, want) {
		t.Errorf("meetings counted %v; want %v", dates, want)
	}
	if len(r.NotRecorded) != 1 || r.NotRecorded[0].Date != "2026-05-12" {
		t.Errorf("not recorded %v; want 2026-05-12", r.NotRecorded)
	}
	want := map[string]counts{
		// Present in January, by substitute in February, then absent in
		// March (listed), April (not recorded) and June: three in a row,
		// the unrecorded May meeting and the cancelled one in between
		// notwithstanding; apologies in July. 2 of 6 is 33%.
		"a1": {6, 1, 1, 1, 3, "33%", 3, true},
		// Left at the end of March: expected three times; 2 of 3 is 67%.
		"b1": {3, 2, 0, 1, 0, "67%", 0, false},
		// Joined in April: not expected before.
		"b2": {3, 2, 0, 0, 1, "67%", 1, false},
		// Joined in March: absent (not recorded), absent, apologies,
		// absent: the apologies end the run at two.
		"c1": {4, 0, 0, 1, 3, "0%", 2, false},
	}
	var ids []string
	for _, row := range r.Rows {
		ids = append(ids, row.ID)
		if w, ok := want[row.ID]; ok {
			if got := rowCounts(row); got != w {
				t.Errorf("%s: got %+v; want %+v", row.ID, got, w)
			}
		}
		if row.Present+row.Substitute+row.Apologies+row.Absent != row.Expected {
			t.Errorf("%s: the outcomes do not add up to expected: %+v", row.ID, row)
		}
	}
	// The deputy has no seat: never expected, not listed; rows in
	// members.yaml order.
	if want := []string{"a1", "b1", "b2", "c1"}; !slices.Equal(ids, want) {
		t.Errorf("rows %v; want %v", ids, want)
	}
	if r.Rows[0].Name != "Ann One" || r.Rows[0].Organisation != "a" || r.Rows[0].OrganisationName != "A" {
		t.Errorf("row 0 = %+v", r.Rows[0])
	}
}

func TestAttendanceByOrganisation(t *testing.T) {
	nets, _, _ := loadNets(t)
	r := report.Attendance(nets["board"], report.AttendanceOptions{By: report.ByOrganisation})
	want := map[string]counts{
		// January present; February only the substitute; March, April,
		// June absent; July the deputy came in their own right: present.
		// 3 of 6 is 50%.
		"a": {6, 2, 1, 0, 3, "50%", 3, true},
		// b1 then b2 hold the seat: expected at all six.
		"b": {6, 4, 0, 1, 1, "67%", 1, false},
		// Only from March.
		"c": {4, 0, 0, 1, 3, "0%", 2, false},
	}
	var ids []string
	for _, row := range r.Rows {
		ids = append(ids, row.ID)
		if got := rowCounts(row); got != want[row.ID] {
			t.Errorf("%s: got %+v; want %+v", row.ID, got, want[row.ID])
		}
	}
	if !slices.Equal(ids, []string{"a", "b", "c"}) {
		t.Errorf("rows %v; want a, b, c", ids)
	}
	if r.Rows[2].Name != "Council C" {
		t.Errorf("c is named %q; want Council C", r.Rows[2].Name)
	}
}

func TestAttendancePeriod(t *testing.T) {
	nets, _, _ := loadNets(t)
	r := report.Attendance(nets["board"], report.AttendanceOptions{From: day("2026-04-01"), Until: day("2026-06-30")})
	if len(r.Meetings) != 2 || len(r.NotRecorded) != 1 || r.From != "2026-04-01" || r.Until != "2026-06-30" {
		t.Fatalf("meetings %v, not recorded %v, from %q until %q", r.Meetings, r.NotRecorded, r.From, r.Until)
	}
	want := map[string]counts{
		"a1": {2, 0, 0, 0, 2, "0%", 2, false},
		"b2": {2, 2, 0, 0, 0, "100%", 0, false},
		"c1": {2, 0, 0, 1, 1, "0%", 1, false},
	}
	if len(r.Rows) != len(want) {
		t.Errorf("rows %+v; want a1, b2, c1 (b1 had left)", r.Rows)
	}
	for _, row := range r.Rows {
		if got := rowCounts(row); got != want[row.ID] {
			t.Errorf("%s: got %+v; want %+v", row.ID, got, want[row.ID])
		}
	}
	// Bounds are inclusive.
	r = report.Attendance(nets["board"], report.AttendanceOptions{From: day("2026-01-13"), Until: day("2026-01-13")})
	if len(r.Meetings) != 1 {
		t.Errorf("a one-day period holding a meeting counts %d meetings", len(r.Meetings))
	}
	// No meetings: no rows, and the rate of nothing is n/a.
	r = report.Attendance(nets["board"], report.AttendanceOptions{From: day("2027-01-01")})
	if len(r.Rows) != 0 || len(r.Meetings) != 0 {
		t.Errorf("after the last meeting: %+v", r)
	}
	if got := (report.AttendanceRow{}).RateText(); got != "n/a" {
		t.Errorf("rate with nothing expected = %q; want n/a", got)
	}
}

func TestPercent(t *testing.T) {
	for _, tc := range []struct{ n, d, want int }{
		{0, 3, 0}, {1, 3, 33}, {2, 3, 67}, {1, 8, 13}, {5, 8, 63}, {1, 6, 17}, {1, 200, 1}, {1, 201, 0}, {3, 3, 100}, {199, 200, 100},
	} {
		if got := report.Percent(tc.n, tc.d); got != tc.want {
			t.Errorf("Percent(%d, %d) = %d; want %d", tc.n, tc.d, got, tc.want)
		}
	}
}

func TestAttendanceJSONShape(t *testing.T) {
	nets, _, _ := loadNets(t)
	r := report.Attendance(nets["other"], report.AttendanceOptions{})
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"network":"other","name":"Other Body","by":"member","from":"","until":"","meetings":[],"not_recorded":[],"rows":[]}`
	if string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
	r = report.Attendance(nets["board"], report.AttendanceOptions{})
	b, _ = json.Marshal(r.Rows[0])
	want = `{"id":"a1","name":"Ann One","organisation":"a","organisation_name":"A","expected":6,"present":1,"by_substitute":1,"apologies":1,"absent":3,"rate":33,"longest_absent_run":3,"flags":["absent-in-a-row"]}`
	if string(b) != want {
		t.Errorf("got %s\nwant %s", b, want)
	}
}

func TestAttendanceMarkdown(t *testing.T) {
	nets, _, _ := loadNets(t)
	md := string(report.Attendance(nets["board"], report.AttendanceOptions{}).Markdown())
	for _, want := range []string{
		"# Attendance: The Board\n",
		"| Ann One | A | 6 | 1 | 1 | 1 | 3 | 33% | **3 absent in a row** |\n",
		"| Cat One | Council C | 4 | 0 | 0 | 1 | 3 | 0% |  |\n",
		"Not counted, held with no attendance recorded: 2026-05-12 (ordinary).",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
	// The deputy has no seat.
	if strings.Contains(md, "Deputy") {
		t.Errorf("the deputy, who has no seat, is listed:\n%s", md)
	}
}

func TestWorkProgramme(t *testing.T) {
	_, nets, today := loadNets(t)
	r := report.WorkProgramme(nets, today)
	if r.AsOf != "2026-11-23" {
		t.Errorf("as of %s", r.AsOf)
	}
	type item struct {
		lead, due, milestones, latest, latestDate string
		flags                                     []string
	}
	want := map[string]item{
		// A milestone due 31 October is not done; the latest update is
		// the one with the latest date, not the last written.
		"wp-1": {"Ann One", "2027-03-31", "1/3", "Twelve returns in", "2026-11-10", []string{"overdue-milestone"}},
		// No update: the period's start (1 April) stands in. Led by an
		// organisation.
		"wp-2": {"B", "2026-10-31", "0/0", "", "", []string{"stale", "overdue"}},
		// Complete: neither stale nor overdue.
		"wp-3": {"", "2026-06-30", "0/0", "", "", []string{}},
		// Updated exactly three months before: not stale.
		"wp-4": {"", "", "0/0", "Planned", "2026-08-23", []string{}},
		"wp-5": {"", "", "0/0", "Planned", "2026-08-22", []string{"stale"}},
	}
	if len(r.Items) != len(want) {
		t.Fatalf("%d items; want %d", len(r.Items), len(want))
	}
	for _, it := range r.Items {
		w := want[it.ID]
		got := item{it.Lead, it.Due, "", it.LatestUpdate, it.LatestUpdateDate, it.Flags}
		got.milestones = strings.Join([]string{itoa(it.MilestonesDone), itoa(it.Milestones)}, "/")
		if got.lead != w.lead || got.due != w.due || got.milestones != w.milestones || got.latest != w.latest || got.latestDate != w.latestDate || !slices.Equal(got.flags, w.flags) {
			t.Errorf("%s: got %+v; want %+v", it.ID, got, w)
		}
		if it.Network != "board" {
			t.Errorf("%s: network %q", it.ID, it.Network)
		}
	}
	if len(r.Summary) != 1 {
		t.Fatalf("summary %+v", r.Summary)
	}
	s := r.Summary[0]
	if s.NotStarted != 1 || s.OnTrack != 1 || s.AtRisk != 1 || s.OffTrack != 1 || s.Complete != 1 || s.Total != 5 || s.PeriodFrom != "2026-04-01" {
		t.Errorf("summary %+v", s)
	}
	if !slices.Equal(r.Without, []string{"other"}) {
		t.Errorf("without %v; want other", r.Without)
	}

	// On 1 October nothing is overdue and the audit milestone lies ahead;
	// wp-2's period start is still more than three months back.
	asOf := model.Date{Date: day("2026-10-01")}
	r = report.WorkProgramme(nets, asOf)
	for _, it := range r.Items {
		if it.ID == "wp-1" && len(it.Flags) != 0 {
			t.Errorf("wp-1 on 1 October: flags %v", it.Flags)
		}
		if it.ID == "wp-2" && !slices.Equal(it.Flags, []string{"stale"}) {
			t.Errorf("wp-2 on 1 October: flags %v; want stale", it.Flags)
		}
	}

	md := string(report.WorkProgramme(nets, today).Markdown())
	for _, want := range []string{
		"## The Board (board)\n",
		"| wp-1 | Standardise the codes | Ann One | on-track | 2027-03-31 | 1 of 3 | 2026-11-10: Twelve returns in | **overdue-milestone** |\n",
		"| wp-2 | Shared training | B | at-risk | 2026-10-31 |  |  | **stale**, **overdue** |\n",
		"| board | 1 | 1 | 1 | 1 | 1 | 5 |\n",
		"Left out, with no work programme: other.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func TestWorkProgrammeEscapes(t *testing.T) {
	files := map[string]string{}
	for k, v := range testRepo {
		files[k] = v
	}
	files["board/work-programme.yaml"] = "items:\n  - {id: wp-1, title: \"Risks | *issues*\", status: on-track, updates: [{date: 2026-11-01, text: \"<b>done</b>\"}]}\n"
	nets, today, err := open(writeRepo(t, files), []string{"board"})
	if err != nil {
		t.Fatal(err)
	}
	md := string(report.WorkProgramme(nets, today).Markdown())
	if !strings.Contains(md, `| Risks \| \*issues\* |`) || !strings.Contains(md, `2026-11-01: \<b\>done\</b\>`) {
		t.Errorf("user text not escaped:\n%s", md)
	}
}

func TestNetworks(t *testing.T) {
	files := map[string]string{}
	for k, v := range testRepo {
		files[k] = v
	}
	// A body whose network.yaml cannot be read, and a stray file at the
	// top.
	files["broken/network.yaml"] = "id: broken\nname: [unclosed\n"
	files["stray.yaml"] = "x: 1\n"
	dir := writeRepo(t, files)
	res, err := check.Run(dir, check.Options{Now: cmdtest.Clock("2026-11-23")})
	if err != nil {
		t.Fatal(err)
	}
	ov := report.Networks(res.Nets(), dir, check.NetworkIDs(dir), res.Diagnostics, res.AsOf)
	var ids []string
	for _, n := range ov.Networks {
		ids = append(ids, n.ID)
	}
	if !slices.Equal(ids, []string{"board", "broken", "other"}) {
		t.Fatalf("rows %v; want board, broken, other", ids)
	}
	board, broken, other := ov.Networks[0], ov.Networks[1], ov.Networks[2]
	if board.Name != "The Board" || board.Parent != "other" || !board.Loaded {
		t.Errorf("board: %+v", board)
	}
	// b1's holding ended in March.
	if !slices.Equal(board.Chairs, []string{"Ann One", "Bea Two"}) {
		t.Errorf("board chairs %q", board.Chairs)
	}
	if board.Cadence != "every month" {
		t.Errorf("board cadence %q", board.Cadence)
	}
	// 10 November is past; 8 December is next.
	if board.NextMeeting == nil || *board.NextMeeting != (report.NextMeeting{Date: "2026-12-08", Kind: "ordinary"}) {
		t.Errorf("board next meeting %+v", board.NextMeeting)
	}
	// A-1 was done; A-3 was raised at a cancelled meeting.
	if board.OpenActions != 1 {
		t.Errorf("board open actions %d; want 1", board.OpenActions)
	}
	// Every finding in a network's files, and none elsewhere, counts.
	for _, row := range ov.Networks {
		errs, warns := findingsIn(res.Diagnostics, filepath.Join(dir, row.ID))
		if row.Errors != errs || row.Warnings != warns {
			t.Errorf("%s findings %d, %d (%s); want %d, %d", row.ID, row.Errors, row.Warnings, row.Findings, errs, warns)
		}
	}
	if broken.Findings != "1 error, 0 warnings" {
		t.Errorf("broken findings %q; want 1 error, 0 warnings", broken.Findings)
	}
	if board.Warnings == 0 {
		t.Errorf("board has no warnings; the test wants some (the planned meeting of 10 November is past)")
	}
	if broken.Loaded || broken.Errors == 0 || broken.Name != "" || broken.Chairs == nil {
		t.Errorf("broken: %+v", broken)
	}
	if other.Cadence != "ordinary: 6 a year; workshop: every 6 weeks, 9 a year" || len(other.Chairs) != 0 || other.NextMeeting != nil {
		t.Errorf("other: %+v", other)
	}
	if ov.OtherWarnings == 0 {
		t.Errorf("the stray file's warning is not counted outside the networks: %+v", ov)
	}
}

func findingsIn(ds []diag.Diagnostic, folder string) (errs, warns int) {
	prefix := filepath.ToSlash(folder) + "/"
	var in []diag.Diagnostic
	for _, d := range ds {
		if strings.HasPrefix(d.Pos.File, prefix) {
			in = append(in, d)
		}
	}
	return diag.Count(in)
}

// TestAttendanceStandIns: a stand-in counts as a substitute where the
// member's seat allows any (a), and not where it takes only named ones (b):
// b's member sent apologies and a colleague who does not count.
func TestAttendanceStandIns(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: Council A}\n  - {id: b, name: Council B}\n",
		"board/network.yaml": `
id: board
name: Board
seats:
  - {organisations: [a], title: Open, substitute: allowed}
  - {organisations: [b], title: Named, substitute: named}
meetings: {ordinary: {duration: PT2H}}
`,
		"board/members.yaml": `
members:
  - {id: a1, name: Ann One, organisation: a, seat: Open}
  - {id: b1, name: Bob One, organisation: b, seat: Named, substitutes: [b-sub]}
  - {id: b-sub, name: Bob Deputy, organisation: b}
`,
		"board/meetings/2026-11-10.yaml": `
kind: ordinary
status: held
attendance:
  apologies: [a1, b1]
  stand_ins:
    - {name: Sam Smith, organisation: a, for: a1}
    - {name: Jo Bloggs, organisation: b, for: b1}
`,
	})
	nets, _, err := open(dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	r := report.Attendance(nets[0], report.AttendanceOptions{})
	want := map[string]counts{
		"a1": {1, 0, 1, 0, 0, "100%", 0, false},
		"b1": {1, 0, 0, 1, 0, "0%", 0, false},
	}
	for _, row := range r.Rows {
		if got := rowCounts(row); got != want[row.ID] {
			t.Errorf("%s: got %+v; want %+v", row.ID, got, want[row.ID])
		}
	}
	if len(r.Rows) != 2 {
		t.Errorf("rows %+v; want a1 and b1", r.Rows)
	}
}
