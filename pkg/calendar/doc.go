// Package calendar knows the UK business days that govctl counts in: which
// days are bank holidays, which days a network has declared closed, and from
// those the deadline by which a meeting's papers must go out.
//
// # Regions
//
// A network's govctl.yaml names one holiday region under `holidays:`:
//
//   - england-and-wales (EnglandAndWales)
//   - scotland (Scotland)
//   - northern-ireland (NorthernIreland)
//   - none (NoHolidays): no bank holidays at all, only weekends and closures
//
// The bank holidays of the three UK regions are those of the official lists
// at gov.uk/bank-holidays, substitute days and one-off bank holidays included:
// the 2012 Diamond Jubilee (with the spring holiday moved to 4 June), VE Day
// 2020 (the early May holiday moved to Friday 8 May), the 2022 Platinum
// Jubilee (spring holiday on Thursday 2 June, jubilee holiday on Friday
// 3 June), the State Funeral of Queen Elizabeth II (Monday 19 September 2022)
// and the Coronation of King Charles III (Monday 8 May 2023). Scotland has
// 2 January, St Andrew's Day and its summer holiday on the first Monday of
// August, and no Easter Monday; Northern Ireland has St Patrick's Day and the
// Battle of the Boyne. A holiday that falls on a weekend is replaced by a
// substitute day on the next weekday that is not already a holiday, so that
// Christmas on a Saturday gives 27 and 28 December, Christmas on a Sunday
// 26 and 27 December, and 1 January on a Saturday gives Scotland 3 and
// 4 January.
//
// The years 2012 to 2035 are computed when a Calendar is made and are tested
// date by date against the official lists for 2012 to 2027. Any other year is
// computed on demand by the standing rules: the one-off holidays above exist
// only in their own years, and historical one-offs before 2012 (for example
// the royal wedding of 29 April 2011) are not known to this package. A
// one-off bank holiday proclaimed after this package was written needs a
// code change, or can be declared meanwhile as a closure.
//
// # Business days
//
// A business day is Monday to Friday, less the bank holidays of the
// calendar's region and less its closures. Closures are the network's own
// extra non-working days (for example the days between Christmas and New
// Year), given to New.
//
// # Papers deadline
//
// The deadline for a meeting M's papers is set in one of two ways.
//
// By business days, `business_days: N` (DeadlineBusinessDays): count back N
// business days from M, M itself not counted; the Nth is the deadline. With
// M on Tuesday 29 December 2026 and N = 2 in England and Wales, Monday 28th
// and Friday 25th are bank holidays, so Thursday 24th is the first business
// day and Wednesday 23rd, the second, is the deadline.
//
// With `clear: true`, N whole business days must lie between the day the
// papers are sent and M, neither of them counted: the deadline is the
// calendar day before the Nth business day counted back from M. That day may
// itself be a weekend day or a holiday (papers sent on the Sunday before a
// Monday still leave that Monday clear). In the example above the clear
// deadline is Tuesday 22 December.
//
// With N = 0 the deadline is M itself, or with clear the day before M.
//
// By calendar period (DeadlineCalendar): the deadline is M less the period,
// for example P2W or P1M, in calendar days, months and years.
//
// # Limits
//
// Counts of business days are clamped to ±MaxBusinessDays (about 4,000
// years), so that every call returns quickly whatever its input; dates never
// wrap around the ends of the range of date.Date but stop there.
package calendar
