package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// MissingStandingItem is a standing item left off a meeting without a
// reason, or an omission that names no standing item.
const MissingStandingItem ID = "missing-standing-item"

var missingStandingItem = &Rule{
	ID:       MissingStandingItem,
	Title:    "a standing item omitted from a meeting without a reason, or an omission that names no standing item",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Every standing item of a meeting's kind is on its agenda, whether or not
the record lists it: a record lists only its own items, and an item of a
standing item's title (case and spacing aside) adds to that item. A standing
item is left off one meeting only by an entry of omit_standing_items naming
it, with the reason (the example below that passes).

This rule reports an entry of omit_standing_items that names no standing
item of the meeting's kind (its title is probably misspelt, and the item it
meant is still on the agenda), an entry whose reason is blank, and a
standing item both left off and listed in the record's agenda (the record
contradicts itself; the item is left off until one of the two is removed).
A reason that is missing or empty is missing-field's. A meeting of an
unknown kind is not judged (unknown-meeting-kind).
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				nx := nx.TermsOn(mt.Date)
				k := nx.MeetingKind(mt)
				if k == nil || len(mt.OmitStanding) == 0 {
					continue
				}
				omitted, unknown := nx.Omitted(mt)
				for _, o := range unknown {
					if o.Item == "" {
						continue // missing-field
					}
					p.Reportf(o.KeyPos("item"), "%q is not a standing item of %s meetings, so it cannot be left off%s", o.Item, k.Name, standingHint(o.Item, k.StandingItems))
				}
				for i := range mt.OmitStanding {
					o := &mt.OmitStanding[i]
					if o.Reason != "" && strings.TrimSpace(o.Reason) == "" && !slices.Contains(unknown, o) {
						p.Reportf(o.KeyPos("reason"), "the standing item %q is left off with a blank reason: say why it is not taken at this meeting", o.Item)
					}
				}
				for _, om := range omitted {
					for j := range mt.Agenda {
						it := &mt.Agenda[j]
						if model.NormEqual(it.Title, om.Title) {
							p.Reportf(om.Entry.KeyPos("item"), "the standing item %q is left off this meeting, but the agenda lists it too (line %d): remove it from one of them", om.Title, it.At.Line)
							break
						}
					}
				}
			}
		}
	},
}

// standingHint says which standing item a misspelt title may mean, or what
// the standing items are.
func standingHint(title string, standing []string) string {
	if len(standing) == 0 {
		return ": these meetings have no standing items, so remove the entry"
	}
	if s := didYouMean(title, standing); s != "" {
		return s
	}
	quoted := make([]string, len(standing))
	for i, s := range standing {
		quoted[i] = fmt.Sprintf("%q", s)
	}
	return "; the standing items are " + words.List(quoted)
}
