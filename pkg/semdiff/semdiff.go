// Package semdiff says what changed between two versions of a repository in
// governance terms: bodies added or removed, terms of reference, offices,
// seats, quorum and voting (before and after, in words), meetings, members
// and office holders, decisions and actions, and the referrals between
// bodies made and answered.
package semdiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Change is one change to one body ("" for the repository).
type Change struct {
	Network string `json:"network"`
	Area    string `json:"area"`
	Text    string `json:"text"`
}

// Compare lists the changes from before to after, body by body in id order.
func Compare(before, after *model.Repo) []Change {
	bx, ax := terms.NewRepo(before), terms.NewRepo(after)
	var out []Change
	add := func(net, area, format string, args ...any) {
		out = append(out, Change{Network: net, Area: area, Text: fmt.Sprintf(format, args...)})
	}
	orgsBefore, orgsAfter := map[string]string{}, map[string]string{}
	for _, o := range before.Organisations {
		orgsBefore[o.ID] = o.Name
	}
	for _, o := range after.Organisations {
		orgsAfter[o.ID] = o.Name
	}
	for _, id := range sortedKeys(orgsBefore, orgsAfter) {
		b, inB := orgsBefore[id]
		a, inA := orgsAfter[id]
		switch {
		case !inB:
			add("", "organisations", "organisation added: %s (%s)", a, id)
		case !inA:
			add("", "organisations", "organisation removed: %s (%s)", b, id)
		case a != b:
			add("", "organisations", "organisation %s renamed from %q to %q", id, b, a)
		}
	}
	out = append(out, calendarChanges(before.Settings, after.Settings)...)
	for _, id := range sortedKeys(bx.Networks, ax.Networks) {
		b, inB := bx.Networks[id]
		a, inA := ax.Networks[id]
		switch {
		case !inB:
			add(id, "bodies", "body added: %s", a.Name)
		case !inA:
			add(id, "bodies", "body removed: %s", b.Name)
		default:
			out = append(out, network(bx.Network(b), ax.Network(a))...)
			out = append(out, history(bx.Network(b), ax.Network(a))...)
		}
	}
	return out
}

// Terms lists what changed from one version of a body's terms of reference
// to the next: the changes to its network.yaml, in the words of Compare.
func Terms(before, after *terms.Net) []Change {
	var out []Change
	for _, c := range network(before, after) {
		switch c.Area {
		case "members", "office holding", "actions", "decisions", "referrals":
			// Not the terms': the versions share one membership and record.
		default:
			out = append(out, c)
		}
	}
	return out
}

func network(b, a *terms.Net) []Change {
	id := a.N.ID
	var out []Change
	add := func(area, format string, args ...any) {
		out = append(out, Change{Network: id, Area: area, Text: fmt.Sprintf(format, args...)})
	}
	text := func(area, what, x, y string) {
		if strings.TrimSpace(x) != strings.TrimSpace(y) {
			switch {
			case x == "":
				add(area, "%s set: %s", what, y)
			case y == "":
				add(area, "%s removed (was: %s)", what, x)
			default:
				add(area, "%s: from %q to %q", what, x, y)
			}
		}
	}
	list := func(area, what string, x, y []string) {
		for _, s := range y {
			if !slices.Contains(x, s) {
				add(area, "%s added: %s", what, s)
			}
		}
		for _, s := range x {
			if !slices.Contains(y, s) {
				add(area, "%s removed: %s", what, s)
			}
		}
	}
	text("terms", "name", b.N.Name, a.N.Name)
	text("terms", "reports to", refID(b.N.Parent), refID(a.N.Parent))
	text("terms", "purpose", b.N.Purpose, a.N.Purpose)
	list("terms", "aim", b.N.Aims, a.N.Aims)
	list("terms", "responsibility", b.N.Responsibilities, a.N.Responsibilities)
	text("terms", "secretariat", refID(b.N.Secretariat), refID(a.N.Secretariat))

	// Offices.
	for _, name := range sortedKeys(b.Offices, a.Offices) {
		ob, inB := b.Offices[name]
		oa, inA := a.Offices[name]
		switch {
		case !inB:
			add("offices", "office added: %s", name)
		case !inA:
			add("offices", "office removed: %s", name)
		default:
			text("offices", name+" count", ob.Seats().String(), oa.Seats().String())
			text("offices", name+" appointment", ob.Appointment, oa.Appointment)
			text("offices", name+" term", periodText(ob.Term), periodText(oa.Term))
			if ob.CastingVote != oa.CastingVote {
				add("offices", "%s casting vote: from %s to %s", name, yesNo(ob.CastingVote), yesNo(oa.CastingVote))
			}
		}
	}
	// Seats, by title.
	for _, title := range sortedKeys(b.Seats, a.Seats) {
		sb, inB := b.Seats[title]
		sa, inA := a.Seats[title]
		switch {
		case !inB:
			add("seats", "seat added: %s", title)
		case !inA:
			add("seats", "seat removed: %s", title)
		default:
			list("seats", title+": organisation", b.SeatOrgs(sb), a.SeatOrgs(sa))
			text("seats", title+" members per organisation", sb.PerOrg().String(), sa.PerOrg().String())
			if sb.VoteCount() != sa.VoteCount() {
				add("seats", "%s votes: from %d to %d for each organisation", title, sb.VoteCount(), sa.VoteCount())
			}
			text("seats", title+" substitutes", sb.Substitute, sa.Substitute)
		}
	}
	text("quorum", "quorum", b.QuorumWords(), a.QuorumWords())
	text("voting", "voting", b.VotingWords(), a.VotingWords())

	// Meeting kinds.
	for _, name := range sortedKeys(b.Kinds, a.Kinds) {
		kb, inB := b.Kinds[name]
		ka, inA := a.Kinds[name]
		switch {
		case !inB:
			add("meetings", "kind of meeting added: %s (%s)", name, words.Cadence(ka))
		case !inA:
			add("meetings", "kind of meeting removed: %s", name)
		default:
			text("meetings", name+" cadence", words.Cadence(kb), words.Cadence(ka))
			text("meetings", name+" notice", words.Notice(kb), words.Notice(ka))
			list("meetings", name+" standing item", kb.StandingItems, ka.StandingItems)
			if !slices.Equal(kb.StandingItems, ka.StandingItems) && sameSet(kb.StandingItems, ka.StandingItems) {
				add("meetings", "%s standing items reordered", name)
			}
		}
	}

	// Members and office holders.
	for _, mid := range sortedKeys(b.Members, a.Members) {
		mb, inB := b.Members[mid]
		ma, inA := a.Members[mid]
		switch {
		case !inB:
			add("members", "member joined: %s%s", ma.Name, seatOf(ma))
		case !inA:
			add("members", "member removed: %s%s", mb.Name, seatOf(mb))
		default:
			text("members", mid+" name", mb.Name, ma.Name)
			if !mb.Until.Set() && ma.Until.Set() {
				add("members", "member leaves: %s, on %s", ma.Name, ma.Until.String())
			}
			text("members", ma.Name+" seat", refID(mb.Seat), refID(ma.Seat))
		}
	}
	list("offices", "office holding", holdings(b), holdings(a))

	// Meetings.
	mb, ma := meetings(b.N), meetings(a.N)
	var gone, new []*model.Meeting
	for _, f := range sortedKeys(mb, ma) {
		x, inB := mb[f]
		y, inA := ma[f]
		switch {
		case !inB:
			new = append(new, y)
		case !inA:
			gone = append(gone, x)
		default:
			if x.Status != y.Status {
				add("meetings", "meeting of %s: %s (was %s)", y.Date.String(), y.Status, x.Status)
			}
			decisions(add, x, y)
		}
	}
	for _, y := range new {
		moved := false
		for i, x := range gone {
			if x != nil && x.Kind.ID == y.Kind.ID && x.Status == "planned" && y.Status == "planned" {
				add("meetings", "meeting moved: %s from %s to %s", y.Kind.ID, x.Date.String(), y.Date.String())
				gone[i], moved = nil, true
				break
			}
		}
		if !moved {
			add("meetings", "meeting %s: %s, %s", y.Status, y.Date.String(), y.Kind.ID)
			decisions(add, &model.Meeting{}, y)
		}
	}
	for _, x := range gone {
		if x != nil {
			add("meetings", "meeting record removed: %s, %s (%s)", x.Date.String(), x.Kind.ID, x.Status)
		}
	}
	referrals(add, b, a)
	return out
}

// referrals reports the referrals made and answered between two versions
// of a body's records: a decision of a held meeting now referred to
// another body (refer_to) that was not so before, and a decision of a held
// meeting now answering a referral (responds_to) that did not answer it
// before. The texts are the public record's.
func referrals(add func(string, string, ...any), b, a *terms.Net) {
	type was struct{ referTo, respondsTo string }
	before := map[string]was{}
	for _, m := range b.N.MeetingList {
		if m.Status != "held" {
			continue
		}
		for _, d := range m.Decisions {
			var w was
			if d.Outcome == "referred" && d.ReferTo != nil {
				w.referTo = d.ReferTo.ID
			}
			if d.RespondsTo != nil {
				w.respondsTo = d.RespondsTo.ID
			}
			before[d.ID] = w
		}
	}
	for _, m := range a.N.MeetingList {
		if m.Status != "held" {
			continue
		}
		for i := range m.Decisions {
			d := &m.Decisions[i]
			w := before[d.ID]
			if d.RespondsTo != nil && d.RespondsTo.ID != w.respondsTo {
				text := words.DecisionText(m, d)
				if text != "" {
					text = ": " + text
				}
				add("referrals", "referral answered: %s answers %s on %s (%s)%s", d.ID, d.RespondsTo.ID, m.Date.String(), strings.ReplaceAll(d.Outcome, "-", " "), text)
			}
			if d.Outcome == "referred" && d.ReferTo != nil && d.ReferTo.ID != w.referTo {
				to := d.ReferTo.ID
				if n, ok := a.Networks[to]; ok {
					to = n.Name + " (" + to + ")"
				}
				add("referrals", "referral made: %s of %s referred to %s: %s", d.ID, m.Date.String(), to, words.DecisionText(m, d))
			}
		}
	}
}

func decisions(add func(string, string, ...any), x, y *model.Meeting) {
	had := map[string]bool{}
	for _, d := range x.Decisions {
		had[d.ID] = true
	}
	for _, d := range y.Decisions {
		if !had[d.ID] {
			add("decisions", "decision %s recorded on %s: %s (%s)", d.ID, y.Date.String(), words.DecisionText(y, &d), d.Outcome)
		}
	}
	had = map[string]bool{}
	for _, a := range x.Actions {
		had[a.ID] = true
	}
	for _, a := range y.Actions {
		if !had[a.ID] {
			add("actions", "action %s raised on %s: %s (owner %s)", a.ID, y.Date.String(), words.ActionText(&a), a.Owner.ID)
		}
	}
	had = map[string]bool{}
	for _, u := range x.ActionUpdates {
		had[u.Action.ID+"/"+u.Status] = true
	}
	for _, u := range y.ActionUpdates {
		if !had[u.Action.ID+"/"+u.Status] {
			add("actions", "action %s updated on %s: %s", u.Action.ID, y.Date.String(), u.Status)
		}
	}
}

func meetings(n *model.Network) map[string]*model.Meeting {
	m := map[string]*model.Meeting{}
	for _, x := range n.MeetingList {
		m[x.File] = x
	}
	return m
}

func holdings(nx *terms.Net) []string {
	var out []string
	for _, h := range nx.Holders() {
		s := fmt.Sprintf("%s held by %s", h.Office.ID, nx.MemberName(h.Member.ID))
		if h.From.Set() {
			s += " from " + h.From.String()
		}
		if h.Until.Set() {
			s += " until " + h.Until.String()
		}
		out = append(out, s)
	}
	return out
}

func seatOf(m *model.Member) string {
	if m.Seat == nil {
		return ""
	}
	return " (" + m.Seat.ID + ")"
}

func refID(r *model.Ref) string {
	if r == nil {
		return ""
	}
	return r.ID
}

func periodText(p model.Period) string {
	if !p.Set() {
		return "until replaced"
	}
	return words.Period(p)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func sameSet(x, y []string) bool {
	a, b := slices.Clone(x), slices.Clone(y)
	slices.Sort(a)
	slices.Sort(b)
	return slices.Equal(a, b)
}

func sortedKeys[V any](a, b map[string]V) []string {
	var out []string
	for k := range a {
		out = append(out, k)
	}
	for k := range b {
		if _, ok := a[k]; !ok {
			out = append(out, k)
		}
	}
	slices.Sort(out)
	return out
}

// Markdown renders the changes for a pull-request comment. The revision
// names, the bodies' folders and every text are escaped: a branch may be
// called "<img src=x onerror=...>", and a folder "[x](javascript:...)".
func Markdown(changes []Change, base, head string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "## Governance changes (%s → %s)\n\n", markdown.Line(base), markdown.Line(head))
	if len(changes) == 0 {
		b.WriteString("No governance changes.\n")
		return []byte(b.String())
	}
	last := "\x00"
	for _, c := range changes {
		if c.Network != last {
			if c.Network == "" {
				b.WriteString("### Repository\n\n")
			} else {
				fmt.Fprintf(&b, "### %s\n\n", markdown.Line(c.Network))
			}
			last = c.Network
		}
		fmt.Fprintf(&b, "- **%s**: %s\n", markdown.Line(c.Area), markdown.Text(c.Text))
	}
	return []byte(b.String())
}
