package terms

import (
	"sync"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// Referral is a decision that one body referred to another: a decision of
// one of its held meetings with outcome referred whose refer_to names
// another network of the repository. A referral is made on the day of its
// meeting; the receiving body answers it with a decision of its own whose
// responds_to names it (NETWORK/DECISION-ID).
type Referral struct {
	From     *model.Network
	Meeting  *model.Meeting
	Decision *model.Decision
	To       *model.Network
	// Answers are the decisions of the receiving body's held meetings
	// that respond to it, in the order of its meetings.
	Answers []Answer
	// earlier is the referral this one's decision answers, when it
	// answers one (a referral passed on up a chain).
	earlier *Referral
}

// Item is the item the referral is about, as public output names it
// (words.ItemRef): its decision's item; or, for a decision taken under
// the referrals item (or under none) that answers an earlier referral,
// that referral's item, and so on up the chain. "" when none names one.
func (r *Referral) Item() string {
	for range maxChain {
		if r.Decision.Item != "" && !ReferralsItem(r.Decision.Item) {
			return words.ItemRef(r.Meeting, r.Decision.Item)
		}
		if r.earlier == nil {
			return ""
		}
		r = r.earlier
	}
	return ""
}

// maxChain bounds how far up a chain of referrals Item looks (a chain
// that loops is referral-unknown's: an answer before its referral).
const maxChain = 100

// Key is how responds_to names the referral: NETWORK/DECISION-ID.
func (r *Referral) Key() string { return r.From.ID + "/" + r.Decision.ID }

// Answer is a decision of a held meeting that responds to a referral.
type Answer struct {
	Network  *model.Network
	Meeting  *model.Meeting
	Decision *model.Decision
}

// Settles reports whether the answer disposes of the referral: any
// outcome but deferred (a body that defers a referral still has it to
// answer). An answer that refers it on to a third body settles it here.
func (a Answer) Settles() bool { return a.Decision.Outcome != "deferred" }

// AnsweredBefore is the first answer that settles the referral at a
// meeting dated before d, or nil.
func (r *Referral) AnsweredBefore(d date.Date) *Answer {
	for i := range r.Answers {
		if a := &r.Answers[i]; a.Settles() && a.Meeting.Date.Before(d) {
			return a
		}
	}
	return nil
}

// AnsweredBy is the first answer that settles the referral at a meeting
// dated on or before d, or nil.
func (r *Referral) AnsweredBy(d date.Date) *Answer { return r.AnsweredBefore(d.Add(1)) }

// Settled is the first answer that settles the referral, whenever it was
// given, or nil.
func (r *Referral) Settled() *Answer {
	for i := range r.Answers {
		if a := &r.Answers[i]; a.Settles() {
			return a
		}
	}
	return nil
}

// referralIndex is every referral of a repository, worked out once.
type referralIndex struct {
	all []*Referral
	// to are the referrals to each network, by its id, in the order made
	// (the referring networks' order, then their meetings').
	to map[string][]*Referral
	// byKey is each referral by NETWORK/DECISION-ID (the first of a
	// duplicate id).
	byKey map[string]*Referral
	// answers are the decisions of held meetings that give responds_to,
	// by the reference as read (layout.DecisionRef's parts joined by /).
	answers map[string][]Answer
}

// referrals builds the index of x's referrals once.
func (x *Repo) referrals() *referralIndex {
	x.refOnce.Do(func() {
		ix := &referralIndex{to: map[string][]*Referral{}, byKey: map[string]*Referral{}, answers: map[string][]Answer{}}
		for _, n := range x.Repo.Networks {
			if x.Networks[n.ID] != n {
				continue // a second folder of one id is not indexed
			}
			for _, m := range n.MeetingList {
				if m.Status != "held" {
					continue // a decision is taken at a meeting held
				}
				for i := range m.Decisions {
					d := &m.Decisions[i]
					if d.RespondsTo != nil {
						if net, id, ok := layout.DecisionRef(d.RespondsTo.ID); ok {
							key := net + "/" + id
							ix.answers[key] = append(ix.answers[key], Answer{Network: n, Meeting: m, Decision: d})
						}
					}
					if d.Outcome != "referred" || d.ReferTo == nil {
						continue
					}
					to, ok := x.Networks[d.ReferTo.ID]
					if !ok || to == n {
						continue // referral-unknown's
					}
					r := &Referral{From: n, Meeting: m, Decision: d, To: to}
					if _, dup := ix.byKey[r.Key()]; dup {
						continue // duplicate-id's
					}
					ix.byKey[r.Key()] = r
					ix.all = append(ix.all, r)
					ix.to[to.ID] = append(ix.to[to.ID], r)
				}
			}
		}
		for _, r := range ix.all {
			for _, a := range ix.answers[r.Key()] {
				if a.Network == r.To {
					r.Answers = append(r.Answers, a)
					if next := ix.byKey[a.Network.ID+"/"+a.Decision.ID]; next != nil && next.Decision == a.Decision {
						next.earlier = r
					}
				}
			}
		}
		x.refIndex = ix
	})
	return x.refIndex
}

// Referrals lists every referral of the repository, in the order made
// (the networks' order, then their meetings' and decisions').
func (x *Repo) Referrals() []*Referral { return x.referrals().all }

// ReferralOf is the referral that decision id of network net is, or nil.
func (x *Repo) ReferralOf(net, id string) *Referral { return x.referrals().byKey[net+"/"+id] }

// AnswersTo lists the decisions of held meetings, of any body, whose
// responds_to names decision id of network net, in the networks' order
// and then their meetings'.
func (x *Repo) AnswersTo(net, id string) []Answer { return x.referrals().answers[net+"/"+id] }

// ReferralsTo lists the referrals made to this body, in the order made.
func (nx *Net) ReferralsTo() []*Referral { return nx.Repo.referrals().to[nx.N.ID] }

// Waiting lists the referrals waiting for meeting m of this body: made
// before its day, and not settled by an answer at a meeting of this body
// before it, in the order made. They are on m's agenda to consider
// (Agenda), held or not.
func (nx *Net) Waiting(m *model.Meeting) []*Referral {
	var out []*Referral
	for _, r := range nx.ReferralsTo() {
		if r.Meeting.Date.Before(m.Date.Date) && r.AnsweredBefore(m.Date.Date) == nil {
			out = append(out, r)
		}
	}
	return out
}

// Responds is the referral decision d (of this body) answers, or nil
// when its responds_to names none (see FindDecision for what it names).
func (nx *Net) Responds(d *model.Decision) *Referral {
	if d.RespondsTo == nil {
		return nil
	}
	net, id, ok := layout.DecisionRef(d.RespondsTo.ID)
	if !ok {
		return nil
	}
	if r := nx.Repo.ReferralOf(net, id); r != nil && r.To.ID == nx.N.ID {
		return r
	}
	return nil
}

// FindDecision is decision id of network net, with the network and its
// meeting: the first of that id at a held meeting, else at any meeting.
// The network is nil when the repository has none of that id; the
// meeting and decision are nil when it has no decision of that id.
func (x *Repo) FindDecision(net, id string) (*model.Network, *model.Meeting, *model.Decision) {
	n, ok := x.Networks[net]
	if !ok {
		return nil, nil, nil
	}
	var anyM *model.Meeting
	var anyD *model.Decision
	for _, m := range n.MeetingList {
		for i := range m.Decisions {
			if d := &m.Decisions[i]; d.ID == id {
				if m.Status == "held" {
					return n, m, d
				}
				if anyD == nil {
					anyM, anyD = m, d
				}
			}
		}
	}
	if anyD == nil {
		return n, nil, nil
	}
	return n, anyM, anyD
}

// refState is the Repo's referral index, built on first asking.
type refState struct {
	refOnce  sync.Once
	refIndex *referralIndex
}
