package semdiff

import (
	"fmt"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// history lists what Compare's reading of network.yaml and members.yaml
// leaves out and a verdict may turn on: network.yaml's effective date, the
// earlier versions of the terms kept under terms/ (added, removed, or
// edited, in the words of Terms), and the dates, organisation and vote of
// each member.
func history(b, a *terms.Net) []Change {
	id := a.N.ID
	var out []Change
	add := func(area, format string, args ...any) {
		out = append(out, Change{Network: id, Area: area, Text: fmt.Sprintf(format, args...)})
	}
	switch be, ae := b.N.Effective, a.N.Effective; {
	case be.Date == ae.Date:
	case !be.Set():
		add("terms", "network.yaml's terms take effect on %s", ae.String())
	case !ae.Set():
		add("terms", "network.yaml's effective date removed (was %s)", be.String())
	default:
		add("terms", "network.yaml's effective date: from %s to %s", be.String(), ae.String())
	}
	bv, av := earlier(b), earlier(a)
	for _, f := range sortedKeys(bv, av) {
		x, inB := bv[f]
		y, inA := av[f]
		file := "terms/" + f + ".yaml"
		switch {
		case !inB:
			add("terms", "version of the terms kept: %s, in force from %s", file, f)
		case !inA:
			add("terms", "version of the terms removed: %s", file)
		default:
			for _, c := range Terms(termsAlone(x), termsAlone(y)) {
				add(c.Area, "%s: %s", file, c.Text)
			}
		}
	}
	for _, mid := range sortedKeys(b.Members, a.Members) {
		mb, inB := b.Members[mid]
		ma, inA := a.Members[mid]
		if !inB || !inA {
			continue // Compare says who joined and who was removed
		}
		if mb.From.Date != ma.From.Date {
			add("members", "%s's first day: from %s to %s", ma.Name, dateOrNone(mb.From), dateOrNone(ma.From))
		}
		if mb.Until.Set() && mb.Until.Date != ma.Until.Date {
			add("members", "%s's last day: from %s to %s", ma.Name, dateOrNone(mb.Until), dateOrNone(ma.Until))
		}
		if o, p := refID(mb.Organisation), refID(ma.Organisation); o != p {
			add("members", "%s's organisation: from %s to %s", ma.Name, orNone(o), orNone(p))
		}
		if votes(mb) != votes(ma) {
			add("members", "%s votes: from %s to %s", ma.Name, yesNo(votes(mb)), yesNo(votes(ma)))
		}
	}
	return out
}

// earlier is the earlier versions of nx's terms, by the date of their file.
func earlier(nx *terms.Net) map[string]*terms.Net {
	out := map[string]*terms.Net{}
	for _, v := range nx.Versions() {
		if !v.IsCurrent() {
			out[v.N.From.String()] = v
		}
	}
	return out
}

// termsAlone is version v's terms indexed without the membership and the
// meetings it shares with network.yaml: Terms compares the terms alone.
func termsAlone(v *terms.Net) *terms.Net {
	cp := *v.N
	cp.Members, cp.MeetingList, cp.WorkProgramme, cp.Versions = nil, nil, nil, nil
	return v.Repo.Network(&cp)
}

// votes is whether member m's entry lets them vote (votes: false does not).
func votes(m *model.Member) bool { return m.Votes == nil || *m.Votes }

func dateOrNone(d model.Date) string {
	if !d.Set() {
		return "none"
	}
	return d.String()
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// calendarChanges lists the changes to govctl.yaml's business-day calendar
// (bank holidays and closures), which every papers deadline counts by.
func calendarChanges(b, a model.Settings) []Change {
	var out []Change
	add := func(format string, args ...any) {
		out = append(out, Change{Area: "calendar", Text: fmt.Sprintf(format, args...)})
	}
	if hb, ha := orDefault(b.Holidays), orDefault(a.Holidays); hb != ha {
		add("bank holidays: from %s to %s", hb, ha)
	}
	closures := func(s model.Settings) map[string]string {
		m := map[string]string{}
		for _, c := range s.Closures {
			if c.Date.Set() {
				m[c.Date.String()] = c.Name
			}
		}
		return m
	}
	cb, ca := closures(b), closures(a)
	for _, d := range sortedKeys(cb, ca) {
		x, inB := cb[d]
		y, inA := ca[d]
		switch {
		case !inB:
			add("closure added: %s", closureText(d, y))
		case !inA:
			add("closure removed: %s", closureText(d, x))
		}
	}
	return out
}

func orDefault(holidays string) string {
	if holidays == "" {
		return calendar.EnglandAndWales
	}
	return holidays
}

func closureText(d, name string) string {
	if name == "" {
		return d
	}
	return d + " (" + name + ")"
}
