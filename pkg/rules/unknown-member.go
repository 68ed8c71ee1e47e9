package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// UnknownMember is a member id that the network's members.yaml lacks.
const UnknownMember ID = "unknown-member"

var unknownMember = &Rule{
	ID:       UnknownMember,
	Title:    "a member id that members.yaml lacks",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Owners of actions, attendees, substitutes, the members stand-ins stand in
for, office holders, presenters, chairs, declarations, votes cast by members
and work-item leads name members by their id in the network's members.yaml.
`,
	Check: checkUnknownMember,
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
			nx := nx.TermsOn(mt.Date)
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
				for _, s := range a.StandIns {
					if _, ok := nx.Members[s.For.ID]; !ok && s.For.ID != "" {
						p.Reportf(s.For.Pos, "%q stands in for %q, who is not a member of %s%s", s.Name, s.For.ID, nx.N.ID, p.didYouMean(s.For.ID, "members of "+nx.N.ID, func() []string { return keys(nx.Members) }))
					}
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
