package rules

import "github.com/govctl/govctl/pkg/diag"

// UnknownMeeting is an approves_minutes date that names no earlier meeting.
const UnknownMeeting ID = "unknown-meeting"

var unknownMeeting = &Rule{
	ID:       UnknownMeeting,
	Title:    "approves_minutes names no earlier meeting",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A meeting approves the minutes of earlier meetings of the same network, named
by date; each date must be that of an earlier meeting.
`,
	Check: checkUnknownMeeting,
}

func checkUnknownMeeting(p *Pass) {
	for _, nx := range p.Nets {
		// The first meeting of each day, by file name (2026-11-17 before
		// 2026-11-17-2), so that a second meeting may approve a first's minutes.
		first := map[string]string{}
		for _, mt := range nx.N.MeetingList {
			if f, ok := first[mt.Date.String()]; !ok || mt.File < f {
				first[mt.Date.String()] = mt.File
			}
		}
		for _, mt := range nx.N.MeetingList {
			nx := nx.TermsOn(mt.Date)
			for _, d := range mt.ApprovesMinutes {
				f, ok := first[d.String()]
				switch {
				case !ok:
					p.Reportf(d.Pos, "approves the minutes of %s, but %s has no meeting that day", d.String(), nx.N.ID)
				case d.After(mt.Date.Date) || d.Date == mt.Date.Date && f >= mt.File:
					p.Reportf(d.Pos, "approves the minutes of %s, which is not an earlier meeting", d.String())
				}
			}
		}
	}
}
