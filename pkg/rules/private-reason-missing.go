package rules

import (
	"fmt"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// PrivateReasonMissing is an item, decision or action marked private with
// no reason.
const PrivateReasonMissing ID = "private-reason-missing"

var privateReasonMissing = &Rule{
	ID:       PrivateReasonMissing,
	Title:    "an item, decision or action marked private with no reason",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Business is taken in private for a reason the public record states: the
paragraph of Schedule 12A to the Local Government Act 1972 that excludes the
public, "Commercially confidential", "Individual staffing matter". The public
papers show the item as "taken in private (REASON)". An agenda item,
decision or action whose private: is blank, or says only true or yes, gives
none; one that says false or no is not a reason either (to take the item in
public, remove private:).

Such an item is kept out of the public papers all the same: a private: key
always marks it private, so that nothing is published for want of a
reason. An item whose title stays off the public pages is named by its
place (agenda[2]).
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				for i := range mt.Agenda {
					if it := &mt.Agenda[i]; it.IsPrivate() {
						reasonMissing(p, it.Loc, it.Private, strings.TrimSuffix(itemLabel(mt, i), ","))
					}
				}
				for i := range mt.Decisions {
					if d := &mt.Decisions[i]; d.IsPrivate() {
						reasonMissing(p, d.Loc, d.Private, "decision "+d.ID)
					}
				}
				for i := range mt.Actions {
					if a := &mt.Actions[i]; a.IsPrivate() {
						reasonMissing(p, a.Loc, a.Private, "action "+a.ID)
					}
				}
			}
		}
	},
}

// reasonMissing reports a private: of what (at loc) that gives no reason.
func reasonMissing(p *Pass, loc model.Loc, reason, what string) {
	const hint = "say why it is taken in private (private: Schedule 12A, paragraph 3, or private: Commercially confidential)"
	switch r := strings.ToLower(strings.TrimSpace(reason)); r {
	case "":
		p.Reportf(loc.KeyPos("private"), "%s is marked private with no reason: %s", what, hint)
	case "true", "yes", "y", "on", "private":
		p.Reportf(loc.KeyPos("private"), "%s is marked private: %s gives no reason: %s", what, quoteReason(reason), hint)
	case "false", "no", "n", "off":
		p.Reportf(loc.KeyPos("private"), "%s has private: %s, which is no reason, and it is kept private: to take it in public remove private:, or %s", what, quoteReason(reason), hint)
	}
}

func quoteReason(s string) string { return fmt.Sprintf("%q", strings.TrimSpace(s)) }
