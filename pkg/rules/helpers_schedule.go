package rules

import (
	"fmt"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// eachKind calls f with every meeting kind of every network and its
// meetings that are not cancelled, in date order.
func (p *Pass) eachKind(f func(nx *terms.Net, k *model.MeetingKind, ms []*model.Meeting)) {
	for _, nx := range p.Nets {
		for i := range nx.N.Meetings {
			k := &nx.N.Meetings[i]
			var ms []*model.Meeting
			for _, mt := range nx.N.MeetingList {
				if mt.Kind.ID == k.Name && mt.Status != "cancelled" {
					ms = append(ms, mt)
				}
			}
			f(nx, k, ms)
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
