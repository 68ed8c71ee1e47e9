package render

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/register"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Person is an attendee.
type Person struct {
	Name string
	Org  string
	For  string // for a substitute or stand-in: whom they stood in for
	// NotCounted is, for a stand-in who does not count as a substitute,
	// why not.
	NotCounted string
}

// DecisionView is a decision with its votes and the outcome the terms give.
type DecisionView struct {
	ID, Item, Text, Outcome string
	Votes                   string
	Under                   string
	// Referral says where a referred decision went and how it was
	// answered, or which referral an answer answers (markdown, escaped,
	// with links to the other body's pages).
	Referral []string
	// Withdrew says who withdrew for the decision's item, and with how
	// many present it was taken.
	Withdrew string
	Problems []string
}

// UpdateView is an update to an earlier action.
type UpdateView struct {
	Action, Text, Status, Note, Due string
}

// MinutesItem is one item of business and what was minuted under it.
type MinutesItem struct {
	Title, Presenter, Paper string
	// Private marks an item taken in private; PaperNote stands for its
	// paper (itemPaper).
	Private, PaperNote string
	Urgent             bool
	// Minutes is the record's markdown: what was said and agreed.
	Minutes string
}

// MinutesView is everything minutes show.
type MinutesView struct {
	Paper
	Draft           bool
	ApprovedAt      string
	Chair           string
	Present         []Person
	Substitutes     []Person
	StandIns        []Person
	Apologies       []Person
	Absent          []Person
	Guests          []string
	Quorum          string
	QuorumReasons   []string
	Declarations    []string
	Items           []MinutesItem
	Omitted         []OmittedLine
	Decisions       []DecisionView
	Actions         []ActionLine
	Updates         []UpdateView
	Recommendations []string
	Notes           string
	Approves        []string
}

// buildMinutes works out the minutes of meeting m.
func buildMinutes(in Inputs, m *model.Meeting) MinutesView {
	var v MinutesView
	buildMinutesInto(&v, in, m)
	return v
}

// buildMinutesInto works out the minutes of meeting m in v, reusing the
// memory of the lists v holds (those buildMinutesInto made: none of the
// model's).
func buildMinutesInto(v *MinutesView, in Inputs, m *model.Meeting) {
	nx := in.Net
	*v = MinutesView{Paper: head(in, m), Draft: true,
		Present: v.Present[:0], Substitutes: v.Substitutes[:0], StandIns: v.StandIns[:0], Apologies: v.Apologies[:0],
		Absent: v.Absent[:0], Declarations: v.Declarations[:0], Items: v.Items[:0], Decisions: v.Decisions[:0],
		Actions: v.Actions[:0], Updates: v.Updates[:0], Approves: v.Approves[:0]}
	v.Venue = in.Net.HeldVenue(m) // where it met, not the rotation's prediction
	if o := nx.ApprovedBy(m); o != nil {
		v.Draft = false
		v.ApprovedAt = words.LongDate(o.Date.Date)
	}
	if m.Chair != nil {
		v.Chair = nx.MemberName(m.Chair.ID)
	}
	person := func(id string) Person {
		p := Person{Name: nx.MemberName(id)}
		if mem, ok := nx.Members[id]; ok && mem.Organisation != nil {
			if org := nx.OrgName(mem.Organisation.ID); !strings.Contains(p.Name, org) {
				p.Org = org
			}
		}
		return p
	}
	if a := m.Attendance; a != nil {
		for _, r := range a.Present {
			v.Present = append(v.Present, person(r.ID))
		}
		for _, s := range a.Substitutes {
			p := person(s.Substitute.ID)
			p.For = nx.MemberName(s.For.ID)
			v.Substitutes = append(v.Substitutes, p)
		}
		uncounted := map[*model.StandIn]string{}
		for _, u := range nx.Attendance(m).Uncounted {
			uncounted[u.StandIn] = u.Why
		}
		for i := range a.StandIns {
			s := &a.StandIns[i]
			p := Person{Name: s.Name, For: nx.MemberName(s.For.ID), NotCounted: uncounted[s]}
			if s.Organisation != nil {
				if org := nx.OrgName(s.Organisation.ID); !strings.Contains(p.Name, org) {
					p.Org = org
				}
			}
			v.StandIns = append(v.StandIns, p)
		}
		for _, r := range a.Apologies {
			v.Apologies = append(v.Apologies, person(r.ID))
		}
		for _, r := range a.Absent {
			v.Absent = append(v.Absent, person(r.ID))
		}
		v.Guests = a.Guests
	}
	q := nx.Quorum(m)
	switch {
	case !q.Defined:
		v.Quorum = "The terms of reference set no quorum."
	case m.Attendance == nil:
		v.Quorum = "No attendance is recorded, so the quorum cannot be judged."
	case q.Quorate:
		v.Quorum = "The meeting was quorate."
		v.QuorumReasons = q.Met
	default:
		v.Quorum = "The meeting was not quorate."
		v.QuorumReasons = q.Unmet
	}
	for _, d := range m.Declarations {
		item := quotedItem(in, m, d.Item)
		s := fmt.Sprintf("%s declared an interest in %s", nx.MemberName(d.Member.ID), item)
		if d.Interest != "" {
			s += ": " + d.Interest
		}
		if d.Withdrew {
			s += " (withdrew for the item)"
		}
		v.Declarations = append(v.Declarations, s)
	}
	// The items taken: the agenda less what govctl would add to it but the
	// record does not show was taken.
	agenda := nx.Agenda(m)
	for _, e := range agenda {
		if e.Added {
			continue
		}
		mi := MinutesItem{Title: itemTitle(in, e.Title, e.Record), Urgent: e.Urgent && !e.AOB}
		if it := e.Record; it != nil {
			if it.Presenter != nil {
				mi.Presenter = nx.MemberName(it.Presenter.ID)
			}
			mi.Paper, mi.PaperNote = itemPaper(in, it)
			mi.Private = itemMark(in, it)
			mi.Minutes = itemMinutes(in, it)
		}
		v.Items = append(v.Items, mi)
	}
	v.Omitted = omittedLines(nx, m)
	for i := range m.Decisions {
		v.Decisions = append(v.Decisions, decisionView(in, m, &m.Decisions[i], q))
	}
	for i, a := range m.Actions {
		l := ActionLine{ID: a.ID, Text: actionText(in, &m.Actions[i]), Owner: nx.MemberName(a.Owner.ID)}
		if a.Due.Set() {
			l.Due = a.Due.String()
		}
		v.Actions = append(v.Actions, l)
	}
	for _, u := range m.ActionUpdates {
		uv := UpdateView{Action: u.Action.ID, Status: u.Status, Note: u.Note}
		if a := nx.Action(u.Action.ID); a != nil {
			uv.Text = actionText(in, a.Action)
		}
		if u.Due.Set() {
			uv.Due = u.Due.String()
		}
		v.Updates = append(v.Updates, uv)
	}
	v.Recommendations = m.Recommendations
	v.Notes = m.Notes
	for _, d := range m.ApprovesMinutes {
		if l := words.LongDate(d.Date); !slices.Contains(v.Approves, l) {
			v.Approves = append(v.Approves, l)
		}
	}
}

func decisionView(in Inputs, m *model.Meeting, d *model.Decision, q terms.QuorumResult) DecisionView {
	nx := in.Net
	v := DecisionView{ID: d.ID, Item: itemRef(in, m, d.Item), Text: decisionText(in, m, d), Outcome: d.Outcome}
	if d.ReferTo != nil || d.RespondsTo != nil || d.Outcome == "referred" {
		e := register.Of(nx, m, d)
		v.Referral = referralNotes(e, paperDepth)
		if v.Text == "" {
			v.Text = e.Said()
		}
	}
	t := nx.Count(m, d)
	if t.Recorded {
		v.Votes = nx.VotesWords(d)
		if t.Silent {
			v.Under = "the terms of reference say nothing about voting, so no count is made under them: the outcome is as recorded"
			return v
		}
		carried := "not carried"
		if t.Carried {
			carried = "carried"
		}
		v.Under = strconv.Itoa(t.For) + " for, " + strconv.Itoa(t.Against) + " against (abstentions are not votes cast); under " + t.Rule + ", the motion is " + carried
		if len(t.Withdrawn) > 0 {
			v.Problems = append(v.Problems, "votes recorded from "+nx.VoterNames(t.Withdrawn)+", withdrawn for the item, are not counted")
		}
		if t.Tie && d.CastingVote && nx.CastingVote() {
			v.Under += "; the votes were tied and the chair gave a casting vote"
		}
		switch {
		case d.Outcome == "agreed" && t.Method == "consensus" && t.Against > 0:
			v.Problems = append(v.Problems, "recorded as agreed, but consensus was not reached (votes against)")
		case d.Outcome == "agreed" && !t.Carried && !(t.Tie && d.CastingVote && nx.CastingVote()):
			v.Problems = append(v.Problems, "recorded as agreed, but the votes do not carry it under the terms")
		case d.Outcome == "not-agreed" && t.Carried:
			v.Problems = append(v.Problems, "recorded as not agreed, but the votes carry it under the terms")
		}
	}
	if d.CastingVote && !nx.CastingVote() {
		v.Problems = append(v.Problems, "a casting vote is recorded, but the terms give none")
	}
	if m.Status == "held" && q.Defined && !q.Quorate {
		v.Problems = append(v.Problems, "taken without a quorum: "+words.List(q.Unmet))
	}
	if gone := nx.Withdrew(m, d.Item); len(gone) > 0 {
		dq := nx.DecisionQuorum(m, d)
		var names []string
		for _, mem := range gone {
			names = append(names, mem.Name)
		}
		v.Withdrew = fmt.Sprintf("%s withdrew for %s; the decision was taken with %d present", words.List(names), quotedItem(in, m, d.Item), dq.Present)
		if m.Status == "held" && q.Quorate && dq.Defined && !dq.Quorate {
			v.Problems = append(v.Problems, "taken without a quorum once "+words.List(names)+" withdrew: "+words.List(dq.Unmet))
		}
	}
	return v
}

// Minutes renders the minutes of meeting m.
func Minutes(in Inputs, m *model.Meeting) ([]byte, error) {
	var w Writer
	return w.Minutes(in, m)
}

// A Writer renders papers one after another in memory it keeps from one to
// the next, for a caller rendering many and keeping none (generate
// --check): what a call returns is good until the Writer's next call. One
// a goroutine; the zero Writer is ready to use.
type Writer struct {
	page    []byte
	minutes MinutesView
}

// Minutes renders the minutes of meeting m.
func (w *Writer) Minutes(in Inputs, m *model.Meeting) ([]byte, error) {
	buildMinutesInto(&w.minutes, in, m)
	page, err := appendPage(w.page, "minutes.md.tmpl", &w.minutes)
	if err != nil {
		return nil, err
	}
	w.page = page
	return page, nil
}

// Agenda renders the agenda of meeting m.
func (w *Writer) Agenda(in Inputs, m *model.Meeting) ([]byte, error) {
	page, err := appendPage(w.page, "agenda.md.tmpl", buildAgenda(in, m))
	if err != nil {
		return nil, err
	}
	w.page = page
	return page, nil
}

// quotedItem is an item a decision or declaration of meeting m names, in
// quotation marks: “Budget”, or "a private item" (itemRef).
func quotedItem(in Inputs, m *model.Meeting, title string) string {
	if ref := itemRef(in, m, title); ref != title {
		return ref
	}
	return "“" + title + "”"
}
