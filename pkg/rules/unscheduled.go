package rules

import (
	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// Unscheduled is a kind of meeting with none planned within its next cadence
// period.
const Unscheduled ID = "unscheduled"

var unscheduled = &Rule{
	ID:       Unscheduled,
	Title:    "no meeting planned within the next cadence period",
	Severity: diag.Warning,
	Doc: `
Each kind with every (or per_year: 12 months divided by it) has a meeting,
planned or held, on a day from the as-of date to one cadence period later.
A period that runs past 31 December 9999, the last date a file may hold, is
not judged.
` + "`govctl schedule NETWORK --kind KIND --count N --write`" + ` plans them.
`,
	Check: func(p *Pass) {
		p.eachKind(func(nx *terms.Net, k *model.MeetingKind, _ []*model.Meeting) {
			if nx.Current().TermsOn(p.AsOf) != nx {
				return // the plan ahead is judged by the terms in force now
			}
			until, ok := cadenceEnd(k, p.AsOf.Date)
			if !ok {
				return
			}
			if until.After(layout.LastDate()) {
				// The period runs past the last date a file may hold: no
				// meeting can be planned in the whole of it.
				return
			}
			for _, mt := range nx.N.MeetingList {
				if mt.Kind.ID == k.Name && mt.Status != "cancelled" && !mt.Date.Before(p.AsOf.Date) && !mt.Date.After(until) {
					return
				}
			}
			p.Reportf(k.At, "no %s meeting is planned between %s and %s; run govctl schedule %s --kind %s --count 1 --write", k.Name, p.AsOf.String(), until.String(), nx.N.ID, k.Name)
		})
	},
}

// cadenceEnd is one cadence period after from: every, counted on the
// calendar (P1M from 23 November is 23 December, P6W is 42 days), or a year
// divided by per_year, in whole days rounded up.
func cadenceEnd(k *model.MeetingKind, from date.Date) (date.Date, bool) {
	switch {
	case k.Every.Set():
		return from.AddPeriod(k.Every.Period), true
	case k.PerYear > 0:
		return from.Add(date.PeriodOfDays((365 + k.PerYear - 1) / k.PerYear)), true
	}
	return date.Date{}, false
}
