package record

import "testing"

func TestSetTopScalar(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"added after name, above the next key's comment",
			"id: x\nname: X\n\n# why\npurpose: >-\n  folded\n  text\n",
			"id: x\nname: X\n\neffective: 2027-04-01\n# why\npurpose: >-\n  folded\n  text\n"},
		{"replaced, comment kept",
			"id: x\nname: X\neffective: 2026-01-01   # the old one\n",
			"id: x\nname: X\neffective: 2027-04-01   # the old one\n"},
		{"added at the end",
			"id: x\nname: X",
			"id: x\nname: X\neffective: 2027-04-01\n"},
	} {
		got, err := SetTopScalar([]byte(tc.in), "effective", "2027-04-01", "name")
		if err != nil || string(got) != tc.want {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.want)
		}
	}
	if _, err := SetTopScalar([]byte("effective: |\n  x\n"), "effective", "2027-04-01", "name"); err == nil {
		t.Error("a block value was replaced")
	}
}
