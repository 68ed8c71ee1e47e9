package model

import "testing"

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
