package calendar

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rickb777/date"
)

// officialFirst and officialLast bound the years transcribed in
// testdata/bank-holidays.json, from the gov.uk lists.
const (
	officialFirst = 2012
	officialLast  = 2027
)

// govukEvent and govukDivision are the shape of gov.uk/bank-holidays.json.
type govukEvent struct {
	Title   string `json:"title"`
	Date    string `json:"date"`
	Notes   string `json:"notes"`
	Bunting bool   `json:"bunting"`
}

type govukDivision struct {
	Division string       `json:"division"`
	Events   []govukEvent `json:"events"`
}

func loadOfficial(t *testing.T) map[string]govukDivision {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "bank-holidays.json"))
	if err != nil {
		t.Fatal(err)
	}
	var divisions map[string]govukDivision
	if err := json.Unmarshal(raw, &divisions); err != nil {
		t.Fatal(err)
	}
	return divisions
}

// TestOfficialLists checks the calendar against the official lists date by
// date, both ways: every listed date is a holiday of its region, and every
// holiday the calendar gives in 2012-2027 is listed.
func TestOfficialLists(t *testing.T) {
	divisions := loadOfficial(t)
	for _, region := range []string{EnglandAndWales, Scotland, NorthernIreland} {
		t.Run(region, func(t *testing.T) {
			div, ok := divisions[region]
			if !ok || div.Division != region {
				t.Fatalf("testdata has no division %q", region)
			}
			c, err := New(region, nil)
			if err != nil {
				t.Fatal(err)
			}
			listed := make(map[date.Date]govukEvent, len(div.Events))
			perYear := make(map[int]int)
			for _, ev := range div.Events {
				d, err := date.Parse("2006-01-02", ev.Date)
				if err != nil {
					t.Fatalf("bad date in testdata: %v", err)
				}
				if _, dup := listed[d]; dup {
					t.Fatalf("testdata lists %s twice", d)
				}
				listed[d] = ev
				perYear[d.Year()]++

				name, ok := c.Holiday(d)
				if !ok {
					t.Errorf("%s %s (%s): listed, but not a holiday", ev.Date, d.Weekday(), ev.Title)
					continue
				}
				if c.IsBusinessDay(d) {
					t.Errorf("%s (%s): listed, but a business day", ev.Date, ev.Title)
				}
				// gov.uk names substitute days inconsistently (in Scotland
				// with 1 January on a Sunday, 2012 and 2017 call Monday
				// "2nd January" and Tuesday the New Year substitute, 2023
				// the other way round), so names are compared where the
				// day is not a substitute.
				if ev.Notes == "" && name != ev.Title {
					t.Errorf("%s: name %q, want %q", ev.Date, name, ev.Title)
				}
				if ev.Notes == "" && strings.HasSuffix(name, substituteSuffix) {
					t.Errorf("%s: %q is no substitute day", ev.Date, name)
				}
			}
			for y := officialFirst; y <= officialLast; y++ {
				if perYear[y] == 0 {
					t.Errorf("testdata has no holidays in %d", y)
				}
				hs := c.Holidays(y)
				if len(hs) != perYear[y] {
					t.Errorf("%d: calendar has %d holidays, list %d", y, len(hs), perYear[y])
				}
				for _, h := range hs {
					if _, ok := listed[h.Date]; !ok {
						t.Errorf("%s %s (%s): a holiday of the calendar, not in the official list",
							h.Date, h.Date.Weekday(), h.Name)
					}
				}
			}
		})
	}
}

// TestOfficialListsDiffer guards the test data itself: the regions' lists
// must differ where the law differs.
func TestOfficialListsDiffer(t *testing.T) {
	divisions := loadOfficial(t)
	has := func(region, iso string) bool {
		for _, ev := range divisions[region].Events {
			if ev.Date == iso {
				return true
			}
		}
		return false
	}
	cases := []struct {
		iso        string
		ew, sc, ni bool
	}{
		{"2027-03-29", true, false, true},  // Easter Monday: not Scotland
		{"2026-01-02", false, true, false}, // 2nd January: Scotland only
		{"2026-08-03", false, true, false}, // first Monday of August: Scotland
		{"2026-08-31", true, false, true},  // last Monday of August
		{"2025-12-01", false, true, false}, // St Andrew's Day substitute
		{"2026-03-17", false, false, true}, // St Patrick's Day
		{"2026-07-13", false, false, true}, // Boyne substitute
		{"2022-09-19", true, true, true},   // State Funeral
		{"2012-06-05", true, true, true},   // Diamond Jubilee
		{"2012-05-28", false, false, false},
	}
	for _, tc := range cases {
		if has(EnglandAndWales, tc.iso) != tc.ew || has(Scotland, tc.iso) != tc.sc || has(NorthernIreland, tc.iso) != tc.ni {
			t.Errorf("%s: testdata membership (ew, sc, ni) = (%v, %v, %v), want (%v, %v, %v)", tc.iso,
				has(EnglandAndWales, tc.iso), has(Scotland, tc.iso), has(NorthernIreland, tc.iso), tc.ew, tc.sc, tc.ni)
		}
	}
}
