package rules

import (
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// AttendanceConflict is a member listed twice in a meeting's attendance, or a
// substitute or stand-in for someone who could not be stood in for.
const AttendanceConflict ID = "attendance-conflict"

var attendanceConflict = &Rule{
	ID:       AttendanceConflict,
	Title:    "a member both present and sending apologies, or a substitute for a non-member",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Each member appears at most once among present, apologies and absent; a
substitute stands in for a current member who is not also present, and is not
also listed present. A stand-in (stand_ins: a colleague who is not a member)
stands in for a current member who is not also present, and for whom no
substitute or other stand-in is recorded: one person stands in for a member.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				nx := nx.TermsOn(mt.Date)
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
	checkStandIns(p, nx, mt, where)
}

// checkStandIns reports a stand-in for a member who could not be stood in
// for at meeting mt: one not a member on the day, listed present, or stood
// in for already, by a substitute or by another stand-in. A stand-in for an
// id that is not a member is unknown-member's.
func checkStandIns(p *Pass, nx *terms.Net, mt *model.Meeting, where map[string]string) {
	a := mt.Attendance
	substitute := map[string]string{} // member id: their first substitute's id
	for _, s := range a.Substitutes {
		if _, dup := substitute[s.For.ID]; !dup && s.Substitute.ID != s.For.ID {
			substitute[s.For.ID] = s.Substitute.ID
		}
	}
	standIn := map[string]string{} // member id: their first stand-in's name
	for _, s := range a.StandIns {
		mem, ok := nx.Members[s.For.ID]
		switch {
		case !ok:
			continue
		case !mem.CurrentOn(mt.Date):
			p.Reportf(s.For.Pos, "%q stands in for %s, who was not a member on %s", s.Name, s.For.ID, mt.Date.String())
		case where[s.For.ID] == "present":
			p.Reportf(s.For.Pos, "%q stands in for %s, who is also listed present", s.Name, s.For.ID)
		case substitute[s.For.ID] != "":
			p.Reportf(s.For.Pos, "%q stands in for %s, for whom %s is recorded as substitute: one person stands in for a member", s.Name, s.For.ID, substitute[s.For.ID])
		case standIn[s.For.ID] != "":
			p.Reportf(s.For.Pos, "%q and %q both stand in for %s: one person stands in for a member", standIn[s.For.ID], s.Name, s.For.ID)
		}
		if standIn[s.For.ID] == "" {
			standIn[s.For.ID] = s.Name
		}
	}
}
