package rules

import (
	"slices"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// MissingStandingItem is a meeting's agenda without a standing item of its
// kind.
const MissingStandingItem ID = "missing-standing-item"

var missingStandingItem = &Rule{
	ID:       MissingStandingItem,
	Title:    "a meeting's agenda, where it has one, lacks a standing item",
	Severity: diag.Error,
	Doc: `
When a meeting record has an agenda, it holds every standing item of its kind
(titles compared ignoring case and spacing).
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				k := nx.MeetingKind(mt)
				if k == nil || len(mt.Agenda) == 0 {
					continue
				}
				for _, si := range k.StandingItems {
					if !slices.ContainsFunc(mt.Agenda, func(it model.AgendaItem) bool { return model.NormEqual(it.Title, si) }) {
						p.Reportf(mt.KeyPos("agenda"), "the agenda lacks the standing item %q", si)
					}
				}
			}
		}
	},
}
