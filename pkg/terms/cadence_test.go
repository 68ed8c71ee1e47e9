package terms_test

import (
	"strings"
	"testing"

	"github.com/rickb777/date"
	"github.com/rickb777/date/period"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

func TestClash(t *testing.T) {
	monthly := &model.MeetingKind{Name: "ordinary", Every: model.Period{Period: period.NewYMD(0, 1, 0)}}
	quarterly := &model.MeetingKind{Name: "workshop", PerYear: 4}
	none := &model.MeetingKind{Name: "special"}
	d := func(s string) date.Date { return date.MustParseISO(s) }
	for _, tc := range []struct {
		k    *model.MeetingKind
		a, b string
		want bool
	}{
		{monthly, "2027-01-04", "2027-01-08", true},
		{monthly, "2027-01-08", "2027-01-04", true}, // either order
		{monthly, "2027-01-08", "2027-01-08", true}, // one day twice
		{monthly, "2027-01-08", "2027-01-23", true}, // 15 of 31 days
		{monthly, "2027-01-08", "2027-01-24", false},
		{monthly, "2027-01-08", "2027-02-08", false},
		{quarterly, "2027-01-12", "2027-02-23", true}, // 42 days of 90
		{quarterly, "2027-01-12", "2027-03-12", false},
		{none, "2027-01-12", "2027-01-12", false},
	} {
		if got := terms.Clash(tc.k, d(tc.a), d(tc.b)); got != tc.want {
			t.Errorf("Clash(%s, %s, %s) = %v, want %v", tc.k.Name, tc.a, tc.b, got, tc.want)
		}
	}
}

func TestCadence(t *testing.T) {
	for _, tc := range []struct {
		k    model.MeetingKind
		want string
	}{
		{model.MeetingKind{Every: model.Period{Period: period.NewYMD(0, 0, 42)}}, "P6W"},
		{model.MeetingKind{PerYear: 4}, "P3M"},
		{model.MeetingKind{PerYear: 5}, "P73D"},
		{model.MeetingKind{On: "second Tuesday"}, "P1M"},
	} {
		got, err := terms.Cadence(&tc.k)
		if err != nil || got.String() != tc.want {
			t.Errorf("Cadence(%+v) = %s, %v; want %s", tc.k, got, err, tc.want)
		}
	}
	if _, err := terms.Cadence(&model.MeetingKind{Name: "special"}); err == nil || !strings.Contains(err.Error(), `"special" has no cadence`) {
		t.Errorf("no cadence: err = %v", err)
	}
}
