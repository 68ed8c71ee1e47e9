package rules

import (
	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// PapersLate is papers sent after the notice deadline.
const PapersLate ID = "papers-late"

var papersLate = &Rule{
	ID:       PapersLate,
	Title:    "papers sent after the notice deadline",
	Severity: diag.Warning,
	Doc: `
papers_sent is on or before the papers deadline that the kind's notice gives
(see the format reference: business days counted back from the meeting, or a
calendar period).
`,
	Check: func(p *Pass) {
		sent := func(mt *model.Meeting) bool { return mt.PapersSent.Set() }
		p.eachPapersDeadline(sent, func(mt *model.Meeting, deadline date.Date) {
			if mt.PapersSent.After(deadline) {
				p.Reportf(mt.PapersSent.Pos, "papers were sent on %s, after the deadline of %s", mt.PapersSent.String(), deadlineWords(deadline))
			}
		})
	},
}
