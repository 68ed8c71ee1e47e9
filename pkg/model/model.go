// Package model holds govctl's view of a governance repository as plain data:
// organisations, networks with their terms of reference, members, meetings and
// work programmes.
//
// Every value a rule may point at keeps where it was written: structs carry the
// position of their mapping (At) and of each of their keys (Keys), and every
// reference to another thing (a member, an organisation, a network) is a Ref
// with its own position. The loader fills these in; nothing here does I/O.
package model

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rickb777/date"
	"github.com/rickb777/date/period"
)

// Pos is a place in a file: 1-based line and column. The zero Pos means
// "unknown".
type Pos struct {
	File string
	Line int32
	Col  int32
}

// IsZero reports whether the position is unknown.
func (p Pos) IsZero() bool { return p.File == "" && p.Line == 0 }

func (p Pos) String() string {
	if p.Line == 0 {
		return p.File
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Loc is embedded in every struct read from a mapping: the position of the
// mapping itself and of each of its keys.
type Loc struct {
	At Pos
	// Keys are the keys written, in order, with their line and column (in
	// At's file). A slice, not a map: mappings have few keys, and a
	// repository has hundreds of thousands of mappings.
	Keys []KeyAt
}

// KeyAt is where a key was written. The key is kept as a code of its name
// (KeyCode), not the name, so that the positions of a large repository's
// millions of keys hold no pointers for the garbage collector to follow
// (12 bytes instead of 24, and none of it scanned).
//
// A code is a hash of the name at one of four levels, each level its own
// hash. The loader gives each key of a struct the first level at which no
// other key of that struct has the same code (KeyCodes), so two keys whose
// hashes collide are still told apart: at a level where they do not.
type KeyAt struct {
	Key       uint32 // KeyCode(name, level)
	Line, Col int32
}

// keyLevels is how many levels of hash a KeyAt code may be at.
const keyLevels = 4

// KeyCode is the code of a key called name at level (0 to 3): the level in
// the top two bits, and the 30-bit FNV-1a hash of the level and the name
// in the others.
func KeyCode(name string, level int) uint32 {
	h := uint32(2166136261)
	h = (h ^ uint32(level)) * 16777619
	for i := range len(name) {
		h ^= uint32(name[i])
		h *= 16777619
	}
	return uint32(level)<<30 | h&(1<<30-1)
}

// KeyCodes gives the codes that the keys of one struct, called names, are
// kept under: each at the first level where no other name has its code.
// Were some name to share its code with another at every level (four
// independent hashes colliding), it is kept at the last level.
func KeyCodes(names []string) []uint32 {
	codes := make([]uint32, len(names))
	for i, name := range names {
		for level := range keyLevels {
			codes[i] = KeyCode(name, level)
			if !sharesCode(names, i, level, codes[i]) {
				break
			}
		}
	}
	return codes
}

func sharesCode(names []string, i, level int, code uint32) bool {
	for j, other := range names {
		if j != i && other != names[i] && KeyCode(other, level) == code {
			return true
		}
	}
	return false
}

// key finds the position of key, comparing its code at each entry's level.
func (l Loc) key(key string) (KeyAt, bool) {
	var codes [keyLevels]uint32 // by level, worked out when first needed
	var have uint8
	for _, k := range l.Keys {
		level := k.Key >> 30
		if have&(1<<level) == 0 {
			codes[level] = KeyCode(key, int(level))
			have |= 1 << level
		}
		if k.Key == codes[level] {
			return k, true
		}
	}
	return KeyAt{}, false
}

// KeyPos is the position of key if it was written, else of the mapping.
func (l Loc) KeyPos(key string) Pos {
	if k, ok := l.key(key); ok {
		return Pos{File: l.At.File, Line: k.Line, Col: k.Col}
	}
	return l.At
}

// Has reports whether key was written.
func (l Loc) Has(key string) bool {
	_, ok := l.key(key)
	return ok
}

// Ref is a reference by id to another thing, with where it was written.
type Ref struct {
	ID  string
	Pos Pos
}

func (r Ref) String() string { return r.ID }

// IDs returns the ids of refs.
func IDs(refs []Ref) []string {
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = r.ID
	}
	return out
}

// Date is a calendar date with where it was written. The zero Date means
// "not given".
type Date struct {
	date.Date
	Pos Pos
}

// Set reports whether the date was given.
func (d Date) Set() bool { return !d.Date.IsZero() }

// Period is an ISO 8601 period with where it was written.
type Period struct {
	period.Period
	Pos Pos
}

// Set reports whether the period was given.
func (p Period) Set() bool { return !p.Period.IsZero() }

// Clock is a local time of day, minutes since midnight, with where it was
// written. Valid is false when not given.
type Clock struct {
	Minutes int
	Valid   bool
	Pos     Pos
}

func (c Clock) String() string {
	if !c.Valid {
		return ""
	}
	return fmt.Sprintf("%02d:%02d", c.Minutes/60, c.Minutes%60)
}

// Range is a count written either as a number or as {min, max}. Max 0 with
// HasMax false means no upper bound.
type Range struct {
	Min    int
	Max    int
	HasMax bool
	Pos    Pos
}

// Allows reports whether n lies within the range.
func (r Range) Allows(n int) bool {
	return n >= r.Min && (!r.HasMax || n <= r.Max)
}

func (r Range) String() string {
	switch {
	case r.HasMax && r.Min == r.Max:
		return fmt.Sprint(r.Min)
	case r.HasMax:
		return fmt.Sprintf("%d to %d", r.Min, r.Max)
	default:
		return fmt.Sprintf("at least %d", r.Min)
	}
}

// Fraction is a share written as "N/D".
type Fraction struct {
	Num, Den int
	Pos      Pos
}

// Set reports whether the fraction was given.
func (f Fraction) Set() bool { return f.Den != 0 }

// Of returns the smallest whole number that is at least the fraction of n.
func (f Fraction) Of(n int) int {
	if f.Den == 0 {
		return 0
	}
	return (f.Num*n + f.Den - 1) / f.Den
}

func (f Fraction) String() string { return fmt.Sprintf("%d/%d", f.Num, f.Den) }

// Norm normalises a title for comparison: trimmed, lower case, single spaces.
func Norm(s string) string {
	// Titles are mostly ASCII: one pass, no copy of a title already
	// normal, one copy of another; the rest by the general way.
	normal := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= utf8.RuneSelf:
			return strings.ToLower(strings.Join(strings.Fields(s), " "))
		case 'A' <= c && c <= 'Z', asciiSpace(c) && (c != ' ' || i == 0 || i == len(s)-1 || s[i-1] == ' '):
			normal = false
		}
	}
	if normal {
		return s
	}
	b := make([]byte, 0, len(s))
	space := false // a space is owed before the next word
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSpace(c) {
			space = len(b) > 0
			continue
		}
		if space {
			b = append(b, ' ')
			space = false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return string(b)
}

// asciiSpace is the white space strings.Fields splits ASCII text on.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// NormEqual reports whether Norm(a) == Norm(b), without building either:
// the rules compare every agenda item of every meeting this way.
func NormEqual(a, b string) bool {
	for {
		a = strings.TrimLeftFunc(a, unicode.IsSpace)
		b = strings.TrimLeftFunc(b, unicode.IsSpace)
		if a == "" || b == "" {
			return a == b
		}
		// One word of each.
		for a != "" && b != "" {
			ra, na := utf8.DecodeRuneInString(a)
			rb, nb := utf8.DecodeRuneInString(b)
			sa, sb := unicode.IsSpace(ra), unicode.IsSpace(rb)
			if sa || sb {
				if sa != sb {
					return false
				}
				break
			}
			if ra != rb && unicode.ToLower(ra) != unicode.ToLower(rb) {
				return false
			}
			a, b = a[na:], b[nb:]
		}
	}
}
