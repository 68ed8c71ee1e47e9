package rules

import (
	"regexp"
	"sync"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// UnknownOrganisation is an organisation or group unknown to the repository.
const UnknownOrganisation ID = "unknown-organisation"

var unknownOrganisation = &Rule{
	ID:       UnknownOrganisation,
	Title:    "an organisation or group that organisations.yaml lacks",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Members, seats, quorum conditions, venue rotations, the secretariat, votes
cast by organisation, stand-ins, work-item leads, the organisations a
registered interest or an agenda item concerns name organisations by their
id in organisations.yaml; a group names a set of them. Sponsors may also be
free text.
`,
	Check: checkUnknownOrganisation,
}

// reOrgID tells a sponsor written as an id from one written as free text.
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
			for _, in := range m.Interests {
				for _, o := range in.Organisations {
					org(o, "organisation of an interest")
				}
			}
		}
		for _, mt := range n.MeetingList {
			if mt.Venue != nil {
				for _, o := range mt.Venue.Rotate {
					org(o, "venue organisation")
				}
			}
			for _, it := range mt.Agenda {
				for _, o := range it.Concerns {
					org(o, "organisation an item concerns")
				}
			}
			if a := mt.Attendance; a != nil {
				for _, s := range a.StandIns {
					if s.Organisation != nil {
						org(*s.Organisation, "stand-in's organisation")
					}
				}
			}
			if nx.Basis() == "organisation" {
				forEachVote(mt, func(_ *model.Decision, r model.Ref) { org(r, "voter") })
			}
		}
	}
}
