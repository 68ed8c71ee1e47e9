package register_test

import (
	"testing"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/register"
	"github.com/govctl/govctl/pkg/terms"
)

func day(s string) model.Date { return model.Date{Date: date.MustParseISO(s)} }

// bodies: omg refers a decision under a private item to jmb, which
// answers it with no text; another goes outside; jmb has a planned
// meeting whose decisions are not on the register.
func bodies() (omg, jmb *terms.Net) {
	o := &model.Network{ID: "omg", Folder: "omg", Name: "Group"}
	j := &model.Network{ID: "jmb", Folder: "jmb", Name: "Board"}
	o.MeetingList = []*model.Meeting{{File: "2026-10-01", Date: day("2026-10-01"), Status: "held",
		Agenda: []model.AgendaItem{{Title: "Staffing case", Private: "Schedule 12A, paragraph 1"}},
		Decisions: []model.Decision{
			{ID: "D-1", Item: "Staffing case", Outcome: "referred", ReferTo: &model.Ref{ID: "jmb"}, Private: "Schedule 12A, paragraph 1"},
			{ID: "D-2", Text: "Refer the dispute to the councils", Outcome: "referred"},
		}}}
	j.MeetingList = []*model.Meeting{
		{File: "2026-10-15", Date: day("2026-10-15"), Status: "held", Decisions: []model.Decision{
			{ID: "J-1", Outcome: "agreed", RespondsTo: &model.Ref{ID: "omg/D-1"}},
		}},
		{File: "2026-11-15", Date: day("2026-11-15"), Status: "planned", Decisions: []model.Decision{
			{ID: "J-9", Text: "Drafted", Outcome: "agreed"},
		}},
	}
	x := terms.NewRepo(&model.Repo{Networks: []*model.Network{j, o}})
	return x.Network(o), x.Network(j)
}

func TestEntries(t *testing.T) {
	omg, jmb := bodies()
	es := register.Entries([]*terms.Net{jmb, omg}, register.Filter{})
	if len(es) != 3 {
		t.Fatalf("%d entries, want 3 (no planned meeting's): %+v", len(es), es)
	}
	answer, private, outside := es[0], es[1], es[2]
	if answer.ID != "J-1" || answer.Text != "" || answer.Said() != "As referred: taken in private (Schedule 12A, paragraph 1)" ||
		answer.ReferralWords() != "answers omg/D-1 (Group, 2026-10-01)" {
		t.Errorf("the answer: %+v, said %q, referral %q", answer, answer.Said(), answer.ReferralWords())
	}
	if private.Item != "a private item" || private.Text != "taken in private (Schedule 12A, paragraph 1)" || private.Private != "Schedule 12A, paragraph 1" ||
		private.Referral != register.Answered || private.ReferralWords() != "referred to Board (jmb): agreed on 2026-10-15 by J-1" {
		t.Errorf("the private referral: %+v, %q", private, private.ReferralWords())
	}
	if outside.Referral != register.Outside || outside.ReferralWords() != "referred outside the repository" {
		t.Errorf("referred outside: %+v", outside)
	}
	if got := register.Entries([]*terms.Net{omg}, register.Filter{Outcome: "agreed"}); len(got) != 0 {
		t.Errorf("agreed at omg: %+v", got)
	}
	if got := register.Entries([]*terms.Net{jmb, omg}, register.Filter{From: day("2026-10-02").Date}); len(got) != 1 || got[0].ID != "J-1" {
		t.Errorf("from 2 October: %+v", got)
	}
}
