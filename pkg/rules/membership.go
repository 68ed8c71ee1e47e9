package rules

import (
	"slices"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

func membershipRules() []*Rule {
	return []*Rule{
		{ID: "seat-vacant", Title: "a seat has fewer current members than it needs", Severity: diag.Error,
			Doc:   "Each organisation a seat admits needs at least per_organisation's minimum of current members (on the as-of date) in that seat.",
			Bad:   "# x/network.yaml\nseats:\n  - organisations: [brent, lewisham]\n    per_organisation: 1\n    title: Appointed Partner\n# x/members.yaml\nmembers:\n  - {id: brent-it, name: Head of IT, organisation: brent, seat: Appointed Partner}\n",
			Good:  "# x/members.yaml\nmembers:\n  - {id: brent-it, name: Head of IT, organisation: brent, seat: Appointed Partner}\n  - {id: lewisham-it, name: Head of IT, organisation: lewisham, seat: Appointed Partner}\n",
			Check: checkSeats},
		{ID: "seat-overfilled", Title: "a seat has more current members than it allows", Severity: diag.Error,
			Doc:  "No organisation may have more current members in a seat than per_organisation's maximum.",
			Bad:  "# x/network.yaml\nseats:\n  - organisations: [brent]\n    per_organisation: 1\n    title: Appointed Partner\n# x/members.yaml\nmembers:\n  - {id: a, name: Head of IT, organisation: brent, seat: Appointed Partner}\n  - {id: b, name: Deputy Head of IT, organisation: brent, seat: Appointed Partner}\n",
			Good: "# x/members.yaml\nmembers:\n  - {id: a, name: Head of IT, organisation: brent, seat: Appointed Partner, substitutes: [b]}\n  - {id: b, name: Deputy Head of IT, organisation: brent}\n"},
		{ID: "seat-organisation", Title: "a member sits in a seat that does not admit their organisation", Severity: diag.Error,
			Doc:  "A member's seat must admit the member's organisation (by its organisations list or its group).",
			Bad:  "# x/members.yaml\nmembers:\n  - {id: a, name: Head of IT, organisation: camden, seat: Appointed Partner}   # the seat admits brent only\n",
			Good: "# x/members.yaml\nmembers:\n  - {id: a, name: Head of IT, organisation: brent, seat: Appointed Partner}\n"},
		{ID: "substitute-missing", Title: "a seat requires a named substitute and its member has none", Severity: diag.Error,
			Doc:   "Where a seat says substitute: named, every current member in it names at least one substitute (a member id) in substitutes, and at least one of them is still a member on the as-of date.",
			Bad:   "# x/members.yaml\nmembers:\n  - {id: a, name: Head of IT, organisation: brent, seat: Appointed Partner}\n",
			Good:  "# x/members.yaml\nmembers:\n  - {id: a, name: Head of IT, organisation: brent, seat: Appointed Partner, substitutes: [b]}\n  - {id: b, name: Deputy Head of IT, organisation: brent}\n",
			Check: checkSubstitutes},
		{ID: "office-vacant", Title: "an office has no current holder", Severity: diag.Error,
			Doc:   "An office whose count has a minimum of one or more (the default count is 1) needs a current holder on the as-of date in office_holders (a holder who is no longer a member does not count). Write count: {min: 0, max: 1} for an office that may stand empty.",
			Bad:   "# x/network.yaml\noffices:\n  chair: {appointment: elected}\n# x/members.yaml\noffice_holders: []\n",
			Good:  "# x/members.yaml\noffice_holders:\n  - {office: chair, member: brent-hr, from: 2026-04-01}\n",
			Check: checkOffices},
		{ID: "office-overfilled", Title: "more current holders than the office allows", Severity: diag.Error,
			Doc:  "No more members may hold an office on the as-of date than its count allows (co-chairs: count: {min: 1, max: 3}).",
			Bad:  "# x/network.yaml\noffices:\n  chair: {count: 1}\n# x/members.yaml\noffice_holders:\n  - {office: chair, member: a}\n  - {office: chair, member: b}\n",
			Good: "# x/network.yaml\noffices:\n  chair: {count: {min: 1, max: 2}}\n"},
		{ID: "term-too-long", Title: "a recorded holding is longer than the office's term", Severity: diag.Error,
			Doc:  "A holding with from and until may last no longer than the office's term: until may be at most the anniversary of from (from + term).",
			Bad:  "# x/network.yaml\noffices:\n  chair: {term: P12M}\n# x/members.yaml\noffice_holders:\n  - {office: chair, member: a, from: 2025-04-01, until: 2026-06-30}\n",
			Good: "# x/members.yaml\noffice_holders:\n  - {office: chair, member: a, from: 2025-04-01, until: 2026-03-31}\n"},
		{ID: "term-expired", Title: "the current holder's term ended before the as-of date", Severity: diag.Warning,
			Doc:  "A holding still current on the as-of date (no until, or until later) whose term, counted from its from date, ended before the as-of date: the office is due for election or appointment.",
			Bad:  "# x/network.yaml\noffices:\n  chair: {term: P2Y}\n# x/members.yaml  (as of 2026-11-23)\noffice_holders:\n  - {office: chair, member: a, from: 2024-01-01}\n",
			Good: "# x/members.yaml\noffice_holders:\n  - {office: chair, member: a, from: 2024-01-01, until: 2025-12-31}\n  - {office: chair, member: b, from: 2026-01-01}\n"},
		{ID: "quorum-unreachable", Title: "the current membership can never make the quorum", Severity: diag.Error,
			Doc:   "With the membership on the as-of date, the quorum could not be met even if everyone came: an organisation in each_organisation_of has no current voting member, or members asks for more than there are.",
			Bad:   "# x/network.yaml\nquorum:\n  each_organisation_of: [brent, lewisham, southwark]   # no member from southwark\n",
			Good:  "# x/members.yaml\nmembers:\n  - {id: southwark-it, name: Head of IT, organisation: southwark, seat: Appointed Partner}\n",
			Check: checkQuorumReachable},
	}
}

func checkSeats(p *Pass) {
	vacant, over, wrongOrg := ruleNamed(p, "seat-vacant"), ruleNamed(p, "seat-overfilled"), ruleNamed(p, "seat-organisation")
	for _, nx := range p.Nets {
		// A member whose seat or organisation is misspelt is reported as
		// unknown-office or unknown-organisation; the vacancy it leaves is
		// not reported again.
		seatTypo, orgTypo := map[string]bool{}, map[string]bool{}
		for _, m := range nx.CurrentMembers(p.AsOf) {
			if m.Seat != nil {
				if _, ok := nx.Seats[m.Seat.ID]; !ok {
					seatTypo[terms.OrgOf(m)] = true
				}
				if m.Organisation != nil {
					if _, ok := p.Repo.Orgs[m.Organisation.ID]; !ok {
						orgTypo[m.Seat.ID] = true
					}
				}
			}
		}
		for i := range nx.N.Seats {
			s := &nx.N.Seats[i]
			if s.Title == "" {
				continue // missing-field; no member can name it
			}
			orgs := nx.SeatOrgs(s)
			count := map[string]int{}
			for _, m := range nx.CurrentMembers(p.AsOf) {
				if m.Seat != nil && m.Seat.ID == s.Title {
					count[terms.OrgOf(m)]++
				}
			}
			r := s.PerOrg()
			for _, o := range orgs {
				if _, known := p.Repo.Orgs[o]; !known {
					continue // unknown-organisation
				}
				switch n := count[o]; {
				case n < r.Min && (seatTypo[o] || orgTypo[s.Title]):
					// explained by a misspelt seat or organisation
				case n < r.Min:
					p.reportAs(vacant, s.At, "seat %q needs %s from %s; it has %d", s.Title, words.Plural(r.Min, "current member"), p.Repo.OrgName(o), n)
				case r.HasMax && n > r.Max:
					p.reportAs(over, s.At, "seat %q allows %s from %s; it has %d", s.Title, words.Plural(r.Max, "member"), p.Repo.OrgName(o), n)
				}
			}
		}
		for _, m := range nx.AllMembers() {
			if m.Seat == nil || m.Organisation == nil {
				continue
			}
			s, ok := nx.Seats[m.Seat.ID]
			if !ok {
				continue
			}
			if _, known := p.Repo.Orgs[m.Organisation.ID]; known && !slices.Contains(nx.SeatOrgs(s), m.Organisation.ID) {
				p.reportAs(wrongOrg, m.Organisation.Pos, "member %s sits in seat %q, which does not admit %s", m.ID, s.Title, p.Repo.OrgName(m.Organisation.ID))
			}
		}
	}
}

// ruleNamed returns the rule with id from the table, for checks that report
// several related rules in one pass.
func ruleNamed(p *Pass, id string) *Rule {
	return p.rules[ID(id)]
}

// reportAs records a finding of rule r.
func (p *Pass) reportAs(r *Rule, pos model.Pos, format string, args ...any) {
	saved := p.rule
	p.rule = r
	p.Reportf(pos, format, args...)
	p.rule = saved
}

func checkSubstitutes(p *Pass) {
	for _, nx := range p.Nets {
		for _, m := range nx.CurrentMembers(p.AsOf) {
			if m.Seat == nil {
				continue
			}
			s, ok := nx.Seats[m.Seat.ID]
			if !ok || s.Substitute != "named" {
				continue
			}
			if len(m.Substitutes) == 0 {
				p.Reportf(m.At, "member %s sits in seat %q, which requires a named substitute; add substitutes: [member id]", m.ID, s.Title)
				continue
			}
			// A member cannot stand in for themselves.
			others := slices.DeleteFunc(slices.Clone(m.Substitutes), func(r model.Ref) bool { return r.ID == m.ID })
			if len(others) == 0 {
				p.Reportf(m.KeyPos("substitutes"), "member %s sits in seat %q, which requires a named substitute, and names only themselves", m.ID, s.Title)
				continue
			}
			// A substitute who is no longer a member cannot stand in (an
			// unknown id is unknown-member's).
			current := false
			for _, r := range others {
				if sub, known := nx.Members[r.ID]; !known || sub.CurrentOn(p.AsOf) {
					current = true
				}
			}
			if !current {
				p.Reportf(m.KeyPos("substitutes"), "member %s sits in seat %q, which requires a named substitute, and none of %s is a member on %s", m.ID, s.Title, words.List(model.IDs(others)), p.AsOf.String())
			}
		}
	}
}

func checkOffices(p *Pass) {
	over, tooLong, expired := ruleNamed(p, "office-overfilled"), ruleNamed(p, "term-too-long"), ruleNamed(p, "term-expired")
	for _, nx := range p.Nets {
		holders := nx.Holders()
		// A holding of a misspelt office is reported as unknown-office; the
		// vacancy it leaves is not reported again.
		officeTypo := false
		for _, h := range holders {
			if _, ok := nx.Offices[h.Office.ID]; !ok && h.Office.ID != "" && h.CurrentOn(p.AsOf) {
				officeTypo = true
			}
		}
		for _, o := range nx.N.Offices {
			var current []model.OfficeHolder
			for _, h := range holders {
				if h.Office.ID != o.Name || h.Member.ID == "" || !h.CurrentOn(p.AsOf) {
					continue
				}
				if m, known := nx.Members[h.Member.ID]; known && !m.CurrentOn(p.AsOf) {
					continue // the holder is no longer a member
				}
				current = append(current, h)
			}
			r := o.Seats()
			switch {
			case len(current) < r.Min && officeTypo:
			case len(current) < r.Min && len(current) == 0:
				p.Reportf(o.At, "office %q has no current holder", o.Name)
			case len(current) < r.Min:
				p.Reportf(o.At, "office %q needs %s holders; it has %d", o.Name, r, len(current))
			case r.HasMax && len(current) > r.Max:
				p.reportAs(over, current[r.Max].At, "office %q allows %s; %d hold it on %s", o.Name, words.Plural(r.Max, "holder"), len(current), p.AsOf.String())
			}
		}
		for _, h := range holders {
			o, ok := nx.Offices[h.Office.ID]
			if !ok || !o.Term.Set() || !h.From.Set() {
				continue
			}
			end := h.From.AddPeriod(o.Term.Period)
			if h.Until.Set() && h.Until.After(end) {
				p.reportAs(tooLong, h.Until.Pos, "holding of %q from %s until %s is longer than the term of %s (at most until %s)", o.Name, h.From.String(), h.Until.String(), o.Term.Period.String(), end.String())
			}
			if h.CurrentOn(p.AsOf) && p.AsOf.After(end) {
				p.reportAs(expired, h.At, "%s's term as %s, from %s, ended on %s", h.Member.ID, o.Name, h.From.String(), end.String())
			}
		}
	}
}

func checkQuorumReachable(p *Pass) {
	for _, nx := range p.Nets {
		q := nx.N.Quorum
		if q == nil {
			continue
		}
		voting := nx.VotingMembers(p.AsOf)
		// Members with a misspelt organisation or seat are reported as such;
		// the gap they leave is not reported again.
		typo := map[string]bool{}
		anyOrgTypo := false
		for _, m := range nx.CurrentMembers(p.AsOf) {
			if m.Organisation != nil {
				if _, ok := p.Repo.Orgs[m.Organisation.ID]; !ok && m.Seat != nil {
					anyOrgTypo = true
				}
			}
			if m.Seat != nil {
				if _, ok := nx.Seats[m.Seat.ID]; !ok {
					typo[terms.OrgOf(m)] = true
				}
			}
		}
		for _, o := range q.EachOrganisationOf {
			if _, known := p.Repo.Orgs[o.ID]; !known || typo[o.ID] || anyOrgTypo {
				continue
			}
			found := false
			for _, m := range voting {
				if terms.OrgOf(m) == o.ID {
					found = true
					break
				}
			}
			if !found {
				p.Reportf(o.Pos, "the quorum needs a voting member from %s, and %s has none on %s", p.Repo.OrgName(o.ID), nx.N.ID, p.AsOf.String())
			}
		}
		if q.Members > 0 {
			if n := len(nx.CurrentMembers(p.AsOf)); n < q.Members {
				p.Reportf(q.KeyPos("members"), "the quorum needs %d present, and %s has only %s on %s", q.Members, nx.N.ID, words.Plural(n, "member"), p.AsOf.String())
			}
		}
	}
}
