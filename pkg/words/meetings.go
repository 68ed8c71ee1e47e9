package words

import (
	"fmt"
	"strings"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/model"
)

// Period is "1 month", "6 weeks", "2 hours".
func Period(p model.Period) string {
	pp := p.Period
	var out []string
	add := func(n int, unit string) {
		if n > 0 {
			out = append(out, Plural(n, unit))
		}
	}
	add(pp.Years(), "year")
	add(pp.Months(), "month")
	if d := pp.Days(); d%7 == 0 {
		add(d/7, "week")
	} else {
		add(d, "day")
	}
	add(pp.Hours(), "hour")
	add(pp.Minutes(), "minute")
	return strings.Join(out, " ")
}

// Cadence describes a kind's cadence: "every 6 weeks, on the second
// Tuesday, 9 a year".
func Cadence(k *model.MeetingKind) string {
	var parts []string
	if k.Every.Set() {
		parts = append(parts, "every "+strings.TrimPrefix(Period(k.Every), "1 "))
	}
	if k.On != "" {
		parts = append(parts, "on the "+strings.ToLower(k.On))
	}
	if k.PerYear > 0 {
		parts = append(parts, fmt.Sprintf("%d a year", k.PerYear))
	}
	return strings.Join(parts, ", ")
}

// NetworkCadence describes how often a body meets, kind by kind: "every
// month", "every 6 weeks, 9 a year"; with several kinds each is named
// ("workshop: 6 a year; drop-in: 6 a year"). Kinds with no cadence are left
// out.
func NetworkCadence(n *model.Network) string {
	var cad []string
	for i := range n.Meetings {
		c := Cadence(&n.Meetings[i])
		if c == "" {
			continue
		}
		cad = append(cad, n.Meetings[i].Name+": "+c)
	}
	if len(cad) == 1 {
		_, c, _ := strings.Cut(cad[0], ": ")
		return c
	}
	return strings.Join(cad, "; ")
}

// Notice describes a kind's notice: "papers at least 5 business days before
// the meeting"; "" when the kind sets none.
func Notice(k *model.MeetingKind) string {
	n := k.Notice
	if n == nil {
		return ""
	}
	if n.BusinessDays != nil {
		s := fmt.Sprintf("papers at least %s before the meeting", Plural(*n.BusinessDays, "business day"))
		if n.Clear {
			s = fmt.Sprintf("papers with %s clear before the meeting", Plural(*n.BusinessDays, "business day"))
		}
		return s
	}
	if n.Period.Set() {
		return fmt.Sprintf("papers %s before the meeting", Period(n.Period))
	}
	return ""
}

// KindTitle is "Ordinary meeting", "Workshop": a kind of meeting's name as
// a title.
func KindTitle(kind string) string {
	if kind == "" {
		return "Meeting"
	}
	t := strings.ToUpper(kind[:1]) + strings.ReplaceAll(kind[1:], "-", " ")
	if kind == "ordinary" || kind == "extraordinary" {
		t += " meeting"
	}
	return t
}

// When describes a meeting's start and end in local time with the zone in
// force that day (GMT or BST): "10:00 to 12:00 (GMT)"; "" with no start.
func When(d date.Date, start model.Clock, dur model.Period, loc *time.Location) string {
	if !start.Valid {
		return ""
	}
	y, m, day := d.Date()
	t := time.Date(y, m, day, start.Minutes/60, start.Minutes%60, 0, 0, loc)
	zone, _ := t.Zone()
	s := t.Format("15:04")
	if dur.Set() {
		if end, ok := dur.Period.AddTo(t); ok {
			s += " to " + end.Format("15:04")
		}
	}
	return s + " (" + zone + ")"
}
