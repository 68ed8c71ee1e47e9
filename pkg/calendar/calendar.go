package calendar

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date"
)

// Region names as they appear in govctl.yaml `holidays:`.
const (
	EnglandAndWales = "england-and-wales"
	Scotland        = "scotland"
	NorthernIreland = "northern-ireland"
	NoHolidays      = "none"
)

// First and last years whose bank holidays a Calendar computes when it is
// made; other years are computed on demand, by the same rules.
const (
	firstCachedYear = 2012
	lastCachedYear  = 2035
)

// Regions returns the valid region names, in a fixed order.
func Regions() []string {
	return []string{EnglandAndWales, Scotland, NorthernIreland, NoHolidays}
}

// Closure is a day a network declares closed, over and above the bank
// holidays of its region.
type Closure struct {
	Date date.Date
	Name string
}

// Holiday is a day that is not a business day although it may fall on a
// weekday: a bank holiday or a closure.
type Holiday struct {
	Date date.Date
	Name string
}

// defaultClosureName names a closure given without a name.
const defaultClosureName = "Closure"

// Calendar answers which days are business days for one region and one set
// of closures. It is immutable once made by New and safe for concurrent use.
type Calendar struct {
	region string
	set    regionSet
	// cached[y-firstCachedYear] holds the bank holidays of year y.
	cached [lastCachedYear - firstCachedYear + 1]map[date.Date]string
	// closures by date, and sorted by date for listing.
	closures    map[date.Date]string
	closureList []Holiday
}

// New makes the calendar of region (one of Regions) with the given
// closures. A closure without a name is called "Closure"; of two closures on
// one date the first is kept. A closure whose Date is the zero date.Date
// (1 January 1970) is an error, as it almost always means a date left unset.
func New(region string, closures []Closure) (*Calendar, error) {
	set, ok := regionRules[region]
	if !ok {
		return nil, fmt.Errorf("calendar: unknown holidays region %q (valid regions: %s)",
			region, strings.Join(Regions(), ", "))
	}
	c := &Calendar{
		region:   region,
		set:      set,
		closures: make(map[date.Date]string, len(closures)),
	}
	for i, cl := range closures {
		if cl.Date.IsZero() {
			return nil, fmt.Errorf("calendar: closure %d (%q) has no date", i+1, cl.Name)
		}
		if _, dup := c.closures[cl.Date]; dup {
			continue
		}
		name := strings.TrimSpace(cl.Name)
		if name == "" {
			name = defaultClosureName
		}
		c.closures[cl.Date] = name
		c.closureList = append(c.closureList, Holiday{Date: cl.Date, Name: name})
	}
	slices.SortFunc(c.closureList, byDate)
	for y := firstCachedYear; y <= lastCachedYear; y++ {
		c.cached[y-firstCachedYear] = bankHolidays(set, y)
	}
	return c, nil
}

// Region returns the region name the calendar was made with.
func (c *Calendar) Region() string { return c.region }

// bankHolidaysOf returns the bank holidays of year: the cached map for the
// years 2012 to 2035, otherwise a freshly computed one. The result must not
// be modified.
func (c *Calendar) bankHolidaysOf(year int) map[date.Date]string {
	if year >= firstCachedYear && year <= lastCachedYear {
		return c.cached[year-firstCachedYear]
	}
	return bankHolidays(c.set, year)
}

// Holiday reports whether d is a bank holiday of the calendar's region or a
// closure, and its name. A bank holiday's name wins over a closure's on the
// same day. Weekends are not holidays unless a closure falls on one.
func (c *Calendar) Holiday(d date.Date) (name string, ok bool) {
	if name, ok := c.bankHolidaysOf(d.Year())[d]; ok {
		return name, true
	}
	name, ok = c.closures[d]
	return name, ok
}

// IsBusinessDay reports whether d is Monday to Friday, not a bank holiday of
// the calendar's region and not a closure.
func (c *Calendar) IsBusinessDay(d date.Date) bool {
	if isWeekend(d) {
		return false
	}
	_, hol := c.Holiday(d)
	return !hol
}

// Holidays returns the bank holidays and the closures of year, sorted by
// date, each date once (a bank holiday's name winning over a closure's).
// Years outside 2012-2035 are computed by the standing rules.
func (c *Calendar) Holidays(year int) []Holiday {
	bank := c.bankHolidaysOf(year)
	out := make([]Holiday, 0, len(bank)+4)
	for d, name := range bank {
		out = append(out, Holiday{Date: d, Name: name})
	}
	lo, _ := slices.BinarySearchFunc(c.closureList, year, func(h Holiday, y int) int {
		return compareInt(h.Date.Year(), y)
	})
	for _, h := range c.closureList[lo:] {
		if h.Date.Year() != year {
			break
		}
		if _, dup := bank[h.Date]; !dup {
			out = append(out, h)
		}
	}
	slices.SortFunc(out, byDate)
	return out
}

func byDate(a, b Holiday) int {
	return compareInt(int(a.Date.DaysSinceEpoch()), int(b.Date.DaysSinceEpoch()))
}

func compareInt(a, b int) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func isWeekend(d date.Date) bool {
	wd := d.Weekday()
	return wd == time.Saturday || wd == time.Sunday
}
