package schedule

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/period"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
)

func d(s string) date.Date { return date.MustParseISO(s) }

func TestDates(t *testing.T) {
	cal, err := calendar.New(calendar.EnglandAndWales, []calendar.Closure{{Date: d("2027-04-13"), Name: "Offices closed"}})
	if err != nil {
		t.Fatal(err)
	}
	p := func(s string) model.Period { return model.Period{Period: period.MustParse(s)} }
	tests := []struct {
		name string
		kind model.MeetingKind
		req  Request
		want string
	}{
		{"second Tuesday monthly", model.MeetingKind{Every: p("P1M"), On: "second Tuesday"},
			Request{From: d("2026-12-01"), Count: 4},
			"2026-12-08 2027-01-12 2027-02-09 2027-03-09"},
		{"last Friday, Christmas moved back in its week", model.MeetingKind{Every: p("P1M"), On: "last Friday"},
			Request{From: d("2026-12-01"), Count: 2},
			"2026-12-24 2027-01-29"},
		{"every six weeks from an anchor", model.MeetingKind{Every: p("P6W"), Anchor: model.Date{Date: d("2026-01-13")}},
			Request{From: d("2026-12-01"), Until: d("2027-03-01")},
			"2026-12-15 2027-01-26"},
		{"monthly after the last meeting; a Sunday before Good Friday goes to Thursday", model.MeetingKind{Every: p("P1M")},
			Request{From: d("2027-03-01"), After: d("2027-02-28"), Count: 2},
			"2027-03-25 2027-04-28"},
		{"second Tuesday in a closure week moves to Wednesday", model.MeetingKind{Every: p("P1M"), On: "second Tuesday"},
			Request{From: d("2027-04-01"), Count: 1},
			"2027-04-14"},
		{"per_year six is every two months", model.MeetingKind{PerYear: 6},
			Request{From: d("2026-12-01"), Count: 6},
			"2026-12-01 2027-02-01 2027-04-01 2027-06-01 2027-07-30 2027-10-01"},
		{"quarterly", model.MeetingKind{Every: p("P3M"), On: "first Wednesday"},
			Request{From: d("2026-12-01"), Until: d("2027-11-30")},
			"2026-12-02 2027-03-03 2027-06-02 2027-09-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.req.Kind = &tt.kind
			slots, err := Dates(cal, tt.req)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range slots {
				got = append(got, s.Date.String())
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

func TestParseOn(t *testing.T) {
	for _, bad := range []string{"", "second", "fifth Tuesday", "second Funday", "every Tuesday"} {
		if _, err := ParseOn(bad); err == nil {
			t.Errorf("ParseOn(%q): no error", bad)
		}
	}
	o, err := ParseOn("Last friday")
	if err != nil || o.N != -1 || o.Weekday.String() != "Friday" {
		t.Errorf("ParseOn(Last friday) = %v, %v", o, err)
	}
}

func TestBounded(t *testing.T) {
	cal, _ := calendar.New(calendar.NoHolidays, nil)
	k := model.MeetingKind{Every: model.Period{Period: period.MustParse("P1D")}}
	slots, err := Dates(cal, Request{Kind: &k, From: d("2026-01-01"), Until: d("2099-01-01")})
	if err != nil || len(slots) != maxDates {
		t.Errorf("got %d slots, %v; want the cap of %d", len(slots), err, maxDates)
	}
	if _, err := Dates(cal, Request{Kind: &k, From: d("2026-01-01")}); err == nil {
		t.Error("no count and no end: want an error")
	}
}

// TestDatesSkip: a skipped date does not count towards Count, and a Skip
// that refuses every date ends (with none) rather than running for ever.
func TestDatesSkip(t *testing.T) {
	cal, err := calendar.New(calendar.EnglandAndWales, nil)
	if err != nil {
		t.Fatal(err)
	}
	k := &model.MeetingKind{Every: model.Period{Period: period.MustParse("P1M")}, On: "second Tuesday"}
	january := func(s Slot) bool { return s.Date.Month() == 1 }
	got, err := Dates(cal, Request{Kind: k, From: d("2026-12-01"), Count: 3, Skip: january})
	if err != nil {
		t.Fatal(err)
	}
	var dates []string
	for _, s := range got {
		dates = append(dates, s.Date.String())
	}
	if want := "2026-12-08 2027-02-09 2027-03-09"; strings.Join(dates, " ") != want {
		t.Errorf("January skipped: %v, want %s", dates, want)
	}
	// Everything skipped: the series runs on to the last date, and stops.
	none, err := Dates(cal, Request{Kind: k, From: d("2026-12-01"), Count: 3, Skip: func(Slot) bool { return true }})
	if !errors.Is(err, ErrLastDate) || len(none) != 0 {
		t.Errorf("everything skipped: %v, %v; want no date and ErrLastDate", none, err)
	}
}

// TestDatesStopAtTheLastDate: no date after 31 December 9999, the last a
// file may hold; the dates before it are returned, with ErrLastDate.
func TestDatesStopAtTheLastDate(t *testing.T) {
	cal, err := calendar.New(calendar.EnglandAndWales, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		every, on, from string
		want            string
	}{
		// 31 October 9999 is a Sunday: moved to the Friday before From, it
		// is not planned.
		{"P1M", "", "9999-10-31", "9999-11-30 9999-12-31"},
		{"P1M", "second Tuesday", "9999-11-01", "9999-11-09 9999-12-14"},
		{"P1D", "", "9999-12-29", "9999-12-29 9999-12-30 9999-12-31"},
		// New Year's Day 9990 is a Monday, 9995 a Sunday.
		{"P5Y", "", "9990-01-01", "9990-01-02 9994-12-30"},
		{"P1M", "", "10000-01-01", ""},
	} {
		k := &model.MeetingKind{Every: model.Period{Period: period.MustParse(tt.every)}, On: tt.on}
		from, _ := date.Parse("2006-01-02", tt.from)
		if tt.from == "10000-01-01" {
			from = layout.LastDate().Add(1)
		}
		got, err := Dates(cal, Request{Kind: k, From: from, Count: 12})
		var dates []string
		for _, s := range got {
			dates = append(dates, s.Date.String())
		}
		if strings.Join(dates, " ") != tt.want || !errors.Is(err, ErrLastDate) {
			t.Errorf("every %s %s from %s: %v, %v; want %s and ErrLastDate", tt.every, tt.on, tt.from, dates, err, tt.want)
		}
	}
}

// TestDatesFarAnchor: an anchor millennia before From is skipped over in
// whole cadence steps, not walked month by month.
func TestDatesFarAnchor(t *testing.T) {
	cal, err := calendar.New(calendar.NoHolidays, nil)
	if err != nil {
		t.Fatal(err)
	}
	anchor, from := d("1000-01-01"), d("9990-01-01") // more months apart than Dates tries
	for _, tt := range []struct {
		every, on string
		// nth is the series' nth date, counted from the anchor.
		nth func(n int) date.Date
	}{
		{"P1M", "", func(n int) date.Date { return addMonths(anchor, n) }},
		{"P1M1D", "", func(n int) date.Date { return addMonths(anchor, n).Add(date.PeriodOfDays(n)) }},
		{"P3M", "first Monday", func(n int) date.Date {
			return Ordinal{N: 1, Weekday: time.Monday}.In(1000+3*n/12, time.Month(3*n%12+1))
		}},
	} {
		// What the series gives, walked from the anchor.
		var want []string
		for n := 0; len(want) < 2; n++ {
			g := tt.nth(n)
			if g.Before(from) {
				continue
			}
			if m, ok := cal.NearestBusinessDayInWeek(g); ok && !m.Before(from) {
				want = append(want, m.String())
			}
		}
		k := &model.MeetingKind{Every: model.Period{Period: period.MustParse(tt.every)}, On: tt.on, Anchor: model.Date{Date: anchor}}
		got, err := Dates(cal, Request{Kind: k, From: from, Count: 2})
		var dates []string
		for _, s := range got {
			dates = append(dates, s.Date.String())
		}
		if err != nil || !slices.Equal(dates, want) {
			t.Errorf("every %s %s from an anchor of 1000: %v, %v; want %v", tt.every, tt.on, dates, err, want)
		}
	}
}
