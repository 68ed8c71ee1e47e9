package calendar

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/rickb777/date"
)

func TestRegions(t *testing.T) {
	want := []string{"england-and-wales", "scotland", "northern-ireland", "none"}
	if got := Regions(); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("Regions() = %v, want %v", got, want)
	}
	for _, r := range Regions() {
		c, err := New(r, nil)
		if err != nil {
			t.Fatalf("New(%q): %v", r, err)
		}
		if c.Region() != r {
			t.Errorf("Region() = %q, want %q", c.Region(), r)
		}
	}
	// Regions returns a fresh slice: changing it changes nothing.
	Regions()[0] = "x"
	if Regions()[0] != EnglandAndWales {
		t.Error("Regions shares its slice")
	}
}

func TestNewUnknownRegion(t *testing.T) {
	for _, region := range []string{"", "wales", "England-and-Wales", "scotland ", "uk"} {
		c, err := New(region, nil)
		if err == nil || c != nil {
			t.Fatalf("New(%q) = %v, %v; want an error", region, c, err)
		}
		msg := err.Error()
		if msg != strings.ToLower(msg[:1])+msg[1:] || !strings.HasPrefix(msg, "calendar: ") {
			t.Errorf("error not lower case: %q", msg)
		}
		if !strings.Contains(msg, fmt.Sprintf("%q", region)) {
			t.Errorf("error does not name the region %q: %q", region, msg)
		}
		for _, r := range Regions() {
			if !strings.Contains(msg, r) {
				t.Errorf("error does not list %q: %q", r, msg)
			}
		}
	}
}

func TestNewClosureWithoutDate(t *testing.T) {
	_, err := New(EnglandAndWales, []Closure{{Date: d(2026, 12, 24), Name: "Christmas Eve"}, {Name: "forgot"}})
	if err == nil || !strings.Contains(err.Error(), `"forgot"`) || !strings.Contains(err.Error(), "closure 2") {
		t.Fatalf("err = %v, want an error naming closure 2", err)
	}
}

func TestClosures(t *testing.T) {
	c := mustNew(t, EnglandAndWales,
		Closure{Date: d(2026, 12, 31), Name: "New Year's Eve"},
		Closure{Date: d(2026, 12, 29), Name: " "},
		Closure{Date: d(2026, 12, 30), Name: "Office closed"},
		Closure{Date: d(2026, 12, 30), Name: "duplicate, dropped"},
		Closure{Date: d(2026, 12, 25), Name: "Closed for Christmas"}, // a bank holiday anyway
		Closure{Date: d(2026, 12, 27), Name: "Sunday closure"},
		Closure{Date: d(2027, 1, 4), Name: "Next year"},
		Closure{Date: d(2025, 1, 2), Name: "Last year"},
	)
	for _, tc := range []struct {
		day      date.Date
		name     string
		holiday  bool
		business bool
	}{
		{d(2026, 12, 24), "", false, true},
		{d(2026, 12, 25), nameChristmas, true, false},
		{d(2026, 12, 27), "Sunday closure", true, false},
		{d(2026, 12, 28), nameBoxing + substituteSuffix, true, false},
		{d(2026, 12, 29), "Closure", true, false},
		{d(2026, 12, 30), "Office closed", true, false},
		{d(2026, 12, 31), "New Year's Eve", true, false},
		{d(2027, 1, 1), nameNewYear, true, false},
		{d(2027, 1, 4), "Next year", true, false},
		{d(2027, 1, 5), "", false, true},
	} {
		name, ok := c.Holiday(tc.day)
		if name != tc.name || ok != tc.holiday {
			t.Errorf("Holiday(%s) = %q, %v; want %q, %v", tc.day, name, ok, tc.name, tc.holiday)
		}
		if got := c.IsBusinessDay(tc.day); got != tc.business {
			t.Errorf("IsBusinessDay(%s) = %v", tc.day, got)
		}
	}
	want := "[2026-01-01 New Year’s Day 2026-04-03 Good Friday 2026-04-06 Easter Monday " +
		"2026-05-04 Early May bank holiday 2026-05-25 Spring bank holiday 2026-08-31 Summer bank holiday " +
		"2026-12-25 Christmas Day 2026-12-27 Sunday closure 2026-12-28 Boxing Day (substitute day) " +
		"2026-12-29 Closure 2026-12-30 Office closed 2026-12-31 New Year's Eve]"
	if got := c.Holidays(2026); !holidaysEqual(got, want) {
		t.Errorf("Holidays(2026) = %v\nwant %s", got, want)
	}
	// Closures in years outside the cached ones count too.
	far := mustNew(t, Scotland, Closure{Date: d(2100, 6, 1), Name: "Far"})
	if name, ok := far.Holiday(d(2100, 6, 1)); !ok || name != "Far" {
		t.Errorf("far closure: %q, %v", name, ok)
	}
	if hs := far.Holidays(2100); !strings.Contains(fmt.Sprint(hs), "Far") {
		t.Errorf("Holidays(2100) lacks the closure: %v", hs)
	}
}

// holidaysEqual compares hs with a "[date name date name ...]" listing.
func holidaysEqual(hs []Holiday, listing string) bool {
	var b strings.Builder
	b.WriteString("[")
	for i, h := range hs {
		if i > 0 {
			b.WriteString(" ")
		}
		b.WriteString(h.Date.String() + " " + h.Name)
	}
	b.WriteString("]")
	return b.String() == listing
}

func TestHolidayNames(t *testing.T) {
	for _, tc := range []struct {
		region string
		day    date.Date
		name   string
	}{
		{EnglandAndWales, d(2012, 6, 4), nameSpring},
		{EnglandAndWales, d(2012, 6, 5), nameDiamondJubilee},
		{Scotland, d(2020, 5, 8), nameVEDay},
		{NorthernIreland, d(2022, 6, 2), nameSpring},
		{NorthernIreland, d(2022, 6, 3), namePlatinum},
		{Scotland, d(2022, 9, 19), nameStateFuneral},
		{NorthernIreland, d(2023, 5, 8), nameCoronation},
		{Scotland, d(2024, 12, 2), nameStAndrew + substituteSuffix},
		{Scotland, d(2021, 1, 4), name2ndJanuary + substituteSuffix},
		{Scotland, d(2017, 1, 2), name2ndJanuary},
		{Scotland, d(2017, 1, 3), nameNewYear + substituteSuffix},
		{EnglandAndWales, d(2022, 12, 26), nameBoxing},
		{EnglandAndWales, d(2022, 12, 27), nameChristmas + substituteSuffix},
		{NorthernIreland, d(2024, 3, 18), nameStPatrick + substituteSuffix},
		{NorthernIreland, d(2025, 7, 14), nameBoyne + substituteSuffix},
	} {
		c := mustNew(t, tc.region)
		if name, ok := c.Holiday(tc.day); !ok || name != tc.name {
			t.Errorf("%s %s: %q, %v; want %q", tc.region, tc.day, name, ok, tc.name)
		}
	}
}

func TestWeekendsAreNotHolidays(t *testing.T) {
	c := mustNew(t, EnglandAndWales)
	// 25 December 2027 is a Saturday: the holiday is on the Monday.
	if _, ok := c.Holiday(d(2027, 12, 25)); ok {
		t.Error("Saturday 25 December 2027 reported as a holiday")
	}
	if c.IsBusinessDay(d(2027, 12, 25)) || c.IsBusinessDay(d(2027, 12, 26)) {
		t.Error("weekend reported as business day")
	}
}

// TestConcurrentUse runs the calendar from many goroutines; with -race it
// checks that a Calendar is safe for concurrent use, cached years and
// others.
func TestConcurrentUse(t *testing.T) {
	c := mustNew(t, Scotland, Closure{Date: d(2026, 12, 24), Name: "Eve"})
	var wg sync.WaitGroup
	results := make([]date.Date, 16)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 50 {
				year := 2000 + (i*7+j)%80
				c.Holidays(year)
				c.IsBusinessDay(d(year, time.December, 24))
				c.NearestBusinessDayInWeek(d(year, time.January, 1))
			}
			results[i] = c.DeadlineBusinessDays(d(2026, 12, 29), 2, false)
		}()
	}
	wg.Wait()
	for _, r := range results {
		if r != d(2026, 12, 22) { // 24th closed, 25th/28th holidays, 23rd first
			t.Fatalf("deadline %s, want 2026-12-22", r)
		}
	}
}
