package calendar

import (
	"time"

	"github.com/rickar/cal/v2"
	"github.com/rickar/cal/v2/gb"
	"github.com/rickb777/date"
)

// The rules below start from github.com/rickar/cal/v2/gb, which gets the
// England and Wales standing rules and the 2020, 2022 and 2023 one-offs
// right, and fill its gaps (checked year by year against gov.uk, see
// testdata/bank-holidays.json):
//
//   - gb has no Scotland or Northern Ireland calendar: no 2 January, no
//     St Andrew's Day, no St Patrick's Day, no Battle of the Boyne, and its
//     standard list has Easter Monday, which Scotland does not (gb only
//     offers SummerHolidayScotland on its own).
//   - Scotland's New Year substitutes differ from England's: with 1 January
//     on a Sunday the holidays are 2 and 3 January, not just 2 January.
//   - 2012: gb puts the spring holiday on 28 May; it was moved to 4 June,
//     and 5 June was the Queen's Diamond Jubilee, which gb lacks.
//   - 2022: gb lacks the State Funeral of Queen Elizabeth II (19 September).
//   - gb names the days differently from gov.uk ("Spring Bank Holiday",
//     "VE Day", and with Christmas on a Sunday it calls 26 December
//     "Christmas Day" where gov.uk has Boxing Day on 26 and the Christmas
//     substitute on 27). The dates agree; the names here are gov.uk's.
//
// The pairs Christmas/Boxing Day and (in Scotland) New Year's Day/2 January
// use the observance {Saturday: +2, Sunday: +2} for both days: the second
// day keeps its own date when that is a Monday, and the first day's
// substitute goes after it, which gives gov.uk's dates and names in every
// case (Sat/Sun -> Mon/Tue; Sun/Mon -> Mon keeps the second day, Tue is the
// first day's substitute; Fri/Sat -> Sat moves to Mon).

// regionSet is a set of the three UK regions, as bits.
type regionSet uint8

const (
	inEnglandAndWales regionSet = 1 << iota
	inScotland
	inNorthernIreland

	inAll = inEnglandAndWales | inScotland | inNorthernIreland
)

// rule is one bank holiday, the regions that have it, and how it is
// computed for a year.
type rule struct {
	h       *cal.Holiday
	regions regionSet
}

// gov.uk's titles.
const (
	nameNewYear        = "New Year’s Day"
	name2ndJanuary     = "2nd January"
	nameStPatrick      = "St Patrick’s Day"
	nameGoodFriday     = "Good Friday"
	nameEasterMonday   = "Easter Monday"
	nameEarlyMay       = "Early May bank holiday"
	nameVEDay          = "Early May bank holiday (VE day)"
	nameSpring         = "Spring bank holiday"
	nameDiamondJubilee = "Queen’s Diamond Jubilee"
	namePlatinum       = "Platinum Jubilee bank holiday"
	nameBoyne          = "Battle of the Boyne (Orangemen’s Day)"
	nameSummer         = "Summer bank holiday"
	nameStateFuneral   = "Bank Holiday for the State Funeral of Queen Elizabeth II"
	nameCoronation     = "Bank holiday for the coronation of King Charles III"
	nameStAndrew       = "St Andrew’s Day"
	nameChristmas      = "Christmas Day"
	nameBoxing         = "Boxing Day"

	substituteSuffix = " (substitute day)"
)

// nextMonday moves a Saturday or Sunday holiday to the following Monday.
var nextMonday = []cal.AltDay{
	{Day: time.Saturday, Offset: 2},
	{Day: time.Sunday, Offset: 1},
}

// pairedDays is the observance of both days of a two-day holiday (see the
// comment at the top of this file).
var pairedDays = []cal.AltDay{
	{Day: time.Saturday, Offset: 2},
	{Day: time.Sunday, Offset: 2},
}

// fixed returns a holiday on the same day every year, moved by observed
// when it falls on a weekend.
func fixed(name string, month time.Month, day int, observed []cal.AltDay) *cal.Holiday {
	return &cal.Holiday{
		Name:     name,
		Type:     cal.ObservanceBank,
		Month:    month,
		Day:      day,
		Func:     cal.CalcDayOfMonth,
		Observed: observed,
	}
}

// oneOff returns a holiday of one year only.
func oneOff(name string, year int, month time.Month, day int) *cal.Holiday {
	return &cal.Holiday{
		Name:      name,
		Type:      cal.ObservanceBank,
		StartYear: year,
		EndYear:   year,
		Month:     month,
		Day:       day,
		Func:      cal.CalcDayOfMonth,
	}
}

func renamed(h *cal.Holiday, name string) *cal.Holiday {
	return h.Clone(&cal.Holiday{Name: name})
}

// rules is every UK bank holiday rule, in calendar order. It is never
// modified after package initialisation.
var rules = []rule{
	{renamed(gb.NewYear, nameNewYear), inEnglandAndWales | inNorthernIreland},
	{gb.NewYear.Clone(&cal.Holiday{Name: nameNewYear, Observed: pairedDays}), inScotland},
	{fixed(name2ndJanuary, time.January, 2, pairedDays), inScotland},
	{fixed(nameStPatrick, time.March, 17, nextMonday), inNorthernIreland},
	{renamed(gb.GoodFriday, nameGoodFriday), inAll},
	{renamed(gb.EasterMonday, nameEasterMonday), inEnglandAndWales | inNorthernIreland},
	{renamed(gb.EarlyMay, nameEarlyMay), inAll}, // gb: not in 2020
	{renamed(gb.VEDay, nameVEDay), inAll},       // gb: 2020 only
	{renamed(gb.CoronationDay, nameCoronation), inAll},
	{gb.SpringHoliday.Clone(&cal.Holiday{Name: nameSpring, Except: []int{2012, 2022}}), inAll},
	{oneOff(nameSpring, 2012, time.June, 4), inAll},
	{oneOff(nameDiamondJubilee, 2012, time.June, 5), inAll},
	{renamed(gb.SpringHoliday2022, nameSpring), inAll},
	{renamed(gb.PlatinumJubilee, namePlatinum), inAll},
	{fixed(nameBoyne, time.July, 12, nextMonday), inNorthernIreland},
	{renamed(gb.SummerHolidayScotland, nameSummer), inScotland},
	{renamed(gb.SummerHoliday, nameSummer), inEnglandAndWales | inNorthernIreland},
	{oneOff(nameStateFuneral, 2022, time.September, 19), inAll},
	{fixed(nameStAndrew, time.November, 30, nextMonday), inScotland},
	{gb.ChristmasDay.Clone(&cal.Holiday{Name: nameChristmas, Observed: pairedDays}), inAll},
	{gb.BoxingDay.Clone(&cal.Holiday{Name: nameBoxing, Observed: pairedDays}), inAll},
}

// regionRules maps each region name to the regions bit of its rules; none
// has no bit and so no rules.
var regionRules = map[string]regionSet{
	EnglandAndWales: inEnglandAndWales,
	Scotland:        inScotland,
	NorthernIreland: inNorthernIreland,
	NoHolidays:      0,
}

// bankHolidays computes the bank holidays of one year for the regions in
// set. Substitute days are named "<holiday> (substitute day)". A rule whose
// date would fall outside year (possible only for years far outside the
// Gregorian era, where the Easter computation degenerates) is dropped, so
// that every date returned lies in year.
func bankHolidays(set regionSet, year int) map[date.Date]string {
	days := make(map[date.Date]string, 12)
	if set == 0 {
		return days
	}
	for _, r := range rules {
		if r.regions&set == 0 {
			continue
		}
		actual, observed := r.h.Calc(year)
		if observed.IsZero() {
			continue
		}
		y, m, d := observed.Date()
		if y != year {
			continue
		}
		day := date.New(y, m, d)
		if day.Year() != year { // wrapped around the range of date.Date
			continue
		}
		name := r.h.Name
		if !actual.Equal(observed) {
			name += substituteSuffix
		}
		if prev, dup := days[day]; dup {
			// The standing rules never give two holidays one date (see
			// TestNoTwoHolidaysOnOneDate); should they, keep both names.
			name = prev + "; " + name
		}
		days[day] = name
	}
	return days
}
