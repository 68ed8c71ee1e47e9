package calendar

import (
	"testing"

	"github.com/rickb777/date"
)

// fuzzSpan bounds the meetings the fuzzer tries to about ±8,000 years
// around 1970: far enough to reach years computed on demand, well inside the
// range of date.Date even after MaxBusinessDays (about 1.4 million days).
const fuzzSpan = 3_000_000

// FuzzDeadline checks the deadline's invariants for any meeting, N, clear
// flag, region and closure: the deadline is never after the meeting; without
// clear and with N > 0 it is a business day with exactly N-1 business days
// strictly between it and the meeting; with clear exactly N business days
// lie strictly between them; with N = 0 it is the meeting or the day
// before; and nothing panics.
func FuzzDeadline(f *testing.F) {
	epoch := func(dd date.Date) int64 { return int64(dd.DaysSinceEpoch()) }
	f.Add(epoch(d(2026, 12, 29)), 2, false, uint8(0), int64(0))
	f.Add(epoch(d(2026, 12, 29)), 2, true, uint8(0), int64(0))
	f.Add(epoch(d(2027, 4, 1)), 3, false, uint8(1), int64(-7))
	f.Add(epoch(d(2027, 4, 1)), 3, true, uint8(2), int64(-2))
	f.Add(epoch(d(2026, 6, 13)), 0, true, uint8(3), int64(-1))
	f.Add(epoch(d(2012, 6, 6)), 10, false, uint8(0), int64(-1))
	f.Add(epoch(d(2022, 9, 20)), 1, true, uint8(1), int64(3))
	f.Add(epoch(d(2100, 1, 5)), 30, false, uint8(1), int64(-3))
	f.Add(int64(-fuzzSpan), 1_000_000_000, false, uint8(2), int64(5))
	f.Add(int64(fuzzSpan), -4, true, uint8(0), int64(0))
	// The ends of the dates a file may hold, with the most notice a kind of
	// meeting may give (260 business days).
	f.Add(epoch(d(1000, 1, 1)), 260, true, uint8(0), int64(-3))
	f.Add(epoch(d(9999, 12, 31)), 260, false, uint8(1), int64(-1))
	f.Add(epoch(d(9999, 12, 27)), 1, true, uint8(2), int64(4))
	f.Fuzz(func(t *testing.T, day int64, n int, clear bool, regionIndex uint8, closureOffset int64) {
		day %= fuzzSpan
		closureOffset %= 30
		meeting := date.NewOfDays(date.PeriodOfDays(day))
		regions := Regions()
		region := regions[int(regionIndex)%len(regions)]
		var closures []Closure
		if closureOffset != 0 {
			if cd := meeting.Add(date.PeriodOfDays(closureOffset)); !cd.IsZero() {
				closures = []Closure{{Date: cd, Name: "fuzz"}}
			}
		}
		c, err := New(region, closures)
		if err != nil {
			t.Fatal(err)
		}
		// Keep most runs quick; the clamp is tested separately.
		if n > 2_000 || n < -2_000 {
			n %= 2_000
		}

		got := c.DeadlineBusinessDays(meeting, n, clear)
		if got.After(meeting) {
			t.Fatalf("deadline %s after meeting %s (n=%d clear=%v)", got, meeting, n, clear)
		}
		dayBefore := meeting.Add(-1)
		switch {
		case n <= 0 && !clear:
			if got != meeting {
				t.Fatalf("n=%d: deadline %s, want the meeting %s", n, got, meeting)
			}
		case n <= 0 && clear:
			if got != dayBefore {
				t.Fatalf("n=%d clear: deadline %s, want %s", n, got, dayBefore)
			}
		case !clear:
			if !c.IsBusinessDay(got) {
				t.Fatalf("n=%d: deadline %s %s is not a business day", n, got, got.Weekday())
			}
			// Strictly between: got+1 .. meeting-1.
			if between := c.BusinessDaysBetween(got, dayBefore); between != n-1 {
				t.Fatalf("n=%d: %d business days between %s and %s", n, between, got, meeting)
			}
		default:
			if !got.Before(meeting) {
				t.Fatalf("n=%d clear: deadline %s not before meeting %s", n, got, meeting)
			}
			// Strictly between: got+1 .. meeting-1.
			if between := c.BusinessDaysBetween(got, dayBefore); between != n {
				t.Fatalf("n=%d clear: %d business days between %s and %s", n, between, got, meeting)
			}
			if !c.IsBusinessDay(got.Add(1)) {
				t.Fatalf("n=%d clear: day after the deadline %s is not a business day", n, got)
			}
		}
		if near, ok := c.NearestBusinessDayInWeek(meeting); ok && !c.IsBusinessDay(near) {
			t.Fatalf("NearestBusinessDayInWeek(%s) = %s, not a business day", meeting, near)
		}
	})
}

func BenchmarkDeadlineBusinessDays(b *testing.B) {
	c := mustNew(b, EnglandAndWales, Closure{Date: d(2026, 12, 24), Name: "Christmas Eve"})
	meeting := d(2026, 12, 29)
	for b.Loop() {
		c.DeadlineBusinessDays(meeting, 10, true)
	}
}

// BenchmarkDeadlineBusinessDaysUncached counts back through a year outside
// 2012-2035, whose holidays are computed on the way.
func BenchmarkDeadlineBusinessDaysUncached(b *testing.B) {
	c := mustNew(b, Scotland)
	meeting := d(2050, 1, 10)
	for b.Loop() {
		c.DeadlineBusinessDays(meeting, 10, false)
	}
}

func BenchmarkDeadlineBusinessDaysMax(b *testing.B) {
	c := mustNew(b, EnglandAndWales)
	meeting := d(2026, 12, 29)
	for b.Loop() {
		c.DeadlineBusinessDays(meeting, MaxBusinessDays, false)
	}
}
