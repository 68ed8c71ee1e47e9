package terms

import (
	"fmt"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// QuorumWords explains the quorum in plain words, or "" when there is none.
func (nx *Net) QuorumWords() string {
	q := nx.N.Quorum
	if q == nil {
		return ""
	}
	var parts []string
	if len(q.EachOrganisationOf) > 0 {
		var names []string
		titles := map[string]bool{}
		for _, o := range q.EachOrganisationOf {
			names = append(names, nx.OrgName(o.ID))
			for i := range nx.N.Seats {
				s := &nx.N.Seats[i]
				if s.VoteCount() > 0 && slices.Contains(nx.SeatOrgs(s), o.ID) {
					titles[s.Title] = true
				}
			}
		}
		who := "a voting member"
		if len(titles) == 1 {
			for t := range titles {
				who = "one " + t
			}
		}
		if len(names) == 1 {
			parts = append(parts, fmt.Sprintf("%s from %s", who, names[0]))
		} else {
			parts = append(parts, fmt.Sprintf("%s from each of %s", who, words.List(names)))
		}
	}
	if q.Members > 0 {
		parts = append(parts, fmt.Sprintf("at least %d members present", q.Members))
	}
	if q.Fraction.Set() {
		parts = append(parts, fmt.Sprintf("at least %s of the voting members (rounded up)", q.Fraction))
	}
	s := words.List(parts)
	if s == "" {
		return ""
	}
	switch {
	case q.SubstitutesCount == nil:
		s += "; substitutes count (the terms do not say; govctl counts them)"
	case q.CountSubstitutes():
		s += "; substitutes count"
	default:
		s += "; substitutes do not count"
	}
	return strings.ToUpper(s[:1]) + s[1:] + "."
}

// VotingWords explains who votes and how decisions are carried.
func (nx *Net) VotingWords() string {
	v := nx.N.Voting
	if v == nil && !nx.CastingVote() {
		return ""
	}
	if v == nil {
		return "The terms of reference say nothing about voting beyond the chair's casting vote; to tell when the votes are tied, govctl counts a simple majority of the votes cast, the seats' votes by organisation."
	}
	var parts []string
	unstated := func(field, taken string) string {
		if v != nil && field == "" {
			return " (the terms name none; govctl takes " + taken + ")"
		}
		return ""
	}
	method, basis := "", ""
	if v != nil {
		method, basis = v.Method, v.Basis
	}
	switch nx.Method() {
	case "consensus":
		parts = append(parts, "Decisions are made by consensus: none against")
	case "unanimous":
		parts = append(parts, "Decisions must be unanimous")
	case "two-thirds":
		parts = append(parts, fmt.Sprintf("A decision needs at least two-thirds of %s in favour", baseWords(nx.Base())))
	default:
		parts = append(parts, fmt.Sprintf("A decision needs more than half of %s in favour%s", baseWords(nx.Base()), unstated(method, "a simple majority")))
	}
	var voters []string
	if nx.Basis() == "member" {
		parts = append(parts, "each voting member has one vote")
	} else {
		if basis == "" && v != nil {
			parts = append(parts, "the terms do not say who holds the votes (govctl counts them by organisation)")
		}
		for i := range nx.N.Seats {
			s := &nx.N.Seats[i]
			if s.VoteCount() == 0 {
				continue
			}
			var orgs []string
			for _, o := range nx.SeatOrgs(s) {
				orgs = append(orgs, nx.OrgName(o))
			}
			if len(orgs) > 6 {
				orgs = []string{fmt.Sprintf("%d organisations", len(orgs))}
			}
			each := words.Plural(s.VoteCount(), "vote")
			if len(orgs) > 1 {
				each += " each"
			}
			if s.Votes == nil {
				each += ", a number the terms do not give"
			}
			by := "the " + s.Title
			if s.VotesExercisedBy != "" {
				by = strings.TrimSpace(s.VotesExercisedBy)
			}
			voters = append(voters, fmt.Sprintf("%s (%s, exercised by %s)", words.List(orgs), each, by))
		}
		if len(voters) > 0 {
			parts = append(parts, "the votes are held by organisations: "+strings.Join(voters, "; "))
		}
	}
	s := strings.Join(parts, "; ") + "; abstentions are not votes cast."
	if nx.CastingVote() {
		s += " The chair has a casting vote."
	} else if _, ok := nx.Offices["chair"]; ok {
		s += " The chair has no casting vote."
	}
	if v != nil && v.OnDeadlock != "" {
		s += " On deadlock: " + strings.TrimSpace(v.OnDeadlock)
	}
	return s
}

func baseWords(base string) string {
	switch base {
	case "present":
		return "the votes of those present"
	case "membership":
		return "the votes of the whole membership"
	}
	return "the votes cast"
}

// VotesWords is the recorded vote on decision d in words, voters named
// (organisations or members, by the voting basis): "For: Brent, Lewisham.
// Against: none. Abstained: none."; "" when no vote is recorded.
func (nx *Net) VotesWords(d *model.Decision) string {
	if d.Votes == nil || len(d.Votes.For)+len(d.Votes.Against)+len(d.Votes.Abstain) == 0 {
		return ""
	}
	names := func(refs []model.Ref) string {
		if len(refs) == 0 {
			return "none"
		}
		return nx.VoterNames(refs)
	}
	return fmt.Sprintf("For: %s. Against: %s. Abstained: %s.", names(d.Votes.For), names(d.Votes.Against), names(d.Votes.Abstain))
}

// VoterNames names the voters refs, members or organisations by the
// network's basis, joined with commas.
func (nx *Net) VoterNames(refs []model.Ref) string {
	out := make([]string, 0, len(refs))
	for _, r := range refs {
		if nx.Basis() == "member" {
			out = append(out, nx.MemberName(r.ID))
		} else {
			out = append(out, nx.OrgName(r.ID))
		}
	}
	return strings.Join(out, ", ")
}
