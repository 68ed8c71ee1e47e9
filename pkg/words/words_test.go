package words

import (
	"strings"
	"testing"

	"github.com/rickb777/date"
)

func TestPlural(t *testing.T) {
	for _, tc := range []struct {
		n    int
		want string
	}{{0, "0 meetings"}, {1, "1 meeting"}, {2, "2 meetings"}} {
		if got := Plural(tc.n, "meeting"); got != tc.want {
			t.Errorf("Plural(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

func TestList(t *testing.T) {
	for _, tc := range []struct {
		in   []string
		want string
	}{{nil, ""}, {[]string{"a"}, "a"}, {[]string{"a", "b"}, "a and b"}, {[]string{"a", "b", "c"}, "a, b and c"}} {
		if got := List(tc.in); got != tc.want {
			t.Errorf("List(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got, want := Or(tc.in), strings.ReplaceAll(tc.want, " and ", " or "); got != want {
			t.Errorf("Or(%q) = %q, want %q", tc.in, got, want)
		}
	}
}

func TestLongDate(t *testing.T) {
	if got, want := LongDate(date.New(2026, 12, 8)), "Tuesday 8 December 2026"; got != want {
		t.Errorf("LongDate = %q, want %q", got, want)
	}
}

func TestThousands(t *testing.T) {
	for n, want := range map[int]string{0: "0", 999: "999", 1000: "1,000", 59990: "59,990", 1234567: "1,234,567", -1500: "-1,500"} {
		if got := Thousands(n); got != want {
			t.Errorf("Thousands(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestInPrivate(t *testing.T) {
	for reason, want := range map[string]string{
		"Schedule 12A, paragraph 3":      "taken in private (Schedule 12A, paragraph 3)",
		"  Commercially\n confidential ": "taken in private (Commercially confidential)",
		"":                               "taken in private (no reason recorded)",
	} {
		if got := InPrivate(reason); got != want {
			t.Errorf("InPrivate(%q) = %q, want %q", reason, got, want)
		}
	}
	if got := Private("Staffing"); got != "private (Staffing)" {
		t.Errorf("Private = %q", got)
	}
}
