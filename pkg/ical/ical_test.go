package ical

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the same zone rules on every machine
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
	"github.com/rickb777/date"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/model"
)

// fixture loads testdata/repo.txtar with the given timezone and returns the
// options for the whole repository.
func fixture(t *testing.T, tz string) Options {
	t.Helper()
	ar, err := txtar.ParseFile("testdata/repo.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		data := f.Data
		if f.Name == "govctl.yaml" {
			data = bytes.Replace(data, []byte("Europe/London"), []byte(tz), 1)
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	now := func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }
	res, err := check.OpenSound(dir, nil, now)
	if err == nil {
		err = res.Left()
	}
	if err != nil {
		t.Fatalf("loading the fixture: %v", err)
	}
	rx, nets := res.Index, res.Nets()
	loc, err := time.LoadLocation(rx.Repo.Settings.Timezone)
	if err != nil {
		t.Fatal(err)
	}
	cal, err := calendar.New(rx.Repo.Settings.Holidays, nil)
	if err != nil {
		t.Fatal(err)
	}
	return Options{Networks: nets, Calendar: cal, Location: loc}
}

// parse reads the feed with an independent parser.
func parse(t *testing.T, out []byte) (*ics.Calendar, map[string]*ics.VEvent) {
	t.Helper()
	c, err := ics.ParseCalendar(bytes.NewReader(out))
	if err != nil {
		t.Fatalf("the feed does not parse: %v\n%s", err, out)
	}
	byUID := map[string]*ics.VEvent{}
	for _, e := range c.Events() {
		uid := e.Id()
		if _, dup := byUID[uid]; dup {
			t.Errorf("UID %s appears twice", uid)
		}
		byUID[uid] = e
	}
	return c, byUID
}

func prop(e *ics.VEvent, name ics.ComponentProperty) string {
	if p := e.GetProperty(name); p != nil {
		return p.Value
	}
	return ""
}

func findEvent(t *testing.T, events map[string]*ics.VEvent, uid string) *ics.VEvent {
	t.Helper()
	e, ok := events[uid]
	if !ok {
		t.Fatalf("no event %s", uid)
	}
	return e
}

func TestCalendarProperties(t *testing.T) {
	out := Calendar(fixture(t, "Europe/London"))
	c, _ := parse(t, out)
	want := map[string]string{"VERSION": "2.0", "PRODID": ProdID, "CALSCALE": "GREGORIAN", "METHOD": "PUBLISH", "X-WR-CALNAME": DefaultName}
	got := map[string]string{}
	for _, p := range c.CalendarProperties {
		got[p.IANAToken] = p.Value
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %q, want %q", k, got[k], v)
		}
	}
	if !bytes.HasPrefix(out, []byte("BEGIN:VCALENDAR\r\n")) || !bytes.HasSuffix(out, []byte("END:VCALENDAR\r\n")) {
		t.Errorf("the feed is not one VCALENDAR")
	}
}

// TestLondonSummerTime: meetings at 10:00 before and after each change of
// the clocks in 2027 (28 March and 31 October).
func TestLondonSummerTime(t *testing.T) {
	out := Calendar(fixture(t, "Europe/London"))
	c, events := parse(t, out)
	tzs := c.Timezones()
	if len(tzs) != 1 || prop2(tzs[0].ComponentBase, ics.ComponentPropertyTzid) != "Europe/London" {
		t.Fatalf("want one VTIMEZONE for Europe/London, got %d", len(tzs))
	}
	vtz := readVTimezone(t, tzs[0])
	for _, tt := range []struct {
		uid   string
		local string
		utc   string
		end   string
	}{
		{"omg-2027-03-23@govctl", "20270323T100000", "2027-03-23T10:00:00Z", "2027-03-23T12:00:00Z"},
		{"omg-2027-03-30@govctl", "20270330T100000", "2027-03-30T09:00:00Z", "2027-03-30T11:00:00Z"},
		{"omg-2027-10-26@govctl", "20271026T100000", "2027-10-26T09:00:00Z", "2027-10-26T11:00:00Z"},
		{"omg-2027-11-02@govctl", "20271102T100000", "2027-11-02T10:00:00Z", "2027-11-02T12:00:00Z"},
		{"omg-2027-11-09@govctl", "20271109T100000", "2027-11-09T10:00:00Z", "2027-11-09T12:00:00Z"},
		{"omg-2027-05-11-2@govctl", "20270511T161500", "2027-05-11T15:15:00Z", "2027-05-11T16:15:00Z"}, // default hour
	} {
		e := findEvent(t, events, tt.uid)
		p := e.GetProperty(ics.ComponentPropertyDtStart)
		if p.Value != tt.local || strings.Join(p.ICalParameters["TZID"], ",") != "Europe/London" {
			t.Errorf("%s: DTSTART %v:%s, want TZID=Europe/London:%s", tt.uid, p.ICalParameters, p.Value, tt.local)
		}
		// The parser resolves TZID through the system's zone rules...
		start, err := e.GetStartAt()
		if err != nil {
			t.Fatal(err)
		}
		if got := start.UTC().Format(time.RFC3339); got != tt.utc {
			t.Errorf("%s: starts %s, want %s", tt.uid, got, tt.utc)
		}
		end, err := e.GetEndAt()
		if err != nil {
			t.Fatal(err)
		}
		if got := end.UTC().Format(time.RFC3339); got != tt.end {
			t.Errorf("%s: ends %s, want %s", tt.uid, got, tt.end)
		}
		// ...and the feed's own VTIMEZONE, as Outlook reads it, agrees.
		if got := vtz.resolve(t, p.Value).Format(time.RFC3339); got != tt.utc {
			t.Errorf("%s: by the feed's VTIMEZONE starts %s, want %s", tt.uid, got, tt.utc)
		}
	}
}

// TestLondonVTimezoneMatchesTzdata: the fixed definition gives the same
// changes as the tz database for every year from 1997 to 2060.
func TestLondonVTimezoneMatchesTzdata(t *testing.T) {
	c, _ := parse(t, Calendar(fixture(t, "Europe/London")))
	vtz := readVTimezone(t, c.Timezones()[0])
	loc, _ := time.LoadLocation("Europe/London")
	for y := 1997; y <= 2060; y++ {
		// Every hour of the year: the clocks change on the hour in UTC.
		var want []time.Time
		prev := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		_, po := prev.In(loc).Zone()
		for u := prev.Add(time.Hour); u.Year() == y; u = u.Add(time.Hour) {
			if _, o := u.In(loc).Zone(); o != po {
				want = append(want, u)
				po = o
			}
		}
		got := vtz.onsetsIn(t, y)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%d: VTIMEZONE changes at %v, tzdata at %v", y, got, want)
		}
	}
}

// TestOtherTimezones: a repository in another timezone gets a VTIMEZONE
// generated from tzdata that places every event at the right instant.
func TestOtherTimezones(t *testing.T) {
	for _, tz := range []string{"America/New_York", "Australia/Sydney", "Asia/Tokyo", "Europe/Dublin", "UTC"} {
		t.Run(tz, func(t *testing.T) {
			o := fixture(t, tz)
			out := Calendar(o)
			checkLines(t, out)
			c, events := parse(t, out)
			tzs := c.Timezones()
			if len(tzs) != 1 || prop2(tzs[0].ComponentBase, ics.ComponentPropertyTzid) != tz {
				t.Fatalf("want one VTIMEZONE for %s", tz)
			}
			vtz := readVTimezone(t, tzs[0])
			timed := 0
			for uid, e := range events {
				p := e.GetProperty(ics.ComponentPropertyDtStart)
				if p.ICalParameters["VALUE"] != nil {
					continue
				}
				timed++
				if got := strings.Join(p.ICalParameters["TZID"], ","); got != tz {
					t.Errorf("%s: TZID %q, want %q", uid, got, tz)
				}
				wall, err := time.Parse(localFormat, p.Value)
				if err != nil {
					t.Fatal(err)
				}
				want := time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), 0, 0, o.Location).UTC()
				if got := vtz.resolve(t, p.Value); !got.Equal(want) {
					t.Errorf("%s: by the feed's VTIMEZONE %s is %s, want %s", uid, p.Value, got, want)
				}
				if got, err := e.GetStartAt(); err != nil || !got.Equal(want) {
					t.Errorf("%s: the parser reads %s (%v), want %s", uid, got, err, want)
				}
			}
			if timed < 6 {
				t.Errorf("only %d timed events", timed)
			}
		})
	}
	// New York: summer time from 14 March to 7 November 2027.
	_, events := parse(t, Calendar(fixture(t, "America/New_York")))
	for uid, want := range map[string]string{
		"omg-2027-03-30@govctl": "2027-03-30T14:00:00Z",
		"omg-2027-11-02@govctl": "2027-11-02T14:00:00Z",
		"omg-2027-11-09@govctl": "2027-11-09T15:00:00Z",
	} {
		got, _ := findEvent(t, events, uid).GetStartAt()
		if got.UTC().Format(time.RFC3339) != want {
			t.Errorf("%s: %s, want %s", uid, got.UTC().Format(time.RFC3339), want)
		}
	}
}

func TestAllDayAndDefaults(t *testing.T) {
	_, events := parse(t, Calendar(fixture(t, "Europe/London")))
	e := findEvent(t, events, "omg-2027-05-11@govctl")
	if p := e.GetProperty(ics.ComponentPropertyDtStart); p.Value != "20270511" || strings.Join(p.ICalParameters["VALUE"], "") != "DATE" {
		t.Errorf("a meeting with no start: DTSTART %v:%s, want VALUE=DATE:20270511", p.ICalParameters, p.Value)
	}
	if p := e.GetProperty(ics.ComponentPropertyDtEnd); p.Value != "20270512" {
		t.Errorf("DTEND %s, want 20270512", p.Value)
	}
	if got := prop(e, ics.ComponentPropertySummary); got != "Operational Management Group: Workshop" {
		t.Errorf("SUMMARY %q", got)
	}
	e = findEvent(t, events, "omg-2027-03-30@govctl")
	if got, want := prop(e, ics.ComponentPropertyLocation), "Online, or at the offices of Brent (next in the rotation)"; got != want {
		t.Errorf("LOCATION %q, want %q", got, want)
	}
	if got, want := prop(e, ics.ComponentPropertyDtstamp), "20270330T000000Z"; got != want {
		t.Errorf("DTSTAMP %q, want %q", got, want)
	}
}

func TestCancelled(t *testing.T) {
	o := fixture(t, "Europe/London")
	o.Deadlines = true
	_, events := parse(t, Calendar(o))
	cancelled := map[string]string{
		"omg-2027-11-02@govctl": "This meeting is cancelled.\nAgenda: ",
		"omg-2028-01-11@govctl": "This meeting is cancelled.\nReason: No quorum; the chair is away, and so is the vice-chair\nMoved from Thursday 13 January 2028.\nAgenda: omg/meetings/2028-01-18.agenda.md",
	}
	for uid, e := range events {
		want := "CONFIRMED"
		if desc, ok := cancelled[uid]; ok {
			want = "CANCELLED"
			if d := prop(e, ics.ComponentPropertyDescription); !strings.HasPrefix(d, desc) {
				t.Errorf("%s: the description of a cancelled meeting is %q, want it to begin %q", uid, d, desc)
			}
		}
		if got := prop(e, ics.ComponentPropertyStatus); got != want {
			t.Errorf("%s: STATUS %q, want %q", uid, got, want)
		}
	}
	for uid := range cancelled {
		if _, ok := events[strings.Replace(uid, "@", "-papers@", 1)]; ok {
			t.Errorf("a cancelled meeting has a papers deadline event")
		}
	}
}

// TestMoved: a moved meeting keeps the UID of the date it was first planned
// for, with SEQUENCE one a move (and one more when cancelled); a meeting
// later planned on the day it left gets a UID of its own.
func TestMoved(t *testing.T) {
	o := fixture(t, "Europe/London")
	o.Deadlines = true
	out := Calendar(o)
	_, events := parse(t, out)
	for _, tt := range []struct{ uid, start, seq string }{
		{"omg-2027-12-07@govctl", "20271214T100000", "1"},   // moved once
		{"omg-2027-12-07-papers@govctl", "20271210", "1"},   // its deadline moved with it
		{"omg-2027-12-07.2@govctl", "20271207", "0"},        // planned on the day it left
		{"omg-2027-12-07.2-papers@govctl", "20271123", "0"}, // with its own deadline
		{"omg-2028-01-11@govctl", "20280118T100000", "3"},   // moved twice, then cancelled
		{"omg-2027-11-02@govctl", "20271102T100000", "1"},   // cancelled
		{"omg-2027-11-09@govctl", "20271109T100000", "0"},   // never moved
		{"omg-2027-11-09-papers@govctl", "20271105", "0"},   // nor its deadline
		{"omg-2027-05-11-2@govctl", "20270511T161500", "0"}, // a second meeting that day
	} {
		e := findEvent(t, events, tt.uid)
		if got := prop(e, ics.ComponentPropertyDtStart); got != tt.start {
			t.Errorf("%s: DTSTART %s, want %s", tt.uid, got, tt.start)
		}
		if got := prop(e, ics.ComponentPropertySequence); got != tt.seq {
			t.Errorf("%s: SEQUENCE %q, want %s", tt.uid, got, tt.seq)
		}
	}
	if got, want := prop(events["omg-2027-12-07@govctl"], ics.ComponentPropertyDescription), "Moved from Tuesday 7 December 2027.\nAgenda: omg/meetings/2027-12-14.agenda.md\nPapers deadline: Friday 10 December 2027"; got != want {
		t.Errorf("DESCRIPTION %q, want %q", got, want)
	}
	if n := bytes.Count(out, []byte("BEGIN:VEVENT")); n != bytes.Count(out, []byte("\r\nSEQUENCE:")) {
		t.Errorf("%d events, but %d SEQUENCE lines", n, bytes.Count(out, []byte("\r\nSEQUENCE:")))
	}
}

func TestUIDs(t *testing.T) {
	d := func(s string) model.Date { return model.Date{Date: date.MustParseISO(s)} }
	left := &model.Meeting{File: "2026-12-08", Status: "planned"}                                      // planned later on the day b left
	b := &model.Meeting{File: "2026-12-15", MovedFrom: []model.Date{d("2026-12-08")}}                  // moved once
	c := &model.Meeting{File: "2026-12-22", MovedFrom: []model.Date{d("2026-12-08"), d("2026-12-10")}} // also first planned that day
	second := &model.Meeting{File: "2026-12-08-2"}
	got := UIDs([]*model.Meeting{left, second, b, c})
	want := map[*model.Meeting]string{b: "2026-12-08", c: "2026-12-08.2", left: "2026-12-08.3", second: "2026-12-08-2"}
	for m, w := range want {
		if got[m] != w {
			t.Errorf("%s: UID part %q, want %q", m.File, got[m], w)
		}
	}
	if s := Sequence(&model.Meeting{Status: "cancelled", MovedFrom: c.MovedFrom}); s != 3 {
		t.Errorf("Sequence = %d, want 3", s)
	}
}

func TestDeadlines(t *testing.T) {
	o := fixture(t, "Europe/London")
	_, events := parse(t, Calendar(o))
	for uid := range events {
		if strings.Contains(uid, "-papers@") {
			t.Errorf("deadline %s without --deadlines", uid)
		}
	}
	if got := prop(findEvent(t, events, "omg-2026-12-29@govctl"), ics.ComponentPropertyDescription); got != "Agenda: omg/meetings/2026-12-29.agenda.md\nMinutes: omg/meetings/2026-12-29.minutes.md\nPapers deadline: Wednesday 23 December 2026" {
		t.Errorf("DESCRIPTION %q", got)
	}

	o.Deadlines = true
	_, events = parse(t, Calendar(o))
	for _, tt := range []struct{ uid, day, summary string }{
		// Christmas Day and Boxing Day's substitute are not business days.
		{"omg-2026-12-29-papers@govctl", "20261223", "Papers due: Operational Management Group: Ordinary meeting of Tuesday 29 December 2026"},
		{"omg-2027-03-30-papers@govctl", "20270324", "Papers due: Operational Management Group: Ordinary meeting of Tuesday 30 March 2027"},
		{"omg-2027-05-11-papers@govctl", "20270427", "Papers due: Operational Management Group: Workshop of Tuesday 11 May 2027"},
		{"heads-of-hr-organisational-development-and-workforce-planning-2027-06-15-papers@govctl", "20270607", ""},
	} {
		e := findEvent(t, events, tt.uid)
		if p := e.GetProperty(ics.ComponentPropertyDtStart); p.Value != tt.day || strings.Join(p.ICalParameters["VALUE"], "") != "DATE" {
			t.Errorf("%s: DTSTART %v:%s, want VALUE=DATE:%s", tt.uid, p.ICalParameters, p.Value, tt.day)
		}
		if got := prop(e, ics.ComponentPropertySummary); tt.summary != "" && got != tt.summary {
			t.Errorf("%s: SUMMARY %q, want %q", tt.uid, got, tt.summary)
		}
		if got := prop(e, ics.ComponentPropertyTransp); got != "TRANSPARENT" {
			t.Errorf("%s: TRANSP %q", tt.uid, got)
		}
	}
	// The briefing's kind sets no notice: no deadline.
	if _, ok := events["omg-2027-05-11-2-papers@govctl"]; ok {
		t.Errorf("a deadline for a kind with no notice")
	}
}

func TestDateRange(t *testing.T) {
	all := fixture(t, "Europe/London")
	_, full := parse(t, Calendar(all))
	o := all
	o.From = date.New(2027, time.March, 30)
	o.Until = date.New(2027, time.October, 26)
	o.Deadlines = true
	_, events := parse(t, Calendar(o))
	var got []string
	for uid := range events {
		if !strings.Contains(uid, "-papers@") {
			got = append(got, uid)
		}
	}
	want := []string{"omg-2027-03-30@govctl", "omg-2027-05-11@govctl", "omg-2027-05-11-2@govctl", "omg-2027-10-26@govctl", "heads-of-hr-organisational-development-and-workforce-planning-2027-06-15@govctl"}
	if len(got) != len(want) {
		t.Errorf("meetings %v, want %v", got, want)
	}
	for _, uid := range want {
		e := findEvent(t, events, uid)
		// The rotation counts the meetings left out too.
		if a, b := prop(e, ics.ComponentPropertyLocation), prop(full[uid], ics.ComponentPropertyLocation); a != b {
			t.Errorf("%s: LOCATION %q in the range, %q in the whole", uid, a, b)
		}
	}
	// The deadline of 2027-03-30 falls before --from; it goes with its meeting.
	findEvent(t, events, "omg-2027-03-30-papers@govctl")
}

// TestEscapingAndFolding: text with , ; \ and newlines, and lines longer
// than 75 octets with multi-byte characters, survive the trip through an
// independent parser.
func TestEscapingAndFolding(t *testing.T) {
	o := fixture(t, "Europe/London")
	o.Deadlines = true
	out := Calendar(o)
	checkLines(t, out)
	_, events := parse(t, out)

	e := findEvent(t, events, "omg-2027-05-11@govctl")
	if got, want := prop(e, ics.ComponentPropertyLocation), "Room 1, Civic Centre; \"Annexe\" \\ east wing\nCafé ☕ — second floor"; got != want {
		t.Errorf("LOCATION %q, want %q", got, want)
	}
	if !bytes.Contains(unfold(out), []byte(`LOCATION:Room 1\, Civic Centre\; "Annexe" \\ east wing\nCafé ☕ — second floor`+"\r\n")) {
		t.Errorf("LOCATION is not escaped as RFC 5545 requires")
	}

	id := "heads-of-hr-organisational-development-and-workforce-planning"
	e = findEvent(t, events, id+"-2027-06-15@govctl")
	if got, want := prop(e, ics.ComponentPropertySummary), "Heads of HR, Organisational Development; Workforce \\ Planning — Réseau Londres: Ordinary meeting"; got != want {
		t.Errorf("SUMMARY %q, want %q", got, want)
	}
	if got, want := prop(e, ics.ComponentPropertyLocation), "Guildhall, Aldermanbury; London"; got != want {
		t.Errorf("LOCATION %q, want %q", got, want)
	}
	wantDesc := "Agenda: " + id + "/meetings/2027-06-15.agenda.md\nPapers deadline: Monday 7 June 2027"
	if got := prop(e, ics.ComponentPropertyDescription); got != wantDesc {
		t.Errorf("DESCRIPTION %q, want %q", got, wantDesc)
	}
	raw := "DESCRIPTION:" + Escape(wantDesc)
	if len(raw) <= MaxLine {
		t.Fatalf("the description is too short to test folding")
	}
	if !bytes.Contains(unfold(out), []byte("\r\n"+raw+"\r\n")) {
		t.Errorf("the folded DESCRIPTION does not unfold to %q", raw)
	}
	if bytes.Contains(out, []byte("\r\n"+raw+"\r\n")) {
		t.Errorf("the long DESCRIPTION is not folded")
	}
}

func TestEscape(t *testing.T) {
	for in, want := range map[string]string{
		"plain":               "plain",
		`a,b;c\d`:             `a\,b\;c\\d`,
		"one\ntwo\r\nthree\r": `one\ntwo\nthree\n`,
		`\n`:                  `\\n`,
		"bell\a tab\t":        "bell  tab\t",
		"Café ☕ \xff":         "Café ☕ \uFFFD",
		`"quoted": fine`:      `"quoted": fine`,
	} {
		if got := Escape(in); got != want {
			t.Errorf("Escape(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestFold folds lines of every length, with multi-byte characters at
// every offset.
func TestFold(t *testing.T) {
	for _, r := range []string{"a", "é", "—", "☕", "𝄞"} {
		for pre := 0; pre < 8; pre++ {
			for n := 1; n < 120; n++ {
				line := "DESCRIPTION:" + strings.Repeat("x", pre) + strings.Repeat(r, n)
				var b bytes.Buffer
				Fold(&b, line)
				out := b.Bytes()
				if !bytes.HasSuffix(out, []byte("\r\n")) {
					t.Fatalf("no CRLF at the end")
				}
				parts := strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n")
				for i, p := range parts {
					if len(p) > MaxLine {
						t.Fatalf("%q: line %d is %d octets", line, i, len(p))
					}
					if i > 0 {
						if !strings.HasPrefix(p, " ") {
							t.Fatalf("continuation %q does not begin with a space", p)
						}
						p = p[1:]
					}
					if !utf8.ValidString(p) {
						t.Fatalf("line %q splits a UTF-8 sequence", p)
					}
				}
				if got := string(unfold(out)); got != line+"\r\n" {
					t.Fatalf("%q unfolds to %q", line, got)
				}
			}
		}
	}
}

// TestDeterministic: two loads of the same files give the same bytes, and
// the bytes are those of the golden file (UPDATE_GOLDEN=1 rewrites it).
func TestDeterministic(t *testing.T) {
	a := fixture(t, "Europe/London")
	a.Deadlines = true
	b := fixture(t, "Europe/London")
	b.Deadlines = true
	x, y := Calendar(a), Calendar(b)
	if !bytes.Equal(x, y) {
		t.Fatalf("two runs differ")
	}
	if !bytes.Equal(x, Calendar(a)) {
		t.Fatalf("a second call differs")
	}
	golden := filepath.Join("testdata", "repo.ics")
	if os.Getenv("UPDATE_GOLDEN") == "1" {
		if err := os.WriteFile(golden, x, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(x, want) {
		t.Errorf("the feed differs from %s (UPDATE_GOLDEN=1 to rewrite it):\n%s", golden, x)
	}
}

func TestEmpty(t *testing.T) {
	out := Calendar(Options{Name: "Nothing, yet"})
	checkLines(t, out)
	c, events := parse(t, out)
	if len(events) != 0 {
		t.Errorf("%d events", len(events))
	}
	if len(c.Timezones()) != 1 {
		t.Errorf("want the Europe/London VTIMEZONE")
	}
	if !bytes.Contains(out, []byte("X-WR-CALNAME:Nothing\\, yet\r\n")) {
		t.Errorf("X-WR-CALNAME not escaped")
	}
}

// checkLines: CRLF line endings only, no line over 75 octets, and no
// continuation that splits a UTF-8 sequence.
func checkLines(t *testing.T, out []byte) {
	t.Helper()
	if bytes.Contains(bytes.ReplaceAll(out, []byte("\r\n"), nil), []byte("\n")) || bytes.Contains(bytes.ReplaceAll(out, []byte("\r\n"), nil), []byte("\r")) {
		t.Errorf("a line does not end with CRLF")
	}
	for i, l := range strings.Split(strings.TrimSuffix(string(out), "\r\n"), "\r\n") {
		if len(l) > MaxLine {
			t.Errorf("line %d is %d octets: %q", i+1, len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line %d splits a UTF-8 sequence: %q", i+1, l)
		}
	}
}

// unfold undoes folding (RFC 5545 section 3.1).
func unfold(b []byte) []byte {
	return bytes.ReplaceAll(b, []byte("\r\n "), nil)
}

func prop2(c ics.ComponentBase, name ics.ComponentProperty) string {
	if p := c.GetProperty(name); p != nil {
		return p.Value
	}
	return ""
}

// vtimezone is a VTIMEZONE as read by the parser, interpreted here from
// its own text: each STANDARD and DAYLIGHT component's DTSTART, offsets and
// (yearly, by month and weekday) RRULE.
type vtimezone struct {
	rules []tzRule
}

type tzRule struct {
	start    time.Time // DTSTART, wall clock, as UTC
	from, to time.Duration
	month    time.Month // from the RRULE; 0: no RRULE
	nth      int        // BYDAY=-1SU: -1
	weekday  time.Weekday
}

func readVTimezone(t *testing.T, z *ics.VTimezone) vtimezone {
	t.Helper()
	var v vtimezone
	for _, sub := range z.Components {
		var base ics.ComponentBase
		switch s := sub.(type) {
		case *ics.Standard:
			base = s.ComponentBase
		case *ics.Daylight:
			base = s.ComponentBase
		default:
			t.Fatalf("unexpected %T in VTIMEZONE", sub)
		}
		var r tzRule
		var err error
		if r.start, err = time.Parse(localFormat, prop2(base, ics.ComponentPropertyDtStart)); err != nil {
			t.Fatal(err)
		}
		r.from = offset(t, prop2(base, ics.ComponentProperty(ics.PropertyTzoffsetfrom)))
		r.to = offset(t, prop2(base, ics.ComponentProperty(ics.PropertyTzoffsetto)))
		if rr := prop2(base, ics.ComponentPropertyRrule); rr != "" {
			m := regexp.MustCompile(`^FREQ=YEARLY;BYMONTH=(\d+);BYDAY=(-?\d)(SU|MO|TU|WE|TH|FR|SA)$`).FindStringSubmatch(rr)
			if m == nil {
				t.Fatalf("RRULE %q: the test reads only FREQ=YEARLY;BYMONTH=M;BYDAY=nDD", rr)
			}
			mo, _ := strconv.Atoi(m[1])
			r.month = time.Month(mo)
			r.nth, _ = strconv.Atoi(m[2])
			r.weekday = time.Weekday(strings.Index("SUMOTUWETHFRSA", m[3]) / 2)
		}
		v.rules = append(v.rules, r)
	}
	if len(v.rules) == 0 {
		t.Fatal("a VTIMEZONE with no STANDARD or DAYLIGHT")
	}
	return v
}

func offset(t *testing.T, s string) time.Duration {
	t.Helper()
	m := regexp.MustCompile(`^([+-])(\d\d)(\d\d)(\d\d)?$`).FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("bad UTC offset %q", s)
	}
	h, _ := strconv.Atoi(m[2])
	mi, _ := strconv.Atoi(m[3])
	sec, _ := strconv.Atoi("0" + m[4])
	d := time.Duration(h)*time.Hour + time.Duration(mi)*time.Minute + time.Duration(sec)*time.Second
	if m[1] == "-" {
		d = -d
	}
	return d
}

type onset struct {
	at time.Time // UTC
	to time.Duration
}

// onsets lists every change of the rules up to the end of year last, in
// order.
func (v vtimezone) onsets(last int) []onset {
	var out []onset
	for _, r := range v.rules {
		if r.month == 0 {
			out = append(out, onset{r.start.Add(-r.from), r.to})
			continue
		}
		for y := r.start.Year(); y <= last; y++ {
			day := nthWeekday(y, r.month, r.nth, r.weekday)
			wall := time.Date(y, r.month, day, r.start.Hour(), r.start.Minute(), r.start.Second(), 0, time.UTC)
			if wall.Before(r.start) {
				continue
			}
			out = append(out, onset{wall.Add(-r.from), r.to})
		}
	}
	for i := 1; i < len(out); i++ { // insertion sort: few entries
		for j := i; j > 0 && out[j].at.Before(out[j-1].at); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

func (v vtimezone) onsetsIn(t *testing.T, year int) []time.Time {
	var out []time.Time
	for _, o := range v.onsets(year) {
		if o.at.Year() == year {
			out = append(out, o.at)
		}
	}
	return out
}

func nthWeekday(y int, m time.Month, nth int, wd time.Weekday) int {
	if nth > 0 {
		first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
		return 1 + (int(wd)-int(first.Weekday())+7)%7 + 7*(nth-1)
	}
	last := time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC)
	return last.Day() - (int(last.Weekday())-int(wd)+7)%7 + 7*(nth+1)
}

// offsetAt is the offset the VTIMEZONE gives instant u, and whether any
// of its rules has begun by then.
func (v vtimezone) offsetAt(u time.Time, ons []onset) (time.Duration, bool) {
	var off time.Duration
	found := false
	for _, o := range ons {
		if o.at.After(u) {
			break
		}
		off, found = o.to, true
	}
	return off, found
}

// resolve turns a local DATE-TIME into the instant the VTIMEZONE gives it.
func (v vtimezone) resolve(t *testing.T, local string) time.Time {
	t.Helper()
	wall, err := time.Parse(localFormat, local)
	if err != nil {
		t.Fatal(err)
	}
	ons := v.onsets(wall.Year() + 1)
	seen := map[time.Duration]bool{}
	for _, o := range ons {
		if seen[o.to] {
			continue
		}
		seen[o.to] = true
		u := wall.Add(-o.to)
		if got, ok := v.offsetAt(u, ons); ok && got == o.to {
			return u
		}
	}
	t.Fatalf("%s: no offset of the VTIMEZONE is in force then", local)
	return time.Time{}
}

// TestGeneratedVTimezones: for every hour of the years covered, the
// generated VTIMEZONE gives the offset tzdata gives, whether it is written
// as yearly rules or as a list of changes.
func TestGeneratedVTimezones(t *testing.T) {
	for _, tt := range []struct {
		tz          string
		first, last int
		rrules      []string // empty: a list of changes, or one fixed offset
	}{
		{"America/New_York", 2026, 2028, []string{"FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"}},
		{"America/New_York", 2039, 2041, []string{"FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=2SU"}},
		{"America/New_York", 2006, 2008, nil}, // the rules changed in 2007
		{"Europe/Dublin", 2026, 2027, []string{"FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"}},
		{"Europe/Paris", 2039, 2041, []string{"FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU"}},
		{"Australia/Sydney", 2026, 2027, []string{"FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"}},
		{"Australia/Lord_Howe", 2026, 2027, []string{"FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=10;BYDAY=1SU"}},
		{"Pacific/Chatham", 2026, 2027, []string{"FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "FREQ=YEARLY;BYMONTH=9;BYDAY=-1SU"}},
		{"Africa/Casablanca", 2026, 2028, nil},
		{"Asia/Tokyo", 2026, 2027, nil},
		{"Asia/Kolkata", 2026, 2027, nil},
		{"UTC", 2026, 2027, nil},
	} {
		t.Run(fmt.Sprintf("%s/%d-%d", tt.tz, tt.first, tt.last), func(t *testing.T) {
			loc, err := time.LoadLocation(tt.tz)
			if err != nil {
				t.Fatal(err)
			}
			w := &writer{}
			w.line("BEGIN:VCALENDAR")
			w.line("VERSION:2.0")
			w.line("PRODID:" + ProdID)
			w.generatedTimezone(loc, tt.first, tt.last)
			w.line("END:VCALENDAR")
			checkLines(t, w.b.Bytes())
			c, _ := parse(t, w.b.Bytes())
			z := c.Timezones()[0]
			var rrules []string
			for _, sub := range z.Components {
				var base ics.ComponentBase
				switch s := sub.(type) {
				case *ics.Standard:
					base = s.ComponentBase
				case *ics.Daylight:
					base = s.ComponentBase
					// Summer time is the larger offset (Dublin's tzdata
					// flags winter).
					if name := prop2(base, ics.ComponentProperty(ics.PropertyTzname)); name == "GMT" {
						t.Errorf("GMT is DAYLIGHT")
					}
				}
				if r := prop2(base, ics.ComponentPropertyRrule); r != "" {
					rrules = append(rrules, r)
				}
			}
			if fmt.Sprint(rrules) != fmt.Sprint(tt.rrules) {
				t.Errorf("RRULEs %v, want %v", rrules, tt.rrules)
			}
			v := readVTimezone(t, z)
			ons := v.onsets(tt.last + 1)
			for u := time.Date(tt.first, 1, 1, 0, 0, 0, 0, loc).UTC(); u.Year() <= tt.last; u = u.Add(15 * time.Minute) {
				_, want := u.In(loc).Zone()
				got, ok := v.offsetAt(u, ons)
				if !ok && len(ons) > 0 && ons[0].at.After(u) {
					got, ok = v.rules[0].from, true // before the first onset: its TZOFFSETFROM
				}
				if !ok || got != time.Duration(want)*time.Second {
					t.Fatalf("%s: the VTIMEZONE gives %v, tzdata %ds\n%s", u, got, want, w.b.Bytes())
				}
			}
		})
	}
}

// TestLastDay: a meeting on 31 December 9999, the last day a record may
// hold, whose end falls in the year 10000, gives its DURATION, not a DTEND
// no four-digit year can write.
func TestLastDay(t *testing.T) {
	london := mustLondon()
	last := date.New(9999, time.December, 31)
	start := time.Date(9999, time.December, 31, 23, 0, 0, 0, london)
	for _, tt := range []struct {
		e    event
		want string
	}{
		{event{uid: "a", stamp: last, start: start, end: start.Add(90 * time.Minute)}, "DTSTART;TZID=Europe/London:99991231T230000\r\nDURATION:PT1H30M\r\n"},
		{event{uid: "b", stamp: last, start: start.Add(-time.Hour), end: start.Add(time.Hour)}, "DTSTART;TZID=Europe/London:99991231T220000\r\nDURATION:PT2H\r\n"},
		{event{uid: "c", stamp: last, allDay: true, day: last}, "DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n"},
		{event{uid: "d", stamp: last, start: start.Add(-time.Hour), end: start}, "DTSTART;TZID=Europe/London:99991231T220000\r\nDTEND;TZID=Europe/London:99991231T230000\r\n"},
	} {
		var w writer
		w.event(tt.e, london)
		if got := w.b.String(); !strings.Contains(got, tt.want) || strings.Contains(got, "10000") {
			t.Errorf("%s:\n%s\nwant it to hold:\n%s", tt.e.uid, got, tt.want)
		}
	}
	if got := durationValue(45 * time.Minute); got != "PT45M" {
		t.Errorf("durationValue(45m) = %s", got)
	}
}
