package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// MeetingClash is two meetings of one kind closer together than half their
// cadence.
const MeetingClash ID = "meeting-clash"

var meetingClash = &Rule{
	ID:       MeetingClash,
	Title:    "two meetings of one kind closer together than half their cadence",
	Severity: diag.Warning,
	Doc: `
Two meetings of one kind (planned or held; a cancelled one does not count)
closer together than half the kind's cadence fall in one cadence period: one
of them is most likely a duplicate, planned beside a record that already
existed, or a date typed twice. Cancel one of them (status: cancelled), move
it to the period it belongs to, or remove a planned record never used.

A kind with no cadence (no every, on or per_year) is not judged.
`,
	Check: func(p *Pass) {
		p.eachKind(func(_ *terms.Net, k *model.MeetingKind, ms []*model.Meeting) {
			for j := 1; j < len(ms); j++ {
				a, b := ms[j-1], ms[j]
				if terms.Clash(k, a.Date.Date, b.Date.Date) {
					p.Reportf(b.KeyPos("date"), "the %s meeting of %s is %s after the one of %s, less than half its cadence (%s): two meetings in one cadence period",
						k.Name, b.Date.String(), words.Plural(int(b.Date.Sub(a.Date.Date)), "day"), a.Date.String(), words.Cadence(k))
				}
			}
		})
	},
}
