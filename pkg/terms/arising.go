package terms

import (
	"github.com/govctl/govctl/pkg/model"
)

// MattersArising is what earlier meetings bring to a meeting's agenda for
// review: "decisions, recommendations and outstanding actions from previous
// meeting(s)", as the terms of the London Councils networks put it.
type MattersArising struct {
	// From are the held meetings whose decisions and recommendations come
	// up: those of the last day a meeting was held before this one (one
	// meeting, or two held that day), in the order of the record. Each
	// held meeting's are reviewed at the next meeting after it, held or
	// planned, up to and including the next one held; a meeting cancelled
	// or not yet held in between passes them on.
	From []*model.Meeting
	// Decisions and Recommendations are theirs, in order.
	Decisions       []*model.Decision
	Recommendations []string
	// Actions are the actions raised at earlier meetings and still open as
	// things stood the day before this one, each as it stood then (its
	// latest due date and updates), in the order raised.
	Actions []ActionState
}

// Empty reports whether nothing comes up.
func (a MattersArising) Empty() bool {
	return len(a.Decisions) == 0 && len(a.Recommendations) == 0 && len(a.Actions) == 0
}

// MattersArising is what earlier meetings bring to meeting m's agenda (see
// the type). A body's first meeting has none.
func (nx *Net) MattersArising(m *model.Meeting) MattersArising {
	var out MattersArising
	out.From = nx.lastHeldDay(m)
	for _, o := range out.From {
		for i := range o.Decisions {
			out.Decisions = append(out.Decisions, &o.Decisions[i])
		}
		out.Recommendations = append(out.Recommendations, o.Recommendations...)
	}
	eve := m.Date.Add(-1)
	for _, a := range nx.Actions() {
		if s, ok := a.AsOf(eve); ok && s.Open() {
			out.Actions = append(out.Actions, s)
		}
	}
	return out
}

// hasMattersArising reports whether MattersArising(m) is not empty, without
// building it; last is nx.LastHeld(m).
func (nx *Net) hasMattersArising(m, last *model.Meeting) bool {
	if last != nil {
		for _, o := range nx.N.MeetingList {
			if o.Status == "held" && o.Date.Equal(last.Date.Date) && (len(o.Decisions) > 0 || len(o.Recommendations) > 0) {
				return true
			}
		}
	}
	eve := m.Date.Add(-1)
	for _, a := range nx.Actions() {
		if a.openOn(eve) {
			return true
		}
	}
	return false
}

// lastHeldDay lists the held meetings of the last day before meeting m's on
// which one was held.
func (nx *Net) lastHeldDay(m *model.Meeting) []*model.Meeting {
	last := nx.LastHeld(m)
	if last == nil {
		return nil
	}
	var out []*model.Meeting
	for _, o := range nx.N.MeetingList {
		if o.Status == "held" && o.Date.Equal(last.Date.Date) {
			out = append(out, o)
		}
	}
	return out
}
