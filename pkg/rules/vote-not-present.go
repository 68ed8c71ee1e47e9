package rules

import (
	"fmt"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// VoteNotPresent is a vote from a member or organisation neither present nor
// represented at the meeting.
const VoteNotPresent ID = "vote-not-present"

var voteNotPresent = &Rule{
	ID:       VoteNotPresent,
	Title:    "a vote from a member or organisation not present or represented",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Only those at a meeting vote at it. Where votes are cast by member, each
voter is present or represented by a substitute; where they are cast by
organisation, each voting organisation has a member present, or one
represented by a substitute. A stand-in (a colleague who is not a member)
represents the member they stand in for where that member's seat has
substitute: allowed; elsewhere they attend but do not represent anyone
(stand-in-not-counted).

Where the attendance names someone who is not a member, or a member whose
seat or organisation is misspelt, who was there cannot be told, and the typo
is reported once, where it is written.
`,
	Check: func(p *Pass) {
		p.eachDecision(func(nx *terms.Net, mt *model.Meeting, dec *model.Decision) {
			if dec.Votes == nil || mt.Attendance == nil || mt.Status != "held" || !p.quorumJudged(nx, mt) {
				return
			}
			at := nx.Attendance(mt)
			there := map[string]bool{} // member ids, or organisation ids
			byMember := nx.Basis() == "member"
			add := func(m *model.Member) {
				if byMember {
					there[m.ID] = true
				} else {
					there[terms.OrgOf(m)] = true
				}
			}
			for _, m := range at.Present {
				add(m)
			}
			for m, by := range at.Represented {
				add(m)
				if by.Substitute != "" {
					there[by.Substitute] = true // a substitute votes as the member they stand in for
				}
			}
			seen := map[string]bool{}
			forEachVote(mt, func(d *model.Decision, r model.Ref) {
				if d != dec || seen[r.ID] || there[r.ID] || !p.knownVoter(nx, r.ID) {
					return
				}
				if !nx.Entitled(mt, r.ID) || p.entitlementHidden(nx, mt, r.ID) || !byMember && p.anyMemberTypo(nx) {
					return // vote-not-entitled's, or hidden by a typo reported once
				}
				seen[r.ID] = true
				who := "member " + r.ID
				if !byMember {
					who = nx.OrgName(r.ID)
				}
				why := ""
				for _, u := range at.Uncounted {
					if byMember && u.For.ID == r.ID || !byMember && terms.OrgOf(u.For) == r.ID {
						why = fmt.Sprintf(" (%q stood in for %s but is not counted: %s)", u.StandIn.Name, u.For.Name, u.Why)
						break
					}
				}
				p.Reportf(r.Pos, "%s voted on decision %s but was neither present nor represented at the meeting of %s%s", who, dec.ID, mt.Date.String(), why)
			})
		})
	},
}
