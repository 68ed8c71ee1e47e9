package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// AttendanceConflict is a member listed twice in a meeting's attendance, or a
// substitute for someone who could not be stood in for.
const AttendanceConflict ID = "attendance-conflict"

var attendanceConflict = &Rule{
	ID:       AttendanceConflict,
	Title:    "a member both present and sending apologies, or a substitute for a non-member",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Each member appears at most once among present, apologies and absent; a
substitute stands in for a current member who is not also present, and is not
also listed present.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				if mt.Attendance != nil {
					checkAttendanceConflict(p, nx, mt)
				}
			}
		}
	},
}

func checkAttendanceConflict(p *Pass, nx *terms.Net, mt *model.Meeting) {
	a := mt.Attendance
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
