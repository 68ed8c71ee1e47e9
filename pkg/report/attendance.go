package report

import (
	"fmt"
	"strings"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// Ways of counting attendance.
const (
	ByMember       = "member"
	ByOrganisation = "organisation"
)

// AbsentRun is the number of absences in a row that raises the flag.
const AbsentRun = 3

// FlagAbsentInARow marks a member (or organisation) absent from AbsentRun
// or more of its expected meetings in a row.
const FlagAbsentInARow = "absent-in-a-row"

// What a member (or organisation) did at one meeting.
const (
	outcomePresent    = "present"
	outcomeSubstitute = "substitute"
	outcomeApologies  = "apologies"
	outcomeAbsent     = "absent"
)

// AttendanceOptions narrow the report.
type AttendanceOptions struct {
	// From and Until bound the meetings counted, both inclusive; zero is
	// unbounded.
	From, Until date.Date
	// By is member (the default) or organisation.
	By string
}

// AttendanceReport is a network's attendance over its held meetings. Its
// JSON shape is stable:
//
//	{"network": "sts-omg", "name": "...", "by": "member",
//	 "from": "2026-01-01", "until": "",          ("" when not given)
//	 "meetings": [{"date", "kind", "file"}],      held meetings counted
//	 "not_recorded": [{"date", "kind", "file"}],  held, with no attendance recorded: not counted
//	 "rows": [AttendanceRow...]}
type AttendanceReport struct {
	Network     string          `json:"network"`
	Name        string          `json:"name"`
	By          string          `json:"by"`
	From        string          `json:"from"`
	Until       string          `json:"until"`
	Meetings    []MeetingRef    `json:"meetings"`
	NotRecorded []MeetingRef    `json:"not_recorded"`
	Rows        []AttendanceRow `json:"rows"`
}

// MeetingRef names one meeting.
type MeetingRef struct {
	Date string `json:"date"`
	Kind string `json:"kind"`
	File string `json:"file"`
}

// AttendanceRow is one member's (or organisation's) attendance. Present,
// Substitute, Apologies and Absent add up to Expected.
type AttendanceRow struct {
	// ID is the member id (or organisation id); Name its name.
	ID   string `json:"id"`
	Name string `json:"name"`
	// Organisation is the member's organisation id ("" by organisation, or
	// when the member names none).
	Organisation     string `json:"organisation"`
	OrganisationName string `json:"organisation_name"`
	Expected         int    `json:"expected"`
	Present          int    `json:"present"`
	Substitute       int    `json:"by_substitute"`
	Apologies        int    `json:"apologies"`
	Absent           int    `json:"absent"`
	// Rate is (present + by substitute) / expected as a whole percentage,
	// rounded half up; null when nothing was expected.
	Rate *int `json:"rate"`
	// LongestAbsentRun is the most absences in a row.
	LongestAbsentRun int `json:"longest_absent_run"`
	// Flags holds absent-in-a-row when LongestAbsentRun is 3 or more;
	// never null.
	Flags []string `json:"flags"`

	run int
}

// RateText is the rate as "67%", or "n/a".
func (r AttendanceRow) RateText() string {
	if r.Rate == nil {
		return "n/a"
	}
	return fmt.Sprintf("%d%%", *r.Rate)
}

// Percent is n of d as a whole percentage, rounded half up.
func Percent(n, d int) int {
	return (200*n + d) / (2 * d)
}

func (r *AttendanceRow) count(outcome string) {
	r.Expected++
	switch outcome {
	case outcomePresent:
		r.Present++
		r.run = 0
	case outcomeSubstitute:
		r.Substitute++
		r.run = 0
	case outcomeApologies:
		// Not attending, but not an absence: the run of absences ends.
		r.Apologies++
		r.run = 0
	default:
		r.Absent++
		r.run++
		r.LongestAbsentRun = max(r.LongestAbsentRun, r.run)
	}
}

func (r *AttendanceRow) finish() {
	if r.Expected > 0 {
		p := Percent(r.Present+r.Substitute, r.Expected)
		r.Rate = &p
	}
	r.Flags = []string{}
	if r.LongestAbsentRun >= AbsentRun {
		r.Flags = append(r.Flags, FlagAbsentInARow)
	}
}

// record is one held meeting's attendance, resolved.
type record struct {
	present, apologies, absent map[string]bool
	// stoodInFor holds the members a substitute, or a stand-in who counts
	// as one, stood in for.
	stoodInFor map[string]bool
}

// resolve resolves the attendance of meeting m. A stand-in counts as a
// substitute where the member's seat allows one (terms.Net.Attendance).
func resolve(nx *terms.Net, m *model.Meeting) record {
	a := m.Attendance
	r := record{present: map[string]bool{}, apologies: map[string]bool{}, absent: map[string]bool{}, stoodInFor: map[string]bool{}}
	for _, x := range a.Present {
		r.present[x.ID] = true
	}
	for _, x := range a.Apologies {
		r.apologies[x.ID] = true
	}
	for _, x := range a.Absent {
		r.absent[x.ID] = true
	}
	for _, s := range a.Substitutes {
		r.stoodInFor[s.For.ID] = true
	}
	for mem, by := range nx.Attendance(m).Represented {
		if by.StandIn != nil {
			r.stoodInFor[mem.ID] = true
		}
	}
	return r
}

// of is what member id did: present when listed present; by substitute when
// a substitute stood in for them; apologies when they sent them; absent
// otherwise (listed absent, or not recorded at all).
func (r record) of(id string) string {
	switch {
	case r.present[id]:
		return outcomePresent
	case r.stoodInFor[id]:
		return outcomeSubstitute
	case r.apologies[id]:
		return outcomeApologies
	}
	return outcomeAbsent
}

// expected reports whether member m is expected at a meeting on day d: a
// current member with a seat.
func expected(m *model.Member, d model.Date) bool {
	return m.Seat != nil && m.Seat.ID != "" && m.CurrentOn(d)
}

// Attendance reports the attendance of network nx over its held meetings
// between opts.From and opts.Until. Cancelled and planned meetings are left
// out, and so are held meetings with no attendance recorded (listed as not
// recorded). A member is expected at a held meeting when they are a current
// member with a seat on its date; an organisation when it has such a member.
//
// By member, a member is present when listed present (standing in for
// someone else does not count for the substitute), by substitute when a
// substitute stood in for them (or a stand-in where their seat allows one), apologies when they sent apologies, and
// absent otherwise. By organisation, an organisation is present when any of
// its members was present, by substitute when only substitutes stood in for
// its members, apologies when any sent apologies and none was present or
// represented, and absent otherwise.
//
// A run of absences counts the expected meetings in date order: an absence
// extends it, and attending, being represented or sending apologies ends
// it. Meetings at which the member was not expected neither extend nor end
// it.
func Attendance(nx *terms.Net, opts AttendanceOptions) AttendanceReport {
	by := opts.By
	if by == "" {
		by = ByMember
	}
	r := AttendanceReport{Network: nx.N.ID, Name: nx.N.Name, By: by, Meetings: []MeetingRef{}, NotRecorded: []MeetingRef{}, Rows: []AttendanceRow{}}
	if !opts.From.IsZero() {
		r.From = opts.From.String()
	}
	if !opts.Until.IsZero() {
		r.Until = opts.Until.String()
	}
	members := nx.AllMembers()

	rows := map[string]*AttendanceRow{}
	rowFor := func(id, name, org string) *AttendanceRow {
		row, ok := rows[id]
		if !ok {
			row = &AttendanceRow{ID: id, Name: name, Organisation: org}
			if org != "" {
				row.OrganisationName = nx.OrgName(org)
			}
			rows[id] = row
		}
		return row
	}
	for _, m := range nx.N.MeetingList {
		if m.Status != "held" {
			continue
		}
		if (!opts.From.IsZero() && m.Date.Before(opts.From)) || (!opts.Until.IsZero() && m.Date.After(opts.Until)) {
			continue
		}
		ref := MeetingRef{Date: m.Date.String(), Kind: m.Kind.ID, File: m.File}
		if m.Attendance == nil {
			r.NotRecorded = append(r.NotRecorded, ref)
			continue
		}
		r.Meetings = append(r.Meetings, ref)
		rec := resolve(nx, m)
		if by == ByOrganisation {
			// The organisations expected, and what their members did.
			outcomes := map[string][]string{}
			var orgs []string
			for i := range members {
				mem := &members[i]
				org := terms.OrgOf(mem)
				if org == "" {
					continue
				}
				if expected(mem, m.Date) {
					if _, ok := outcomes[org]; !ok {
						orgs = append(orgs, org)
						outcomes[org] = []string{}
					}
				}
			}
			for i := range members {
				mem := &members[i]
				org := terms.OrgOf(mem)
				if _, ok := outcomes[org]; ok {
					outcomes[org] = append(outcomes[org], rec.of(mem.ID))
				}
			}
			for _, org := range orgs {
				rowFor(org, nx.OrgName(org), "").count(orgOutcome(outcomes[org]))
			}
			continue
		}
		for i := range members {
			mem := &members[i]
			if expected(mem, m.Date) {
				rowFor(mem.ID, mem.Name, terms.OrgOf(mem)).count(rec.of(mem.ID))
			}
		}
	}
	// Rows in members.yaml order; by organisation, in the order of each
	// organisation's first member.
	var order []string
	seen := map[string]bool{}
	for i := range members {
		id := members[i].ID
		if by == ByOrganisation {
			id = terms.OrgOf(&members[i])
		}
		if _, ok := rows[id]; ok && !seen[id] {
			seen[id] = true
			order = append(order, id)
		}
	}
	for _, id := range order {
		row := rows[id]
		row.finish()
		r.Rows = append(r.Rows, *row)
	}
	return r
}

// orgOutcome combines the outcomes of an organisation's members at one
// meeting.
func orgOutcome(outcomes []string) string {
	has := map[string]bool{}
	for _, o := range outcomes {
		has[o] = true
	}
	switch {
	case has[outcomePresent]:
		return outcomePresent
	case has[outcomeSubstitute]:
		return outcomeSubstitute
	case has[outcomeApologies]:
		return outcomeApologies
	}
	return outcomeAbsent
}

// Markdown renders the report.
func (r AttendanceReport) Markdown() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# Attendance: %s\n\n", markdown.Line(r.Name))
	span := "all held meetings"
	switch {
	case r.From != "" && r.Until != "":
		span = fmt.Sprintf("held meetings from %s to %s", r.From, r.Until)
	case r.From != "":
		span = fmt.Sprintf("held meetings from %s", r.From)
	case r.Until != "":
		span = fmt.Sprintf("held meetings until %s", r.Until)
	}
	fmt.Fprintf(&b, "Network %s, by %s, over %s: %d counted.\n\n", markdown.Line(r.Network), r.By, span, len(r.Meetings))
	if len(r.Rows) == 0 {
		b.WriteString("No held meeting with attendance recorded in the period.\n")
	} else {
		if r.By == ByOrganisation {
			b.WriteString("| Organisation | Expected | Present | By substitute | Apologies | Absent | Rate | Flags |\n")
			b.WriteString("| --- | --: | --: | --: | --: | --: | --: | --- |\n")
		} else {
			b.WriteString("| Member | Organisation | Expected | Present | By substitute | Apologies | Absent | Rate | Flags |\n")
			b.WriteString("| --- | --- | --: | --: | --: | --: | --: | --: | --- |\n")
		}
		for _, row := range r.Rows {
			flag := ""
			if len(row.Flags) > 0 {
				flag = fmt.Sprintf("**%d absent in a row**", row.LongestAbsentRun)
			}
			if r.By == ByOrganisation {
				fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %d | %s | %s |\n", markdown.Cell(row.Name), row.Expected, row.Present, row.Substitute, row.Apologies, row.Absent, row.RateText(), flag)
			} else {
				fmt.Fprintf(&b, "| %s | %s | %d | %d | %d | %d | %d | %s | %s |\n", markdown.Cell(row.Name), markdown.Cell(row.OrganisationName), row.Expected, row.Present, row.Substitute, row.Apologies, row.Absent, row.RateText(), flag)
			}
		}
	}
	if len(r.Meetings) > 0 {
		b.WriteString("\nMeetings counted: ")
		b.WriteString(meetingList(r.Meetings))
		b.WriteString(".\n")
	}
	if len(r.NotRecorded) > 0 {
		b.WriteString("\nNot counted, held with no attendance recorded: ")
		b.WriteString(meetingList(r.NotRecorded))
		b.WriteString(".\n")
	}
	fmt.Fprintf(&b, "\nOnly held meetings count. Rate is (present + by substitute) / expected. Absent includes members expected but not recorded at all; apologies are not absences and end a run of absences. Flagged: %d or more absences in a row.\n", AbsentRun)
	return []byte(b.String())
}

func meetingList(ms []MeetingRef) string {
	var parts []string
	for _, m := range ms {
		parts = append(parts, fmt.Sprintf("%s (%s)", m.Date, markdown.Line(m.Kind)))
	}
	return strings.Join(parts, ", ")
}
