package rules

import (
	"fmt"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// InterestUndeclared is a member present at a meeting with a registered
// interest in an organisation an item concerns, who declared nothing on it.
const InterestUndeclared ID = "interest-undeclared"

var interestUndeclared = &Rule{
	ID:       InterestUndeclared,
	Title:    "a member present with a registered interest in an organisation an item concerns, who declared nothing on it",
	Severity: diag.Warning,
	Doc: `
A member's register of interests (members.yaml interests: text, the
organisations it concerns, from and until) says where a declaration may be
due; an agenda item's concerns: names the organisations the item is about.
At a held meeting, a member who was there (present, or a substitute
standing in) with an interest registered on the day in an organisation an
item concerns should have declared it on that item, or said why not: this
warns where the record has no declaration naming the member and the item
(its title, case and spacing aside).

Record the declaration under declarations: (member, item, interest), with
withdrew: true where the member left the room; an interest that has ended
takes an until date in the register. The agenda lists these interests
against each item as a prompt.

An item taken in private whose title is not published is named by its
place (agenda[2]).
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				if mt.Status != "held" || mt.Attendance == nil {
					continue
				}
				nx := nx.TermsOn(mt.Date)
				for i := range mt.Agenda {
					it := &mt.Agenda[i]
					for _, u := range nx.Undeclared(mt, it) {
						p.Reportf(it.KeyPos("concerns"), "%s, at the meeting of %s, declared nothing on %s, %s", u.Member.ID, mt.Date.String(), strings.TrimSuffix(itemLabel(mt, i), ","), interestWords(nx, it.Concerns, u))
					}
				}
			}
		}
	},
}

// interestWords says which organisations of orgs, those an item concerns,
// member u has interests registered in: `which concerns Capita, in which
// they have a registered interest ("Spouse employed by Capita")`.
func interestWords(nx *terms.Net, orgs []model.Ref, u terms.Undeclared) string {
	var names, texts []string
	seen := map[string]bool{}
	for _, o := range orgs {
		for _, in := range u.Interests {
			if in.Concerns(o.ID) && !seen[o.ID] {
				seen[o.ID] = true
				names = append(names, nx.OrgName(o.ID))
			}
		}
	}
	for _, in := range u.Interests {
		texts = append(texts, fmt.Sprintf("%q", in.Text))
	}
	noun := "their registered interest"
	if len(texts) > 1 {
		noun = "their registered interests"
	}
	return fmt.Sprintf("which concerns %s; %s: %s", words.List(names), noun, strings.Join(texts, "; "))
}
