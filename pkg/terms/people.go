package terms

import (
	"slices"

	"github.com/govctl/govctl/pkg/model"
)

// MemberName is the name of member id, or the id when no member has it.
func (nx *Net) MemberName(id string) string {
	if m, ok := nx.Members[id]; ok {
		return m.Name
	}
	return id
}

// LeadName is the name of a work item's lead, id: a member's name, else an
// organisation's (or the id).
func (nx *Net) LeadName(id string) string {
	if _, ok := nx.Members[id]; ok {
		return nx.MemberName(id)
	}
	return nx.OrgName(id)
}

// HolderNames names the holders of office on day d, in the order of the
// office holdings.
func (nx *Net) HolderNames(office string, d model.Date) []string {
	if v := nx.TermsOn(d); v != nx {
		return v.HolderNames(office, d)
	}
	var out []string
	for _, h := range nx.Holders() {
		if h.Office.ID == office && h.CurrentOn(d) {
			out = append(out, nx.MemberName(h.Member.ID))
		}
	}
	return out
}

// ChairOffice reports whether the holders of office chair the body: the
// offices named chair, chairs, co-chair or co-chairs (case and spacing set
// aside). This is the one list of chair offices.
func ChairOffice(office string) bool {
	switch model.Norm(office) {
	case "chair", "chairs", "co-chair", "co-chairs":
		return true
	}
	return false
}

// Chairs names the holders of the chair offices (see ChairOffice) on day
// d, each once, in the order of the office holdings; nil when none.
func (nx *Net) Chairs(d model.Date) []string {
	if v := nx.TermsOn(d); v != nx {
		return v.Chairs(d)
	}
	var out []string
	for _, h := range nx.Holders() {
		if !ChairOffice(h.Office.ID) {
			continue
		}
		if name := nx.MemberName(h.Member.ID); h.CurrentOn(d) && !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}

// Expected lists the members expected at a meeting on day d, as its
// invitation goes out: the members on that day, less those who hold no
// seat and are named substitutes of a member on that day (they come only
// in that member's place), and with the holders of the body's offices on
// that day who are members.
func (nx *Net) Expected(d model.Date) []*model.Member {
	if v := nx.TermsOn(d); v != nx {
		return v.Expected(d)
	}
	current := nx.CurrentMembers(d)
	subs := map[string]bool{}
	for _, m := range current {
		for _, s := range m.Substitutes {
			subs[s.ID] = true
		}
	}
	var out []*model.Member
	for _, m := range current {
		if m.Seat == nil && subs[m.ID] && !nx.holdsOffice(m.ID, d) {
			continue
		}
		out = append(out, m)
	}
	return out
}

// holdsOffice reports whether member id holds an office on day d.
func (nx *Net) holdsOffice(id string, d model.Date) bool {
	for _, h := range nx.Holders() {
		if h.Member.ID == id && h.CurrentOn(d) {
			return true
		}
	}
	return false
}

// secretaryOffices are the offices whose holder sends a body's papers and
// messages, before the chair (ChairOffice); facilitatorOffices those of an
// open network's facilitator, after the chair. Names are compared with
// their case and spacing set aside (model.Norm).
var (
	secretaryOffices   = []string{"secretary", "clerk", "administrator", "secretariat", "co-ordinator", "coordinator"}
	facilitatorOffices = []string{"facilitator", "convenor", "convener", "lead"}
)

// Organisers are the member ids who send the body's papers and messages on
// day d, in order: the holders of a secretary's office (secretaryOffices),
// of a chair's (ChairOffice), of a facilitator's (facilitatorOffices);
// each once.
func (nx *Net) Organisers(d model.Date) []string {
	var out []string
	holders := nx.TermsOn(d).Holders()
	for _, pass := range []func(string) bool{
		func(o string) bool { return slices.Contains(secretaryOffices, model.Norm(o)) },
		ChairOffice,
		func(o string) bool { return slices.Contains(facilitatorOffices, model.Norm(o)) },
	} {
		for _, h := range holders {
			if pass(h.Office.ID) && h.CurrentOn(d) && !slices.Contains(out, h.Member.ID) {
				out = append(out, h.Member.ID)
			}
		}
	}
	return out
}
