package rules

import (
	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// PapersOverdue is a planned meeting whose papers deadline has passed with no
// papers sent.
const PapersOverdue ID = "papers-overdue"

var papersOverdue = &Rule{
	ID:       PapersOverdue,
	Title:    "the notice deadline of a planned meeting has passed with no papers sent",
	Severity: diag.Warning,
	Doc: `
A planned meeting, not yet past, whose papers deadline is before the as-of
date, records papers_sent.
`,
	Check: func(p *Pass) {
		due := func(mt *model.Meeting) bool {
			return mt.Status == "planned" && !mt.PapersSent.Set() && !mt.Date.Before(p.AsOf.Date)
		}
		p.eachPapersDeadline(due, func(mt *model.Meeting, deadline date.Date) {
			if deadline.Before(p.AsOf.Date) {
				p.Reportf(mt.KeyPos("status"), "papers for the meeting of %s were due by %s and none are recorded as sent", mt.Date.String(), deadlineWords(deadline))
			}
		})
	},
}
