package terms

import (
	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
)

// ActionUpdate is one update with the meeting that recorded it.
type ActionUpdate struct {
	Meeting *model.Meeting
	Update  *model.ActionUpdate
}

// ActionState is an action with its history: where it was raised, every
// later update, and where it stands after them.
type ActionState struct {
	Action  *model.Action
	Raised  *model.Meeting
	Updates []ActionUpdate
	// Status is the latest update's status; open when there is none.
	Status string
	// Due is the latest due date set (by the action or an update).
	Due model.Date
}

// Open reports whether the action is still open.
func (a *ActionState) Open() bool { return a.Status == "open" }

// Actions lists the network's actions in the order raised, each with the
// updates recorded at later meetings. Cancelled meetings raise and update
// nothing. Updates of actions that no earlier meeting raised are left out.
// The list is computed once and shared: callers must not change it.
func (nx *Net) Actions() []*ActionState {
	nx.actionsOnce.Do(func() { nx.actions, nx.actionByID = nx.computeActions() })
	return nx.actions
}

// Action is the action id of the network's action log (Actions), or nil
// when no meeting raised one with that id.
func (nx *Net) Action(id string) *ActionState {
	nx.Actions()
	return nx.actionByID[id]
}

func (nx *Net) computeActions() ([]*ActionState, map[string]*ActionState) {
	var out []*ActionState
	byID := map[string]*ActionState{}
	for _, m := range nx.N.MeetingList {
		if m.Status == "cancelled" {
			continue
		}
		for i := range m.ActionUpdates {
			u := &m.ActionUpdates[i]
			a, ok := byID[u.Action.ID]
			if !ok || a.Raised == m || !a.Raised.Date.Before(m.Date.Date) {
				continue
			}
			a.Updates = append(a.Updates, ActionUpdate{Meeting: m, Update: u})
			if u.Status != "" {
				a.Status = u.Status
			}
			if u.Due.Set() {
				a.Due = u.Due
			}
		}
		for i := range m.Actions {
			act := &m.Actions[i]
			if _, dup := byID[act.ID]; dup || act.ID == "" {
				continue
			}
			a := &ActionState{Action: act, Raised: m, Status: "open", Due: act.Due}
			byID[act.ID] = a
			out = append(out, a)
		}
	}
	return out, byID
}

// openOn reports whether AsOf(d) is an action still open, without
// building it.
func (a *ActionState) openOn(d date.Date) bool {
	if a.Raised.Date.After(d) {
		return false
	}
	status := "open"
	for _, u := range a.Updates {
		if u.Meeting.Date.After(d) {
			break // in date order
		}
		if u.Update.Status != "" {
			status = u.Update.Status
		}
	}
	return status == "open"
}

// AsOf is the action as it stood at the end of day d: only the updates
// recorded at meetings on or before d count. It is false for an action
// raised after d.
func (a *ActionState) AsOf(d date.Date) (ActionState, bool) {
	if a.Raised.Date.After(d) {
		return ActionState{}, false
	}
	s := ActionState{Action: a.Action, Raised: a.Raised, Status: "open", Due: a.Action.Due}
	for _, u := range a.Updates {
		if u.Meeting.Date.After(d) {
			break // in date order
		}
		s.Updates = append(s.Updates, u)
		if u.Update.Status != "" {
			s.Status = u.Update.Status
		}
		if u.Update.Due.Set() {
			s.Due = u.Update.Due
		}
	}
	return s, true
}
