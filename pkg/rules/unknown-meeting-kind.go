package rules

import "github.com/govctl/govctl/pkg/diag"

// UnknownMeetingKind is a meeting kind that network.yaml does not define.
const UnknownMeetingKind ID = "unknown-meeting-kind"

var unknownMeetingKind = &Rule{
	ID:       UnknownMeetingKind,
	Title:    "a meeting kind that network.yaml does not define",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A meeting's kind is a key of network.yaml meetings, which says its cadence,
notice and standing items.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				nx := nx.TermsOn(mt.Date)
				if mt.Kind.ID != "" && nx.MeetingKind(mt) == nil {
					p.Reportf(mt.Kind.Pos, "meeting kind %q is not defined in %s's network.yaml%s", mt.Kind.ID, nx.N.ID, p.didYouMeanOrList(mt.Kind.ID, "kinds of "+nx.N.ID, func() []string { return keys(nx.Kinds) }, "kinds", "meetings", false))
				}
			}
		}
	},
}
