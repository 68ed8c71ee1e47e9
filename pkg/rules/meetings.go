package rules

import (
	"slices"
	"strings"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

func meetingRules() []*Rule {
	return []*Rule{
		{ID: "inquorate-decision", Title: "a meeting took decisions without a quorum present", Severity: diag.Error,
			Doc:   "A held meeting that records decisions must have been quorate, judged on its attendance and the membership as it stood on its date: every condition of network.yaml quorum must hold (substitutes count unless substitutes_count: false).",
			Bad:   "# x/network.yaml\nquorum: {each_organisation_of: [brent, lewisham]}\n# x/meetings/2026-11-17.yaml\nstatus: held\nattendance: {present: [brent-it]}\ndecisions:\n  - {id: D-1, text: Approve the budget, outcome: agreed}\n",
			Good:  "# x/meetings/2026-11-17.yaml\nstatus: held\nattendance: {present: [brent-it], substitutes: {lewisham-deputy: lewisham-it}}\ndecisions:\n  - {id: D-1, text: Approve the budget, outcome: agreed}\n",
			Check: checkInquorate},
		{ID: "vote-not-entitled", Title: "a vote from an organisation or member that holds none", Severity: diag.Error,
			Doc:   "Under voting.basis organisation, only organisations admitted by a seat with votes may vote; under basis member, only members in such a seat (not marked votes: false) on the meeting's date, or their substitutes at that meeting.",
			Bad:   "# x/network.yaml\nvoting: {basis: organisation}\nseats:\n  - {organisations: [brent], title: Partner, votes: 1}\n  - {organisations: [sts], title: Officer, votes: 0}\n# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, text: Approve, outcome: agreed, votes: {for: [brent, sts]}}\n",
			Good:  "# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, text: Approve, outcome: agreed, votes: {for: [brent]}}\n",
			Check: checkVotes},
		{ID: "vote-count", Title: "a voter counted twice, or a tally that contradicts the outcome or method", Severity: diag.Error,
			Doc:  "The outcome is recomputed from the terms: method (majority: strictly more than half; two-thirds: at least two-thirds; unanimous; consensus), base (votes cast, voters present or the whole voting membership; abstentions never count as cast), and weights (an organisation's votes under its seat). A recorded agreed or not-agreed that the tally contradicts, a voter in two lists, or a casting vote recorded where the votes were not tied, is an error.",
			Bad:  "# x/network.yaml\nvoting: {method: majority, base: cast}\n# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, text: Approve, outcome: agreed, votes: {for: [a], against: [b, c]}}\n",
			Good: "# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, text: Approve, outcome: not-agreed, votes: {for: [a], against: [b, c]}}\n"},
		{ID: "casting-vote", Title: "a casting vote where the terms of reference give none", Severity: diag.Error,
			Doc:  "A decision may record casting_vote: true only where an office of network.yaml has casting_vote: true.",
			Bad:  "# x/network.yaml\noffices:\n  chair: {casting_vote: false}\n# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, text: Approve, outcome: agreed, casting_vote: true, votes: {for: [a], against: [b]}}\n",
			Good: "# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, text: Approve, outcome: not-agreed, votes: {for: [a], against: [b]}}\n"},
		{ID: "consensus-not-reached", Title: "an agreed decision under consensus with votes against, not referred", Severity: diag.Error,
			Doc:  "Under voting.method consensus a decision with any vote against is not agreed: record it as not-agreed, or referred (as on_deadlock provides).",
			Bad:  "# x/network.yaml\nvoting: {method: consensus}\n# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, text: Approve, outcome: agreed, votes: {for: [brent, lewisham], against: [southwark]}}\n",
			Good: "# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, text: Approve, outcome: referred, votes: {for: [brent, lewisham], against: [southwark]}}\n"},
		{ID: "vote-while-conflicted", Title: "a vote on an item by a member who declared an interest in it", Severity: diag.Error,
			Doc:  "A member who declares an interest in an item may not vote for or against a decision taken under it (abstaining is right). Under basis organisation, the organisation's vote is the conflicted member's when no other voting member of it, or substitute, was present.",
			Bad:  "# x/meetings/2026-11-17.yaml\ndeclarations:\n  - {member: a, item: Budget, interest: Spouse works for the supplier}\ndecisions:\n  - {id: D-1, item: Budget, text: Approve, outcome: agreed, votes: {for: [a, b]}}\n",
			Good: "# x/meetings/2026-11-17.yaml\ndecisions:\n  - {id: D-1, item: Budget, text: Approve, outcome: agreed, votes: {for: [b], abstain: [a]}}\n"},
		{ID: "attendance-conflict", Title: "a member both present and sending apologies, or a substitute for a non-member", Severity: diag.Error,
			Doc:   "Each member appears at most once among present, apologies and absent; a substitute stands in for a current member who is not also present, and is not also listed present.",
			Bad:   "# x/meetings/2026-11-17.yaml\nattendance:\n  present: [a, b]\n  apologies: [b]\n",
			Good:  "# x/meetings/2026-11-17.yaml\nattendance:\n  present: [a]\n  apologies: [b]\n",
			Check: checkAttendance},
		{ID: "missing-standing-item", Title: "a meeting's agenda, where it has one, lacks a standing item", Severity: diag.Error,
			Doc:   "When a meeting record has an agenda, it holds every standing item of its kind (titles compared ignoring case and spacing).",
			Bad:   "# x/network.yaml\nmeetings:\n  ordinary: {standing_items: [Apologies for absence, Minutes of the last meeting]}\n# x/meetings/2026-11-17.yaml\nagenda:\n  - title: Apologies for absence\n",
			Good:  "# x/meetings/2026-11-17.yaml\nagenda:\n  - title: Apologies for absence\n  - title: Minutes of the last meeting\n",
			Check: checkStandingItems},
		{ID: "work-programme-not-reviewed", Title: "a held meeting did not review the work programme where the terms require it", Severity: diag.Error,
			Doc:  "Where a meeting kind has review_work_programme: true, every held meeting of that kind has an agenda item whose title mentions the work programme.",
			Bad:  "# x/meetings/2026-11-17.yaml\nstatus: held\nagenda:\n  - title: Apologies for absence\n",
			Good: "# x/meetings/2026-11-17.yaml\nstatus: held\nagenda:\n  - title: Apologies for absence\n  - title: Review of the work programme\n"},
		{ID: "minutes-missing", Title: "a meeting in the past still planned, or held with no attendance recorded", Severity: diag.Warning,
			Doc:  "Once its date has passed (before the as-of date) a meeting is marked held (with its attendance) or cancelled.",
			Bad:  "# x/meetings/2026-10-20.yaml  (as of 2026-11-23)\nstatus: planned\n",
			Good: "# x/meetings/2026-10-20.yaml\nstatus: held\nattendance: {present: [a, b]}\n"},
		{ID: "minutes-unapproved", Title: "a held meeting whose minutes no later held meeting approved", Severity: diag.Warning,
			Doc:  "Each held meeting's minutes are agreed by a later held meeting, which lists its date in approves_minutes. The latest held meeting is not reported: its minutes await the next.",
			Bad:  "# x/meetings/2026-11-17.yaml\nstatus: held\napproves_minutes: []   # the meeting of 2026-10-20 was held\n",
			Good: "# x/meetings/2026-11-17.yaml\nstatus: held\napproves_minutes: [2026-10-20]\n"},
	}
}

func checkInquorate(p *Pass) {
	for _, nx := range p.Nets {
		for _, mt := range nx.N.MeetingList {
			if mt.Status != "held" || len(mt.Decisions) == 0 {
				continue
			}
			q := nx.Quorum(mt)
			if q.Quorate || unknownAttendee(nx, mt) {
				continue // an unknown attendee is reported as unknown-member
			}
			why := words.List(q.Unmet)
			if mt.Attendance == nil {
				why = "no attendance is recorded"
			}
			p.Reportf(mt.KeyPos("decisions"), "the meeting of %s took %s without a quorum: %s", mt.Date.String(), words.Plural(len(mt.Decisions), "decision"), why)
		}
	}
}

func checkVotes(p *Pass) {
	count, casting, consensus, conflicted := ruleNamed(p, "vote-count"), ruleNamed(p, "casting-vote"), ruleNamed(p, "consensus-not-reached"), ruleNamed(p, "vote-while-conflicted")
	for _, nx := range p.Nets {
		for _, mt := range nx.N.MeetingList {
			for i := range mt.Decisions {
				dec := &mt.Decisions[i]
				checkDecision(p, nx, mt, dec, count, casting, consensus)
				checkConflicted(p, nx, mt, dec, conflicted)
			}
		}
	}
}

func checkDecision(p *Pass, nx *terms.Net, mt *model.Meeting, dec *model.Decision, count, casting, consensus *Rule) {
	if dec.Votes != nil {
		for _, list := range [][]model.Ref{dec.Votes.For, dec.Votes.Against, dec.Votes.Abstain} {
			for _, r := range list {
				if !known(p, nx, r.ID) {
					continue // unknown-organisation or unknown-member
				}
				if !nx.Entitled(mt, r.ID) {
					p.Reportf(r.Pos, "%s holds no vote in %s", r.ID, nx.N.ID)
				}
			}
		}
	}
	t := nx.Count(mt, dec)
	for _, r := range t.Duplicates {
		p.reportAs(count, r.Pos, "%s is counted more than once in decision %s", r.ID, dec.ID)
	}
	if dec.CastingVote && !nx.CastingVote() {
		p.reportAs(casting, dec.KeyPos("casting_vote"), "decision %s records a casting vote, but no office of %s has one", dec.ID, nx.N.ID)
	}
	if !t.Recorded {
		return
	}
	if dec.CastingVote && nx.CastingVote() && !t.Tie {
		p.reportAs(count, dec.KeyPos("casting_vote"), "decision %s records a casting vote, but the votes were not tied (%d for, %d against)", dec.ID, t.For, t.Against)
	}
	tally := tallyWords(t)
	switch dec.Outcome {
	case "agreed":
		if t.Method == "consensus" && t.Against > 0 {
			p.reportAs(consensus, dec.KeyPos("outcome"), "decision %s is recorded as agreed under consensus with %s; record it as not-agreed or referred", dec.ID, words.Plural(t.Against, "vote")+" against")
			return
		}
		if !t.Carried && !(t.Tie && dec.CastingVote && nx.CastingVote()) {
			p.reportAs(count, dec.KeyPos("outcome"), "decision %s is recorded as agreed, but %s does not carry it under %s", dec.ID, tally, t.Rule)
		}
	case "not-agreed":
		if t.Carried {
			p.reportAs(count, dec.KeyPos("outcome"), "decision %s is recorded as not agreed, but %s carries it under %s", dec.ID, tally, t.Rule)
		}
	}
}

func tallyWords(t terms.Tally) string {
	return strings.Join([]string{words.Plural(t.For, "vote") + " for", words.Plural(t.Against, "vote") + " against", words.Plural(t.Abstain, "abstention")}, ", ")
}

// known reports whether a voter id names an organisation (basis
// organisation) or member (basis member).
func known(p *Pass, nx *terms.Net, id string) bool {
	if nx.Basis() == "member" {
		_, ok := nx.Members[id]
		return ok
	}
	_, ok := p.Repo.Orgs[id]
	return ok
}

func checkConflicted(p *Pass, nx *terms.Net, mt *model.Meeting, dec *model.Decision, rule *Rule) {
	if dec.Votes == nil || dec.Item == "" {
		return
	}
	at := nx.Attendance(mt)
	for _, decl := range mt.Declarations {
		if !model.NormEqual(decl.Item, dec.Item) {
			continue
		}
		mem, ok := nx.Members[decl.Member.ID]
		if !ok {
			continue
		}
		for _, r := range append(append([]model.Ref{}, dec.Votes.For...), dec.Votes.Against...) {
			if nx.Basis() == "member" {
				if r.ID == mem.ID {
					p.reportAs(rule, r.Pos, "%s voted on %q after declaring an interest in it", mem.ID, dec.Item)
				}
				continue
			}
			if r.ID != terms.OrgOf(mem) {
				continue
			}
			other := false
			for _, pm := range at.Present {
				if pm != mem && terms.OrgOf(pm) == r.ID && nx.MemberVotes(pm, mt.Date) {
					other = true
				}
			}
			for rep, sub := range at.Represented {
				// A substitute who declared the interest is no other voter.
				if rep != mem && sub != mem.ID && terms.OrgOf(rep) == r.ID && nx.MemberVotes(rep, mt.Date) {
					other = true
				}
			}
			if !other {
				p.reportAs(rule, r.Pos, "%s's vote on %q was cast by %s, who declared an interest in it", r.ID, dec.Item, mem.ID)
			}
		}
	}
}

func checkAttendance(p *Pass) {
	for _, nx := range p.Nets {
		for _, mt := range nx.N.MeetingList {
			a := mt.Attendance
			if a == nil {
				continue
			}
			where := map[string]string{}
			for _, l := range []struct {
				name string
				refs []model.Ref
			}{{"present", a.Present}, {"apologies", a.Apologies}, {"absent", a.Absent}} {
				for _, r := range l.refs {
					if prev, dup := where[r.ID]; dup {
						if prev == l.name {
							p.Reportf(r.Pos, "%s is listed twice under %s", r.ID, l.name)
						} else {
							p.Reportf(r.Pos, "%s is listed under both %s and %s", r.ID, prev, l.name)
						}
						continue
					}
					where[r.ID] = l.name
				}
			}
			for _, s := range a.Substitutes {
				mem, ok := nx.Members[s.For.ID]
				switch {
				case s.Substitute.ID == s.For.ID:
					p.Reportf(s.For.Pos, "%s stands in for themselves", s.Substitute.ID)
					continue
				case !ok:
					p.Reportf(s.For.Pos, "%s stands in for %q, who is not a member of %s", s.Substitute.ID, s.For.ID, nx.N.ID)
				case !mem.CurrentOn(mt.Date):
					p.Reportf(s.For.Pos, "%s stands in for %s, who was not a member on %s", s.Substitute.ID, s.For.ID, mt.Date.String())
				case where[s.For.ID] == "present":
					p.Reportf(s.For.Pos, "%s stands in for %s, who is also listed present", s.Substitute.ID, s.For.ID)
				}
				if where[s.Substitute.ID] == "present" {
					p.Reportf(s.Substitute.Pos, "%s is listed both present and as a substitute", s.Substitute.ID)
				}
			}
		}
	}
}

func checkStandingItems(p *Pass) {
	wp, missing, unapproved := ruleNamed(p, "work-programme-not-reviewed"), ruleNamed(p, "minutes-missing"), ruleNamed(p, "minutes-unapproved")
	for _, nx := range p.Nets {
		approved := map[date.Date]bool{}
		var lastHeld *model.Meeting
		for _, mt := range nx.N.MeetingList {
			if mt.Status == "held" {
				lastHeld = mt
				for _, d := range mt.ApprovesMinutes {
					if d.Before(mt.Date.Date) {
						approved[d.Date] = true
					}
				}
			}
		}
		for _, mt := range nx.N.MeetingList {
			k := nx.MeetingKind(mt)
			if k != nil && len(mt.Agenda) > 0 {
				for _, si := range k.StandingItems {
					if !slices.ContainsFunc(mt.Agenda, func(it model.AgendaItem) bool { return model.NormEqual(it.Title, si) }) {
						p.Reportf(mt.KeyPos("agenda"), "the agenda lacks the standing item %q", si)
					}
				}
			}
			if k != nil && k.ReviewWorkProgramme && mt.Status == "held" && !ReviewsWorkProgramme(mt) {
				p.reportAs(wp, mt.KeyPos("status"), "the %s meeting of %s did not review the work programme, as the terms require (no agenda item mentions it)", k.Name, mt.Date.String())
			}
			switch {
			case mt.Status == "planned" && mt.Date.Before(p.AsOf.Date):
				p.reportAs(missing, mt.KeyPos("status"), "the meeting of %s has passed but is still planned: record it as held (with attendance) or cancelled", mt.Date.String())
			case mt.Status == "held" && (mt.Attendance == nil || len(mt.Attendance.Present) == 0):
				p.reportAs(missing, mt.KeyPos("status"), "the meeting of %s is held but records no one present", mt.Date.String())
			}
			if mt.Status == "held" && mt != lastHeld && !approved[mt.Date.Date] {
				p.reportAs(unapproved, mt.KeyPos("status"), "the minutes of %s were not approved by a later meeting (no later held meeting lists it in approves_minutes)", mt.Date.String())
			}
		}
	}
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

// unknownAttendee reports whether the attendance names someone who is not a
// member (reported as unknown-member or attendance-conflict), so that the
// quorum cannot be judged fairly.
func unknownAttendee(nx *terms.Net, mt *model.Meeting) bool {
	a := mt.Attendance
	if a == nil {
		return false
	}
	for _, r := range a.Present {
		if _, ok := nx.Members[r.ID]; !ok {
			return true
		}
	}
	for _, s := range a.Substitutes {
		if _, ok := nx.Members[s.For.ID]; !ok {
			return true
		}
	}
	return false
}
