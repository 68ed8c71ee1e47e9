package terms

import (
	"fmt"

	"github.com/rickb777/date"
	"github.com/rickb777/date/period"

	"github.com/govctl/govctl/pkg/model"
)

// Cadence is the time between two meetings of kind k: its every, or twelve
// months divided by per_year (days where twelve does not divide), or a
// month for a kind given only "on". It is an error for a kind with none of
// these.
func Cadence(k *model.MeetingKind) (period.Period, error) {
	if k.Every.Set() {
		return k.Every.Period, nil
	}
	switch {
	case k.PerYear > 0 && 12%k.PerYear == 0:
		return period.NewYMD(0, 12/k.PerYear, 0), nil
	case k.PerYear > 0:
		return period.NewYMD(0, 0, (365+k.PerYear-1)/k.PerYear), nil
	case k.On != "":
		return period.NewYMD(0, 1, 0), nil
	}
	return period.Period{}, fmt.Errorf("meeting kind %q has no cadence (every, on or per_year)", k.Name)
}

// Clash reports whether meetings of kind k on a and b are closer together
// than half the kind's cadence: two meetings in one cadence period. A kind
// with no cadence never clashes.
func Clash(k *model.MeetingKind, a, b date.Date) bool {
	every, err := Cadence(k)
	if err != nil {
		return false
	}
	if b.Before(a) {
		a, b = b, a
	}
	span := int(a.AddPeriod(every).Sub(a))
	return span > 0 && 2*int(b.Sub(a)) < span
}
