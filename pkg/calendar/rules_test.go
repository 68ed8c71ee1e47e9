package calendar

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date"
)

func d(y int, m time.Month, day int) date.Date { return date.New(y, m, day) }

func mustNew(t testing.TB, region string, closures ...Closure) *Calendar {
	t.Helper()
	c, err := New(region, closures)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Holidays 2028-2035 by the standing rules, worked out by hand from the
// weekdays of the fixed dates and the Easter dates 2028-04-16, 2029-04-01,
// 2030-04-21, 2031-04-13, 2032-03-28, 2033-04-17, 2034-04-09, 2035-03-25.
// "MM-DD KEY" with KEY* for a substitute day.
var standingRules = map[string]string{
	EnglandAndWales: `
2028: 01-03 NY* | 04-14 GF | 04-17 EM | 05-01 EMAY | 05-29 SPR | 08-28 SUM | 12-25 XMAS | 12-26 BOX
2029: 01-01 NY | 03-30 GF | 04-02 EM | 05-07 EMAY | 05-28 SPR | 08-27 SUM | 12-25 XMAS | 12-26 BOX
2030: 01-01 NY | 04-19 GF | 04-22 EM | 05-06 EMAY | 05-27 SPR | 08-26 SUM | 12-25 XMAS | 12-26 BOX
2031: 01-01 NY | 04-11 GF | 04-14 EM | 05-05 EMAY | 05-26 SPR | 08-25 SUM | 12-25 XMAS | 12-26 BOX
2032: 01-01 NY | 03-26 GF | 03-29 EM | 05-03 EMAY | 05-31 SPR | 08-30 SUM | 12-27 XMAS* | 12-28 BOX*
2033: 01-03 NY* | 04-15 GF | 04-18 EM | 05-02 EMAY | 05-30 SPR | 08-29 SUM | 12-26 BOX | 12-27 XMAS*
2034: 01-02 NY* | 04-07 GF | 04-10 EM | 05-01 EMAY | 05-29 SPR | 08-28 SUM | 12-25 XMAS | 12-26 BOX
2035: 01-01 NY | 03-23 GF | 03-26 EM | 05-07 EMAY | 05-28 SPR | 08-27 SUM | 12-25 XMAS | 12-26 BOX`,
	Scotland: `
2028: 01-03 NY* | 01-04 J2* | 04-14 GF | 05-01 EMAY | 05-29 SPR | 08-07 SUM | 11-30 SA | 12-25 XMAS | 12-26 BOX
2029: 01-01 NY | 01-02 J2 | 03-30 GF | 05-07 EMAY | 05-28 SPR | 08-06 SUM | 11-30 SA | 12-25 XMAS | 12-26 BOX
2030: 01-01 NY | 01-02 J2 | 04-19 GF | 05-06 EMAY | 05-27 SPR | 08-05 SUM | 12-02 SA* | 12-25 XMAS | 12-26 BOX
2031: 01-01 NY | 01-02 J2 | 04-11 GF | 05-05 EMAY | 05-26 SPR | 08-04 SUM | 12-01 SA* | 12-25 XMAS | 12-26 BOX
2032: 01-01 NY | 01-02 J2 | 03-26 GF | 05-03 EMAY | 05-31 SPR | 08-02 SUM | 11-30 SA | 12-27 XMAS* | 12-28 BOX*
2033: 01-03 NY* | 01-04 J2* | 04-15 GF | 05-02 EMAY | 05-30 SPR | 08-01 SUM | 11-30 SA | 12-26 BOX | 12-27 XMAS*
2034: 01-02 J2 | 01-03 NY* | 04-07 GF | 05-01 EMAY | 05-29 SPR | 08-07 SUM | 11-30 SA | 12-25 XMAS | 12-26 BOX
2035: 01-01 NY | 01-02 J2 | 03-23 GF | 05-07 EMAY | 05-28 SPR | 08-06 SUM | 11-30 SA | 12-25 XMAS | 12-26 BOX`,
	NorthernIreland: `
2028: 01-03 NY* | 03-17 SP | 04-14 GF | 04-17 EM | 05-01 EMAY | 05-29 SPR | 07-12 BOY | 08-28 SUM | 12-25 XMAS | 12-26 BOX
2029: 01-01 NY | 03-19 SP* | 03-30 GF | 04-02 EM | 05-07 EMAY | 05-28 SPR | 07-12 BOY | 08-27 SUM | 12-25 XMAS | 12-26 BOX
2030: 01-01 NY | 03-18 SP* | 04-19 GF | 04-22 EM | 05-06 EMAY | 05-27 SPR | 07-12 BOY | 08-26 SUM | 12-25 XMAS | 12-26 BOX
2031: 01-01 NY | 03-17 SP | 04-11 GF | 04-14 EM | 05-05 EMAY | 05-26 SPR | 07-14 BOY* | 08-25 SUM | 12-25 XMAS | 12-26 BOX
2032: 01-01 NY | 03-17 SP | 03-26 GF | 03-29 EM | 05-03 EMAY | 05-31 SPR | 07-12 BOY | 08-30 SUM | 12-27 XMAS* | 12-28 BOX*
2033: 01-03 NY* | 03-17 SP | 04-15 GF | 04-18 EM | 05-02 EMAY | 05-30 SPR | 07-12 BOY | 08-29 SUM | 12-26 BOX | 12-27 XMAS*
2034: 01-02 NY* | 03-17 SP | 04-07 GF | 04-10 EM | 05-01 EMAY | 05-29 SPR | 07-12 BOY | 08-28 SUM | 12-25 XMAS | 12-26 BOX
2035: 01-01 NY | 03-19 SP* | 03-23 GF | 03-26 EM | 05-07 EMAY | 05-28 SPR | 07-12 BOY | 08-27 SUM | 12-25 XMAS | 12-26 BOX`,
}

var keyNames = map[string]string{
	"NY": nameNewYear, "J2": name2ndJanuary, "SP": nameStPatrick,
	"GF": nameGoodFriday, "EM": nameEasterMonday, "EMAY": nameEarlyMay,
	"SPR": nameSpring, "BOY": nameBoyne, "SUM": nameSummer,
	"SA": nameStAndrew, "XMAS": nameChristmas, "BOX": nameBoxing,
}

// parseYearLists reads the table format above into year -> holidays.
func parseYearLists(t *testing.T, text string) map[int][]Holiday {
	t.Helper()
	out := make(map[int][]Holiday)
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		var year int
		head, rest, _ := strings.Cut(line, ":")
		if _, err := fmt.Sscan(head, &year); err != nil {
			t.Fatalf("bad line %q", line)
		}
		for _, item := range strings.Split(rest, "|") {
			var md, key string
			if _, err := fmt.Sscan(item, &md, &key); err != nil {
				t.Fatalf("bad item %q", item)
			}
			var m, day int
			if _, err := fmt.Sscanf(md, "%d-%d", &m, &day); err != nil {
				t.Fatalf("bad date %q", md)
			}
			name, ok := keyNames[strings.TrimSuffix(key, "*")]
			if !ok {
				t.Fatalf("bad key %q", key)
			}
			if strings.HasSuffix(key, "*") {
				name += substituteSuffix
			}
			out[year] = append(out[year], Holiday{Date: d(year, time.Month(m), day), Name: name})
		}
	}
	return out
}

func TestStandingRules2028To2035(t *testing.T) {
	for region, text := range standingRules {
		c := mustNew(t, region)
		want := parseYearLists(t, text)
		for y := 2028; y <= 2035; y++ {
			got := c.Holidays(y)
			if fmt.Sprint(got) != fmt.Sprint(want[y]) {
				t.Errorf("%s %d:\n got %v\nwant %v", region, y, got, want[y])
			}
		}
	}
}

func TestEaster2028To2035(t *testing.T) {
	easter := []date.Date{
		d(2028, 4, 16), d(2029, 4, 1), d(2030, 4, 21), d(2031, 4, 13),
		d(2032, 3, 28), d(2033, 4, 17), d(2034, 4, 9), d(2035, 3, 25),
	}
	ew, sc := mustNew(t, EnglandAndWales), mustNew(t, Scotland)
	for _, e := range easter {
		if name, ok := ew.Holiday(e.Add(-2)); !ok || name != nameGoodFriday {
			t.Errorf("%s: Good Friday = %q, %v", e.Add(-2), name, ok)
		}
		if name, ok := ew.Holiday(e.Add(1)); !ok || name != nameEasterMonday {
			t.Errorf("%s: Easter Monday = %q, %v", e.Add(1), name, ok)
		}
		if _, ok := sc.Holiday(e.Add(1)); ok {
			t.Errorf("%s: Easter Monday is no holiday in Scotland", e.Add(1))
		}
		if _, ok := sc.Holiday(e.Add(-2)); !ok {
			t.Errorf("%s: Good Friday is a holiday in Scotland", e.Add(-2))
		}
	}
}

// TestSubstitutionRules checks the weekend rules in years well away from
// the cached ones too.
func TestSubstitutionRules(t *testing.T) {
	ew, sc := mustNew(t, EnglandAndWales), mustNew(t, Scotland)
	for y := 1990; y <= 2200; y++ {
		got := func(c *Calendar, m time.Month, days ...int) string {
			var s []string
			for _, day := range days {
				if _, ok := c.Holiday(d(y, m, day)); ok {
					s = append(s, fmt.Sprint(day))
				}
			}
			return strings.Join(s, ",")
		}
		var wantXmas, wantNY, wantScotNY string
		switch d(y, 12, 25).Weekday() {
		case time.Friday:
			wantXmas = "25,28"
		case time.Saturday:
			wantXmas = "27,28"
		case time.Sunday:
			wantXmas = "26,27"
		default:
			wantXmas = "25,26"
		}
		switch d(y, 1, 1).Weekday() {
		case time.Thursday:
			wantNY, wantScotNY = "1", "1,2"
		case time.Friday:
			wantNY, wantScotNY = "1", "1,4"
		case time.Saturday:
			wantNY, wantScotNY = "3", "3,4"
		case time.Sunday:
			wantNY, wantScotNY = "2", "2,3"
		default:
			wantNY, wantScotNY = "1", "1,2"
		}
		if s := got(ew, 12, 24, 25, 26, 27, 28, 29); s != wantXmas {
			t.Errorf("%d: Christmas holidays %s, want %s", y, s, wantXmas)
		}
		if s := got(ew, 1, 1, 2, 3, 4, 5); s != wantNY {
			t.Errorf("%d: New Year holidays %s, want %s", y, s, wantNY)
		}
		if s := got(sc, 1, 1, 2, 3, 4, 5); s != wantScotNY {
			t.Errorf("%d: Scottish New Year holidays %s, want %s", y, s, wantScotNY)
		}
	}
}

func TestOneOffsOnlyInTheirYears(t *testing.T) {
	c := mustNew(t, EnglandAndWales)
	for _, y := range []int{2011, 2013, 2021, 2024, 2030, 2035, 2050} {
		for _, h := range c.Holidays(y) {
			switch strings.TrimSuffix(h.Name, substituteSuffix) {
			case nameVEDay, nameDiamondJubilee, namePlatinum, nameStateFuneral, nameCoronation:
				t.Errorf("%d: one-off %q on %s", y, h.Name, h.Date)
			}
		}
	}
	// Outside the years with one-offs the spring holiday is the last Monday
	// of May and early May the first Monday.
	for _, y := range []int{2011, 2013, 2021, 2024} {
		for _, h := range c.Holidays(y) {
			if h.Name == nameSpring && (h.Date.Month() != time.May || h.Date.Day() < 25 || h.Date.Weekday() != time.Monday) {
				t.Errorf("%d: spring holiday on %s", y, h.Date)
			}
		}
	}
}

// TestNoTwoHolidaysOnOneDate: the standing rules never put two holidays on
// one date (which would silently drop a bank holiday), and every holiday
// lies in its year, on a weekday.
func TestNoTwoHolidaysOnOneDate(t *testing.T) {
	for _, region := range []string{EnglandAndWales, Scotland, NorthernIreland} {
		c := mustNew(t, region)
		want := map[string]int{EnglandAndWales: 8, Scotland: 9, NorthernIreland: 10}[region]
		for y := 1600; y <= 2600; y++ {
			hs := c.Holidays(y)
			// One-offs that add a day: 2012 the Diamond Jubilee (spring
			// moved), 2022 the Platinum Jubilee and the funeral (spring
			// moved), 2023 the Coronation. VE Day 2020 replaced early May.
			extra := map[int]int{2012: 1, 2022: 2, 2023: 1}[y]
			if len(hs) != want+extra {
				t.Errorf("%s %d: %d holidays, want %d: %v", region, y, len(hs), want+extra, hs)
			}
			for i, h := range hs {
				if h.Date.Year() != y || isWeekend(h.Date) || strings.Contains(h.Name, ";") {
					t.Errorf("%s %d: bad holiday %v", region, y, h)
				}
				if i > 0 && !hs[i-1].Date.Before(h.Date) {
					t.Errorf("%s %d: not sorted: %v", region, y, hs)
				}
			}
		}
	}
}

func TestFarYearsDoNotPanic(t *testing.T) {
	c := mustNew(t, NorthernIreland)
	for _, y := range []int{-5_877_641, -1_000_000, -1, 0, 1, 1582, 9999, 1_000_000, 5_881_580, 1 << 40} {
		hs := c.Holidays(y)
		for _, h := range hs {
			if h.Date.Year() != y {
				t.Errorf("year %d: holiday %v outside the year", y, h)
			}
		}
	}
	for _, dd := range []date.Date{date.Min(), date.Max(), date.Min().Add(1), date.Max().Add(-1)} {
		c.Holiday(dd)
		c.IsBusinessDay(dd)
	}
}

func TestNoHolidaysRegion(t *testing.T) {
	c := mustNew(t, NoHolidays)
	for _, y := range []int{2012, 2022, 2026, 2040} {
		if hs := c.Holidays(y); len(hs) != 0 {
			t.Errorf("%d: %v", y, hs)
		}
	}
	if !c.IsBusinessDay(d(2026, 12, 25)) {
		t.Error("Christmas 2026 (a Friday) is a business day without bank holidays")
	}
	if c.IsBusinessDay(d(2026, 12, 26)) {
		t.Error("Saturday is never a business day")
	}
}
