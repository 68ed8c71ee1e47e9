package render

import (
	"net/url"
	"strings"

	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/register"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Decisions travel between bodies: the pages of both link to each other.
// Every body's folder sits beside the others in the repository, so a link
// from a page depth folders down (1 for a network's README.md and
// decisions.md, 2 for the papers under meetings/) climbs to the
// repository and down into the other body's folder. What the pages show
// of another body's decision is its public record, in either edition: the
// restricted edition opens only its own body's private files.

// Depths of the pages that link to other bodies.
const (
	networkDepth = 1 // <network>/decisions.md, <network>/README.md
	paperDepth   = 2 // <network>/meetings/<stem>.{agenda,minutes}.md
)

// minutesTarget is the link from a page depth folders down to the minutes
// of meeting stem of network net.
func minutesTarget(depth int, net, stem string) string {
	return strings.Repeat("../", depth) + url.PathEscape(net) + "/meetings/" + url.PathEscape(stem+".minutes.md")
}

// registerTarget is the link from a page depth folders down to network
// net's decision register.
func registerTarget(depth int, net string) string {
	return strings.Repeat("../", depth) + url.PathEscape(net) + "/" + RegisterFile
}

// RegisterFile is the name of a body's decision register, beside its
// README.md.
const RegisterFile = "decisions.md"

// ReferralLine is a referral waiting for a meeting, on its agenda: the
// body that referred it, the meeting (and a link to its minutes), the
// decision's id, item and text as the public record has them.
type ReferralLine struct {
	From, Meeting, MeetingLink, ID, Item, Text string
}

// referralLines lays out referrals made to a body, on a page depth
// folders down.
func referralLines(rs []*terms.Referral, depth int) []ReferralLine {
	var out []ReferralLine
	for _, r := range rs {
		out = append(out, ReferralLine{
			From:        r.From.Name,
			Meeting:     words.LongDate(r.Meeting.Date.Date),
			MeetingLink: minutesTarget(depth, r.From.ID, r.Meeting.File),
			ID:          r.Decision.ID,
			Item:        r.Item(),
			Text:        words.DecisionText(r.Meeting, r.Decision),
		})
	}
	return out
}

// referralNotes are what minutes and the register say of a decision (as
// the register has it, e) beyond its own record: where a referred decision went
// and how it was answered, and which referral an answer answers. Each is
// markdown on one line, fit for a paragraph or a table cell, every text
// escaped, with links from a page depth folders down.
func referralNotes(e register.Entry, depth int) []string {
	var out []string
	if e.RespondsTo != nil {
		out = append(out, "Answers "+linkTo(e.RespondsTo, depth)+", referred by "+bodyLink(e.RespondsTo.Body, depth)+" on "+words.LongDate(e.RespondsTo.Day)+": "+markdown.Line(e.RespondsTo.Text))
	}
	switch e.Referral {
	case register.Outside:
		out = append(out, "Referred to no body of this repository.")
	case register.Waiting, register.Answered:
		s := "Referred to " + bodyLink(*e.ReferredTo, depth)
		var answers []string
		for _, a := range e.Answers {
			outcome := strings.ReplaceAll(a.Outcome, "-", " ")
			if a.ReferredTo != nil {
				outcome = "referred on to " + bodyLink(*a.ReferredTo, depth)
			}
			answers = append(answers, outcome+" on "+words.LongDate(a.Day)+" ("+linkTo(&a, depth)+")")
		}
		switch {
		case len(answers) == 0:
			s += ": not yet answered."
		case e.Referral == register.Waiting:
			s += ": " + strings.Join(answers, "; ") + "; not yet settled."
		default:
			s += ": " + strings.Join(answers, "; ") + "."
		}
		out = append(out, s)
	}
	return out
}

// linkTo is decision l's id, linked to the minutes of its meeting.
func linkTo(l *register.Link, depth int) string {
	return "[" + markdown.Line(l.ID) + "](" + minutesTarget(depth, l.Network, l.Meeting) + ")"
}

// bodyLink is a body's name, linked to its decision register.
func bodyLink(b register.Body, depth int) string {
	return "the [" + markdown.Line(b.Name) + "](" + registerTarget(depth, b.Network) + ")"
}

// RegisterView is a body's decision register page.
type RegisterView struct {
	Name string
	Rows []RegisterRow
	// Waiting are the referrals made to the body that it has not yet
	// settled, whenever its next meeting is.
	Waiting []ReferralLine
}

// RegisterRow is one decision on the register page.
type RegisterRow struct {
	Date, MinutesLink, ID, Item, Text, Outcome, Votes string
	Referral                                          []string
}

// Register renders network in.Net's decision register, decisions.md
// beside its README.md: every decision of its held meetings
// (register.Entries), and the referrals made to it that it has not yet
// settled. It is a public page, never the restricted edition.
func Register(in Inputs) ([]byte, error) {
	return execute("decisions.md.tmpl", buildRegister(in))
}

// buildRegister is the view of network in.Net's decision register.
func buildRegister(in Inputs) RegisterView {
	v := RegisterView{Name: in.Net.N.Name}
	for _, e := range register.Entries([]*terms.Net{in.Net}, register.Filter{}) {
		v.Rows = append(v.Rows, RegisterRow{
			Date: e.Date, MinutesLink: minutesTarget(networkDepth, e.Network, e.Meeting),
			ID: e.ID, Item: e.Item, Text: e.Said(), Outcome: e.Outcome, Votes: e.Votes,
			Referral: referralNotes(e, networkDepth),
		})
	}
	var waiting []*terms.Referral
	for _, r := range in.Net.ReferralsTo() {
		if r.Settled() == nil {
			waiting = append(waiting, r)
		}
	}
	v.Waiting = referralLines(waiting, networkDepth)
	return v
}
