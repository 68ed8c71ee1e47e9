package terms

import (
	"strings"

	"github.com/govctl/govctl/pkg/model"
)

// AgendaEntry is one item of a meeting's agenda as the terms and the record
// give it.
type AgendaEntry struct {
	Title string
	// Record is the record's item of this title, or nil: a standing item
	// the record does not list, or an item the terms add.
	Record *model.AgendaItem
	// Urgent is true for urgent business (kind urgent, or a reason given).
	Urgent bool
	// ApprovesMinutesOf is the held meeting whose minutes the item is to
	// approve, or nil.
	ApprovesMinutesOf *model.Meeting
	// WorkProgramme is true for the review of the work programme added
	// because the kind of meeting requires one and no item is about it.
	WorkProgramme bool
}

// Agenda lists meeting m's agenda in order: the kind's standing items, each
// with the record's item of the same title; an item to approve the minutes
// of the last held meeting when no standing item is about minutes; the
// record's other items, urgent business marked; and a review of the work
// programme when the kind requires one and no item that is not urgent is
// about it. Titles are matched with their case and spacing set aside; of
// two items of one title only the first is listed.
func (nx *Net) Agenda(m *model.Meeting) []AgendaEntry {
	k := nx.MeetingKind(m)
	last := nx.LastHeld(m)
	recordItems := map[string]*model.AgendaItem{}
	for i := range m.Agenda {
		recordItems[model.Norm(m.Agenda[i].Title)] = &m.Agenda[i]
	}
	var out []AgendaEntry
	used := map[string]bool{}
	minutesDone := false
	var standing []string
	if k != nil {
		standing = k.StandingItems
	}
	for _, s := range standing {
		key := model.Norm(s)
		used[key] = true
		e := AgendaEntry{Title: s, Record: recordItems[key]}
		if strings.Contains(key, "minutes") && last != nil {
			e.ApprovesMinutesOf = last
			minutesDone = true
		}
		out = append(out, e)
	}
	if !minutesDone && last != nil {
		const title = "Minutes of the last meeting"
		out = append(out, AgendaEntry{Title: title, ApprovesMinutesOf: last})
		used[model.Norm(title)] = true
	}
	for i := range m.Agenda {
		it := &m.Agenda[i]
		key := model.Norm(it.Title)
		if used[key] {
			continue
		}
		used[key] = true
		out = append(out, AgendaEntry{Title: it.Title, Record: it, Urgent: it.Kind == "urgent" || it.UrgentReason != ""})
	}
	if k != nil && k.ReviewWorkProgramme && !reviewed(out) {
		out = append(out, AgendaEntry{Title: "Review of the work programme", WorkProgramme: true})
	}
	return out
}

// reviewed reports whether an item that is not urgent reviews the work
// programme.
func reviewed(items []AgendaEntry) bool {
	for _, e := range items {
		if !e.Urgent && WorkProgrammeItem(e.Title) {
			return true
		}
	}
	return false
}
