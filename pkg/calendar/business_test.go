package calendar

import (
	"testing"

	"github.com/rickb777/date"
	"github.com/rickb777/date/period"
)

func TestDeadlineBusinessDays(t *testing.T) {
	winter := []Closure{
		{Date: d(2026, 12, 24), Name: "Christmas Eve"},
		{Date: d(2026, 12, 31), Name: "New Year's Eve"},
	}
	week := []Closure{ // Wednesday and Thursday 10-11 June 2026
		{Date: d(2026, 6, 10), Name: "Away day"},
		{Date: d(2026, 6, 11), Name: "Away day"},
	}
	for _, tc := range []struct {
		name     string
		region   string
		closures []Closure
		meeting  date.Date
		n        int
		clear    bool
		want     date.Date
	}{
		// The contract's example: 28th and 25th are bank holidays, 24th is
		// the first business day, 23rd the second.
		{"contract example", EnglandAndWales, nil, d(2026, 12, 29), 2, false, d(2026, 12, 23)},
		{"contract example, clear", EnglandAndWales, nil, d(2026, 12, 29), 2, true, d(2026, 12, 22)},
		{"N=1", EnglandAndWales, nil, d(2026, 12, 29), 1, false, d(2026, 12, 24)},
		{"N=1 clear", EnglandAndWales, nil, d(2026, 12, 29), 1, true, d(2026, 12, 23)},
		{"N=0 is the meeting", EnglandAndWales, nil, d(2026, 12, 29), 0, false, d(2026, 12, 29)},
		{"N=0 clear is the day before, even a holiday", EnglandAndWales, nil, d(2026, 12, 29), 0, true, d(2026, 12, 28)},
		{"negative N counts as 0", EnglandAndWales, nil, d(2026, 12, 29), -5, false, d(2026, 12, 29)},
		{"negative N clear", EnglandAndWales, nil, d(2026, 12, 29), -5, true, d(2026, 12, 28)},
		{"no holidays region", NoHolidays, nil, d(2026, 12, 29), 2, false, d(2026, 12, 25)},
		// Easter 2027: Good Friday 26 March, Easter Monday 29 March.
		{"Easter", EnglandAndWales, nil, d(2027, 4, 1), 3, false, d(2027, 3, 25)},
		{"Easter clear", EnglandAndWales, nil, d(2027, 4, 1), 3, true, d(2027, 3, 24)},
		{"Easter N=1 from Tuesday", EnglandAndWales, nil, d(2027, 3, 30), 1, false, d(2027, 3, 25)},
		{"Easter in Northern Ireland", NorthernIreland, nil, d(2027, 4, 1), 3, false, d(2027, 3, 25)},
		{"Easter in Scotland: no Easter Monday", Scotland, nil, d(2027, 4, 1), 3, false, d(2027, 3, 29)},
		{"Easter in Scotland clear: the Sunday", Scotland, nil, d(2027, 4, 1), 3, true, d(2027, 3, 28)},
		// Clear: the calendar day before the Nth business day, here a Sunday.
		{"clear lands on a Sunday", EnglandAndWales, nil, d(2026, 6, 10), 2, true, d(2026, 6, 7)},
		{"not clear, same meeting", EnglandAndWales, nil, d(2026, 6, 10), 2, false, d(2026, 6, 8)},
		// Closures.
		{"closures", EnglandAndWales, winter, d(2027, 1, 4), 3, false, d(2026, 12, 23)},
		{"without the closures", EnglandAndWales, nil, d(2027, 1, 4), 3, false, d(2026, 12, 29)},
		{"closures clear", EnglandAndWales, winter, d(2027, 1, 4), 3, true, d(2026, 12, 22)},
		{"closures mid-week", EnglandAndWales, week, d(2026, 6, 12), 2, false, d(2026, 6, 8)},
		{"closures mid-week, none region", NoHolidays, week, d(2026, 6, 12), 1, false, d(2026, 6, 9)},
		// Region differences.
		{"Boyne substitute", NorthernIreland, nil, d(2026, 7, 14), 1, false, d(2026, 7, 10)},
		{"Boyne substitute elsewhere", EnglandAndWales, nil, d(2026, 7, 14), 1, false, d(2026, 7, 13)},
		{"St Andrew's substitute", Scotland, nil, d(2025, 12, 2), 1, false, d(2025, 11, 28)},
		{"Scottish New Year: 2 January on Monday 4th", Scotland, nil, d(2027, 1, 5), 2, false, d(2026, 12, 30)},
		{"English New Year", EnglandAndWales, nil, d(2027, 1, 5), 2, false, d(2026, 12, 31)},
		{"Scottish New Year 2028", Scotland, nil, d(2028, 1, 5), 1, false, d(2027, 12, 31)},
		{"English New Year 2028", EnglandAndWales, nil, d(2028, 1, 5), 1, false, d(2028, 1, 4)},
		// Meeting on a weekend.
		{"meeting on Saturday", EnglandAndWales, nil, d(2026, 6, 13), 1, false, d(2026, 6, 12)},
		{"meeting on Saturday, N=0", EnglandAndWales, nil, d(2026, 6, 13), 0, false, d(2026, 6, 13)},
		// Large N: without holidays five business days are a week.
		{"large N", NoHolidays, nil, d(2026, 6, 10), 5_000, false, d(2026, 6, 10).Add(-7_000)},
		{"largest N", NoHolidays, nil, d(2026, 6, 10), MaxBusinessDays, false, d(2026, 6, 10).Add(-7 * MaxBusinessDays / 5)},
		{"N beyond the clamp", NoHolidays, nil, d(2026, 6, 10), 1 << 40, false, d(2026, 6, 10).Add(-7 * MaxBusinessDays / 5)},
		{"a year of business days", EnglandAndWales, nil, d(2027, 1, 1), 253, false, d(2026, 1, 2)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := mustNew(t, tc.region, tc.closures...)
			got := c.DeadlineBusinessDays(tc.meeting, tc.n, tc.clear)
			if got != tc.want {
				t.Errorf("DeadlineBusinessDays(%s %s, %d, %v) = %s %s, want %s %s", tc.meeting, tc.meeting.Weekday(),
					tc.n, tc.clear, got, got.Weekday(), tc.want, tc.want.Weekday())
			}
		})
	}
}

func TestAddBusinessDays(t *testing.T) {
	c := mustNew(t, EnglandAndWales, Closure{Date: d(2026, 12, 30), Name: "Closed"})
	for _, tc := range []struct {
		from date.Date
		n    int
		want date.Date
	}{
		{d(2026, 12, 24), 1, d(2026, 12, 29)},  // over Christmas
		{d(2026, 12, 24), 2, d(2026, 12, 31)},  // over the closure
		{d(2026, 12, 24), 3, d(2027, 1, 4)},    // over New Year
		{d(2027, 1, 4), -1, d(2026, 12, 31)},   // and back
		{d(2027, 1, 4), -2, d(2026, 12, 29)},   //
		{d(2027, 1, 4), -3, d(2026, 12, 24)},   //
		{d(2026, 12, 29), -1, d(2026, 12, 24)}, //
		{d(2026, 6, 13), 1, d(2026, 6, 15)},    // Saturday forwards
		{d(2026, 6, 13), -1, d(2026, 6, 12)},   // Saturday backwards
		{d(2026, 6, 13), 0, d(2026, 6, 13)},    // n = 0: d itself, even a Saturday
		{d(2026, 12, 25), 0, d(2026, 12, 25)},  // or a holiday
		{d(2026, 6, 12), 5, d(2026, 6, 19)},    // Friday + a week
		{d(2026, 6, 12), -5, d(2026, 6, 5)},    // Friday - a week
	} {
		if got := c.AddBusinessDays(tc.from, tc.n); got != tc.want {
			t.Errorf("AddBusinessDays(%s, %d) = %s, want %s", tc.from, tc.n, got, tc.want)
		}
	}
}

func TestAddAndBetweenAgree(t *testing.T) {
	c := mustNew(t, Scotland, Closure{Date: d(2026, 4, 7), Name: "Closed"})
	for a := d(2025, 12, 1); a.Before(d(2027, 2, 1)); a = a.Add(3) {
		for n := -40; n <= 40; n++ {
			b := c.AddBusinessDays(a, n)
			if n != 0 && !c.IsBusinessDay(b) {
				t.Fatalf("AddBusinessDays(%s, %d) = %s, not a business day", a, n, b)
			}
			if (n > 0 && !b.After(a)) || (n < 0 && !b.Before(a)) {
				t.Fatalf("AddBusinessDays(%s, %d) = %s, wrong side", a, n, b)
			}
			if got := c.BusinessDaysBetween(a, b); got != n {
				t.Fatalf("BusinessDaysBetween(%s, AddBusinessDays(%s, %d) = %s) = %d", a, a, n, b, got)
			}
		}
	}
}

func TestBusinessDaysBetween(t *testing.T) {
	ew := mustNew(t, EnglandAndWales)
	for _, tc := range []struct {
		region string
		a, b   date.Date
		want   int
	}{
		{EnglandAndWales, d(2026, 12, 23), d(2026, 12, 29), 2},  // 24th, 29th
		{EnglandAndWales, d(2026, 12, 29), d(2026, 12, 23), -2}, // 24th, 23rd
		{EnglandAndWales, d(2026, 12, 25), d(2026, 12, 28), 0},
		{EnglandAndWales, d(2026, 12, 28), d(2026, 12, 25), 0},
		{EnglandAndWales, d(2026, 12, 24), d(2027, 1, 1), 3},
		{EnglandAndWales, d(2026, 12, 24), d(2026, 12, 24), 0},
		{EnglandAndWales, d(2026, 6, 12), d(2026, 6, 15), 1},  // Friday to Monday
		{EnglandAndWales, d(2026, 6, 15), d(2026, 6, 12), -1}, // Monday to Friday
		{EnglandAndWales, d(2026, 6, 13), d(2026, 6, 14), 0},
		// Whole years: 2026 has 261 weekdays.
		{NoHolidays, d(2025, 12, 31), d(2026, 12, 31), 261},
		{EnglandAndWales, d(2025, 12, 31), d(2026, 12, 31), 253},
		{Scotland, d(2025, 12, 31), d(2026, 12, 31), 252},
		{NorthernIreland, d(2025, 12, 31), d(2026, 12, 31), 251},
		{NorthernIreland, d(2026, 12, 31), d(2025, 12, 31), -251},
	} {
		c := ew
		if tc.region != EnglandAndWales {
			c = mustNew(t, tc.region)
		}
		if got := c.BusinessDaysBetween(tc.a, tc.b); got != tc.want {
			t.Errorf("%s BusinessDaysBetween(%s, %s) = %d, want %d", tc.region, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestBusinessDaysBetweenSaturates(t *testing.T) {
	c := mustNew(t, EnglandAndWales)
	if got := c.BusinessDaysBetween(date.Min(), date.Max()); got != MaxBusinessDays {
		t.Errorf("Min to Max = %d, want %d", got, MaxBusinessDays)
	}
	if got := c.BusinessDaysBetween(date.Max(), date.Min()); got != -MaxBusinessDays {
		t.Errorf("Max to Min = %d, want %d", got, -MaxBusinessDays)
	}
}

func TestEndsOfTheDateRange(t *testing.T) {
	c := mustNew(t, NoHolidays)
	if got := c.AddBusinessDays(date.Max().Add(-3), 10); got != date.Max() {
		t.Errorf("forwards past Max: %s", got)
	}
	if got := c.AddBusinessDays(date.Min().Add(3), -10); got != date.Min() {
		t.Errorf("backwards past Min: %s", got)
	}
	if got := c.DeadlineBusinessDays(date.Min(), 3, true); got != date.Min() {
		t.Errorf("deadline before Min: %s", got)
	}
	for _, dd := range []date.Date{date.Min(), date.Max()} {
		c.NearestBusinessDayInWeek(dd)
	}
}

func TestNearestBusinessDayInWeek(t *testing.T) {
	ew := mustNew(t, EnglandAndWales,
		Closure{Date: d(2026, 6, 10), Name: "Wed"},
		Closure{Date: d(2026, 6, 17), Name: "Wed"},
		Closure{Date: d(2026, 6, 18), Name: "Thu"},
	)
	closedWeek := []Closure{}
	for i := range 5 {
		closedWeek = append(closedWeek, Closure{Date: d(2026, 6, 22+i), Name: "Closed"})
	}
	shut := mustNew(t, EnglandAndWales, closedWeek...)
	for _, tc := range []struct {
		c    *Calendar
		day  date.Date
		want date.Date
		ok   bool
	}{
		{ew, d(2026, 6, 9), d(2026, 6, 9), true},     // a business day: itself
		{ew, d(2026, 5, 25), d(2026, 5, 26), true},   // Monday holiday -> Tuesday
		{ew, d(2026, 4, 6), d(2026, 4, 7), true},     // Easter Monday -> Tuesday
		{ew, d(2026, 4, 3), d(2026, 4, 2), true},     // Good Friday -> Thursday
		{ew, d(2026, 6, 10), d(2026, 6, 11), true},   // Wednesday: tie, the later day
		{ew, d(2026, 6, 17), d(2026, 6, 16), true},   // Wednesday, Thursday closed too
		{ew, d(2026, 6, 18), d(2026, 6, 19), true},   // Thursday: Friday is nearer than Tuesday
		{ew, d(2026, 6, 13), d(2026, 6, 12), true},   // Saturday -> its week's Friday
		{ew, d(2026, 6, 14), d(2026, 6, 12), true},   // Sunday -> its week's Friday
		{ew, d(2027, 12, 25), d(2027, 12, 24), true}, // Saturday Christmas -> Friday 24th
		{ew, d(2026, 12, 27), d(2026, 12, 24), true}, // Sunday, Friday a holiday -> Thursday
		{ew, d(2026, 12, 28), d(2026, 12, 29), true}, // Boxing Day substitute -> Tuesday
		{ew, d(2027, 1, 1), d(2026, 12, 31), true},   // New Year's Day, a Friday -> Thursday
		{shut, d(2026, 6, 24), d(2026, 6, 24), false},
		{shut, d(2026, 6, 28), d(2026, 6, 28), false}, // that week's Sunday
		{shut, d(2026, 6, 29), d(2026, 6, 29), true},  // the next Monday
	} {
		got, ok := tc.c.NearestBusinessDayInWeek(tc.day)
		if got != tc.want || ok != tc.ok {
			t.Errorf("NearestBusinessDayInWeek(%s %s) = %s %s, %v; want %s, %v", tc.day, tc.day.Weekday(),
				got, got.Weekday(), ok, tc.want, tc.ok)
		}
	}
}

func TestNearestBusinessDayInWeekStaysInWeek(t *testing.T) {
	c := mustNew(t, NorthernIreland)
	for day := d(2025, 12, 1); day.Before(d(2028, 1, 31)); day = day.Add(1) {
		got, ok := c.NearestBusinessDayInWeek(day)
		if !ok {
			t.Fatalf("%s: no business day in its week", day)
		}
		if !c.IsBusinessDay(got) {
			t.Fatalf("%s: %s is not a business day", day, got)
		}
		y1, w1 := day.ISOWeek()
		y2, w2 := got.ISOWeek()
		if y1 != y2 || w1 != w2 {
			t.Fatalf("%s: %s is in another week", day, got)
		}
		if c.IsBusinessDay(day) && got != day {
			t.Fatalf("%s: a business day, but got %s", day, got)
		}
	}
}

func TestDeadlineCalendar(t *testing.T) {
	for _, tc := range []struct {
		meeting date.Date
		p       period.Period
		want    date.Date
	}{
		{d(2026, 12, 29), period.MustParse("P2W"), d(2026, 12, 15)},
		{d(2026, 12, 29), period.MustParse("P10D"), d(2026, 12, 19)},
		{d(2026, 3, 31), period.MustParse("P1M"), d(2026, 2, 28)}, // month end clamps
		{d(2024, 3, 31), period.MustParse("P1M"), d(2024, 2, 29)}, // leap year
		{d(2026, 5, 31), period.MustParse("P1M1D"), d(2026, 4, 29)},
		{d(2026, 1, 15), period.MustParse("P2M"), d(2025, 11, 15)}, // across a year
		{d(2028, 2, 29), period.MustParse("P1Y"), d(2027, 2, 28)},
		{d(2026, 12, 29), period.MustParse("-P1W"), d(2026, 12, 22)},        // sign ignored
		{d(2026, 12, 29), period.New(0, 0, 0, 48, 0, 0), d(2026, 12, 29)},   // time fields ignored
		{d(2026, 12, 29), period.Period{}, d(2026, 12, 29)},                 // zero
		{d(2026, 12, 29), period.MustParse("P1Y2M3D"), d(2025, 10, 26)},     // years, months, then days
		{date.Min().Add(5), period.MustParse("P1Y"), date.Min()},            // no wrap-around
		{date.Min().Add(5), period.MustParse("P10D"), date.Min()},           //
		{d(2026, 12, 29), period.MustParse("P3000Y"), d(-974, 12, 29)},      // proleptic
		{d(2026, 12, 25), period.MustParse("P1W"), d(2026, 12, 18)},         // holidays don't matter
		{d(2026, 12, 25), period.MustParse("P0D"), d(2026, 12, 25).Add(0)},  //
		{d(2026, 12, 25), period.MustParse("P7D"), d(2026, 12, 25).Add(-7)}, //
	} {
		if got := DeadlineCalendar(tc.meeting, tc.p); got != tc.want {
			t.Errorf("DeadlineCalendar(%s, %s) = %s, want %s", tc.meeting, tc.p, got, tc.want)
		}
	}
}
