package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

func actionRules() []*Rule {
	return []*Rule{
		{ID: "action-update-unknown", Title: "an update to an action that no earlier meeting raised", Severity: diag.Error,
			Doc:   "action_updates name actions raised (under actions) at an earlier meeting of the same network.",
			Bad:   "# x/meetings/2026-11-17.yaml\naction_updates:\n  - {action: A-99, status: done}   # no meeting raised A-99\n",
			Good:  "# x/meetings/2026-10-20.yaml\nactions:\n  - {id: A-99, text: Circulate the risk register, owner: a}\n# x/meetings/2026-11-17.yaml\naction_updates:\n  - {action: A-99, status: done}\n",
			Check: checkActions},
		{ID: "action-overdue", Title: "an open action past its due date", Severity: diag.Warning,
			Doc:  "An action whose latest status is open (or that has no update) and whose due date (the latest one set) is before the as-of date.",
			Bad:  "# x/meetings/2026-10-20.yaml  (as of 2026-11-23)\nactions:\n  - {id: A-1, text: Circulate the register, owner: a, due: 2026-11-01}\n",
			Good: "# x/meetings/2026-11-17.yaml\naction_updates:\n  - {action: A-1, status: done, note: Circulated on 3 November}\n"},
		{ID: "action-owner-left", Title: "an open action owned by someone no longer a member", Severity: diag.Warning,
			Doc:  "The owner of an open action is a current member on the as-of date; reassign or drop the action when they leave.",
			Bad:  "# x/members.yaml\nmembers:\n  - {id: a, name: Head of IT, until: 2026-09-30}\n# an open action owned by a\n",
			Good: "# x/meetings/2026-11-17.yaml\naction_updates:\n  - {action: A-1, status: dropped, note: Owner left; no longer needed}\n"},
		{ID: "work-item-stale", Title: "a work item with no update for three months", Severity: diag.Warning,
			Doc:   "A work item that is not complete has an update dated within the three months before the as-of date (with no update, the programme's period start stands in).",
			Bad:   "# x/work-programme.yaml  (as of 2026-11-23)\nitems:\n  - {id: wp-1, title: Audit, status: on-track, updates: [{date: 2026-06-01, text: Started}]}\n",
			Good:  "# x/work-programme.yaml\nitems:\n  - {id: wp-1, title: Audit, status: on-track, updates: [{date: 2026-11-10, text: Twelve returns in}]}\n",
			Check: checkWorkProgramme},
		{ID: "milestone-overdue", Title: "a milestone past due and not done", Severity: diag.Warning,
			Doc:  "A milestone whose due date is before the as-of date records when it was done.",
			Bad:  "# x/work-programme.yaml  (as of 2026-11-23)\nmilestones:\n  - {title: Audit survey sent, due: 2026-10-31}\n",
			Good: "# x/work-programme.yaml\nmilestones:\n  - {title: Audit survey sent, due: 2026-10-31, done: 2026-10-28}\n"},
	}
}

func checkActions(p *Pass) {
	overdue, left := ruleNamed(p, "action-overdue"), ruleNamed(p, "action-owner-left")
	for _, nx := range p.Nets {
		raised := map[string]model.Date{}
		for _, mt := range nx.N.MeetingList {
			if mt.Status == "cancelled" {
				continue
			}
			for _, a := range mt.Actions {
				if _, ok := raised[a.ID]; !ok {
					raised[a.ID] = mt.Date
				}
			}
		}
		for _, mt := range nx.N.MeetingList {
			for _, u := range mt.ActionUpdates {
				if d, ok := raised[u.Action.ID]; !ok || !d.Before(mt.Date.Date) {
					p.Reportf(u.Action.Pos, "no meeting of %s before %s raised action %q", nx.N.ID, mt.Date.String(), u.Action.ID)
				}
			}
		}
		for _, a := range nx.Actions() {
			if !a.Open() {
				continue
			}
			if a.Due.Set() && a.Due.Before(p.AsOf.Date) {
				p.reportAs(overdue, a.Action.At, "action %s (owner %s) was due on %s and is still open", a.Action.ID, a.Action.Owner.ID, a.Due.String())
			}
			if m, ok := nx.Members[a.Action.Owner.ID]; ok && !m.CurrentOn(p.AsOf) {
				p.reportAs(left, a.Action.Owner.Pos, "action %s is open and its owner %s is no longer a member", a.Action.ID, m.ID)
			}
		}
	}
}

func checkWorkProgramme(p *Pass) {
	milestone := ruleNamed(p, "milestone-overdue")
	staleBefore := p.AsOf.AddDate(0, -3, 0)
	for _, nx := range p.Nets {
		wp := nx.N.WorkProgramme
		if wp == nil {
			continue
		}
		for _, it := range wp.Items {
			if it.Status != "complete" {
				var last model.Date
				for _, u := range it.Updates {
					if u.Date.After(last.Date) {
						last = u.Date
					}
				}
				what := "was last updated on"
				if !last.Set() && wp.Period != nil {
					last, what = wp.Period.From, "has had no update since the programme's period began on"
				}
				if last.Set() && last.Before(staleBefore) {
					p.Reportf(it.At, "work item %s %s %s, more than three months before %s", it.ID, what, last.String(), p.AsOf.String())
				}
			}
			for _, ms := range it.Milestones {
				if ms.Due.Set() && !ms.Done.Set() && ms.Due.Before(p.AsOf.Date) {
					p.reportAs(milestone, ms.At, "milestone %q of %s was due on %s and is not done", ms.Title, it.ID, ms.Due.String())
				}
			}
		}
	}
}
