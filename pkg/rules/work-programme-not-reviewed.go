package rules

import (
	"github.com/govctl/govctl/pkg/diag"
)

// WorkProgrammeNotReviewed is a held meeting that did not review the work
// programme where its kind requires it.
const WorkProgrammeNotReviewed ID = "work-programme-not-reviewed"

var workProgrammeNotReviewed = &Rule{
	ID:       WorkProgrammeNotReviewed,
	Title:    "a held meeting did not review the work programme where the terms require it",
	Severity: diag.Error,
	Doc: `
Where a meeting kind has review_work_programme: true, every held meeting of
that kind has an agenda item whose title mentions the work programme: a
standing item of the kind (not left off the meeting with
omit_standing_items), or an item of the record that is not urgent business.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				nx := nx.TermsOn(mt.Date)
				k := nx.MeetingKind(mt)
				if k != nil && k.ReviewWorkProgramme && mt.Status == "held" && !nx.ReviewsWorkProgramme(mt) {
					p.Reportf(mt.KeyPos("status"), "the %s meeting of %s did not review the work programme, as the terms require (no agenda item mentions it)", k.Name, mt.Date.String())
				}
			}
		}
	},
}
