package rules

import (
	"slices"

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
		p.eachDecision(func(nx *terms.Net, mt *model.Meeting, dec *model.Decision) {
			k := nx.MeetingKind(mt)
			if dec.Item == "" || k == nil {
				return // no item named; or the kind is misspelt (unknown-meeting-kind)
			}
			if len(mt.Agenda) == 0 && len(k.StandingItems) == 0 {
				return // nothing says what the agenda held
			}
			agenda := nx.Agenda(mt)
			if slices.ContainsFunc(agenda, func(e terms.AgendaEntry) bool { return model.NormEqual(e.Title, dec.Item) }) {
				return
			}
			if omitted, _ := nx.Omitted(mt); slices.ContainsFunc(omitted, func(o terms.Omission) bool { return model.NormEqual(o.Title, dec.Item) }) {
				p.Reportf(dec.KeyPos("item"), "decision %s was taken under %q, which omit_standing_items leaves off the meeting's agenda: take the decision under another item, or remove the omission", dec.ID, dec.Item)
				return
			}
			titles := make([]string, len(agenda))
			for i, e := range agenda {
				titles[i] = e.Title
			}
			p.Reportf(dec.KeyPos("item"), "decision %s was taken under %q, which is not an item of the meeting's agenda%s", dec.ID, dec.Item, didYouMean(dec.Item, titles))
		})
	},
}
