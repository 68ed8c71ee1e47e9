package rules

import (
	"fmt"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// DuplicateID is an id used for two things where it must name one.
const DuplicateID ID = "duplicate-id"

var duplicateID = &Rule{
	ID:       DuplicateID,
	Title:    "two members, decisions, actions or work items share an id within a network",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Ids are how records refer to each other, so each must name one thing:
members, decisions, actions and work items within a network (decisions and
actions across all its meetings), seat titles within a network's terms, and
organisations within the repository.
`,
	Check: checkDuplicateID,
}

func checkDuplicateID(p *Pass) {
	seenOrg := map[string]model.Pos{}
	for _, o := range p.Repo.Repo.Organisations {
		dupCheck(p, seenOrg, "organisation", o.ID, o.KeyPos("id"))
	}
	for _, nx := range p.Nets {
		seen := map[string]model.Pos{}
		for _, m := range nx.AllMembers() {
			dupCheck(p, seen, "member", m.ID, m.KeyPos("id"))
		}
		// A seat's title is how members name it: of two seats with one
		// title, members can only ever reach the first.
		titles := map[string]model.Pos{}
		for _, s := range nx.N.Seats {
			dupCheckAs(p, titles, "seat title", s.Title, s.KeyPos("title"))
		}
		decisions, actions := map[string]model.Pos{}, map[string]model.Pos{}
		for _, mt := range nx.N.MeetingList {
			for _, d := range mt.Decisions {
				dupCheck(p, decisions, "decision", d.ID, d.KeyPos("id"))
			}
			for _, a := range mt.Actions {
				dupCheck(p, actions, "action", a.ID, a.KeyPos("id"))
			}
		}
		if wp := nx.N.WorkProgramme; wp != nil {
			items := map[string]model.Pos{}
			for _, it := range wp.Items {
				dupCheck(p, items, "work item", it.ID, it.KeyPos("id"))
			}
		}
	}
}

func dupCheck(p *Pass, seen map[string]model.Pos, what, id string, pos model.Pos) {
	dupCheckAs(p, seen, what+" id", id, pos)
}

// dupCheckAs reports id when seen already holds it; what names it ("member
// id", "seat title").
func dupCheckAs(p *Pass, seen map[string]model.Pos, what, id string, pos model.Pos) {
	if id == "" {
		return
	}
	if first, dup := seen[id]; dup {
		where := fmt.Sprintf("line %d", first.Line)
		if first.File != pos.File {
			where = fmt.Sprintf("%s:%d", first.File, first.Line)
		}
		p.Reportf(pos, "%s %q is used twice (first at %s)", what, id, where)
		return
	}
	seen[id] = pos
}
