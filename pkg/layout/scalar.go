package layout

import (
	"reflect"

	"github.com/govctl/govctl/pkg/model"
)

// Scalar is one of the special types of the format: a model type read from
// a single YAML scalar (Range and Venue also from a mapping), or an id. The
// loader parses each in its own way, the schema generator writes each as a
// shared definition, and the formatter leaves the inside of each alone.
type Scalar int

// The special types. NotScalar is every other type.
const (
	NotScalar Scalar = iota
	Date
	Period
	Clock
	Fraction
	Ref
	Range
	Venue
	// ID is a string field tagged as an id (model.Tag.IsID): ScalarOf never
	// returns it, as its Go type is string.
	ID
)

type scalarInfo struct {
	name         string
	typ          reflect.Type
	what         string
	expected     string
	pattern      string
	patternError string
	format       string
	keys         []string
}

// Patterns, in the common subset of ECMA-262 and RE2 regular expressions.
const (
	// A date as the loader reads it: exactly YYYY-MM-DD and a real day of
	// the Gregorian calendar, leap days included, so that the pattern alone
	// is exact where a validator does not assert format "date".
	patDate = `^([0-9]{4}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])` +
		`|[0-9]{4}-(0[469]|11)-(0[1-9]|[12][0-9]|30)` +
		`|[0-9]{4}-02-(0[1-9]|1[0-9]|2[0-8])` +
		`|([0-9]{2}(0[48]|[2468][048]|[13579][26])|([02468][048]|[13579][26])00)-02-29)$`
	// An ISO 8601 period of whole years, months, weeks, days, hours and
	// minutes, its parts in order.
	patPeriod = `^P([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T([0-9]+H)?([0-9]+M)?)?$`
	patClock  = `^([01][0-9]|2[0-3]):[0-5][0-9]$`
	// N/D, each from 1 to 1000, with optional spaces (as Go's \s) about the /.
	patFraction = `^0*([1-9][0-9]{0,2}|1000)[\t\n\f\r ]*/[\t\n\f\r ]*0*([1-9][0-9]{0,2}|1000)$`
	// What IsID accepts.
	patID = `^[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?$`
)

// scalars is the registry of special types, indexed by Scalar.
var scalars = [...]scalarInfo{
	NotScalar: {},
	Date: {name: "Date", typ: reflect.TypeFor[model.Date](),
		what:     "a calendar date, YYYY-MM-DD",
		expected: "a date (YYYY-MM-DD)",
		pattern:  patDate, format: "date",
		patternError: "not a real calendar date as YYYY-MM-DD"},
	Period: {name: "Period", typ: reflect.TypeFor[model.Period](),
		what:         "a positive ISO 8601 period: P1M, P6W, P2Y, PT2H, PT45M",
		expected:     "an ISO 8601 period (P1M, P6W, PT2H)",
		pattern:      patPeriod,
		patternError: "not an ISO 8601 period of whole years, months, weeks, days, hours or minutes: expected something like P1M, P6W, P2Y, PT2H"},
	Clock: {name: "Clock", typ: reflect.TypeFor[model.Clock](),
		what:         `a local time of day, "HH:MM" from 00:00 to 23:59 (quote it)`,
		expected:     `a time ("HH:MM")`,
		pattern:      patClock,
		patternError: `not a time: expected "HH:MM" from 00:00 to 23:59, as in "09:30"`},
	Fraction: {name: "Fraction", typ: reflect.TypeFor[model.Fraction](),
		what:         "a share between 0 and 1 written N/D: 1/2, 2/3",
		expected:     `a fraction ("1/2")`,
		pattern:      patFraction,
		patternError: "expected a fraction such as 1/2 or 2/3"},
	Ref: {name: "Ref", typ: reflect.TypeFor[model.Ref](),
		what:     "an id (or title) of something defined elsewhere",
		expected: "an id"},
	Range: {name: "Range", typ: reflect.TypeFor[model.Range](),
		what: "a number, or {min, max}",
		keys: []string{"min", "max"}},
	Venue: {name: "Venue", typ: reflect.TypeFor[model.Venue](),
		what: "text, or {online, rotate, place}",
		keys: []string{"online", "rotate", "place"}},
	ID: {name: "ID", typ: reflect.TypeFor[string](),
		what:         "an id: letters, digits, '-', '_' and '.', starting and ending with a letter or digit",
		pattern:      patID,
		patternError: "not a valid id: use letters, digits, '-', '_' and '.', starting and ending with a letter or digit"},
}

// Scalars lists the special types.
func Scalars() []Scalar {
	out := make([]Scalar, 0, len(scalars)-1)
	for i := range scalars {
		if Scalar(i) != NotScalar {
			out = append(out, Scalar(i))
		}
	}
	return out
}

// ScalarOf returns the special type that t is, or NotScalar.
func ScalarOf(t reflect.Type) Scalar {
	if t.Kind() != reflect.Struct {
		return NotScalar
	}
	for i := range scalars {
		if scalars[i].typ == t {
			return Scalar(i)
		}
	}
	return NotScalar
}

// Name names the type: "Date". The schemas define it under this name.
func (s Scalar) Name() string { return scalars[s].name }

// Type is the model type (string for ID).
func (s Scalar) Type() reflect.Type { return scalars[s].typ }

// What says what a value is, with examples: "a calendar date, YYYY-MM-DD".
func (s Scalar) What() string { return scalars[s].what }

// Expected is what the loader says it expected where a scalar of this type
// is not: "a date (YYYY-MM-DD)". It is "" for the types the loader reads
// also from a mapping (Range, Venue) and for ID, read as text.
func (s Scalar) Expected() string { return scalars[s].expected }

// Pattern is a regular expression (in the common subset of ECMA-262 and
// RE2) that the text of a value matches; "" when the text is free.
func (s Scalar) Pattern() string { return scalars[s].pattern }

// PatternError says what is wrong with text that does not match Pattern.
func (s Scalar) PatternError() string { return scalars[s].patternError }

// Format is the JSON Schema format of the text ("date"), or "".
func (s Scalar) Format() string { return scalars[s].format }

// Keys are the keys of the mapping form, in the order fmt writes them: a
// Range is {min, max}, a Venue {online, rotate, place}. Nil when the type
// is only ever a scalar.
func (s Scalar) Keys() []string { return scalars[s].keys }
