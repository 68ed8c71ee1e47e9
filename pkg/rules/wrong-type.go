package rules

import "github.com/govctl/govctl/pkg/diag"

// WrongType is a value of the wrong kind, not an allowed word, or a bad id.
const WrongType ID = "wrong-type"

// wrongType is reported by the loader (package load), as it reads each file.
var wrongType = &Rule{
	ID:       WrongType,
	Title:    "a value of the wrong kind",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A value is of the wrong kind (a list where text is expected, text where a
number is expected), not one of the allowed words (status: planned, held or
cancelled), or an id with characters an id may not hold, or a kind of
meeting's on that is not first, second, third, fourth or last and a
weekday (as schedule reads it: "second Tuesday"). A number beyond
what govctl can use is one too: per_year above 365, notice business_days
above 260 (about a year), an established year outside 1000 to 9999; the
value is not used.
`,
}
