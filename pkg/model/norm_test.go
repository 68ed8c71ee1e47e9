package model

import (
	"math/rand/v2"
	"strings"
	"testing"
)

var normPairs = [][2]string{
	{"Apologies for absence", "apologies  for absence"},
	{"Apologies for absence", "Apologies for absences"},
	{"  Minutes of the last meeting ", "minutes of the LAST meeting"},
	{"Work programme", "Workprogramme"},
	{"Work programme", "Work\tprogramme\n"},
	{"", "   "},
	{"", "a"},
	{"a b", "ab"},
	{"ab", "a b"},
	{"ÉTÉ", "été"},
	{"Straße", "STRASSE"},
	{"a\u00a0b", "a b"},
	{"İstanbul", "i̇stanbul"},
	{"a\xffb", "A\xfeB"},
}

// NormEqual agrees with comparing Norm's results.
func TestNormEqual(t *testing.T) {
	for _, p := range normPairs {
		want := Norm(p[0]) == Norm(p[1])
		if got := NormEqual(p[0], p[1]); got != want {
			t.Errorf("NormEqual(%q, %q) = %v, want %v", p[0], p[1], got, want)
		}
	}
}

func FuzzNormEqual(f *testing.F) {
	for _, p := range normPairs {
		f.Add(p[0], p[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if got, want := NormEqual(a, b), Norm(a) == Norm(b); got != want {
			t.Errorf("NormEqual(%q, %q) = %v, Norm says %v", a, b, got, want)
		}
	})
}

// normBefore is Norm as it was before it had a way for ASCII of its own.
func normBefore(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

func TestNormAsBefore(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	parts := []string{"a", "B", "z", "Z", " ", "  ", "\t", "\n", "\v", "\f", "\r", "1", ".", "é", "\u00a0", "\x85", "\xff"}
	cases := []string{"", " ", "minutes", "Minutes", " minutes", "minutes ", "a  b", "a\tb", "a b"}
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(parts[r.IntN(len(parts))])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		if got, want := Norm(c), normBefore(c); got != want {
			t.Errorf("Norm(%q) = %q, before %q", c, got, want)
		}
	}
}

func FuzzNormAsBefore(f *testing.F) {
	for _, p := range normPairs {
		f.Add(p[0])
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Norm(s), normBefore(s); got != want {
			t.Errorf("Norm(%q) = %q, before %q", s, got, want)
		}
	})
}
