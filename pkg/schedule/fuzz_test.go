package schedule

import (
	"errors"
	"testing"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
)

// FuzzDates plans meetings for a fuzzed cadence (every as written in
// network.yaml, on, per_year, anchor) from a fuzzed start, after a fuzzed
// last meeting, for a fuzzed count or up to a fuzzed end, and checks what
// any schedule must be:
//
//   - it comes back (no panic, no endless loop) with at most 1000 dates, and
//     at most the count asked for, none after 31 December 9999 (it says so,
//     with ErrLastDate, when it stops there);
//   - every date lies from From to Until (when given) and is a business day,
//     unless the whole week had none (Unmovable, and then it is the date the
//     cadence gave);
//   - a moved date stays in the week of the date the cadence gave, which was
//     not a business day;
//   - the dates are strictly increasing: two meetings are never planned for
//     one day (a cadence shorter than a week can move two dates onto one
//     business day; the second is dropped);
//   - where the cadence is whole months (and no "on"), the dates the cadence
//     gave are exactly that many calendar months apart (31 January and a
//     month is 28 February, never 3 March, which would skip February);
//     where it is whole weeks or days, a week or more, exactly that many
//     days apart.
func FuzzDates(f *testing.F) {
	f.Add("P1M", "second Tuesday", 0, int16(0), int16(334), int16(0), 4, int16(0), uint8(0), uint16(0))
	f.Add("P6W", "", 0, int16(12), int16(334), int16(0), 0, int16(90), uint8(0), uint16(0))
	f.Add("P1M", "", 0, int16(0), int16(59), int16(58), 2, int16(0), uint8(0), uint16(0))
	f.Add("P1M", "", 0, int16(30), int16(0), int16(0), 12, int16(0), uint8(1), uint16(0))
	f.Add("", "", 6, int16(0), int16(334), int16(0), 6, int16(0), uint8(0), uint16(0))
	f.Add("", "", 7, int16(0), int16(334), int16(0), 0, int16(400), uint8(2), uint16(0))
	f.Add("P1D", "", 0, int16(0), int16(0), int16(0), 0, int16(30000), uint8(3), uint16(0))
	f.Add("P2D", "", 0, int16(-1000), int16(324), int16(0), 20, int16(0), uint8(0), uint16(0))
	f.Add("P1M1D", "", 0, int16(0), int16(0), int16(0), 10, int16(0), uint8(0), uint16(0))
	f.Add("P3M", "first Wednesday", 0, int16(0), int16(334), int16(0), 0, int16(364), uint8(0), uint16(0))
	f.Add("PT2H", "", 0, int16(0), int16(0), int16(0), 3, int16(0), uint8(0), uint16(0))
	f.Add("P100Y", "last Friday", 0, int16(-32768), int16(32767), int16(0), 1000, int16(0), uint8(0), uint16(0))
	f.Add("", "", 1000000, int16(0), int16(0), int16(-5), 0, int16(32767), uint8(1), uint16(0))
	f.Add("", "fifth Monday", 0, int16(0), int16(0), int16(0), 5, int16(0), uint8(0), uint16(0))
	f.Add("P1Y", "", 0, int16(-7000), int16(0), int16(0), 5, int16(0), uint8(0), uint16(0))
	f.Add("P1M", "", 0, int16(0), int16(334), int16(0), 12, int16(0), uint8(0), uint16(7973))
	f.Add("P5Y", "last Friday", 0, int16(-32768), int16(0), int16(0), 1000, int16(0), uint8(1), uint16(7900))
	f.Add("P1D", "", 0, int16(-32768), int16(32000), int16(0), 0, int16(32767), uint8(0), uint16(7973))
	f.Add("", "first Monday", 365, int16(0), int16(0), int16(0), 20, int16(0), uint8(2), uint16(65000))
	f.Fuzz(func(t *testing.T, every, on string, perYear int, anchorOff, fromOff, afterOff int16, count int, untilOff int16, region uint8, year uint16) {
		// 2026 unless year moves it (up to 9999, the last year a file
		// may hold): the dates then run into the end of the calendar.
		base := date.New(2026+int(year)%7974, time.January, 1)
		k := &model.MeetingKind{Name: "ordinary", On: on, PerYear: max(perYear, 0)}
		if p, err := load.ParsePeriod(every); err == nil {
			k.Every = model.Period{Period: p}
		}
		if anchorOff != 0 {
			k.Anchor = model.Date{Date: base.Add(date.PeriodOfDays(anchorOff))}
		}
		req := Request{Kind: k, From: base.Add(date.PeriodOfDays(fromOff))}
		if afterOff != 0 {
			req.After = req.From.Add(-date.PeriodOfDays(afterOff&0x7fff) - 1)
		}
		if count > 0 {
			req.Count = count % 1500
		}
		if untilOff != 0 {
			req.Until = req.From.Add(date.PeriodOfDays(untilOff))
		}
		regions := calendar.Regions()
		cal, err := calendar.New(regions[int(region)%len(regions)], []calendar.Closure{{Date: date.New(2026, time.December, 24), Name: "Closed"}})
		if err != nil {
			t.Fatal(err)
		}

		type result struct {
			slots []Slot
			err   error
		}
		done := make(chan result, 1)
		go func() {
			slots, err := Dates(cal, req)
			done <- result{slots, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("Dates(%+v, from %s) did not finish within 10s", k, req.From)
		}
		if r.err != nil && !errors.Is(r.err, ErrLastDate) {
			return
		}
		slots := r.slots
		for i, s := range slots {
			if s.Date.After(layout.LastDate()) {
				t.Fatalf("slot %d: %s is after %s, the last date", i, s.Date, layout.LastDate())
			}
		}
		if len(slots) > maxDates {
			t.Fatalf("%d dates, more than %d", len(slots), maxDates)
		}
		if req.Count > 0 && len(slots) > req.Count {
			t.Fatalf("%d dates, more than the %d asked for", len(slots), req.Count)
		}
		weekOf := func(d date.Date) date.Date { return d.Add(-date.PeriodOfDays((int(d.Weekday()) + 6) % 7)) }
		for i, s := range slots {
			if s.Date.Before(req.From) {
				t.Errorf("slot %d: %s is before From %s", i, s.Date, req.From)
			}
			if !req.Until.IsZero() && s.Date.After(req.Until) {
				t.Errorf("slot %d: %s is after Until %s", i, s.Date, req.Until)
			}
			switch {
			case s.Unmovable:
				if !s.Moved.IsZero() {
					t.Errorf("slot %d: unmovable, yet moved from %s", i, s.Moved)
				}
				if _, ok := cal.NearestBusinessDayInWeek(s.Date); ok {
					t.Errorf("slot %d: %s is unmovable, but its week has a business day", i, s.Date)
				}
			case !cal.IsBusinessDay(s.Date):
				t.Errorf("slot %d: %s is not a business day", i, s.Date)
			}
			if !s.Moved.IsZero() {
				if cal.IsBusinessDay(s.Moved) {
					t.Errorf("slot %d: moved from %s, a business day", i, s.Moved)
				}
				if weekOf(s.Moved) != weekOf(s.Date) {
					t.Errorf("slot %d: moved from %s to %s, another week", i, s.Moved, s.Date)
				}
			}
			if i > 0 && !s.Date.After(slots[i-1].Date) {
				t.Errorf("slot %d: %s is not after slot %d, %s", i, s.Date, i-1, slots[i-1].Date)
			}
		}
		// The dates the cadence gave, before any move.
		given := func(s Slot) date.Date {
			if !s.Moved.IsZero() {
				return s.Moved
			}
			return s.Date
		}
		p := k.Every.Period
		if !k.Every.Set() || on != "" || p.Hours() != 0 || p.Minutes() != 0 {
			return
		}
		months := p.Years()*12 + p.Months()
		days := p.Days()
		for i := 1; i < len(slots); i++ {
			a, b := given(slots[i-1]), given(slots[i])
			switch {
			case months > 0 && days == 0:
				ay, am, _ := a.Date()
				by, bm, _ := b.Date()
				gap := (by*12 + int(bm)) - (ay*12 + int(am))
				// A dropped duplicate cannot happen for whole months, so
				// consecutive slots are consecutive dates of the cadence.
				if gap != months {
					t.Errorf("every %s: %s then %s, %d months apart", p, a, b, gap)
				}
			case months == 0 && days >= 7:
				if gap := int(b.Sub(a)); gap != days {
					t.Errorf("every %s: %s then %s, %d days apart", p, a, b, gap)
				}
			}
		}
	})
}
