package terms

import (
	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/model"
)

// PapersDeadline is the last day papers for a meeting of kind k on day d may
// be sent, under the kind's notice; false when the terms set no notice, or
// set it in business days and no calendar is given.
func PapersDeadline(cal *calendar.Calendar, k *model.MeetingKind, d date.Date) (date.Date, bool) {
	if k == nil || k.Notice == nil {
		return date.Date{}, false
	}
	n := k.Notice
	switch {
	case n.BusinessDays != nil:
		if cal == nil {
			return date.Date{}, false
		}
		return cal.DeadlineBusinessDays(d, *n.BusinessDays, n.Clear), true
	case n.Period.Set():
		return calendar.DeadlineCalendar(d, n.Period.Period), true
	}
	return date.Date{}, false
}

// MeetingKind is the kind of meeting m, or nil when the terms lack it.
func (nx *Net) MeetingKind(m *model.Meeting) *model.MeetingKind {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.MeetingKind(m)
	}
	return nx.Kinds[m.Kind.ID]
}
