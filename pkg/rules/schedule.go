package rules

import (
	"fmt"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// cadenceGrace is how much later than the cadence a meeting may fall before
// cadence-gap reports it: moving a date off a holiday, or to the set weekday,
// shifts it by up to a week.
const cadenceGrace = 7

func scheduleRules() []*Rule {
	return []*Rule{
		{ID: "cadence-gap", Title: "consecutive meetings further apart than the cadence allows", Severity: diag.Warning,
			Doc:   "Consecutive meetings of a kind with every (planned or held, not cancelled) may be at most the cadence plus a week apart (the week allows for the set weekday and for moving off holidays).",
			Bad:   "# x/network.yaml\nmeetings:\n  ordinary: {every: P1M}\n# x/meetings/2026-09-08.yaml, then x/meetings/2026-11-10.yaml\n",
			Good:  "# x/meetings/2026-09-08.yaml, x/meetings/2026-10-13.yaml, x/meetings/2026-11-10.yaml\n",
			Check: checkCadence},
		{ID: "cadence-count", Title: "fewer meetings than per_year in a 12-month span", Severity: diag.Warning,
			Doc:  "For a kind with per_year, every complete 12-month span that starts at one of its meetings (one that ends on or before the last meeting recorded, or the as-of date) holds at least per_year meetings that are not cancelled. Only the first short span of each kind is reported.",
			Bad:  "# x/network.yaml\nmeetings:\n  ordinary: {per_year: 9}\n# six meetings recorded between 2026-01-13 and 2027-01-12\n",
			Good: "# nine meetings between 2026-01-13 and 2027-01-12\n"},
		{ID: "unscheduled", Title: "no meeting planned within the next cadence period", Severity: diag.Warning,
			Doc:  "Each kind with every (or per_year: 12 months divided by it) has a meeting, planned or held, on a day from the as-of date to one cadence period later. `govctl schedule NETWORK --kind KIND --count N --write` plans them.",
			Bad:  "# x/network.yaml  (as of 2026-11-23, no meeting after it)\nmeetings:\n  ordinary: {every: P1M}\n",
			Good: "# x/meetings/2026-12-08.yaml\ndate: 2026-12-08\nkind: ordinary\nstatus: planned\n"},
		{ID: "non-business-day", Title: "a meeting on a weekend, bank holiday or closure day", Severity: diag.Warning,
			Doc:   "A meeting that is not cancelled falls on a business day: Monday to Friday, not a bank holiday of the repository's holidays calendar, not a closure of govctl.yaml.",
			Bad:   "# x/meetings/2026-12-28.yaml\ndate: 2026-12-28   # Boxing Day (substitute day)\n",
			Good:  "# x/meetings/2026-12-29.yaml\ndate: 2026-12-29\n",
			Check: checkMeetingDays},
		{ID: "papers-late", Title: "papers sent after the notice deadline", Severity: diag.Warning,
			Doc:  "papers_sent is on or before the papers deadline that the kind's notice gives (see the format reference: business days counted back from the meeting, or a calendar period).",
			Bad:  "# x/network.yaml\nmeetings:\n  ordinary: {notice: {business_days: 2}}\n# x/meetings/2026-12-29.yaml\npapers_sent: 2026-12-24   # the deadline was 2026-12-23\n",
			Good: "# x/meetings/2026-12-29.yaml\npapers_sent: 2026-12-23\n"},
		{ID: "papers-overdue", Title: "the notice deadline of a planned meeting has passed with no papers sent", Severity: diag.Warning,
			Doc:  "A planned meeting, not yet past, whose papers deadline is before the as-of date, records papers_sent.",
			Bad:  "# x/meetings/2026-11-25.yaml  (as of 2026-11-24; deadline 2026-11-23)\nstatus: planned\n",
			Good: "# x/meetings/2026-11-25.yaml\nstatus: planned\npapers_sent: 2026-11-23\n"},
	}
}

func checkMeetingDays(p *Pass) {
	late, overdue := ruleNamed(p, "papers-late"), ruleNamed(p, "papers-overdue")
	for _, nx := range p.Nets {
		for _, mt := range nx.N.MeetingList {
			if mt.Status == "cancelled" {
				continue
			}
			d := mt.Date.Date
			if !p.Cal.IsBusinessDay(d) {
				why := d.Weekday().String()
				if name, ok := p.Cal.Holiday(d); ok {
					why = name
				}
				p.Reportf(mt.KeyPos("date"), "the meeting of %s falls on a day that is not a business day (%s)", d.String(), why)
			}
			deadline, ok := terms.PapersDeadline(p.Cal, nx.MeetingKind(mt), d)
			if !ok {
				continue
			}
			if mt.PapersSent.Set() && mt.PapersSent.After(deadline) {
				p.reportAs(late, mt.PapersSent.Pos, "papers were sent on %s, after the deadline of %s", mt.PapersSent.String(), deadlineWords(deadline))
			}
			if mt.Status == "planned" && !mt.PapersSent.Set() && deadline.Before(p.AsOf.Date) && !d.Before(p.AsOf.Date) {
				p.reportAs(overdue, mt.KeyPos("status"), "papers for the meeting of %s were due by %s and none are recorded as sent", d.String(), deadlineWords(deadline))
			}
		}
	}
}

func deadlineWords(d date.Date) string {
	return fmt.Sprintf("%s %s", d.Weekday().String(), d.String())
}

func checkCadence(p *Pass) {
	countRule, unsched := ruleNamed(p, "cadence-count"), ruleNamed(p, "unscheduled")
	for _, nx := range p.Nets {
		for i := range nx.N.Meetings {
			k := &nx.N.Meetings[i]
			var ms []*model.Meeting
			for _, mt := range nx.N.MeetingList {
				if mt.Kind.ID == k.Name && mt.Status != "cancelled" {
					ms = append(ms, mt)
				}
			}
			if k.Every.Set() {
				for j := 1; j < len(ms); j++ {
					limit := ms[j-1].Date.AddPeriod(k.Every.Period).Add(cadenceGrace)
					if ms[j].Date.After(limit) {
						p.Reportf(ms[j].KeyPos("date"), "%d days since the last %s meeting (%s); the cadence is %s", ms[j].Date.Sub(ms[j-1].Date.Date), k.Name, ms[j-1].Date.String(), k.Every.Period.String())
					}
				}
			}
			if k.PerYear > 0 && len(ms) > 0 {
				// A span is judged once it is complete: it ends on or before
				// the later of the last meeting recorded and the as-of date
				// (so a body that stopped meeting is reported too).
				last := ms[len(ms)-1].Date.Date
				if p.AsOf.After(last) {
					last = p.AsOf.Date
				}
				for j, start := range ms {
					end := start.Date.AddDate(1, 0, 0) // the span is [start, end)
					if end.After(last.Add(1)) {
						break
					}
					n := 0
					for _, m2 := range ms[j:] {
						if m2.Date.Before(end) {
							n++
						}
					}
					if n < k.PerYear {
						p.reportAs(countRule, start.KeyPos("date"), "%s in the 12 months from %s; the terms ask for %d %s meetings a year", words.Plural(n, "meeting"), start.Date.String(), k.PerYear, k.Name)
						break
					}
				}
			}
			until, ok := cadenceEnd(k, p.AsOf.Date)
			if !ok {
				continue
			}
			found := false
			for _, mt := range ms {
				if !mt.Date.Before(p.AsOf.Date) && !mt.Date.After(until) {
					found = true
					break
				}
			}
			if !found {
				p.reportAs(unsched, k.At, "no %s meeting is planned between %s and %s; run govctl schedule %s --kind %s --count 1 --write", k.Name, p.AsOf.String(), until.String(), nx.N.ID, k.Name)
			}
		}
	}
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
