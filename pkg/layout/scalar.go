package layout

import (
	"fmt"
	"net/url"
	"reflect"
	"regexp"
	"strings"
	"time"
	"unicode"

	"github.com/rickb777/date"

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

// The years a date may be in: those written with four digits, whatever
// govctl works out from a date (a papers deadline a year before it, a
// cadence's next meeting) is written YYYY-MM-DD too. The commands that work
// dates out stop at LastDate.
const (
	FirstYear = 1000
	LastYear  = 9999
)

// FirstDate and LastDate are the first and last dates a file or a command
// may give: 1 January 1000 and 31 December 9999.
func FirstDate() date.Date { return date.New(FirstYear, time.January, 1) }
func LastDate() date.Date  { return date.New(LastYear, time.December, 31) }

// Patterns, in the common subset of ECMA-262 and RE2 regular expressions.
const (
	// A date as the loader reads it: exactly YYYY-MM-DD, a year from
	// FirstYear to LastYear, and a real day of the Gregorian calendar, leap
	// days included, so that the pattern alone is exact where a validator
	// does not assert format "date".
	patDate = `^([1-9][0-9]{3}-(0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])` +
		`|[1-9][0-9]{3}-(0[469]|11)-(0[1-9]|[12][0-9]|30)` +
		`|[1-9][0-9]{3}-02-(0[1-9]|1[0-9]|2[0-8])` +
		`|([1-9][0-9](0[48]|[2468][048]|[13579][26])|([2468][048]|[13579][26])00)-02-29)$`
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
		what:     "a calendar date, YYYY-MM-DD, in the years 1000 to 9999",
		expected: "a date (YYYY-MM-DD)",
		pattern:  patDate, format: "date",
		patternError: "not a real calendar date as YYYY-MM-DD, in the years 1000 to 9999"},
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

// ordinals are the words of an "on" value's ordinal: 1 to 4, or -1 for the
// last.
var ordinals = map[string]int{"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "last": -1}

// ParseOn reads a kind of meeting's "on" ("second Tuesday", "last
// Friday", "first Mondays"): the nth weekday of a month, n from 1 to 4,
// or -1 for the last. The loader reports a value it refuses, and the
// scheduler reads it the same way.
func ParseOn(s string) (n int, weekday time.Weekday, err error) {
	f := strings.Fields(strings.ToLower(s))
	if len(f) != 2 {
		return 0, 0, fmt.Errorf("%q: expected an ordinal and a weekday, as in \"second Tuesday\"", s)
	}
	n, ok := ordinals[f[0]]
	if !ok {
		return 0, 0, fmt.Errorf("%q: %q is not first, second, third, fourth or last", s, f[0])
	}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		if name := strings.ToLower(wd.String()); name == f[1] || name == strings.TrimSuffix(f[1], "s") {
			return n, wd, nil
		}
	}
	return 0, 0, fmt.Errorf("%q: %q is not a weekday", s, f[1])
}

// CheckText checks text of the form a field's govctl:"format=NAME" names
// (model.Tag.Format): nil when it is of that form, or says why not. An
// unknown name is a mistake in package model.
func CheckText(format, s string) error {
	switch format {
	case "weekday-of-month":
		_, _, err := ParseOn(s)
		return err
	case "https-url":
		return CheckHTTPS(s)
	case "https-base":
		if err := CheckHTTPS(s); err != nil {
			return err
		}
		if strings.ContainsAny(s, "?#") {
			return fmt.Errorf("%q: expected the address of a folder, without ? or #: the papers' paths are added to it", s)
		}
		return nil
	case "age-file":
		if !reAgeFile.MatchString(s) {
			return fmt.Errorf("%q: expected the path of an age-encrypted file in the repository, relative to it, ending .age (such as contacts.yaml.age)", s)
		}
		return nil
	}
	panic(fmt.Sprintf("layout: no text format %q", format))
}

// TextPattern is a regular expression (in the common subset of ECMA-262 and
// RE2) for text of the form format names (see CheckText), for the schemas:
// "on" as ParseOn reads it, in any case, spaces being those of Go's \s.
func TextPattern(format string) string {
	switch format {
	case "weekday-of-month":
		anyCase := func(words []string) string {
			var alts []string
			for _, w := range words {
				var b strings.Builder
				for _, r := range w {
					if u := unicode.ToUpper(r); u != r {
						b.WriteString("[" + string(u) + string(r) + "]")
					} else {
						b.WriteRune(r)
					}
				}
				alts = append(alts, b.String())
			}
			return "(" + strings.Join(alts, "|") + ")"
		}
		var days []string
		for wd := time.Sunday; wd <= time.Saturday; wd++ {
			days = append(days, strings.ToLower(wd.String()))
		}
		ws := `[\t\n\f\r ]`
		return "^" + ws + "*" + anyCase([]string{"first", "1st", "second", "2nd", "third", "3rd", "fourth", "4th", "last"}) +
			ws + "+" + anyCase(days) + "[Ss]?" + ws + "*$"
	case "https-url":
		return httpsPattern
	case "https-base":
		return httpsBasePattern
	case "age-file":
		return reAgeFile.String()
	}
	panic(fmt.Sprintf("layout: no text format %q", format))
}

// reAgeFile is a relative path in the repository to an age file: parts of
// letters, digits, '.', '_' and '-' not beginning with '.', ending .age.
var reAgeFile = regexp.MustCompile(`^([A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\.age$`)

// httpsPattern is CheckHTTPS's form as a pattern (the schemas): https://,
// a host without credentials, and no spaces.
const httpsPattern = `^https://[A-Za-z0-9.:\[\]-]+([/?#][^\x00-\x20\x7f]*)?$`

var reHTTPS = regexp.MustCompile(httpsPattern)

// httpsBasePattern is an https address without a query or fragment.
const httpsBasePattern = `^https://[A-Za-z0-9.:\[\]-]+(/[^\x00-\x20\x7f?#]*)?$`

// CheckHTTPS checks a web address a record gives (pages_url, a meeting's
// online and recording links): https, a host, no credentials, no spaces or
// control characters, at most 2000 characters.
func CheckHTTPS(s string) error {
	if len(s) > 2000 {
		return fmt.Errorf("a web address of %d characters: expected at most 2000", len(s))
	}
	u, err := url.Parse(s)
	if err != nil || !reHTTPS.MatchString(s) || u.Scheme != "https" || u.Host == "" || u.User != nil {
		return fmt.Errorf("%q: expected a web address beginning https:// and a host name, without spaces (such as https://example.org/meetings)", s)
	}
	return nil
}
