package rules

import (
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
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
that kind has an agenda item whose title mentions the work programme.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				k := nx.MeetingKind(mt)
				if k != nil && k.ReviewWorkProgramme && mt.Status == "held" && !ReviewsWorkProgramme(mt) {
					p.Reportf(mt.KeyPos("status"), "the %s meeting of %s did not review the work programme, as the terms require (no agenda item mentions it)", k.Name, mt.Date.String())
				}
			}
		}
	},
}

// ReviewsWorkProgramme reports whether a meeting's agenda has an item about
// the work programme.
func ReviewsWorkProgramme(mt *model.Meeting) bool {
	for _, it := range mt.Agenda {
		t := strings.ReplaceAll(model.Norm(it.Title), "-", " ")
		if strings.Contains(t, "work programme") || strings.Contains(t, "work program") {
			return true
		}
	}
	return false
}
