package suggest

import "testing"

func TestNearest(t *testing.T) {
	known := []string{"chair", "vice-chair", "purpose", "members", "organisation"}
	for in, want := range map[string]string{
		"chiar":        "chair",
		"purpse":       "purpose",
		"Purpose":      "purpose",
		"vice_chair":   "vice-chair",
		"memebrs":      "members",
		"organization": "organisation",
		"treasurer":    "",
		"":             "",
	} {
		if got := Nearest(in, known); got != want {
			t.Errorf("Nearest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		d    int
	}{{"", "", 0}, {"a", "", 1}, {"chair", "chiar", 1}, {"kitten", "sitting", 3}, {"ab", "ba", 1}, {"café", "cafe", 1}} {
		if got := Distance(c.a, c.b); got != c.d {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.d)
		}
	}
}
