package rules

import "github.com/govctl/govctl/pkg/diag"

// BadDate is a date that does not exist, or a malformed date, period or time.
const BadDate ID = "bad-date"

// badDate is reported by the loader (package load), as it reads each file.
var badDate = &Rule{
	ID:       BadDate,
	Title:    "not a real calendar date, or a malformed period or time",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Dates are YYYY-MM-DD and must exist (2026-02-29 does not), in the years
1000 to 9999. Periods are positive ISO 8601 periods (P1M, P6W, PT2H; not
P0M or monthly) of at most a hundred years, within the bounds of their
field: a cadence (every) from P1D to P5Y, a notice period at most P1Y, a
term of office and both in whole days, weeks, months or years (no hours or
minutes), a duration at most PT12H. Times are "HH:MM" from 00:00 to 23:59.
A value out of bounds is not used.
`,
}
