package ical

import (
	"fmt"
	"time"
)

// londonTimezone writes the fixed Europe/London definition.
func (w *writer) londonTimezone() {
	for _, l := range []string{
		"BEGIN:VTIMEZONE",
		"TZID:Europe/London",
		"BEGIN:STANDARD",
		"DTSTART:19701025T020000",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
		"TZOFFSETFROM:+0100",
		"TZOFFSETTO:+0000",
		"TZNAME:GMT",
		"END:STANDARD",
		"BEGIN:DAYLIGHT",
		"DTSTART:19700329T010000",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
		"TZOFFSETFROM:+0000",
		"TZOFFSETTO:+0100",
		"TZNAME:BST",
		"END:DAYLIGHT",
		"END:VTIMEZONE",
	} {
		w.line(l)
	}
}

// zoneRule is one STANDARD or DAYLIGHT component.
type zoneRule struct {
	daylight bool
	start    string // DTSTART, local time in the offset before
	rrule    string
	from, to zone
}

// generatedTimezone writes a VTIMEZONE for loc from Go's tzdata, for the
// years first-1 to last.
func (w *writer) generatedTimezone(loc *time.Location, first, last int) {
	w.line("BEGIN:VTIMEZONE")
	w.text("TZID", loc.String())
	for _, r := range zoneRules(loc, first-1, last) {
		kind := "STANDARD"
		if r.daylight {
			kind = "DAYLIGHT"
		}
		w.line("BEGIN:" + kind)
		w.line("DTSTART:" + r.start)
		if r.rrule != "" {
			w.line("RRULE:" + r.rrule)
		}
		w.line("TZOFFSETFROM:" + utcOffset(r.from.offset))
		w.line("TZOFFSETTO:" + utcOffset(r.to.offset))
		if r.to.name != "" {
			w.text("TZNAME", r.to.name)
		}
		w.line("END:" + kind)
	}
	w.line("END:VTIMEZONE")
}

// zoneRules describes loc over the years first to last: yearly rules when
// they fit, else every change.
func zoneRules(loc *time.Location, first, last int) []zoneRule {
	from := time.Date(first, time.January, 1, 0, 0, 0, 0, loc).Unix()
	to := time.Date(last+1, time.January, 1, 0, 0, 0, 0, loc).Unix()
	trans := Transitions(loc, from, to)
	z0 := zoneAt(loc, from)
	if len(trans) == 0 {
		return []zoneRule{{daylight: false, start: "19700101T000000", from: z0, to: z0}}
	}
	if rules, ok := yearlyRules(loc, trans, first, last); ok {
		return rules
	}
	var out []zoneRule
	z1 := zoneAt(loc, trans[0])
	out = append(out, zoneRule{daylight: daylight(z0, z1), start: time.Unix(from, 0).In(loc).Format(localFormat), from: z0, to: z0})
	for _, at := range trans {
		b, a := zoneAt(loc, at-1), zoneAt(loc, at)
		out = append(out, zoneRule{daylight: daylight(a, b), start: wallBefore(at, b), from: b, to: a})
	}
	return out
}

// yearlyRules fits two yearly RRULEs to the changes: every year has two,
// between the same two zones, each on the same weekday of the same month at
// the same local time, and in the same week of the month (or the last).
func yearlyRules(loc *time.Location, trans []int64, first, last int) ([]zoneRule, bool) {
	if len(trans) != 2*(last-first+1) {
		return nil, false
	}
	type when struct {
		month   time.Month
		weekday time.Weekday
		clock   string
		nth     int
		last    bool
	}
	var rules [2]zoneRule
	var whens [2][]when
	for i, at := range trans {
		b, a := zoneAt(loc, at-1), zoneAt(loc, at)
		wall := time.Unix(at, 0).In(time.FixedZone("", b.offset))
		if wall.Year() != first+i/2 {
			return nil, false
		}
		k := i % 2
		if i < 2 {
			rules[k] = zoneRule{start: wall.Format(localFormat), from: b, to: a}
		} else if rules[k].from != b || rules[k].to != a {
			return nil, false
		}
		daysIn := time.Date(wall.Year(), wall.Month()+1, 0, 0, 0, 0, 0, time.UTC).Day()
		whens[k] = append(whens[k], when{wall.Month(), wall.Weekday(), wall.Format("150405"), (wall.Day()-1)/7 + 1, wall.Day()+7 > daysIn})
	}
	if rules[0].to != rules[1].from || rules[1].to != rules[0].from || rules[0].to.offset == rules[1].to.offset {
		return nil, false
	}
	for k := range rules {
		w0 := whens[k][0]
		sameNth, allLast := w0.nth <= 4, true
		for _, w := range whens[k] {
			if w.month != w0.month || w.weekday != w0.weekday || w.clock != w0.clock {
				return nil, false
			}
			sameNth = sameNth && w.nth == w0.nth
			allLast = allLast && w.last
		}
		day := []string{"SU", "MO", "TU", "WE", "TH", "FR", "SA"}[w0.weekday]
		switch { // the last, where it is also the fourth: the commoner rule
		case allLast:
			day = "-1" + day
		case sameNth:
			day = fmt.Sprint(w0.nth) + day
		default:
			return nil, false
		}
		rules[k].rrule = fmt.Sprintf("FREQ=YEARLY;BYMONTH=%d;BYDAY=%s", w0.month, day)
		rules[k].daylight = daylight(rules[k].to, rules[k].from)
	}
	if rules[0].daylight { // STANDARD first, as London's
		rules[0], rules[1] = rules[1], rules[0]
	}
	return rules[:], true
}

// daylight reports whether zone z is summer time beside zone other: the
// larger offset is, whatever tzdata's flag says.
func daylight(z, other zone) bool {
	if z.offset != other.offset {
		return z.offset > other.offset
	}
	return z.dst
}

// wallBefore is the local time of instant at in zone b's offset.
func wallBefore(at int64, b zone) string {
	return time.Unix(at, 0).In(time.FixedZone("", b.offset)).Format(localFormat)
}

type zone struct {
	name   string
	offset int
	dst    bool
}

func zoneAt(loc *time.Location, sec int64) zone {
	t := time.Unix(sec, 0).In(loc)
	name, off := t.Zone()
	return zone{name, off, t.IsDST()}
}

// Transitions lists the instants (Unix seconds) in (from, to] at which
// loc's offset, abbreviation or summer time changes. It samples every six
// hours and bisects to the second, rather than trust Time.ZoneBounds, which
// loops or goes back in leap years after the tz database's explicit
// transitions (golang/go#81583).
func Transitions(loc *time.Location, from, to int64) []int64 {
	const step = 6 * 60 * 60
	var out []int64
	prev, pz := from, zoneAt(loc, from)
	for prev < to {
		next := min(prev+step, to)
		if z := zoneAt(loc, next); z != pz {
			lo, hi := prev, next // zone(lo) == pz, zone(hi) != pz
			for hi-lo > 1 {
				mid := lo + (hi-lo)/2
				if zoneAt(loc, mid) == pz {
					lo = mid
				} else {
					hi = mid
				}
			}
			out = append(out, hi)
			pz = zoneAt(loc, hi)
			next = hi
		}
		prev = next
	}
	return out
}

// utcOffset is an RFC 5545 UTC-OFFSET: +hhmm, or +hhmmss.
func utcOffset(secs int) string {
	sign := "+"
	if secs < 0 {
		sign, secs = "-", -secs
	}
	s := fmt.Sprintf("%s%02d%02d", sign, secs/3600, secs/60%60)
	if secs%60 != 0 {
		s += fmt.Sprintf("%02d", secs%60)
	}
	return s
}
