package rules

import (
	"fmt"
	"slices"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// eachKind calls f with every meeting kind of every network and its
// meetings that are not cancelled, in date order. A network with a meeting
// of a kind it does not define (misspelt, or missing) is left out: that
// meeting's kind cannot be told, so the cadence of none is judged, and the
// typo is reported once, as unknown-meeting-kind or missing-field, not again
// as the gap it seems to leave.
func (p *Pass) eachKind(f func(nx *terms.Net, k *model.MeetingKind, ms []*model.Meeting)) {
	for _, nx := range p.Nets {
		if slices.ContainsFunc(nx.N.MeetingList, func(mt *model.Meeting) bool { return nx.MeetingKind(mt) == nil }) {
			continue
		}
		// Each version of the terms judges the meetings in force under it.
		for _, v := range nx.Versions() {
			for i := range v.N.Meetings {
				k := &v.N.Meetings[i]
				var ms []*model.Meeting
				for _, mt := range nx.N.MeetingList {
					if mt.Kind.ID == k.Name && mt.Status != "cancelled" && nx.TermsOn(mt.Date) == v {
						ms = append(ms, mt)
					}
				}
				f(v, k, ms)
			}
		}
	}
}

// eachPapersDeadline calls f with every meeting that is not cancelled and
// whose kind sets a notice, if want(mt) holds, with its papers deadline.
func (p *Pass) eachPapersDeadline(want func(mt *model.Meeting) bool, f func(mt *model.Meeting, deadline date.Date)) {
	for _, nx := range p.Nets {
		for _, mt := range nx.N.MeetingList {
			if mt.Status == "cancelled" || !want(mt) {
				continue
			}
			if deadline, ok := terms.PapersDeadline(p.Cal, nx.MeetingKind(mt), mt.Date.Date); ok {
				f(mt, deadline)
			}
		}
	}
}

// deadlineWords is a deadline as messages give it: "Wednesday 2026-12-23".
func deadlineWords(d date.Date) string {
	return fmt.Sprintf("%s %s", d.Weekday().String(), d.String())
}
