package terms

import (
	"slices"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
)

// ChairsOn lists the member ids who may have chaired a meeting on day d,
// each once: the current members holding a chair office (see ChairOffice)
// that day, in the order of the office holdings; or, when nobody holds one,
// the current members whose name is the post of an ex-officio chair office
// (case and spacing aside). One id is the chair; several are co-chairs, of
// whom the record says which chaired; none, nobody known.
func (nx *Net) ChairsOn(d model.Date) []string {
	if v := nx.TermsOn(d); v != nx {
		return v.ChairsOn(d)
	}
	var out []string
	for _, h := range nx.Holders() {
		if !ChairOffice(h.Office.ID) || !h.CurrentOn(d) || slices.Contains(out, h.Member.ID) {
			continue
		}
		if m, ok := nx.Members[h.Member.ID]; ok && m.CurrentOn(d) {
			out = append(out, h.Member.ID)
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, o := range nx.N.Offices {
		if !ChairOffice(o.Name) || o.Appointment != "ex-officio" || o.Post == "" {
			continue
		}
		for _, m := range nx.CurrentMembers(d) {
			if model.NormEqual(m.Name, o.Post) && !slices.Contains(out, m.ID) {
				out = append(out, m.ID)
			}
		}
	}
	return out
}

// MinutesToApprove is the meeting whose minutes meeting m is to approve:
// the last held meeting of the network before m's day whose minutes no
// other held meeting has approved (a meeting approves the minutes of an
// earlier one by listing its date in approves_minutes, as the minutes and
// the rule minutes-unapproved judge it); nil when every earlier held
// meeting's minutes are approved, or there is none.
func (nx *Net) MinutesToApprove(m *model.Meeting) *model.Meeting {
	approved := map[date.Date]bool{}
	for _, o := range nx.N.MeetingList {
		if o.Status != "held" || o == m {
			continue
		}
		for _, d := range o.ApprovesMinutes {
			if d.Before(o.Date.Date) {
				approved[d.Date] = true
			}
		}
	}
	var last *model.Meeting
	for _, o := range nx.N.MeetingList {
		if o.Status == "held" && o.Date.Before(m.Date.Date) && !approved[o.Date.Date] {
			last = o
		}
	}
	return last
}

// ApprovedBy is the held meeting that approved the minutes of meeting m:
// the first held meeting after m's day to list m's date in
// approves_minutes; nil while none has (the minutes are a draft).
func (nx *Net) ApprovedBy(m *model.Meeting) *model.Meeting {
	nx.approvalsOnce.Do(func() {
		nx.approvedBy = map[date.Date]*model.Meeting{}
		for _, o := range nx.N.MeetingList {
			if o.Status != "held" {
				continue
			}
			for _, d := range o.ApprovesMinutes {
				if _, done := nx.approvedBy[d.Date]; !done && d.Before(o.Date.Date) {
					nx.approvedBy[d.Date] = o
				}
			}
		}
	})
	return nx.approvedBy[m.Date.Date]
}

// OpenActionsAt lists the actions open on meeting m's day, in the order
// raised: raised at a meeting on an earlier day, and neither done nor
// dropped by the latest update recorded at a meeting on or before that day
// (ActionState.AsOf). These are the actions whose progress the meeting
// hears.
func (nx *Net) OpenActionsAt(m *model.Meeting) []ActionState {
	var out []ActionState
	for _, a := range nx.Actions() {
		if !a.Raised.Date.Before(m.Date.Date) {
			continue
		}
		if s, ok := a.AsOf(m.Date.Date); ok && s.Open() {
			out = append(out, s)
		}
	}
	return out
}
