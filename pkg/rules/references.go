package rules

import (
	"fmt"
	"regexp"
	"sync"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

func referenceRules() []*Rule {
	return []*Rule{
		{ID: "duplicate-id", Title: "two members, decisions, actions or work items share an id within a network", Severity: diag.Error,
			Doc:   "Ids are how records refer to each other, so each must name one thing: members, decisions, actions and work items within a network (decisions and actions across all its meetings), seat titles within a network's terms, and organisations within the repository.",
			Bad:   "# x/members.yaml\nmembers:\n  - id: brent-hr\n    name: Head of HR, Brent\n  - id: brent-hr\n    name: Deputy Head of HR, Brent\n",
			Good:  "# x/members.yaml\nmembers:\n  - id: brent-hr\n    name: Head of HR, Brent\n  - id: brent-deputy-hr\n    name: Deputy Head of HR, Brent\n",
			Check: checkDuplicateIDs},
		unknownNetwork,
		{ID: "parent-cycle", Title: "networks that report to each other in a loop", Severity: diag.Error,
			Doc:   "Following parents upward must end at a body that reports to no one in the repository.",
			Bad:   "# a/network.yaml\nid: a\nname: A\nparent: b\n# b/network.yaml\nid: b\nname: B\nparent: a\n",
			Good:  "# a/network.yaml\nid: a\nname: A\nparent: b\n# b/network.yaml\nid: b\nname: B\n",
			Check: checkParentCycle},
		{ID: "unknown-organisation", Title: "an organisation or group that organisations.yaml lacks", Severity: diag.Error,
			Doc:   "Members, seats, quorum conditions, venue rotations, the secretariat, votes cast by organisation and work-item leads name organisations by their id in organisations.yaml; a group names a set of them. Sponsors may also be free text.",
			Bad:   "# x/members.yaml\nmembers:\n  - id: brent-hr\n    name: Head of HR, Brent\n    organisation: bront\n",
			Good:  "# x/members.yaml\nmembers:\n  - id: brent-hr\n    name: Head of HR, Brent\n    organisation: brent\n",
			Check: checkUnknownOrganisation},
		{ID: "unknown-member", Title: "a member id that members.yaml lacks", Severity: diag.Error,
			Doc:   "Owners of actions, attendees, substitutes, office holders, presenters, chairs, declarations, votes cast by members and work-item leads name members by their id in the network's members.yaml.",
			Bad:   "# x/meetings/2026-11-17.yaml\nattendance:\n  present: [brent-hr, lewisham-hr]\n",
			Good:  "# x/meetings/2026-11-17.yaml\nattendance:\n  present: [brent-hr]\n",
			Check: checkUnknownMember},
		{ID: "unknown-office", Title: "an office or seat title that network.yaml does not define", Severity: diag.Error,
			Doc:   "office_holders name an office under network.yaml offices; a member's seat is the title of one of network.yaml's seats.",
			Bad:   "# x/members.yaml\noffice_holders:\n  - office: chairman\n    member: brent-hr\n",
			Good:  "# x/members.yaml\noffice_holders:\n  - office: chair\n    member: brent-hr\n",
			Check: checkUnknownOffice},
		{ID: "unknown-meeting-kind", Title: "a meeting kind that network.yaml does not define", Severity: diag.Error,
			Doc:   "A meeting's kind is a key of network.yaml meetings, which says its cadence, notice and standing items.",
			Bad:   "# x/meetings/2026-11-17.yaml\ndate: 2026-11-17\nkind: ordnary\nstatus: planned\n",
			Good:  "# x/meetings/2026-11-17.yaml\ndate: 2026-11-17\nkind: ordinary\nstatus: planned\n",
			Check: checkUnknownKind},
		{ID: "unknown-meeting", Title: "approves_minutes names no earlier meeting", Severity: diag.Error,
			Doc:   "A meeting approves the minutes of earlier meetings of the same network, named by date; each date must be that of an earlier meeting.",
			Bad:   "# x/meetings/2026-11-17.yaml\napproves_minutes: [2026-10-21]   # the last meeting was on 2026-10-20\n",
			Good:  "# x/meetings/2026-11-17.yaml\napproves_minutes: [2026-10-20]\n",
			Check: checkUnknownMeeting},
	}
}

func checkDuplicateIDs(p *Pass) {
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

func checkParentCycle(p *Pass) {
	for _, nx := range p.Nets {
		seen := map[string]bool{nx.N.ID: true}
		path := []string{nx.N.ID}
		cur := nx.N
		for cur.Parent != nil {
			next, ok := p.Repo.Networks[cur.Parent.ID]
			if !ok {
				break
			}
			path = append(path, next.ID)
			if next.ID == nx.N.ID {
				p.Reportf(nx.N.Parent.Pos, "networks report to each other in a loop: %s", joinArrow(path))
				break
			}
			if seen[next.ID] {
				break // a loop further up; reported at its own members
			}
			seen[next.ID] = true
			cur = next
		}
	}
}

func joinArrow(ids []string) string {
	s := ""
	for i, id := range ids {
		if i > 0 {
			s += " -> "
		}
		s += id
	}
	return s
}

var reOrgID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`) })

func checkUnknownOrganisation(p *Pass) {
	org := func(r model.Ref, what string) {
		if r.ID == "" {
			return
		}
		if _, ok := p.Repo.Orgs[r.ID]; !ok {
			p.Reportf(r.Pos, "%s %q is not in organisations.yaml%s", what, r.ID, p.didYouMean(r.ID, "organisations", func() []string { return keys(p.Repo.Orgs) }))
		}
	}
	for _, nx := range p.Nets {
		n := nx.N
		if n.Secretariat != nil {
			org(*n.Secretariat, "secretariat")
		}
		for _, s := range n.Sponsors {
			if reOrgID().MatchString(s.ID) {
				org(s, "sponsor")
			}
		}
		for _, s := range n.Seats {
			for _, o := range s.Organisations {
				org(o, "seat organisation")
			}
			if s.Group != nil {
				if _, ok := p.Repo.Groups[s.Group.ID]; !ok {
					p.Reportf(s.Group.Pos, "group %q has no organisation in organisations.yaml%s", s.Group.ID, p.didYouMean(s.Group.ID, "groups", func() []string { return keys(p.Repo.Groups) }))
				}
			}
		}
		if q := n.Quorum; q != nil {
			for _, o := range q.EachOrganisationOf {
				org(o, "quorum organisation")
			}
		}
		for _, k := range n.Meetings {
			if k.Venue != nil {
				for _, o := range k.Venue.Rotate {
					org(o, "venue organisation")
				}
			}
		}
		for _, m := range nx.AllMembers() {
			if m.Organisation != nil {
				org(*m.Organisation, "organisation")
			}
		}
		for _, mt := range n.MeetingList {
			if mt.Venue != nil {
				for _, o := range mt.Venue.Rotate {
					org(o, "venue organisation")
				}
			}
			if nx.Basis() == "organisation" {
				forEachVote(mt, func(_ *model.Decision, r model.Ref) { org(r, "voter") })
			}
		}
	}
}

func forEachVote(mt *model.Meeting, f func(*model.Decision, model.Ref)) {
	for i := range mt.Decisions {
		d := &mt.Decisions[i]
		if d.Votes == nil {
			continue
		}
		for _, list := range [][]model.Ref{d.Votes.For, d.Votes.Against, d.Votes.Abstain} {
			for _, r := range list {
				f(d, r)
			}
		}
	}
}

func checkUnknownMember(p *Pass) {
	for _, nx := range p.Nets {
		mem := func(r model.Ref, what string) {
			if r.ID == "" {
				return
			}
			if _, ok := nx.Members[r.ID]; !ok {
				p.Reportf(r.Pos, "%s %q is not a member of %s%s", what, r.ID, nx.N.ID, p.didYouMean(r.ID, "members of "+nx.N.ID, func() []string { return keys(nx.Members) }))
			}
		}
		for _, m := range nx.AllMembers() {
			for _, s := range m.Substitutes {
				mem(s, "substitute")
			}
		}
		for _, h := range nx.Holders() {
			mem(h.Member, "office holder")
		}
		for _, mt := range nx.N.MeetingList {
			if mt.Chair != nil {
				mem(*mt.Chair, "chair")
			}
			if a := mt.Attendance; a != nil {
				for _, list := range [][]model.Ref{a.Present, a.Apologies, a.Absent} {
					for _, r := range list {
						mem(r, "attendee")
					}
				}
				for _, s := range a.Substitutes {
					mem(s.Substitute, "substitute")
				}
			}
			for _, it := range mt.Agenda {
				if it.Presenter != nil {
					mem(*it.Presenter, "presenter")
				}
			}
			for _, d := range mt.Declarations {
				mem(d.Member, "declaring member")
			}
			for _, a := range mt.Actions {
				mem(a.Owner, "action owner")
			}
			if nx.Basis() == "member" {
				forEachVote(mt, func(_ *model.Decision, r model.Ref) { mem(r, "voter") })
			}
		}
		if wp := nx.N.WorkProgramme; wp != nil {
			for _, it := range wp.Items {
				if it.Lead == nil {
					continue
				}
				_, isMember := nx.Members[it.Lead.ID]
				_, isOrg := p.Repo.Orgs[it.Lead.ID]
				if !isMember && !isOrg {
					p.Reportf(it.Lead.Pos, "lead %q is neither a member of %s nor an organisation%s", it.Lead.ID, nx.N.ID, p.didYouMean(it.Lead.ID, "leads of "+nx.N.ID, func() []string { return append(keys(nx.Members), keys(p.Repo.Orgs)...) }))
				}
			}
		}
	}
}

func checkUnknownOffice(p *Pass) {
	for _, nx := range p.Nets {
		for _, h := range nx.Holders() {
			if _, ok := nx.Offices[h.Office.ID]; !ok && h.Office.ID != "" {
				p.Reportf(h.Office.Pos, "office %q is not an office of %s%s", h.Office.ID, nx.N.ID, p.didYouMeanOrList(h.Office.ID, "offices of "+nx.N.ID, func() []string { return keys(nx.Offices) }, "offices", "offices", false))
			}
		}
		for _, m := range nx.AllMembers() {
			if m.Seat != nil {
				if _, ok := nx.Seats[m.Seat.ID]; !ok {
					p.Reportf(m.Seat.Pos, "seat %q is not a seat title of %s%s", m.Seat.ID, nx.N.ID, p.didYouMeanOrList(m.Seat.ID, "seats of "+nx.N.ID, func() []string { return keys(nx.Seats) }, "seat titles", "seats", true))
				}
			}
		}
	}
}

func checkUnknownKind(p *Pass) {
	for _, nx := range p.Nets {
		for _, mt := range nx.N.MeetingList {
			if mt.Kind.ID != "" && nx.MeetingKind(mt) == nil {
				p.Reportf(mt.Kind.Pos, "meeting kind %q is not defined in %s's network.yaml%s", mt.Kind.ID, nx.N.ID, p.didYouMeanOrList(mt.Kind.ID, "kinds of "+nx.N.ID, func() []string { return keys(nx.Kinds) }, "kinds", "meetings", false))
			}
		}
	}
}

func checkUnknownMeeting(p *Pass) {
	for _, nx := range p.Nets {
		// The first meeting of each day, by file name (2026-11-17 before
		// 2026-11-17-2), so that a second meeting may approve a first's minutes.
		first := map[string]string{}
		for _, mt := range nx.N.MeetingList {
			if f, ok := first[mt.Date.String()]; !ok || mt.File < f {
				first[mt.Date.String()] = mt.File
			}
		}
		for _, mt := range nx.N.MeetingList {
			for _, d := range mt.ApprovesMinutes {
				f, ok := first[d.String()]
				switch {
				case !ok:
					p.Reportf(d.Pos, "approves the minutes of %s, but %s has no meeting that day", d.String(), nx.N.ID)
				case d.After(mt.Date.Date) || d.Date == mt.Date.Date && f >= mt.File:
					p.Reportf(d.Pos, "approves the minutes of %s, which is not an earlier meeting", d.String())
				}
			}
		}
	}
}
