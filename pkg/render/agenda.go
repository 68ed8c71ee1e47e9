package render

import (
	"fmt"
	"net/url"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/layout"
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
	// Online and Recording are the meeting's joining and recording links,
	// as markdown links ("" when it has none).
	Online    string
	Recording string
	Status    string
	// CancelledReason is why a cancelled meeting was cancelled.
	CancelledReason string
	// Terms names the version of the terms of reference the meeting is
	// judged by when it is not the one now in network.yaml ("" when it is).
	Terms string
	// Restricted marks the restricted edition, with the private business.
	Restricted bool
}

// AgendaItem is one numbered item.
type AgendaItem struct {
	Title     string
	Presenter string
	Paper     string
	// Private marks an item taken in private (itemMark); PaperNote stands
	// for its paper, which a public paper never links.
	Private   string
	PaperNote string
	Note      string
	Reason    string
	// MinutesLink is the minutes to approve, beside the agenda, which go
	// out with the papers.
	MinutesLink string
	// Concerns names the organisations the item concerns; Interests are
	// the interests the members expected have registered in them, a line
	// each, as a prompt for declarations.
	Concerns  string
	Interests []string
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

// OmittedLine is a standing item left off a meeting, and why.
type OmittedLine struct {
	Title, Reason string
}

// DecisionLine is a decision of an earlier meeting brought up for review.
type DecisionLine struct {
	ID, Item, Text, Outcome string
}

// ArisingView is what earlier meetings bring up for review: the actions
// still open, and the decisions and recommendations of the last meeting
// held.
type ArisingView struct {
	Actions         []ActionLine
	From            string // "the meeting of Tuesday 10 November 2026"
	Decisions       []DecisionLine
	Recommendations []string
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
	// AOB is true when the agenda ends with any other business, which is
	// taken after urgent business too.
	AOB     bool
	Omitted []OmittedLine
	Arising *ArisingView
	// Referrals are the referrals from other bodies waiting for the
	// meeting, under the item that takes them.
	Referrals     []ReferralLine
	WorkProgramme []WorkLine
	ReviewWork    bool
	LastHeld      string
	UrgentPolicy  string
}

// Inputs are what papers are computed from besides the meeting.
type Inputs struct {
	Net      *terms.Net
	Calendar *calendar.Calendar
	Location *time.Location
	// Today is the date the paper is written on (for "deadline passed").
	Today model.Date
	// Restricted asks for the restricted edition of an agenda or minutes,
	// for members: the private business shown (the caller puts its text in
	// place in the meetings, private.Apply), each private thing marked.
	// Without it a paper shows no private field.
	Restricted bool
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
		Online:    webLink("join online", m.OnlineLink),
		Recording: webLink("recording", m.Recording),
		Status:    m.Status,

		CancelledReason: m.CancelledReason,
		Terms:           termsVersion(in.Net.TermsOn(m.Date)),
		Restricted:      in.Restricted,
	}
}

// termsVersion says which version of the terms v is, when it is not the
// current one: "the version in force from 1 January 2025 to 30 November
// 2026 (terms/2025-01-01.yaml)".
func termsVersion(v *terms.Net) string {
	if v.IsCurrent() {
		return ""
	}
	s := "the version in force from " + words.LongDate(v.InForce().Date)
	if u := v.Until(); u.Set() {
		s += " to " + words.LongDate(u.Date)
	}
	return s + " (" + path.Join(layout.TermsDir, v.InForce().String()+".yaml") + "), not the current one"
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

	arising := nx.MattersArising(m)
	for _, e := range nx.Agenda(m) {
		ai := AgendaItem{Title: itemTitle(in, e.Title, e.Record)}
		if it := e.Record; it != nil {
			if it.Presenter != nil {
				ai.Presenter = nx.MemberName(it.Presenter.ID)
			}
			ai.Paper, ai.PaperNote = itemPaper(in, it)
			ai.Private = itemMark(in, it)
			ai.Reason = it.UrgentReason
			ai.Concerns, ai.Interests = interestPrompt(nx, m, it)
		}
		switch {
		case e.ApprovesMinutesOf != nil:
			ai.Note = "To approve the minutes of the meeting of " + words.LongDate(e.ApprovesMinutesOf.Date.Date) + "."
			ai.MinutesLink = url.PathEscape(e.ApprovesMinutesOf.File + ".minutes.md")
		case e.MattersArising:
			v.Arising = arisingView(in, m, arising)
			ai.Note = arisingNote(v.Arising)
		case e.WorkProgramme:
			ai.Note = "Progress against the work programme (below)."
		}
		if e.Referrals != nil {
			v.Referrals = referralLines(e.Referrals, paperDepth)
			ai.Note = "To consider what other bodies have referred to this one for an answer (below)."
		}
		if e.Urgent && !e.AOB {
			v.Urgent = append(v.Urgent, ai)
		} else {
			v.Items = append(v.Items, ai)
			v.AOB = e.AOB
		}
	}
	v.Omitted = omittedLines(nx, m)
	if v.ReviewWork && nx.N.WorkProgramme != nil {
		v.WorkProgramme = workLines(nx)
	}
	return v
}

// interestPrompt is what an agenda says against item it of meeting m: the
// organisations it concerns, and the interests registered in them by the
// members expected (terms.Net.ItemInterests), "Name (Organisation):
// interest" each. The register is public: it is shown for a private item
// too.
func interestPrompt(nx *terms.Net, m *model.Meeting, it *model.AgendaItem) (string, []string) {
	if len(it.Concerns) == 0 {
		return "", nil
	}
	var orgs, lines []string
	for _, o := range it.Concerns {
		if name := nx.OrgName(o.ID); !slices.Contains(orgs, name) {
			orgs = append(orgs, name)
		}
	}
	for _, ri := range nx.ItemInterests(m, it) {
		lines = append(lines, memberLine(nx, ri.Member)+": "+ri.Interest.Text)
	}
	return words.List(orgs), lines
}

// omittedLines lists the standing items meeting m leaves off.
func omittedLines(nx *terms.Net, m *model.Meeting) []OmittedLine {
	omitted, _ := nx.Omitted(m)
	var out []OmittedLine
	for _, o := range omitted {
		out = append(out, OmittedLine{Title: o.Title, Reason: o.Entry.Reason})
	}
	return out
}

// arisingView lays out what earlier meetings bring to meeting m.
func arisingView(in Inputs, m *model.Meeting, a terms.MattersArising) *ArisingView {
	nx := in.Net
	if a.Empty() {
		return &ArisingView{}
	}
	v := &ArisingView{Recommendations: a.Recommendations}
	if len(a.From) > 0 {
		noun := "meeting"
		if len(a.From) > 1 {
			noun = "meetings"
		}
		v.From = "the " + noun + " of " + words.LongDate(a.From[0].Date.Date)
	}
	for _, d := range a.Decisions {
		from := meetingOf(a.From, d)
		v.Decisions = append(v.Decisions, DecisionLine{ID: d.ID, Item: itemRef(in, from, d.Item), Text: decisionText(in, from, d), Outcome: d.Outcome})
	}
	for _, s := range a.Actions {
		l := ActionLine{ID: s.Action.ID, Text: actionText(in, s.Action), Owner: nx.MemberName(s.Action.Owner.ID), Raised: s.Raised.Date.String(), Status: s.Status}
		if n := len(s.Updates); n > 0 {
			l.Latest = s.Updates[n-1].Update.Note
		}
		if s.Due.Set() {
			l.Due = s.Due.String()
			l.Overdue = s.Due.Before(m.Date.Date)
		}
		v.Actions = append(v.Actions, l)
	}
	return v
}

// arisingNote says under the matters arising item what comes up.
func arisingNote(v *ArisingView) string {
	var what []string
	if len(v.Actions) > 0 {
		what = append(what, "the actions still open")
	}
	var of []string
	if len(v.Decisions) > 0 {
		of = append(of, "decisions")
	}
	if len(v.Recommendations) > 0 {
		of = append(of, "recommendations")
	}
	if len(of) > 0 {
		what = append(what, "the "+words.List(of)+" of "+v.From)
	}
	if len(what) == 0 {
		return "Nothing is outstanding from earlier meetings."
	}
	return "To review " + words.List(what) + " (below)."
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
	var w Writer
	return w.Agenda(in, m)
}
