package terms

import (
	"github.com/govctl/govctl/pkg/model"
)

// Terms of reference over time. network.yaml is in force from its
// effective date; earlier versions, kept whole under terms/<date>.yaml, each
// from its date until the next one's. A meeting is judged by the version in
// force on its day: every answer here that concerns a meeting or a day
// (quorum, tally, notice, agenda, kinds of meeting, offices, seats) is
// worked out by that version's index, which shares the members, meetings
// and work programme of the current one.

// versionNets indexes the earlier versions of nx's terms, oldest first.
func (x *Repo) versionNets(current *Net) []*Net {
	n := current.N
	out := make([]*Net, 0, len(n.Versions))
	for _, v := range n.Versions {
		cp := *v
		cp.Members, cp.MeetingList, cp.WorkProgramme = n.Members, n.MeetingList, n.WorkProgramme
		cp.Versions = nil
		vx := x.index(&cp)
		vx.current = current
		out = append(out, vx)
	}
	return out
}

// TermsOn is the index of the terms in force on day d: network.yaml's from
// its effective date (or on every day, without one or without earlier
// versions); else the latest earlier version in force by d; before them
// all, the earliest.
func (nx *Net) TermsOn(d model.Date) *Net {
	if len(nx.versions) == 0 || !d.Set() {
		return nx
	}
	if eff := nx.N.Effective; !eff.Set() || !d.Before(eff.Date) {
		return nx
	}
	on := nx.versions[0]
	for _, v := range nx.versions[1:] {
		if v.N.From.After(d.Date) {
			break
		}
		on = v
	}
	return on
}

// Current is the index of the terms now in network.yaml: nx itself, or,
// for an earlier version, the current one's.
func (nx *Net) Current() *Net {
	if nx.current != nil {
		return nx.current
	}
	return nx
}

// IsCurrent reports whether nx is the index of network.yaml's terms.
func (nx *Net) IsCurrent() bool { return nx.current == nil }

// Versions lists every version of the terms, oldest first, the current one
// last.
func (nx *Net) Versions() []*Net {
	cur := nx.Current()
	return append(append([]*Net(nil), cur.versions...), cur)
}

// InForce is the first day version nx was in force: an earlier version's
// file date, or network.yaml's effective date (unset without one).
func (nx *Net) InForce() model.Date {
	if nx.current != nil {
		return nx.N.From
	}
	return nx.N.Effective
}

// Until is the last day version nx was in force, for an earlier version: the
// day before the next version's (unset for network.yaml's terms).
func (nx *Net) Until() model.Date {
	if nx.current == nil {
		return model.Date{}
	}
	vs := nx.current.Versions()
	for i, v := range vs {
		if v == nx && i+1 < len(vs) && vs[i+1].InForce().Set() {
			return model.Date{Date: vs[i+1].InForce().Add(-1)}
		}
	}
	return model.Date{}
}
