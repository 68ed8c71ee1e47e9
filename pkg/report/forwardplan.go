package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// ForwardPlan is the business planned across bodies for the months after a
// date: what a joint committee publishes ahead of its decisions. Its JSON
// shape is stable:
//
//	{"as_of": "2026-12-10", "until": "2027-04-10", "months": 4,
//	 "meetings": [PlannedMeeting...],
//	 "referrals_without_meeting": [ExpectedReferral...]}
//
// Business taken in private is marked, with the reason, and its substance
// withheld: an item whose title is not published is "a private item", and
// a private referral's text "taken in private (REASON)".
type ForwardPlan struct {
	AsOf     string           `json:"as_of"`
	Until    string           `json:"until"`
	Months   int              `json:"months"`
	Meetings []PlannedMeeting `json:"meetings"`
	// Unplaced are the referrals waiting for a body that has no meeting
	// planned in the period.
	Unplaced []ExpectedReferral `json:"referrals_without_meeting"`
}

// PlannedMeeting is one planned meeting of the plan. Dates are
// YYYY-MM-DD, or "" when not known; every key is always present.
type PlannedMeeting struct {
	Network     string `json:"network"`
	NetworkName string `json:"network_name"`
	Date        string `json:"date"`
	// Meeting is the record's name (2027-01-06, or 2027-01-06-2).
	Meeting string `json:"meeting"`
	Kind    string `json:"kind"`
	// Time is the start and end in local time, in words ("" when the
	// meeting has no start time).
	Time  string `json:"time"`
	Venue string `json:"venue"`
	// PapersDeadline is the last day papers may be sent under the terms'
	// notice; PapersSent the day they were, when recorded.
	PapersDeadline string        `json:"papers_deadline"`
	PapersSent     string        `json:"papers_sent"`
	Items          []PlannedItem `json:"items"`
	// Referrals are the referrals from other bodies the meeting is
	// expected to answer: made to the body before it and not yet
	// answered, each at the first of the body's meetings in the plan.
	Referrals []ExpectedReferral `json:"referrals"`
}

// PlannedItem is an item of business a meeting's record plans (the
// standing items every meeting holds are not listed).
type PlannedItem struct {
	// Title is "a private item" for a private item whose title is not
	// published.
	Title string `json:"title"`
	Kind  string `json:"kind"`
	// Presenter is the presenter's name ("" when none is named).
	Presenter string `json:"presenter"`
	// Private is why an item is to be taken in private; "" for one taken
	// in public.
	Private string `json:"private"`
}

// ExpectedReferral is a referral a body is expected to answer.
type ExpectedReferral struct {
	// To is the body it was referred to.
	To     string `json:"to"`
	ToName string `json:"to_name"`
	// From is the body that referred it, at its meeting Meeting of Date.
	From     string `json:"from"`
	FromName string `json:"from_name"`
	Date     string `json:"date"`
	Meeting  string `json:"meeting"`
	ID       string `json:"id"`
	Item     string `json:"item"`
	// Text is the decision's text, or "taken in private (REASON)".
	Text string `json:"text"`
	// Deferred is the last date the receiving body deferred it, "" when
	// it has not.
	Deferred string `json:"deferred"`
}

// ForwardPlanOptions are the period and what the plan is drawn with.
type ForwardPlanOptions struct {
	AsOf     model.Date
	Months   int
	Calendar *calendar.Calendar
	Location *time.Location
}

// ForwardPlanOf lays out the planned meetings of nets from opts.AsOf to
// opts.Months months after it (both inclusive), in date order (then in the
// order of nets), each with the items its record plans, its papers
// deadline and the referrals it is expected to answer.
func ForwardPlanOf(nets []*terms.Net, opts ForwardPlanOptions) ForwardPlan {
	asOf := opts.AsOf.Date
	until := asOf.AddDate(0, opts.Months, 0)
	r := ForwardPlan{AsOf: asOf.String(), Until: until.String(), Months: opts.Months, Meetings: []PlannedMeeting{}, Unplaced: []ExpectedReferral{}}
	type placed struct {
		order int
		m     *model.Meeting
		pm    PlannedMeeting
	}
	var all []placed
	for order, nx := range nets {
		var mine []placed
		for _, m := range nx.N.MeetingList {
			if m.Status != "planned" || m.Date.Before(asOf) || m.Date.After(until) {
				continue
			}
			mine = append(mine, placed{order: order, m: m, pm: plannedMeeting(nx, m, opts)})
		}
		// Each referral waiting is expected at the body's first meeting of
		// the plan after the day it was made.
		for _, ref := range nx.ReferralsTo() {
			if ref.Meeting.Date.After(asOf) || ref.AnsweredBy(asOf) != nil {
				continue
			}
			e := expectedReferral(ref, opts.AsOf)
			at := slices.IndexFunc(mine, func(p placed) bool { return p.m.Date.After(ref.Meeting.Date.Date) })
			if at < 0 {
				r.Unplaced = append(r.Unplaced, e)
				continue
			}
			mine[at].pm.Referrals = append(mine[at].pm.Referrals, e)
		}
		all = append(all, mine...)
	}
	slices.SortStableFunc(all, func(a, b placed) int {
		return cmp.Or(cmp.Compare(a.pm.Date, b.pm.Date), cmp.Compare(a.order, b.order), cmp.Compare(a.m.File, b.m.File))
	})
	for _, p := range all {
		r.Meetings = append(r.Meetings, p.pm)
	}
	return r
}

// plannedMeeting lays out planned meeting m of nx.
func plannedMeeting(nx *terms.Net, m *model.Meeting, opts ForwardPlanOptions) PlannedMeeting {
	pm := PlannedMeeting{Network: nx.N.ID, NetworkName: nx.N.Name, Date: m.Date.String(), Meeting: m.File, Kind: m.Kind.ID,
		Time: words.When(m.Date.Date, nx.Start(m), nx.Duration(m), opts.Location), Venue: nx.Venue(m),
		PapersSent: dateString(m.PapersSent), Items: []PlannedItem{}, Referrals: []ExpectedReferral{}}
	if d, ok := terms.PapersDeadline(opts.Calendar, nx.MeetingKind(m), m.Date.Date); ok {
		pm.PapersDeadline = d.String()
	}
	for _, e := range nx.Agenda(m) {
		it := e.Record
		if it == nil || e.Standing || e.AOB {
			continue // the items every meeting holds, and those govctl adds
		}
		pi := PlannedItem{Title: it.Title, Kind: it.Kind}
		if it.HidesTitle() {
			pi.Title = words.PrivateItem
		}
		if it.IsPrivate() {
			pi.Private = words.PrivateReason(it.Private)
		}
		if it.Presenter != nil {
			pi.Presenter = nx.MemberName(it.Presenter.ID)
		}
		pm.Items = append(pm.Items, pi)
	}
	return pm
}

// expectedReferral is referral ref as the plan lists it, as of asOf.
func expectedReferral(ref *terms.Referral, asOf model.Date) ExpectedReferral {
	e := ExpectedReferral{To: ref.To.ID, ToName: ref.To.Name, From: ref.From.ID, FromName: ref.From.Name,
		Date: ref.Meeting.Date.String(), Meeting: ref.Meeting.File, ID: ref.Decision.ID,
		Item: ref.Item(), Text: words.DecisionText(ref.Meeting, ref.Decision)}
	for _, a := range ref.Answers {
		if !a.Settles() && !a.Meeting.Date.After(asOf.Date) {
			e.Deferred = a.Meeting.Date.String()
		}
	}
	return e
}

// Markdown renders the plan: meeting by meeting, each with its time, venue,
// papers deadline, items and the referrals expected, every text escaped.
func (r ForwardPlan) Markdown() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Forward plan, %s to %s\n\n", longDate(r.AsOf), longDate(r.Until))
	fmt.Fprintf(&b, "The business planned for the meetings of the next %s, as the records stood on %s, with the referrals from other bodies each is expected to answer. Business to be taken in private is marked, with the reason; its substance is not published.\n", words.Plural(r.Months, "month"), longDate(r.AsOf))
	if len(r.Meetings) == 0 {
		b.WriteString("\nNo meeting is planned in the period.\n")
	}
	for _, m := range r.Meetings {
		fmt.Fprintf(&b, "\n## %s: %s, %s\n\n", markdown.Line(m.NetworkName), markdown.Line(words.KindTitle(m.Kind)), longDate(m.Date))
		fmt.Fprintf(&b, "| Body | %s (%s) |\n| --- | --- |\n", markdown.Cell(m.NetworkName), markdown.Cell(m.Network))
		if m.Time != "" {
			fmt.Fprintf(&b, "| Time | %s |\n", markdown.Cell(m.Time))
		}
		if m.Venue != "" {
			fmt.Fprintf(&b, "| Venue | %s |\n", markdown.Cell(m.Venue))
		}
		if m.PapersDeadline != "" {
			sent := ""
			if m.PapersSent != "" {
				sent = " (sent " + longDate(m.PapersSent) + ")"
			}
			fmt.Fprintf(&b, "| Papers deadline | %s%s |\n", longDate(m.PapersDeadline), sent)
		}
		if len(m.Items) == 0 {
			b.WriteString("\nNo items are planned yet beyond the standing items.\n")
		} else {
			b.WriteString("\nItems:\n\n")
			for _, it := range m.Items {
				title := markdown.Text(it.Title)
				if it.Title == words.PrivateItem {
					title = "A private item"
				}
				fmt.Fprintf(&b, "- **%s**", title)
				var about []string
				if it.Kind != "" {
					about = append(about, markdown.Text(strings.ReplaceAll(it.Kind, "-", " ")))
				}
				if it.Presenter != "" {
					about = append(about, "presenter: "+markdown.Text(it.Presenter))
				}
				if len(about) > 0 {
					fmt.Fprintf(&b, " (%s)", strings.Join(about, "; "))
				}
				if it.Private != "" {
					fmt.Fprintf(&b, ", to be taken in private (%s)", markdown.Text(it.Private))
				}
				b.WriteString("\n")
			}
		}
		if len(m.Referrals) > 0 {
			b.WriteString("\nReferrals expected:\n\n")
			writeReferrals(&b, m.Referrals, false)
		}
	}
	if len(r.Unplaced) > 0 {
		b.WriteString("\n## Referrals waiting, with no meeting planned in the period\n\n")
		writeReferrals(&b, r.Unplaced, true)
	}
	return []byte(b.String())
}

// writeReferrals lists referrals expected, naming the body each is for
// where to is set.
func writeReferrals(b *strings.Builder, rs []ExpectedReferral, to bool) {
	for _, e := range rs {
		b.WriteString("- ")
		if to {
			fmt.Fprintf(b, "For the %s (%s): ", markdown.Text(e.ToName), markdown.Text(e.To))
		}
		fmt.Fprintf(b, "%s, referred by the %s on %s", markdown.Text(e.ID), markdown.Text(e.FromName), longDate(e.Date))
		switch {
		case e.Item == "" || terms.ReferralsItem(e.Item):
			// An answer to an earlier referral, referred on: its item says
			// nothing of the business.
		case e.Item == words.PrivateItem:
			fmt.Fprintf(b, " under %s", words.PrivateItem)
		default:
			fmt.Fprintf(b, " under “%s”", markdown.Text(e.Item))
		}
		fmt.Fprintf(b, ": %s", markdown.Text(e.Text))
		if e.Deferred != "" {
			fmt.Fprintf(b, " (deferred on %s)", longDate(e.Deferred))
		}
		b.WriteString("\n")
	}
}

// longDate is an ISO date (as the plan holds its dates) in words.
func longDate(iso string) string {
	d, err := date.ParseISO(iso)
	if err != nil {
		return iso
	}
	return words.LongDate(d)
}
