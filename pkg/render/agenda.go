package render

import (
	"fmt"
	"strings"
	"time"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Paper is the common head of an agenda or minutes.
type Paper struct {
	Network   string
	NetworkID string
	Kind      string
	Date      string
	ISODate   string
	Time      string
	Venue     string
	Status    string
	// CancelledReason is why a cancelled meeting was cancelled.
	CancelledReason string
}

// AgendaItem is one numbered item.
type AgendaItem struct {
	Title     string
	Presenter string
	Paper     string
	Note      string
	Reason    string
}

// ActionLine is one action in an action log.
type ActionLine struct {
	ID      string
	Text    string
	Owner   string
	Due     string
	Overdue bool
	Raised  string
	Status  string
	Latest  string
}

// WorkLine is one work item in a review.
type WorkLine struct {
	ID, Title, Lead, Status, Due string
	Milestones                   string
}

// AgendaView is everything an agenda shows.
type AgendaView struct {
	Paper
	From           string
	Deadline       string
	DeadlinePassed bool
	PapersSent     string
	Items          []AgendaItem
	Urgent         []AgendaItem
	Actions        []ActionLine
	WorkProgramme  []WorkLine
	ReviewWork     bool
	LastHeld       string
	UrgentPolicy   string
}

// Inputs are what papers are computed from besides the meeting.
type Inputs struct {
	Net      *terms.Net
	Calendar *calendar.Calendar
	Location *time.Location
	// Today is the date the paper is written on (for "deadline passed").
	Today model.Date
}

func head(in Inputs, m *model.Meeting) Paper {
	return Paper{
		Network:   in.Net.N.Name,
		NetworkID: in.Net.N.ID,
		Kind:      words.KindTitle(m.Kind.ID),
		Date:      words.LongDate(m.Date.Date),
		ISODate:   m.Date.String(),
		Time:      words.When(m.Date.Date, in.Net.Start(m), in.Net.Duration(m), in.Location),
		Venue:     in.Net.Venue(m),
		Status:    m.Status,

		CancelledReason: m.CancelledReason,
	}
}

// buildAgenda works out the agenda of meeting m.
func buildAgenda(in Inputs, m *model.Meeting) AgendaView {
	nx := in.Net
	k := nx.MeetingKind(m)
	v := AgendaView{Paper: head(in, m)}
	if k != nil {
		if d, ok := terms.PapersDeadline(in.Calendar, k, m.Date.Date); ok {
			v.Deadline = words.LongDate(d)
			v.DeadlinePassed = d.Before(in.Today.Date) && !m.PapersSent.Set()
		}
		v.From = agendaFrom(nx, k.AgendaBy, m.Date)
		v.ReviewWork = k.ReviewWorkProgramme
		v.UrgentPolicy = k.UrgentItems
	}
	if m.PapersSent.Set() {
		v.PapersSent = words.LongDate(m.PapersSent.Date)
	}
	if sec := nx.N.Secretariat; sec != nil {
		name := nx.OrgName(sec.ID)
		if v.From == "" {
			v.From = name
		} else if !strings.Contains(v.From, name) {
			v.From += ", with the secretariat of " + name
		}
	}
	last := nx.LastHeld(m)
	if last != nil {
		v.LastHeld = words.LongDate(last.Date.Date)
	}

	for _, e := range nx.Agenda(m) {
		ai := AgendaItem{Title: e.Title}
		if it := e.Record; it != nil {
			if it.Presenter != nil {
				ai.Presenter = nx.MemberName(it.Presenter.ID)
			}
			ai.Paper = it.Paper
			ai.Reason = it.UrgentReason
		}
		switch {
		case e.ApprovesMinutesOf != nil:
			ai.Note = "To approve the minutes of the meeting of " + words.LongDate(e.ApprovesMinutesOf.Date.Date) + "."
		case e.WorkProgramme:
			ai.Note = "Progress against the work programme (below)."
		}
		if e.Urgent {
			v.Urgent = append(v.Urgent, ai)
		} else {
			v.Items = append(v.Items, ai)
		}
	}
	v.Actions = openActions(nx, m.Date, m)
	if v.ReviewWork && nx.N.WorkProgramme != nil {
		v.WorkProgramme = workLines(nx)
	}
	return v
}

// agendaFrom resolves agenda_by: an office (the holders' names), an
// organisation, or text.
func agendaFrom(nx *terms.Net, by string, d model.Date) string {
	if by == "" {
		return ""
	}
	if _, ok := nx.Offices[by]; ok {
		if names := nx.HolderNames(by, d); len(names) > 0 {
			return words.List(names) + " (" + strings.ReplaceAll(by, "-", " ") + ")"
		}
		return "The " + strings.ReplaceAll(by, "-", " ")
	}
	if _, ok := nx.Orgs[by]; ok {
		return nx.OrgName(by)
	}
	return by
}

// openActions lists the actions raised before meeting m (on day d) that are
// open as things stood before it, marked overdue when due before d.
func openActions(nx *terms.Net, d model.Date, m *model.Meeting) []ActionLine {
	var out []ActionLine
	for _, a := range nx.Actions() {
		if !a.Raised.Date.Before(d.Date) {
			continue
		}
		status, due, latest := "open", a.Action.Due, ""
		for _, u := range a.Updates {
			if !u.Meeting.Date.Before(d.Date) {
				break
			}
			status = u.Update.Status
			if u.Update.Due.Set() {
				due = u.Update.Due
			}
			latest = u.Update.Note
		}
		if status != "open" {
			continue
		}
		l := ActionLine{ID: a.Action.ID, Text: a.Action.Text, Owner: nx.MemberName(a.Action.Owner.ID), Raised: a.Raised.Date.String(), Status: status, Latest: latest}
		if due.Set() {
			l.Due = due.String()
			l.Overdue = due.Before(d.Date)
		}
		out = append(out, l)
	}
	return out
}

// workLines summarises the work programme.
func workLines(nx *terms.Net) []WorkLine {
	var out []WorkLine
	for _, it := range nx.N.WorkProgramme.Items {
		done := 0
		for _, ms := range it.Milestones {
			if ms.Done.Set() {
				done++
			}
		}
		l := WorkLine{ID: it.ID, Title: it.Title, Status: it.Status}
		if it.Lead != nil {
			l.Lead = nx.LeadName(it.Lead.ID)
		}
		if it.Due.Set() {
			l.Due = it.Due.String()
		}
		if len(it.Milestones) > 0 {
			l.Milestones = fmt.Sprintf("%d of %d", done, len(it.Milestones))
		}
		out = append(out, l)
	}
	return out
}

// Agenda renders the agenda of meeting m.
func Agenda(in Inputs, m *model.Meeting) ([]byte, error) {
	return execute("agenda.md.tmpl", buildAgenda(in, m))
}
