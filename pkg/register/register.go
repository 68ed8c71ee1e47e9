// Package register works out the decision register: every decision taken
// at the held meetings of one or more bodies, with its item, text, outcome
// and votes in words, where it was referred and how the receiving body
// answered it, or which referral it answers. The generated register page
// of each body (package render) and `govctl decisions` show it; both
// show only the public record (a private decision's text is "taken in
// private (REASON)", an unpublished item's title "a private item").
package register

import (
	"fmt"
	"strings"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// The states of a referred decision (Entry.Referral).
const (
	// Answered: the receiving body has settled it (terms.Answer.Settles).
	Answered = "answered"
	// Waiting: the receiving body has not yet settled it.
	Waiting = "waiting"
	// Outside: referred with no refer_to: to somewhere outside the
	// repository.
	Outside = "outside"
)

// Entry is one decision on the register (and the JSON shape of `govctl
// decisions`, which is stable).
type Entry struct {
	Network     string `json:"network"`
	NetworkName string `json:"network_name"`
	ID          string `json:"id"`
	// Date is the day of the meeting; Meeting its record's name
	// (2026-11-17, or 2026-11-17-2 for a second meeting that day).
	Date    string    `json:"date"`
	Day     date.Date `json:"-"`
	Meeting string    `json:"meeting"`
	Item    string    `json:"item"`
	// Text is what was decided, or "taken in private (REASON)"; "" for an
	// answer to a referral that gives no text of its own.
	Text string `json:"text"`
	// Private is why a private decision is private.
	Private string `json:"private,omitempty"`
	Outcome string `json:"outcome"`
	// Votes are the recorded votes in words ("" when none is recorded).
	Votes string `json:"votes"`
	// ReferredTo is the body a referred decision went to (nil for any
	// other decision, and for one referred outside the repository).
	ReferredTo *Body `json:"referred_to"`
	// Referral is, for a referred decision, Answered, Waiting or Outside;
	// "" for any other.
	Referral string `json:"referral"`
	// Answers are the receiving body's answers to a referred decision,
	// in the order of its meetings (one that defers it among them).
	Answers []Link `json:"answers"`
	// RespondsTo is the referral this decision answers (nil when none).
	RespondsTo *Link `json:"responds_to"`
}

// Body is a body of the repository.
type Body struct {
	Network string `json:"network"`
	Name    string `json:"name"`
}

// Link is a decision of another body: a referral answered, or an answer.
type Link struct {
	Body
	ID      string    `json:"id"`
	Date    string    `json:"date"`
	Day     date.Date `json:"-"`
	Meeting string    `json:"meeting"`
	Outcome string    `json:"outcome"`
	// Text is as Entry's: public, and "" for an answer with no text.
	Text string `json:"text"`
	// ReferredTo is, for an answer that refers the matter on to a third
	// body, that body.
	ReferredTo *Body `json:"referred_to,omitempty"`
}

// Filter narrows the register: decisions of meetings from From to Until
// (both inclusive, zero for no bound), of outcome Outcome ("" for all).
type Filter struct {
	From, Until date.Date
	Outcome     string
}

func (f Filter) keeps(m *model.Meeting, d *model.Decision) bool {
	switch {
	case !f.From.IsZero() && m.Date.Before(f.From):
		return false
	case !f.Until.IsZero() && m.Date.After(f.Until):
		return false
	}
	return f.Outcome == "" || d.Outcome == f.Outcome
}

// Entries lists the decisions of the held meetings of nets that pass f, in
// the networks' order, then by meeting, then as each record lists them.
func Entries(nets []*terms.Net, f Filter) []Entry {
	out := []Entry{}
	for _, nx := range nets {
		for _, m := range nx.N.MeetingList {
			if m.Status != "held" {
				continue
			}
			for i := range m.Decisions {
				if d := &m.Decisions[i]; f.keeps(m, d) {
					out = append(out, Of(nx, m, d))
				}
			}
		}
	}
	return out
}

// Of is decision d of meeting m of nx as the register has it.
func Of(nx *terms.Net, m *model.Meeting, d *model.Decision) Entry {
	e := Entry{Network: nx.N.ID, NetworkName: nx.N.Name, ID: d.ID, Date: m.Date.String(), Day: m.Date.Date, Meeting: m.File,
		Item: words.ItemRef(m, d.Item), Text: words.DecisionText(m, d), Outcome: d.Outcome, Votes: nx.VotesWords(d),
		Answers: []Link{}}
	if reason, private := words.DecisionPrivate(m, d); private {
		e.Private = words.PrivateReason(reason)
	}
	if d.Outcome == "referred" {
		e.Referral = Outside
		// The referral of this id made at this meeting (m may be the
		// restricted edition's copy of the record).
		if r := nx.Repo.ReferralOf(nx.N.ID, d.ID); r != nil && r.Meeting.File == m.File {
			e.ReferredTo = &Body{Network: r.To.ID, Name: r.To.Name}
			e.Referral = Waiting
			if r.Settled() != nil {
				e.Referral = Answered
			}
			for _, a := range r.Answers {
				e.Answers = append(e.Answers, link(nx.Repo, a.Network, a.Meeting, a.Decision))
			}
		}
	}
	if r := nx.Responds(d); r != nil {
		l := link(nx.Repo, r.From, r.Meeting, r.Decision)
		e.RespondsTo = &l
	}
	return e
}

func link(x *terms.Repo, n *model.Network, m *model.Meeting, d *model.Decision) Link {
	l := Link{Body: Body{Network: n.ID, Name: n.Name}, ID: d.ID, Date: m.Date.String(), Day: m.Date.Date, Meeting: m.File, Outcome: d.Outcome, Text: words.DecisionText(m, d)}
	if x.ReferralOf(n.ID, d.ID) != nil {
		to := x.Networks[d.ReferTo.ID]
		l.ReferredTo = &Body{Network: to.ID, Name: to.Name}
	}
	return l
}

// Said is what the register says was decided: the text, or for an answer
// to a referral with no text of its own, what was referred ("As
// referred: ...").
func (e Entry) Said() string {
	if e.Text == "" && e.RespondsTo != nil {
		return "As referred: " + e.RespondsTo.Text
	}
	return e.Text
}

// ReferralWords says in plain words where a referred decision went and how
// it was answered, and which referral an answer answers: "answers
// sts-omg/D-2026-11-17-1 (Operational Management Group, 2026-11-17);
// referred to Joint Committee (sts-joint-committee): agreed on
// 2027-01-20 by D-4"; "" for a decision that is neither.
func (e Entry) ReferralWords() string {
	var parts []string
	if r := e.RespondsTo; r != nil {
		parts = append(parts, fmt.Sprintf("answers %s/%s (%s, %s)", r.Network, r.ID, r.Name, r.Date))
	}
	switch e.Referral {
	case Outside:
		parts = append(parts, "referred outside the repository")
	case Answered, Waiting:
		s := fmt.Sprintf("referred to %s (%s)", e.ReferredTo.Name, e.ReferredTo.Network)
		var answers []string
		for _, a := range e.Answers {
			answers = append(answers, fmt.Sprintf("%s on %s by %s", a.outcome(), a.Date, a.ID))
		}
		switch {
		case len(answers) == 0:
			s += ": not yet answered"
		case e.Referral == Waiting:
			s += ": " + strings.Join(answers, ", ") + ", not yet settled"
		default:
			s += ": " + strings.Join(answers, ", ")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// outcome is the answer's outcome in words: "agreed", "not agreed",
// "referred on to Joint Committee (jc)".
func (l Link) outcome() string {
	if l.ReferredTo != nil {
		return fmt.Sprintf("referred on to %s (%s)", l.ReferredTo.Name, l.ReferredTo.Network)
	}
	return strings.ReplaceAll(l.Outcome, "-", " ")
}
