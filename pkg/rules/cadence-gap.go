package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// CadenceGap is two consecutive meetings of a kind further apart than its
// cadence allows.
const CadenceGap ID = "cadence-gap"

// cadenceGrace is how much later than the cadence a meeting may fall before
// cadence-gap reports it: moving a date off a holiday, or to the set weekday,
// shifts it by up to a week.
const cadenceGrace = 7

var cadenceGap = &Rule{
	ID:       CadenceGap,
	Title:    "consecutive meetings further apart than the cadence allows",
	Severity: diag.Warning,
	Doc: `
Consecutive meetings of a kind with every (planned or held, not cancelled) may
be at most the cadence plus a week apart (the week allows for the set weekday
and for moving off holidays).
`,
	Check: func(p *Pass) {
		p.eachKind(func(_ *terms.Net, k *model.MeetingKind, ms []*model.Meeting) {
			if !k.Every.Set() {
				return
			}
			for j := 1; j < len(ms); j++ {
				limit := ms[j-1].Date.AddPeriod(k.Every.Period).Add(cadenceGrace)
				if ms[j].Date.After(limit) {
					p.Reportf(ms[j].KeyPos("date"), "%d days since the last %s meeting (%s); the cadence is %s", ms[j].Date.Sub(ms[j-1].Date.Date), k.Name, ms[j-1].Date.String(), k.Every.Period.String())
				}
			}
		})
	},
}
