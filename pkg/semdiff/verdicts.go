package semdiff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Side is one side of a comparison: the repository, indexed, and its
// business-day calendar (which a notice in business days counts by).
type Side struct {
	Index    *terms.Repo
	Calendar *calendar.Calendar
}

// VerdictChange is a held meeting whose verdict a change to the terms of
// reference (any version) or to the membership changes: whether it was
// quorate, what its decisions' votes give, whether its papers went out in
// time.
type VerdictChange struct {
	Network string `json:"network"`
	// Meeting is the record's file name without .yaml (2026-12-08).
	Meeting string `json:"meeting"`
	Date    string `json:"date"`
	Kind    string `json:"kind"`
	// Changes are what changes, each before and after, in words.
	Changes []VerdictDiff `json:"changes"`
	// Retrospective is true when the change reaches back to the meeting:
	// it is made to the terms or the membership in force on the meeting's
	// day. With the terms kept as versions, every change of a held
	// meeting's verdict is one.
	Retrospective bool `json:"retrospective"`
	// Causes are which changes alter the verdict: "terms", "membership",
	// "calendar" (govctl.yaml's bank holidays and closures).
	Causes []string `json:"causes"`
	// Why says, in words, which change applies to the meeting and how.
	Why string `json:"why"`

	day model.Date
	// amend is, for an edit of network.yaml's terms that reaches back to the
	// meeting, the command that would have kept the terms it was judged by.
	amend string
}

// VerdictDiff is one part of a meeting's verdict, before and after.
type VerdictDiff struct {
	// What is "quorum", "papers" or "decision ID".
	What string `json:"what"`
	// Subject is, for a decision, its text.
	Subject string `json:"subject,omitempty"`
	Before  string `json:"before"`
	After   string `json:"after"`
}

// Verdicts lists the held meetings, in every body on both sides, whose
// verdict the change from before to after alters through the terms of
// reference (any version), the membership or the business-day calendar. A
// meeting is matched by its file. The record of the meeting as it was is
// judged again under the new terms, membership and calendar: a verdict that
// changes only because the record itself was edited is not listed (the
// record's changes are Compare's).
func Verdicts(before, after Side) []VerdictChange {
	var out []VerdictChange
	for _, id := range sortedKeys(before.Index.Networks, after.Index.Networks) {
		b, inB := before.Index.Networks[id]
		a, inA := after.Index.Networks[id]
		if !inB || !inA {
			continue
		}
		out = append(out, netVerdicts(before, after, b, a)...)
	}
	return out
}

func netVerdicts(before, after Side, b, a *model.Network) []VerdictChange {
	bx, ax := before.Index.Network(b), after.Index.Network(a)
	// Each change alone: the new terms with the old membership, and the old
	// terms with the new membership.
	termsAlone := hybrid(after.Index, a, b.Members)
	membersAlone := hybrid(before.Index, b, a.Members)
	bm, am := meetings(b), meetings(a)
	var out []VerdictChange
	for _, f := range sortedKeys(bm, am) {
		x, y := bm[f], am[f]
		if x == nil || y == nil || x.Status != "held" || y.Status != "held" {
			continue
		}
		vb := aspects(bx, x, bx.Verdict(before.Calendar, x))
		if sameAspects(vb, aspects(ax, x, ax.Verdict(after.Calendar, x))) {
			continue // neither the terms nor the membership change it
		}
		diffs := diffAspects(vb, aspects(ax, y, ax.Verdict(after.Calendar, y)))
		if len(diffs) == 0 {
			continue
		}
		vc := VerdictChange{Network: a.ID, Meeting: y.File, Date: y.Date.String(), Kind: y.Kind.ID, Changes: diffs, Retrospective: true, day: y.Date}
		// Which change does it: each alone, else those that feed the parts
		// that change (the quorum and the votes turn on the terms and the
		// membership; the papers on the terms' notice and the calendar).
		byTerms := !sameAspects(vb, aspects(termsAlone, x, termsAlone.Verdict(before.Calendar, x)))
		byMembers := !sameAspects(vb, aspects(membersAlone, x, membersAlone.Verdict(before.Calendar, x)))
		byCalendar := !sameAspects(vb, aspects(bx, x, bx.Verdict(after.Calendar, x)))
		if !byTerms && !byMembers && !byCalendar {
			byTerms = true
			for _, d := range diffs {
				byMembers = byMembers || d.What != "papers"
				byCalendar = byCalendar || d.What == "papers"
			}
		}
		var why []string
		if byTerms {
			vc.Causes = append(vc.Causes, "terms")
			w, inPlace := termsWhy(bx, ax, x.Date)
			why = append(why, w)
			if inPlace {
				vc.amend = amendHint(bx, ax, x.Date)
			}
		}
		if byMembers {
			vc.Causes = append(vc.Causes, "membership")
			why = append(why, membersWhy(bx, ax, x.Date))
		}
		if byCalendar {
			vc.Causes = append(vc.Causes, "calendar")
			why = append(why, "the business-day calendar in govctl.yaml (bank holidays, closures) was changed, and with it the papers deadline")
		}
		vc.Why = strings.Join(why, "; ")
		out = append(out, vc)
	}
	return out
}

// hybrid indexes network n (its terms, every version) with another
// membership.
func hybrid(x *terms.Repo, n *model.Network, members *model.MembersFile) *terms.Net {
	cp := *n
	cp.Members = members
	return x.Network(&cp)
}

// aspect is one part of a verdict: key names it ("quorum", "decision d1",
// "papers"), state is what is compared, text says it in words.
type aspect struct {
	key, state, text string
	subject          string
}

func aspects(nx *terms.Net, m *model.Meeting, v terms.Verdict) []aspect {
	var out []aspect
	switch q := v.Quorum; {
	case !q.Defined:
		out = append(out, aspect{key: "quorum", state: "none", text: "no quorum (the terms set none)"})
	case !v.QuorumJudged:
		// No attendance recorded: the quorum is not judged on either side.
	case q.Quorate:
		out = append(out, aspect{key: "quorum", state: "quorate", text: "quorate (" + words.List(q.Met) + ")"})
	default:
		out = append(out, aspect{key: "quorum", state: "not quorate", text: "not quorate (" + words.List(q.Unmet) + ")"})
	}
	for _, d := range v.Decisions {
		// Where members withdrew for its item, a decision has a quorum of
		// its own.
		if q := d.Quorum; v.QuorumJudged && q.Defined && len(q.Withdrew) > 0 {
			if q.Quorate {
				out = append(out, aspect{"quorum for decision " + d.Decision.ID, "quorate", "quorate once members withdrew (" + words.List(q.Met) + ")", words.DecisionText(m, d.Decision)})
			} else {
				out = append(out, aspect{"quorum for decision " + d.Decision.ID, "not quorate", "not quorate once members withdrew (" + words.List(q.Unmet) + ")", words.DecisionText(m, d.Decision)})
			}
		}
		if !d.Tally.Recorded {
			continue
		}
		state := fmt.Sprint(d.Carried, d.Casting, d.Contradicts)
		var text string
		switch {
		case d.Casting:
			text = "tied (" + tallyWords(d.Tally) + "), settled by the chair's casting vote"
		case d.Carried:
			text = "carried (" + tallyWords(d.Tally) + "; " + d.Tally.Rule + ")"
		default:
			text = "not carried (" + tallyWords(d.Tally) + "; " + d.Tally.Rule + ")"
		}
		if d.Contradicts {
			text += ", contrary to the recorded outcome (" + d.Decision.Outcome + ")"
		}
		out = append(out, aspect{"decision " + d.Decision.ID, state, text, words.DecisionText(m, d.Decision)})
	}
	if p := v.Papers; p.Sent.Set() {
		sent := words.LongDate(p.Sent.Date)
		switch {
		case !p.HasDeadline:
			out = append(out, aspect{key: "papers", state: "no notice", text: "sent " + sent + "; the terms set no notice, so no deadline"})
		case p.Late:
			out = append(out, aspect{key: "papers", state: "late", text: "late (sent " + sent + ", after the deadline of " + words.LongDate(p.Deadline) + ")"})
		default:
			out = append(out, aspect{key: "papers", state: "on time", text: "on time (sent " + sent + ", by the deadline of " + words.LongDate(p.Deadline) + ")"})
		}
	}
	return out
}

func tallyWords(t terms.Tally) string {
	s := words.Plural(t.For, "vote") + " for, " + words.Plural(t.Against, "vote") + " against"
	if t.Abstain > 0 {
		s += ", " + words.Plural(t.Abstain, "abstention")
	}
	return s
}

// amendHint is the command that keeps the terms in force before an
// amendment of network.yaml, for a body whose terms were edited in place.
func amendHint(bx, ax *terms.Net, d model.Date) string {
	if !layout.IsID(ax.N.ID) {
		return ""
	}
	eff := "DATE"
	if e := ax.N.Effective; e.Set() && d.Before(e.Date) && !bx.N.Effective.Set() {
		eff = e.String()
	}
	if bx.N.Effective.Set() {
		return fmt.Sprintf("govctl terms amend %s --effective %s", ax.N.ID, eff)
	}
	return fmt.Sprintf("govctl terms amend %s --effective %s --since SINCE", ax.N.ID, eff)
}

func sameAspects(x, y []aspect) bool {
	return slices.EqualFunc(x, y, func(a, b aspect) bool { return a.key == b.key && a.state == b.state })
}

// diffAspects lists the parts of the verdict judged on both sides whose
// state differs, in before's order.
func diffAspects(x, y []aspect) []VerdictDiff {
	var out []VerdictDiff
	for _, a := range x {
		i := slices.IndexFunc(y, func(b aspect) bool { return b.key == a.key })
		if i >= 0 && y[i].state != a.state {
			out = append(out, VerdictDiff{What: a.key, Subject: y[i].subject, Before: a.text, After: y[i].text})
		}
	}
	return out
}

// termsWhy says which change to the terms reaches back to a meeting on day
// d; inPlace is true when it is an edit of network.yaml's terms that `govctl
// terms amend` would have kept from the meeting.
func termsWhy(bx, ax *terms.Net, d model.Date) (why string, inPlace bool) {
	bv, av := bx.TermsOn(d), ax.TermsOn(d)
	if !av.IsCurrent() {
		name := versionFile(av)
		if versionFile(bv) == name {
			return fmt.Sprintf("%s, the version of the terms in force on the day, was edited", name), false
		}
		return fmt.Sprintf("this meeting is now judged by %s, not by %s", name, versionFile(bv)), false
	}
	eff := ax.N.Effective
	switch {
	case !eff.Set():
		return "network.yaml was changed in place and has no effective date, so its terms judge every meeting, this one too", true
	case d.Before(eff.Date):
		return fmt.Sprintf("network.yaml says its terms take effect on %s, after this meeting, but no earlier version is kept under terms/ to judge it, so the new terms do", words.LongDate(eff.Date)), true
	case bv.IsCurrent() && bx.N.Effective.Date == eff.Date:
		return fmt.Sprintf("network.yaml, in force since %s, was changed in place without a new effective date", words.LongDate(eff.Date)), true
	}
	return fmt.Sprintf("the terms in network.yaml take effect on %s, on or before this meeting (judged before by %s)", words.LongDate(eff.Date), versionFile(bv)), false
}

// versionFile names the file a version of the terms is kept in.
func versionFile(v *terms.Net) string {
	if v.IsCurrent() {
		return "network.yaml"
	}
	return "terms/" + v.N.From.String() + ".yaml"
}

// membersWhy says whose membership on day d changed in members.yaml.
func membersWhy(bx, ax *terms.Net, d model.Date) string {
	onDay := func(nx *terms.Net, id string) string {
		m, ok := nx.Members[id]
		if !ok {
			return ""
		}
		return fmt.Sprint(m.CurrentOn(d), refID(m.Seat), refID(m.Organisation), nx.MemberVotes(m, d))
	}
	var names []string
	for _, id := range sortedKeys(bx.Members, ax.Members) {
		if onDay(bx, id) == onDay(ax, id) {
			continue
		}
		if m, ok := ax.Members[id]; ok {
			names = append(names, m.Name)
		} else {
			names = append(names, bx.Members[id].Name)
		}
	}
	on := words.LongDate(d.Date)
	if len(names) == 0 {
		return "members.yaml was changed, and with it the membership as it stood on " + on
	}
	return fmt.Sprintf("members.yaml was changed for %s, and with it the membership as it stood on %s", words.List(names), on)
}

// VerdictsMarkdown renders the meetings whose verdict changes, body by body,
// for a pull-request comment; nothing when there are none.
func VerdictsMarkdown(vs []VerdictChange) []byte {
	if len(vs) == 0 {
		return nil
	}
	var b strings.Builder
	b.WriteString("\n## Meetings whose verdict changes\n\n")
	b.WriteString("Meetings already held that the change judges differently, each with its verdict before → after.\n")
	for i := 0; i < len(vs); {
		net := vs[i].Network
		fmt.Fprintf(&b, "\n### %s\n\n", markdown.Text(net))
		amend := ""
		for ; i < len(vs) && vs[i].Network == net; i++ {
			v := vs[i]
			day := v.Meeting
			if v.day.Set() {
				day = words.LongDate(v.day.Date)
			}
			fmt.Fprintf(&b, "- **%s** (%s, `meetings/%s.yaml`):\n", day, markdown.Text(v.Kind), v.Meeting)
			for _, c := range v.Changes {
				what := c.What
				if c.Subject != "" {
					what += ", “" + c.Subject + "”"
				}
				fmt.Fprintf(&b, "  - %s: %s → %s\n", markdown.Text(what), markdown.Text(c.Before), markdown.Text(c.After))
			}
			if v.Retrospective {
				fmt.Fprintf(&b, "  - **Retrospective:** %s.\n", markdown.Text(v.Why))
			}
			if v.amend != "" {
				amend = v.amend
			}
		}
		if amend != "" {
			fmt.Fprintf(&b, "\nTo amend the terms from a date instead, leaving the meetings held before it judged as they were: undo the edit to network.yaml, run `%s`", amend)
			var notes []string
			if strings.Contains(amend, "DATE") {
				notes = append(notes, "DATE the day the amendment takes effect")
			}
			if strings.Contains(amend, "SINCE") {
				notes = append(notes, "SINCE the day the terms in network.yaml before the edit came into force")
			}
			if len(notes) > 0 {
				b.WriteString(" (" + strings.Join(notes, "; ") + ")")
			}
			b.WriteString(", then make the edit again.\n")
		}
	}
	return []byte(b.String())
}
