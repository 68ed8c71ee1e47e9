package ical

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	ics "github.com/arran4/golang-ical"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/govctl/govctl/pkg/check"
)

// TestAllDayOnlyWithoutStart: a meeting is an all-day event exactly when
// no start time is known, its record's or its kind's; the record's wins.
// The fixture is testdata/repo.txtar with three meetings more: a workshop
// (whose kind has no start) with its own start, an ordinary meeting (its
// kind starts at 10:00) with its own, and a briefing (09:30) with none.
func TestAllDayOnlyWithoutStart(t *testing.T) {
	ar, err := txtar.ParseFile("testdata/repo.txtar")
	if err != nil {
		t.Fatal(err)
	}
	ar.Files = append(ar.Files,
		txtar.File{Name: "omg/meetings/2027-06-08.yaml", Data: []byte("date: 2027-06-08\nstart: \"18:00\"\nkind: workshop\nstatus: planned\n")},
		txtar.File{Name: "omg/meetings/2027-06-15.yaml", Data: []byte("date: 2027-06-15\nstart: \"13:30\"\nkind: ordinary\nstatus: planned\n")},
		txtar.File{Name: "omg/meetings/2027-06-22.yaml", Data: []byte("date: 2027-06-22\nkind: briefing\nstatus: planned\n")},
	)
	dir := t.TempDir()
	for _, f := range ar.Files {
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	res, err := check.OpenSound(dir, nil, func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) })
	if err == nil {
		err = res.Left()
	}
	if err != nil {
		t.Fatalf("loading the fixture: %v", err)
	}
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	nets := res.Nets()
	_, events := parse(t, Calendar(Options{Networks: nets, Location: loc}))

	for uid, want := range map[string]string{
		"omg-2027-06-08@govctl": "TZID=Europe/London:20270608T180000", // the record's start; its kind has none
		"omg-2027-06-15@govctl": "TZID=Europe/London:20270615T133000", // the record's start wins over the kind's
		"omg-2027-06-22@govctl": "TZID=Europe/London:20270622T093000", // the kind's
		"omg-2027-05-11@govctl": "VALUE=DATE:20270511",                // neither: all day
	} {
		if got := dtstart(findEvent(t, events, uid)); got != want {
			t.Errorf("%s: DTSTART;%s, want DTSTART;%s", uid, got, want)
		}
	}
	// And across the whole feed: all-day exactly where terms.Net.Start
	// knows no time.
	n := 0
	for _, nx := range nets {
		uids := UIDs(nx.N.MeetingList)
		for _, m := range nx.N.MeetingList {
			uid := fmt.Sprintf("%s-%s@govctl", nx.N.ID, uids[m])
			allDay := strings.HasPrefix(dtstart(findEvent(t, events, uid)), "VALUE=DATE:")
			if allDay == nx.Start(m).Valid {
				t.Errorf("%s: all-day %v, but start known %v", uid, allDay, nx.Start(m).Valid)
			}
			n++
		}
	}
	if n < 10 {
		t.Errorf("only %d meetings checked", n)
	}
}

// dtstart is an event's DTSTART as "PARAM=VALUE:value".
func dtstart(e *ics.VEvent) string {
	p := e.GetProperty(ics.ComponentPropertyDtStart)
	if p == nil {
		return ""
	}
	var params []string
	for k, v := range p.ICalParameters {
		params = append(params, k+"="+strings.Join(v, ","))
	}
	return strings.Join(params, ";") + ":" + p.Value
}
