package terms

import (
	"fmt"
	"strings"

	"github.com/govctl/govctl/pkg/model"
)

// Venue is where meeting m is held: its own venue, or its kind's, with the
// next organisation in a rotation (counted over the kind's earlier meetings
// that were not cancelled).
func (nx *Net) Venue(m *model.Meeting) string {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Venue(m)
	}
	v := nx.venue(m)
	if v == nil {
		return ""
	}
	if v.Text != "" || len(v.Rotate) == 0 {
		return v.String()
	}
	n := 0
	for _, o := range nx.N.MeetingList {
		if o == m {
			break
		}
		if o.Kind.ID == m.Kind.ID && o.Status != "cancelled" {
			n++
		}
	}
	host := nx.OrgName(v.Rotate[n%len(v.Rotate)].ID)
	if v.Online {
		return fmt.Sprintf("Online, or at the offices of %s (next in the rotation)", host)
	}
	return fmt.Sprintf("The offices of %s (next in the rotation)", host)
}

// HeldVenue is where meeting m met, as its record says: its own venue, or
// its kind's where that names a place. A rotation only predicts where a
// meeting will be, so it says nothing of where one was: "" then, as when no
// venue is given at all.
func (nx *Net) HeldVenue(m *model.Meeting) string {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.HeldVenue(m)
	}
	v := nx.venue(m)
	if v == nil || v.Text == "" && len(v.Rotate) > 0 {
		return ""
	}
	return v.String()
}

// venue is meeting m's venue as given: its own, or its kind's; nil when
// neither gives one.
func (nx *Net) venue(m *model.Meeting) *model.Venue {
	if m.Venue != nil {
		return m.Venue
	}
	if k := nx.MeetingKind(m); k != nil {
		return k.Venue
	}
	return nil
}

// Start is meeting m's start time: its own, or its kind's; not Valid when
// neither is given.
func (nx *Net) Start(m *model.Meeting) model.Clock {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Start(m)
	}
	if m.Start.Valid {
		return m.Start
	}
	if k := nx.MeetingKind(m); k != nil {
		return k.Start
	}
	return model.Clock{}
}

// Duration is how long meeting m lasts: its kind's duration; not Set when
// the kind gives none.
func (nx *Net) Duration(m *model.Meeting) model.Period {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Duration(m)
	}
	if k := nx.MeetingKind(m); k != nil {
		return k.Duration
	}
	return model.Period{}
}

// LastHeld is the last held meeting before meeting m, or nil.
func (nx *Net) LastHeld(m *model.Meeting) *model.Meeting {
	var last *model.Meeting
	for _, o := range nx.N.MeetingList {
		if o.Status == "held" && o.Date.Before(m.Date.Date) {
			last = o
		}
	}
	return last
}

// NextMeeting is the first planned meeting on or after day d, or nil.
func (nx *Net) NextMeeting(d model.Date) *model.Meeting {
	for _, m := range nx.N.MeetingList {
		if m.Status == "planned" && !m.Date.Before(d.Date) {
			return m
		}
	}
	return nil
}

// WorkProgrammeItem reports whether an agenda item of this title reviews
// the work programme: the title, its case, spacing and hyphens set aside,
// speaks of the "work programme" (or "work program").
func WorkProgrammeItem(title string) bool {
	return workProgrammeKey(model.Norm(title))
}

// workProgrammeKey is WorkProgrammeItem of a normalised title.
func workProgrammeKey(key string) bool {
	t := strings.ReplaceAll(key, "-", " ")
	return strings.Contains(t, "work programme") || strings.Contains(t, "work program")
}
