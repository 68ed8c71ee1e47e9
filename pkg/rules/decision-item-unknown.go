package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// DecisionItemUnknown is a decision taken under an item the meeting's agenda
// lacks.
const DecisionItemUnknown ID = "decision-item-unknown"

var decisionItemUnknown = &Rule{
	ID:       DecisionItemUnknown,
	Title:    "a decision taken under an item the meeting's agenda lacks",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A decision's item names the agenda item it was taken under: one of the
meeting's agenda, which is the terms' standing items for its kind (less
those omit_standing_items leaves off the meeting), the approval of the last
meeting's minutes, matters arising where earlier meetings left any, the
review of the work programme where the terms require one, and the items of
its record (case and spacing aside). A decision under an item the agenda
lacks was either taken without notice or its item is misspelt; add the item
to the record's agenda, or correct the decision's item. A decision under a
standing item left off the meeting is one too: the item was not taken. A
meeting whose record lists no items, of a kind with no standing items, is
not judged: nothing says what its agenda held.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				nx := nx.TermsOn(mt.Date)
				decisionItems(p, nx, mt)
			}
		}
	},
}

// decisionItems judges the decisions of meeting mt, working out its agenda
// once (a meeting of thousands of decisions costs no more than its length).
func decisionItems(p *Pass, nx *terms.Net, mt *model.Meeting) {
	k := nx.MeetingKind(mt)
	if len(mt.Decisions) == 0 || k == nil {
		return // the kind is misspelt (unknown-meeting-kind)
	}
	if len(mt.Agenda) == 0 && len(k.StandingItems) == 0 {
		return // nothing says what the agenda held
	}
	agenda := nx.Agenda(mt)
	titles := make([]string, len(agenda))
	onAgenda := make(map[string]bool, len(agenda))
	for i, e := range agenda {
		titles[i] = e.Title
		if e.Added && e.Referrals != nil {
			// What waits from other bodies is judged by the decision
			// alone (below), not by whether those bodies were read.
			continue
		}
		onAgenda[model.Norm(e.Title)] = true
	}
	if mt.HasPrivate() {
		titles = publicTitles(mt, titles) // never suggest a title kept off public pages
	}
	omitted, _ := nx.Omitted(mt)
	left := make(map[string]bool, len(omitted))
	for _, o := range omitted {
		left[model.Norm(o.Title)] = true
	}
	for i := range mt.Decisions {
		dec := &mt.Decisions[i]
		key := model.Norm(dec.Item)
		switch {
		case dec.Item == "" || onAgenda[key]:
		case terms.ReferralsItem(dec.Item) && dec.RespondsTo != nil:
			// The answer to a referral, under the item govctl adds for
			// them; referral-unknown judges what it answers.
		case terms.ReferralsItem(dec.Item):
			p.Reportf(dec.KeyPos("item"), "decision %s was taken under %q, which holds the answers to referrals from other bodies: name the referral it answers with responds_to: NETWORK/DECISION-ID, or take it under another item", dec.ID, dec.Item)
		case left[key]:
			p.Reportf(dec.KeyPos("item"), "decision %s was taken under %q, which omit_standing_items leaves off the meeting's agenda: take the decision under another item, or remove the omission", dec.ID, dec.Item)
		default:
			p.Reportf(dec.KeyPos("item"), "decision %s was taken under %q, which is not an item of the meeting's agenda%s", dec.ID, dec.Item, p.nearest(dec.Item, titles))
		}
	}
}
