package calendar

import (
	"math"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/period"
)

// MaxBusinessDays bounds every count of business days: AddBusinessDays and
// DeadlineBusinessDays clamp n to ±MaxBusinessDays, and BusinessDaysBetween
// stops counting there. A million business days is about 4,000 years, far
// beyond any real use, and still takes well under a second.
const MaxBusinessDays = 1_000_000

func clampCount(n int) int {
	return max(-MaxBusinessDays, min(n, MaxBusinessDays))
}

// step returns d moved one day forwards (dir > 0) or backwards, and false
// when that would leave the range of date.Date (which would otherwise wrap
// around).
func step(d date.Date, dir int) (date.Date, bool) {
	n := d.DaysSinceEpoch()
	if dir > 0 {
		if n == math.MaxInt32 {
			return d, false
		}
		return d.Add(1), true
	}
	if n == math.MinInt32 {
		return d, false
	}
	return d.Add(-1), true
}

// addDays returns d plus days, and false when that would leave the range of
// date.Date.
func addDays(d date.Date, days int64) (date.Date, bool) {
	n := int64(d.DaysSinceEpoch()) + days
	if n < math.MinInt32 || n > math.MaxInt32 {
		return d, false
	}
	return date.NewOfDays(date.PeriodOfDays(n)), true
}

// cursor tests days one after another, keeping the bank holidays of the
// year it is in, so that a walk computes a year outside the cached ones once
// rather than once a day. It belongs to one call and is never shared.
type cursor struct {
	c    *Calendar
	year int
	bank map[date.Date]string
}

func (k *cursor) isBusinessDay(d date.Date) bool {
	if isWeekend(d) {
		return false
	}
	if _, closed := k.c.closures[d]; closed {
		return false
	}
	if y := d.Year(); k.bank == nil || y != k.year {
		k.year, k.bank = y, k.c.bankHolidaysOf(y)
	}
	_, hol := k.bank[d]
	return !hol
}

// AddBusinessDays returns the nth business day after d (n > 0) or before d
// (n < 0), d itself not counted: AddBusinessDays(Friday, 1) is the next
// Monday when that is a business day. With n = 0 it returns d, whether or
// not d is a business day. n is clamped to ±MaxBusinessDays; at the ends of
// the range of date.Date the walk stops and returns the end.
func (c *Calendar) AddBusinessDays(d date.Date, n int) date.Date {
	n = clampCount(n)
	dir := 1
	if n < 0 {
		dir, n = -1, -n
	}
	k := cursor{c: c}
	for n > 0 {
		next, ok := step(d, dir)
		if !ok {
			return d
		}
		d = next
		if k.isBusinessDay(d) {
			n--
		}
	}
	return d
}

// BusinessDaysBetween counts business days going from a to b, a not counted
// and b counted. When b is after a it is the number of business days d with
// a < d <= b; when b is before a it is minus the number with b <= d < a; it
// is 0 when a == b. So BusinessDaysBetween(a, AddBusinessDays(a, n)) == n
// for every n within ±MaxBusinessDays. (Swapping a and b changes the sign
// and may change the size by one, as the counted end changes.) The count
// stops at ±MaxBusinessDays.
func (c *Calendar) BusinessDaysBetween(a, b date.Date) int {
	if a == b {
		return 0
	}
	dir := 1
	if b.Before(a) {
		dir = -1
	}
	k := cursor{c: c}
	count := 0
	for d := a; d != b && count < MaxBusinessDays; {
		d, _ = step(d, dir) // never at an end of the range: b lies beyond d
		if k.isBusinessDay(d) {
			count++
		}
	}
	return dir * count
}

// NearestBusinessDayInWeek returns d if it is a business day, otherwise the
// business day of d's week nearest to d, where weeks run Monday to Sunday
// and only Monday to Friday can be business days. Of two equally near days
// the later is preferred: a Monday holiday gives Tuesday, a Wednesday
// holiday Thursday (if Thursday is a business day). A Saturday or a Sunday
// gives that week's Friday, or failing that the latest business day before
// it. When no day of the week's Monday to Friday is a business day it
// returns d and false.
func (c *Calendar) NearestBusinessDayInWeek(d date.Date) (date.Date, bool) {
	pos := (int(d.Weekday()) + 6) % 7 // Monday 0 ... Sunday 6
	k := cursor{c: c}
	for dist := 0; dist <= 6; dist++ {
		for _, off := range [2]int{dist, -dist} { // the later day first
			if (dist == 0 && off < 0) || pos+off < 0 || pos+off > 4 {
				continue
			}
			if cand, ok := addDays(d, int64(off)); ok && k.isBusinessDay(cand) {
				return cand, true
			}
		}
	}
	return d, false
}

// DeadlineBusinessDays returns the papers deadline for a meeting on meeting
// with `business_days: n` and `clear:` clear (see the package doc).
//
// Without clear it counts back n business days from meeting, meeting not
// counted, and returns the nth: always a business day when n > 0. With
// clear it returns the calendar day before that nth business day, so that n
// whole business days lie strictly between the deadline and the meeting;
// that day may be a weekend day or a holiday. With n = 0 it returns meeting,
// or with clear the day before meeting. A negative n counts as 0; n is
// clamped to MaxBusinessDays.
func (c *Calendar) DeadlineBusinessDays(meeting date.Date, n int, clear bool) date.Date {
	n = max(n, 0)
	d := c.AddBusinessDays(meeting, -n)
	if clear {
		d, _ = step(d, -1)
	}
	return d
}

// DeadlineCalendar returns meeting less the period p, counted on the
// calendar: first whole years and months, then days (weeks count as seven
// days). The sign of each of p's fields is ignored, so the deadline is never
// after the meeting; fractions and the time fields (hours, minutes, seconds)
// are ignored. When going back by months lands on a day the month lacks, the
// deadline is that month's last day: 31 March less P1M is 28 or 29
// February, not 3 March. At the start of the range of date.Date it stops at
// date.Min().
func DeadlineCalendar(meeting date.Date, p period.Period) date.Date {
	years, months, days := absInt(p.Years()), absInt(p.Months()), absInt(p.Days())
	y, m, d := meeting.Date()
	total := int64(y)*12 + int64(m-1) - int64(years)*12 - int64(months)
	ty := int(floorDiv(total, 12))
	tm := time.Month(total-floorDiv(total, 12)*12) + time.January
	d = min(d, date.DaysIn(ty, tm))
	res := date.New(ty, tm, d)
	if res.After(meeting) { // wrapped around the start of the range
		return date.Min()
	}
	res, ok := addDays(res, -int64(days))
	if !ok {
		return date.Min()
	}
	return res
}

func absInt(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

func floorDiv(a, b int64) int64 {
	q := a / b
	if (a%b != 0) && ((a < 0) != (b < 0)) {
		q--
	}
	return q
}
