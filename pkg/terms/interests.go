package terms

import (
	"github.com/govctl/govctl/pkg/model"
)

// Interests. A member's register of interests (members.yaml interests:
// text, the organisations it concerns, and its dates), the organisations an
// agenda item concerns (concerns:), and the declarations made at a meeting,
// of which one may record that the member withdrew from the item: that
// member is then not counted for the quorum or the votes of the decisions
// taken under it (DecisionQuorum, Count).

// RegisteredInterest is one entry of a member's register of interests.
type RegisteredInterest struct {
	Member   *model.Member
	Interest *model.Interest
}

// InterestsOn lists the interests registered on day d by the members on
// d: member by member in the order of members.yaml, each member's in the
// order written.
func (nx *Net) InterestsOn(d model.Date) []RegisteredInterest {
	var out []RegisteredInterest
	for _, mem := range nx.CurrentMembers(d) {
		for i := range mem.Interests {
			if in := &mem.Interests[i]; in.CurrentOn(d) {
				out = append(out, RegisteredInterest{Member: mem, Interest: in})
			}
		}
	}
	return out
}

// ItemInterests lists the interests, registered on meeting m's day, of the
// members expected at it (the members on its day) in an organisation that
// item it concerns: what the agenda puts against the item as a prompt for
// declarations. None for an item that concerns no organisation.
func (nx *Net) ItemInterests(m *model.Meeting, it *model.AgendaItem) []RegisteredInterest {
	if it == nil || len(it.Concerns) == 0 {
		return nil
	}
	var out []RegisteredInterest
	for _, ri := range nx.InterestsOn(m.Date) {
		if concerns(it, ri.Interest) {
			out = append(out, ri)
		}
	}
	return out
}

// concerns reports whether interest in concerns an organisation item it
// is about.
func concerns(it *model.AgendaItem, in *model.Interest) bool {
	for _, o := range it.Concerns {
		if in.Concerns(o.ID) {
			return true
		}
	}
	return false
}

// Undeclared is a member who attended a meeting with interests registered
// in an organisation an item concerns, and declared nothing on the item.
type Undeclared struct {
	Member    *model.Member
	Interests []*model.Interest
}

// Undeclared lists, for item it of meeting m, the members who attended
// (present, or a substitute standing in for a member) with an interest
// registered on m's day in an organisation the item concerns, and who
// declared nothing on the item (a declaration naming them and the item,
// case and spacing aside), in the order of the attendance.
func (nx *Net) Undeclared(m *model.Meeting, it *model.AgendaItem) []Undeclared {
	if it == nil || len(it.Concerns) == 0 {
		return nil
	}
	var out []Undeclared
	for _, mem := range nx.Attended(m) {
		if nx.declared(m, mem.ID, it.Title) {
			continue
		}
		u := Undeclared{Member: mem}
		for i := range mem.Interests {
			if in := &mem.Interests[i]; in.CurrentOn(m.Date) && concerns(it, in) {
				u.Interests = append(u.Interests, in)
			}
		}
		if len(u.Interests) > 0 {
			out = append(out, u)
		}
	}
	return out
}

// declared reports whether member id declared an interest in item title at
// meeting m.
func (nx *Net) declared(m *model.Meeting, id, title string) bool {
	for _, d := range m.Declarations {
		if d.Member.ID == id && model.NormEqual(d.Item, title) {
			return true
		}
	}
	return false
}

// Attended lists the members who were at meeting m in person: those
// present, then the substitutes who stood in for a member (Attendance), each
// once, in the record's order.
func (nx *Net) Attended(m *model.Meeting) []*model.Member {
	at := nx.Attendance(m)
	out := append([]*model.Member(nil), at.Present...)
	if m.Attendance == nil {
		return out
	}
	seen := map[*model.Member]bool{}
	for _, mem := range out {
		seen[mem] = true
	}
	for _, s := range m.Attendance.Substitutes {
		member, ok := nx.Members[s.For.ID]
		if !ok || at.Represented[member].Substitute != s.Substitute.ID {
			continue
		}
		if sub, ok := nx.Members[s.Substitute.ID]; ok && !seen[sub] {
			seen[sub] = true
			out = append(out, sub)
		}
	}
	return out
}

// Withdrew lists the members who withdrew for item title of meeting m: a
// declaration on the item (case and spacing aside) with withdrew: true,
// naming a member who was there (Attended), each once, in the order of the
// declarations. None for a decision taken under no item.
func (nx *Net) Withdrew(m *model.Meeting, title string) []*model.Member {
	if title == "" {
		return nil
	}
	var out []*model.Member
	var there map[*model.Member]bool
	for _, d := range m.Declarations {
		if !d.Withdrew || !model.NormEqual(d.Item, title) {
			continue
		}
		mem, ok := nx.Members[d.Member.ID]
		if !ok {
			continue
		}
		if there == nil {
			there = map[*model.Member]bool{}
			for _, a := range nx.Attended(m) {
				there[a] = true
			}
		}
		if there[mem] {
			there[mem] = false // once
			out = append(out, mem)
		}
	}
	return out
}

// AttendanceFor is who counted for the decisions taken under item title of
// meeting m: the meeting's attendance (Attendance) less the members who
// withdrew for the item (Withdrew). A substitute who withdrew no longer
// stands in for the member they represent.
func (nx *Net) AttendanceFor(m *model.Meeting, title string) Attendees {
	at := nx.Attendance(m)
	gone := nx.Withdrew(m, title)
	if len(gone) == 0 {
		return at
	}
	out := Attendees{Represented: map[*model.Member]Proxy{}, Uncounted: at.Uncounted}
	left := map[string]bool{}
	for _, mem := range gone {
		left[mem.ID] = true
	}
	for _, mem := range at.Present {
		if !left[mem.ID] {
			out.Present = append(out.Present, mem)
		}
	}
	for mem, by := range at.Represented {
		if by.Substitute == "" || !left[by.Substitute] {
			out.Represented[mem] = by
		}
	}
	return out
}

// withdrawnVote reports whether voter id's vote at meeting m, on a decision
// whose item the members gone withdrew from, was cast by one of them: under
// basis member, a member (or the substitute) who withdrew; under basis
// organisation, an organisation whose voting members there (present, or
// stood in for) all withdrew. Such a vote weighs nothing in the count.
func (nx *Net) withdrawnVote(m *model.Meeting, id string, gone []*model.Member) bool {
	if len(gone) == 0 {
		return false
	}
	if nx.Basis() == "member" {
		for _, mem := range gone {
			if mem.ID == id {
				return true
			}
		}
		return false
	}
	there, stayed := false, false
	check := func(mem *model.Member, who string) {
		if OrgOf(mem) != id || !nx.MemberVotes(mem, m.Date) {
			return
		}
		there = true
		for _, g := range gone {
			if g.ID == who {
				return
			}
		}
		stayed = true
	}
	at := nx.Attendance(m)
	for _, mem := range at.Present {
		check(mem, mem.ID)
	}
	for mem, by := range at.Represented {
		who := by.Substitute
		if who == "" {
			who = mem.ID // a stand-in withdraws as the member they stand in for
		}
		check(mem, who)
	}
	return there && !stayed
}
