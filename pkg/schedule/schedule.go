// Package schedule works out the dates of future meetings from a kind of
// meeting's cadence: every (a period), on (such as "second Tuesday"), anchor
// (the first date of an every-N-weeks series) and per_year, each moved off
// weekends, bank holidays and closures to the nearest business day in the
// same week.
package schedule

import (
	"fmt"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/period"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// maxDates bounds any schedule, whatever the flags; maxTried the dates of
// the cadence looked at to find them.
const (
	maxDates = 1000
	maxTried = 100 * maxDates
)

// Slot is one planned date.
type Slot struct {
	Date date.Date
	// Moved is the date the cadence gave when it was not a business day.
	Moved date.Date
	// Unmovable is true when the whole week had no business day.
	Unmovable bool
}

// Request says which dates are wanted.
type Request struct {
	Kind *model.MeetingKind
	// From is the first day a date may fall on.
	From date.Date
	// After is the date of the last meeting of the kind before From, if any:
	// the series continues from it.
	After date.Date
	// Count or Until bounds the series (Until inclusive).
	Count int
	Until date.Date
	// Skip, when set, leaves a date out of the series without counting it
	// (a cadence period that has its meeting, papers already late).
	Skip func(Slot) bool
}

// Ordinal is a parsed "on" value: the nth (1..4, or -1 for last) weekday of
// a month.
type Ordinal struct {
	N       int
	Weekday time.Weekday
}

// ParseOn parses "second Tuesday", "last Friday" (layout.ParseOn).
func ParseOn(s string) (Ordinal, error) {
	n, wd, err := layout.ParseOn(s)
	if err != nil {
		return Ordinal{}, err
	}
	return Ordinal{N: n, Weekday: wd}, nil
}

// In returns the date of the ordinal in the given month.
func (o Ordinal) In(year int, month time.Month) date.Date {
	if o.N < 0 {
		last := date.New(year, month+1, 1).Add(-1)
		back := (int(last.Weekday()) - int(o.Weekday) + 7) % 7
		return last.Add(date.PeriodOfDays(-back))
	}
	first := date.New(year, month, 1)
	fwd := (int(o.Weekday) - int(first.Weekday()) + 7) % 7
	return first.Add(date.PeriodOfDays(fwd + 7*(o.N-1)))
}

// ErrLastDate is returned, with the dates found, when the cadence runs past
// layout.LastDate (31 December 9999) before giving as many dates as asked
// for: no file may hold a later date.
var ErrLastDate = fmt.Errorf("the series runs past %s, the last date govctl accepts", layout.LastDate())

// Dates returns the dates the cadence gives, moved to business days. It
// stops at layout.LastDate: then it returns the dates found with
// ErrLastDate.
func Dates(cal *calendar.Calendar, req Request) ([]Slot, error) {
	k := req.Kind
	if req.Count <= 0 && req.Until.IsZero() {
		return nil, fmt.Errorf("give a count or an end date")
	}
	limit := maxDates
	if req.Count > 0 {
		limit = min(req.Count, maxDates)
	}
	next, err := generator(k, req)
	if err != nil {
		return nil, err
	}
	var out []Slot
	// The cadence's dates run on for ever: a Skip that refused them all
	// would too, so the dates looked at are bounded as well.
	for tried := 0; len(out) < limit && tried < maxTried; tried++ {
		d := next()
		if !req.Until.IsZero() && d.After(req.Until) {
			break
		}
		if d.After(layout.LastDate()) {
			return out, ErrLastDate
		}
		if d.Before(req.From) {
			continue
		}
		s := Slot{Date: d}
		if !cal.IsBusinessDay(d) {
			if moved, ok := cal.NearestBusinessDayInWeek(d); ok {
				s.Date, s.Moved = moved, d
			} else {
				s.Unmovable = true
			}
		}
		// A date moved back before From (a Sunday on From moved to the
		// Friday before) or on past Until is outside what was asked for;
		// one moved onto the previous date (a cadence shorter than a week
		// moving Saturday and Sunday to Friday) would plan two meetings
		// for one day.
		if s.Date.Before(req.From) || (!req.Until.IsZero() && s.Date.After(req.Until)) {
			continue
		}
		if len(out) > 0 && !s.Date.After(out[len(out)-1].Date) {
			continue
		}
		if req.Skip != nil && req.Skip(s) {
			continue
		}
		out = append(out, s)
	}
	return out, nil
}

// addMonths adds n calendar months to d, keeping its day of the month or,
// where the month is shorter, moving to the month's last day: 31 January
// and one month is 28 (or 29) February, not 3 March.
func addMonths(d date.Date, n int) date.Date {
	y, m, day := d.Date()
	first := date.New(y, m+time.Month(n), 1)
	fy, fm, _ := first.Date()
	last := date.New(fy, fm+1, 1).Add(-1)
	_, _, lastDay := last.Date()
	return date.New(fy, fm, min(day, lastDay))
}

// addPeriod adds a cadence to d: its years and months as addMonths does,
// then its weeks and days.
func addPeriod(d date.Date, p period.Period) date.Date {
	return addMonths(d, p.Years()*12+p.Months()).Add(date.PeriodOfDays(p.Days()))
}

// generator returns a function yielding the cadence's dates in order, from
// a start at or before From.
func generator(k *model.MeetingKind, req Request) (func() date.Date, error) {
	var on *Ordinal
	if k.On != "" {
		o, err := ParseOn(k.On)
		if err != nil {
			return nil, err
		}
		on = &o
	}
	every, err := terms.Cadence(k)
	if err != nil {
		return nil, err
	}
	months := every.Years()*12 + every.Months()
	days := every.Weeks()*7 + every.ModuloDays()
	if every.Days() > 0 && every.Weeks() == 0 {
		days = every.Days()
	}
	start := req.From
	switch {
	case k.Anchor.Set():
		start = k.Anchor.Date
	case !req.After.IsZero():
		start = addPeriod(req.After, every)
	}
	// Months from the start's month to From's: whole steps of the cadence
	// that end before From are skipped, so that an old anchor costs
	// nothing.
	sy, sm, _ := start.Date()
	fy, fm, _ := req.From.Date()
	ahead := (fy*12 + int(fm)) - (sy*12 + int(sm))
	if on != nil {
		// Month by month from the start month, stepping by the cadence's
		// months (one when the cadence is in weeks or days).
		step := max(months, 1)
		y, m := sy, sm
		i := max(ahead/step-1, 0)
		return func() date.Date {
			mm := time.Month(int(m) - 1 + i*step)
			d := on.In(y+int(mm)/12, mm%12+1)
			i++
			return d
		}, nil
	}
	if months > 0 {
		// Counted from the start each time, so that a series on the 31st
		// comes back to the 31st after a shorter month. A cadence of months
		// and days (P1M2D) adds both, i times. A step is at most months
		// and days/28+1 months long: skipping that many keeps before From.
		i := max(ahead/(months+days/28+1)-1, 0)
		return func() date.Date {
			d := addMonths(start, i*months).Add(date.PeriodOfDays(i * days))
			i++
			return d
		}, nil
	}
	if days <= 0 {
		return nil, fmt.Errorf("meeting kind %q: cadence %s is shorter than a day", k.Name, every)
	}
	// Skip whole periods up to From, so an old anchor costs nothing.
	i := 0
	if gap := int(req.From.Sub(start)); gap > 0 {
		i = gap / days
	}
	return func() date.Date {
		d := start.Add(date.PeriodOfDays(i * days))
		i++
		return d
	}, nil
}
