// Package remind works out each person's reminders for the fortnight from a
// date: the actions they own that fall due or are overdue, the papers they
// present and when they are due, the meetings they are expected at, their
// terms of office that end, and the referrals from other bodies waiting for
// the bodies they sit on. A person is a member id: one who sits on several
// bodies under one id has one digest, gathering what every body has for
// them.
//
// A digest is a pure function of the records and the as-of date (never of
// the day it is worked out), so that a run repeated on one day gives the
// same bytes, and daily runs from scheduled CI remind each thing from the
// first day it falls in the fortnight until it is done. Business taken in
// private is shown as public output shows it: a private action's text
// never, a private item's title only where its body publishes it.
//
// What counts, each as of the as-of date (AS-OF to AS-OF + 14 days):
//
//   - an action, open as of the as-of date (only updates recorded at
//     meetings on or before it count), with a due date on or before the
//     fortnight's last day, to its owner while a member of its body on the
//     as-of date;
//   - an item a person presents at a meeting of the body not cancelled, on
//     or after the as-of date, whose papers were not sent by then, and
//     whose papers deadline (terms.PapersDeadline) falls on or before the
//     fortnight's last day (or, with no deadline, the meeting itself), to
//     the presenter while a member on the meeting's day;
//   - a meeting in the fortnight (cancelled ones too, marked so), to each
//     member expected there (terms.Net.Expected: the members on its day,
//     less named substitutes without a seat of their own);
//   - a holding of office, current on the as-of date, whose term ends in
//     the fortnight or has ended (the earlier of its until and its from
//     plus the office's term), to its holder;
//   - a referral from another body waiting for a meeting of the body in the
//     fortnight (terms.Net.Waiting: made before the as-of date's end and
//     not settled by then), at the first such meeting, to each member
//     expected there.
package remind

import (
	"cmp"
	"slices"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Days is how many days after the as-of date a digest looks ahead: the
// fortnight runs from the as-of date to Days days after it, both included.
const Days = 14

// Inputs are what digests are worked out from: the bodies (in the
// repository's order), the repository's business-day calendar (for papers
// deadlines counted in business days) and timezone (for meeting times),
// and where its pages are published (govctl.yaml's pages_url: agendas and
// minutes are given at their addresses there, layout.Published; "" gives
// their paths in the repository).
type Inputs struct {
	Nets     []*terms.Net
	Calendar *calendar.Calendar
	Location *time.Location
	PagesURL string
}

// Digest is one person's reminders for the fortnight from AsOf to Until.
type Digest struct {
	// Member is the person's member id, and Slug the name of their digest's
	// file (without its extension): see Slug.
	Member string
	Slug   string
	// Name is their name as the first body that lists them gives it (one
	// where they sit on the as-of date, when there is one).
	Name string
	// Bodies are the bodies the digest's reminders come from, in the
	// repository's order (where an address that holds in one body is
	// looked up, and the sender found).
	Bodies    []Body
	AsOf      date.Date
	Until     date.Date
	Actions   []Action
	Papers    []Paper
	Meetings  []Meeting
	Offices   []Office
	Referrals []Referral
}

// Empty reports whether the digest holds nothing: no file is written for it.
func (d *Digest) Empty() bool {
	return len(d.Actions)+len(d.Papers)+len(d.Meetings)+len(d.Offices)+len(d.Referrals) == 0
}

// Body names a body.
type Body struct {
	ID   string
	Name string
}

// Action is an open action that falls due in the fortnight, or is overdue.
type Action struct {
	Body Body
	ID   string
	// Text is the action's text; for a private action, "a private action,
	// taken in private (REASON)" and Private its reason.
	Text    string
	Private string
	Due     date.Date
	Overdue bool
	// Raised is the meeting that raised it, and Minutes where its minutes
	// are.
	Raised  date.Date
	Minutes string
}

// Paper is an item a person presents whose papers are due in the fortnight
// (or overdue, with the meeting still to come).
type Paper struct {
	Meeting Meeting
	// Item is the item's title ("a private item" where its body keeps it
	// off public pages); Private the reason it is taken in private, "" for
	// an item taken in public.
	Item    string
	Private string
	// Deadline is the last day papers may be sent (zero when the terms set
	// no notice); Overdue is true when it has passed.
	Deadline date.Date
	Overdue  bool
}

// Meeting is a meeting of a body a person sits on, in the fortnight.
type Meeting struct {
	Body Body
	Date date.Date
	// File is the record's name (2026-12-08, or 2026-12-08-2); Kind its
	// kind as a title (Ordinary meeting).
	File string
	Kind string
	// Time is its start and end in words ("" without a start time), Venue
	// where it is held.
	Time  string
	Venue string
	// Cancelled is true for a cancelled meeting, with Reason.
	Cancelled bool
	Reason    string
	// Agenda is where its agenda is; PapersDeadline the last day its papers
	// may be sent (zero when the terms set no notice).
	Agenda         string
	PapersDeadline date.Date
}

// Office is a person's holding of an office whose term ends in the
// fortnight, or has ended while they still hold it.
type Office struct {
	Body   Body
	Office string
	// From is the holding's first day (zero when not given); Ends its
	// term's last day; Ended is true when that was before the as-of date.
	From  date.Date
	Ends  date.Date
	Ended bool
}

// Referral is a referral from another body waiting for a meeting of a body
// a person sits on.
type Referral struct {
	// Body is the body it waits for, At that body's meeting expected to
	// consider it (the first in the fortnight).
	Body Body
	At   Meeting
	// From is the body that referred it, at its meeting of Made, as
	// decision Decision; Minutes is where that meeting's minutes are.
	From     Body
	Decision string
	Made     date.Date
	Minutes  string
	// Item is the item it is about ("a private item" where the referring
	// body keeps it off public pages; "" when none is named), Text the
	// decision's text ("taken in private (REASON)" for a private one).
	Item string
	Text string
	// Deferred is the last meeting of the body that deferred it, zero when
	// none has.
	Deferred date.Date
}

// Digests works out every person's digest for the fortnight from asOf, in
// the order of their slugs, leaving out those with nothing in it.
func Digests(in Inputs, asOf date.Date) []Digest {
	w := &work{in: in, asOf: asOf, until: asOf.Add(Days), people: map[string]*Digest{}, order: map[string]int{}}
	for i, nx := range in.Nets {
		if _, dup := w.order[nx.N.ID]; !dup {
			w.order[nx.N.ID] = i
		}
	}
	for _, nx := range in.Nets {
		w.actions(nx)
		w.meetings(nx)
		w.offices(nx)
	}
	out := make([]Digest, 0, len(w.people))
	for id, d := range w.people {
		d.Name = w.name(id)
		w.sort(d)
		d.Bodies = w.bodies(d)
		out = append(out, *d)
	}
	slices.SortFunc(out, func(a, b Digest) int { return cmp.Or(cmp.Compare(a.Slug, b.Slug), cmp.Compare(a.Member, b.Member)) })
	return out
}

// work is one run of Digests.
type work struct {
	in          Inputs
	asOf, until date.Date
	people      map[string]*Digest
	// order is each body's place in the repository's order, by id.
	order map[string]int
}

// person is member id's digest, made on first asking.
func (w *work) person(id string) *Digest {
	d, ok := w.people[id]
	if !ok {
		d = &Digest{Member: id, Slug: Slug(id), AsOf: w.asOf, Until: w.until}
		w.people[id] = d
	}
	return d
}

// name is member id's name: as the first body that lists them as sitting on
// the as-of date gives it, else as the first that lists them at all.
func (w *work) name(id string) string {
	first := ""
	for _, nx := range w.in.Nets {
		m, ok := nx.Members[id]
		if !ok {
			continue
		}
		if m.CurrentOn(model.Date{Date: w.asOf}) {
			return m.Name
		}
		if first == "" {
			first = m.Name
		}
	}
	if first == "" {
		return id
	}
	return first
}

func body(nx *terms.Net) Body { return Body{ID: nx.N.ID, Name: nx.N.Name} }

// page is where the page with suffix (layout.AgendaSuffix) of meeting m
// of the body in folder is found.
func (w *work) page(folder string, m *model.Meeting, suffix string) string {
	return layout.Published(w.in.PagesURL, layout.PaperPath(folder, m.File, suffix))
}

// memberOn reports whether id is a member of nx on day d.
func memberOn(nx *terms.Net, id string, d date.Date) bool {
	m, ok := nx.Members[id]
	return ok && m.CurrentOn(model.Date{Date: d})
}

// actions adds the open actions of nx that fall due in the fortnight, or
// are overdue, to their owners' digests.
func (w *work) actions(nx *terms.Net) {
	for _, all := range nx.Actions() {
		a, ok := all.AsOf(w.asOf) // later meetings' updates are not known yet
		if !ok || !a.Open() || !a.Due.Set() || a.Due.After(w.until) {
			continue
		}
		owner := a.Action.Owner.ID
		if !memberOn(nx, owner, w.asOf) {
			continue // action-owner-left's, for the secretary to reassign
		}
		e := Action{Body: body(nx), ID: a.Action.ID, Text: a.Action.Text, Due: a.Due.Date, Overdue: a.Due.Before(w.asOf),
			Raised: a.Raised.Date.Date, Minutes: w.page(nx.N.Folder, a.Raised, layout.MinutesSuffix)}
		if a.Action.IsPrivate() {
			e.Text, e.Private = PrivateAction+", "+words.ActionText(a.Action), words.PrivateReason(a.Action.Private)
		}
		d := w.person(owner)
		d.Actions = append(d.Actions, e)
	}
}

// PrivateAction is how a digest names a private action, before its reason.
const PrivateAction = "a private action"

// meetings adds nx's meetings in the fortnight to its members' digests,
// with the papers they present and the referrals waiting; and the papers
// due in the fortnight for its later meetings to their presenters'.
func (w *work) meetings(nx *terms.Net) {
	waiting := map[*terms.Referral]bool{} // placed at an earlier meeting
	for _, m := range nx.N.MeetingList {
		if m.Date.Before(w.asOf) {
			continue
		}
		if m.Date.After(w.until) {
			// A later meeting matters only for papers due in the
			// fortnight; no notice (a year at most, or 260 business
			// days) reaches back from past the horizon.
			if m.Date.After(w.until.AddDate(horizon, 0, 0)) {
				break // in date order
			}
			if d, ok := terms.PapersDeadline(w.in.Calendar, nx.MeetingKind(m), m.Date.Date); m.Status == "cancelled" || !ok || d.After(w.until) {
				continue
			}
		}
		mt := w.meeting(nx, m)
		if m.Status != "cancelled" {
			w.papers(nx, m, mt)
		}
		if m.Date.After(w.until) {
			continue
		}
		var refs []Referral
		if m.Status != "cancelled" {
			for _, r := range nx.Waiting(m) {
				if waiting[r] || r.Meeting.Date.After(w.asOf) || r.AnsweredBy(w.asOf) != nil {
					continue // made or settled after the as-of date: not known yet
				}
				waiting[r] = true
				refs = append(refs, w.referral(nx, r, mt))
			}
		}
		for _, mem := range nx.Expected(m.Date) {
			if mem.ID == "" {
				continue
			}
			d := w.person(mem.ID)
			d.Meetings = append(d.Meetings, mt)
			d.Referrals = append(d.Referrals, refs...)
		}
	}
}

// horizon is, in years, how far after the fortnight a meeting may be for
// its papers to be due in it: more than the longest notice.
const horizon = 2

// meeting is meeting m of nx as a digest shows it.
func (w *work) meeting(nx *terms.Net, m *model.Meeting) Meeting {
	mt := Meeting{Body: body(nx), Date: m.Date.Date, File: m.File, Kind: words.KindTitle(m.Kind.ID),
		Venue: nx.Venue(m), Agenda: w.page(nx.N.Folder, m, layout.AgendaSuffix)}
	if w.in.Location != nil {
		mt.Time = words.When(m.Date.Date, nx.Start(m), nx.Duration(m), w.in.Location)
	}
	if m.Status == "cancelled" {
		mt.Cancelled, mt.Reason = true, m.CancelledReason
		return mt
	}
	if d, ok := terms.PapersDeadline(w.in.Calendar, nx.MeetingKind(m), m.Date.Date); ok {
		mt.PapersDeadline = d
	}
	return mt
}

// papers adds the items of meeting m (mt as shown) to their presenters'
// digests where its papers are due in the fortnight, or overdue, and not
// sent by the as-of date.
func (w *work) papers(nx *terms.Net, m *model.Meeting, mt Meeting) {
	if m.PapersSent.Set() && !m.PapersSent.After(w.asOf) {
		return
	}
	due := mt.Date // with no notice in the terms: the meeting itself
	if !mt.PapersDeadline.IsZero() {
		due = mt.PapersDeadline
	}
	if due.After(w.until) {
		return
	}
	for _, e := range nx.Agenda(m) {
		it := e.Record
		if it == nil || it.Presenter == nil || !memberOn(nx, it.Presenter.ID, m.Date.Date) {
			continue
		}
		p := Paper{Meeting: mt, Item: e.Title, Deadline: mt.PapersDeadline, Overdue: !mt.PapersDeadline.IsZero() && mt.PapersDeadline.Before(w.asOf)}
		if it.HidesTitle() {
			p.Item = words.PrivateItem
		}
		if it.IsPrivate() {
			p.Private = words.PrivateReason(it.Private)
		}
		d := w.person(it.Presenter.ID)
		d.Papers = append(d.Papers, p)
	}
}

// referral is referral r, waiting for meeting at of nx, as a digest shows
// it.
func (w *work) referral(nx *terms.Net, r *terms.Referral, at Meeting) Referral {
	e := Referral{Body: body(nx), At: at, From: Body{ID: r.From.ID, Name: r.From.Name}, Decision: r.Decision.ID, Made: r.Meeting.Date.Date,
		Minutes: w.page(r.From.Folder, r.Meeting, layout.MinutesSuffix), Item: r.Item(), Text: words.DecisionText(r.Meeting, r.Decision)}
	for _, a := range r.Answers {
		if !a.Settles() && !a.Meeting.Date.After(w.asOf) {
			e.Deferred = a.Meeting.Date.Date
		}
	}
	return e
}

// offices adds the holdings of nx's offices current on the as-of date
// whose term ends in the fortnight, or has ended, to their holders'
// digests.
func (w *work) offices(nx *terms.Net) {
	asOf := model.Date{Date: w.asOf}
	for _, h := range nx.Holders() {
		if !h.CurrentOn(asOf) || !memberOn(nx, h.Member.ID, w.asOf) {
			continue
		}
		ends, ok := termEnds(nx, h)
		if !ok || ends.After(w.until) {
			continue
		}
		d := w.person(h.Member.ID)
		d.Offices = append(d.Offices, Office{Body: body(nx), Office: h.Office.ID, From: h.From.Date, Ends: ends, Ended: ends.Before(w.asOf)})
	}
}

// termEnds is the last day of holding h's term: the earlier of its until
// and its from plus the office's term (as term-expired counts it); false
// when neither is known.
func termEnds(nx *terms.Net, h model.OfficeHolder) (date.Date, bool) {
	var ends date.Date
	if o, ok := nx.Offices[h.Office.ID]; ok && o.Term.Set() && h.From.Set() {
		ends = h.From.AddPeriod(o.Term.Period)
	}
	if h.Until.Set() && (ends.IsZero() || h.Until.Before(ends)) {
		ends = h.Until.Date
	}
	return ends, !ends.IsZero()
}

// sort puts each list of d in order: by date, then the bodies' order.
func (w *work) sort(d *Digest) {
	ord := func(b Body) int { return w.order[b.ID] }
	slices.SortStableFunc(d.Actions, func(a, b Action) int {
		return cmp.Or(cmpDate(a.Due, b.Due), cmp.Compare(ord(a.Body), ord(b.Body)), cmpDate(a.Raised, b.Raised))
	})
	slices.SortStableFunc(d.Papers, func(a, b Paper) int {
		return cmp.Or(cmpDate(paperDue(a), paperDue(b)), cmpDate(a.Meeting.Date, b.Meeting.Date), cmp.Compare(ord(a.Meeting.Body), ord(b.Meeting.Body)))
	})
	slices.SortStableFunc(d.Meetings, func(a, b Meeting) int {
		return cmp.Or(cmpDate(a.Date, b.Date), cmp.Compare(ord(a.Body), ord(b.Body)), cmp.Compare(a.File, b.File))
	})
	slices.SortStableFunc(d.Offices, func(a, b Office) int {
		return cmp.Or(cmpDate(a.Ends, b.Ends), cmp.Compare(ord(a.Body), ord(b.Body)))
	})
	slices.SortStableFunc(d.Referrals, func(a, b Referral) int {
		return cmp.Or(cmpDate(a.At.Date, b.At.Date), cmp.Compare(ord(a.Body), ord(b.Body)), cmp.Compare(a.At.File, b.At.File))
	})
}

// bodies are the bodies of d's entries, each once, in the repository's
// order.
func (w *work) bodies(d *Digest) []Body {
	var out []Body
	add := func(b Body) {
		if !slices.Contains(out, b) {
			out = append(out, b)
		}
	}
	for _, a := range d.Actions {
		add(a.Body)
	}
	for _, p := range d.Papers {
		add(p.Meeting.Body)
	}
	for _, m := range d.Meetings {
		add(m.Body)
	}
	for _, o := range d.Offices {
		add(o.Body)
	}
	for _, r := range d.Referrals {
		add(r.Body)
	}
	slices.SortStableFunc(out, func(a, b Body) int { return cmp.Compare(w.order[a.ID], w.order[b.ID]) })
	return out
}

// paperDue is when a paper is due: its deadline, or its meeting.
func paperDue(p Paper) date.Date {
	if p.Deadline.IsZero() {
		return p.Meeting.Date
	}
	return p.Deadline
}

// cmpDate compares two dates as cmp.Compare does.
func cmpDate(a, b date.Date) int { return cmp.Compare(a.DaysSinceEpoch(), b.DaysSinceEpoch()) }
