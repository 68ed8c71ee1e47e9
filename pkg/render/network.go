package render

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/report"
	"github.com/govctl/govctl/pkg/semdiff"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Custom marks the section of a generated page that a person may write; it
// is kept as written when the page is generated again.
const (
	CustomStart = "<!-- custom -->"
	CustomEnd   = "<!-- /custom -->"
)

// OfficeView is an office with its holders.
type OfficeView struct {
	Name, How string
	Holders   []string
	Duties    []string
	// Joint names the holders of an office held by several at once:
	// "co-chairs".
	Joint string
}

// SeatView is a seat with its current members by organisation.
type SeatView struct {
	Title, Entitled, Votes, Substitute string
	Members                            []string
}

// KindView is a kind of meeting.
type KindView struct {
	Name, Title, Cadence, Time, Venue, Notice, AgendaBy, Description string
	StandingItems                                                    []string
	ReviewWorkProgramme                                              bool
}

// MeetingLine is a planned meeting.
type MeetingLine struct {
	Date, Kind, Time, Venue, Deadline, Agenda, Status string
	// Online is the meeting's joining link, as a markdown link.
	Online string
}

// NetworkView is everything a network's page shows.
type NetworkView struct {
	ID, Name, Parent, ParentLink, Purpose, Secretariat, Website, Open, Guests string
	Aliases, Aims, Responsibilities, Activities, MemberDuties, SecDuties      []string
	Sponsors                                                                  []string
	Children                                                                  []string
	Offices                                                                   []OfficeView
	Seats                                                                     []SeatView
	Others                                                                    []string
	Quorum, Voting                                                            string
	Kinds                                                                     []KindView
	Planned                                                                   []MeetingLine
	Actions                                                                   []ActionLine
	Work                                                                      []WorkLine
	LatestMinutes, LatestMinutesLink                                          string
	// Decisions counts the decisions of the held meetings, and Waiting the
	// referrals made to the body not yet settled: both on the decision
	// register, RegisterLink.
	Decisions, Waiting int
	RegisterLink       string
	Notes              string
	AsOf               string
	Custom             string
	// History lists the versions of the terms, the current one first, when
	// earlier versions are kept.
	History []TermsVersionView
	// Register is true when some member has a register of interests;
	// Interests are the interests registered on the page's date.
	Register  bool
	Interests []InterestLine
}

// InterestLine is one registered interest on the network page.
type InterestLine struct {
	Member, Text, Organisations, Since string
}

// TermsVersionView is one version of the terms on the network page.
type TermsVersionView struct {
	Span, File string
	// Changes say what the version changed from the one before it.
	Changes []string
}

// buildNetwork works out network nx's page, with membership as it stands on
// asOf. It depends on nothing but the repository, so it is the same on any
// day.
func buildNetwork(in Inputs, asOf model.Date, hasAgenda func(*model.Meeting) bool) NetworkView {
	in.Restricted = false // a network's page is public: never the restricted edition
	nx := in.Net
	n := nx.N
	v := NetworkView{ID: n.ID, Name: n.Name, Purpose: n.Purpose, Website: n.Website, Open: n.OpenMembership,
		Aliases: n.Aliases, Aims: n.Aims, Responsibilities: n.Responsibilities, Activities: n.Activities,
		MemberDuties: n.MemberDuties, SecDuties: n.SecretariatDuties, Notes: n.Notes, Custom: CustomStart + "\n" + CustomEnd}
	if asOf.Set() {
		v.AsOf = words.LongDate(asOf.Date)
	}
	if n.Parent != nil {
		v.Parent = n.Parent.ID
		if p, ok := nx.Networks[n.Parent.ID]; ok {
			v.Parent = p.Name
		}
		v.ParentLink = "../" + url.PathEscape(n.Parent.ID) + "/README.md"
	}
	for _, o := range nx.Repo.Repo.Networks {
		if o.Parent != nil && o.Parent.ID == n.ID {
			v.Children = append(v.Children, fmt.Sprintf("[%s](../%s/README.md)", markdown.Line(o.Name), url.PathEscape(o.ID)))
		}
	}
	if n.Secretariat != nil {
		v.Secretariat = nx.OrgName(n.Secretariat.ID)
	}
	for _, s := range n.Sponsors {
		v.Sponsors = append(v.Sponsors, nx.OrgName(s.ID))
	}
	switch n.Guests {
	case "by-invitation":
		v.Guests = "Guests attend by invitation."
	case "open":
		v.Guests = "Guests are welcome."
	case "none":
		v.Guests = "Guests do not attend."
	}
	for _, o := range n.Offices {
		ov := OfficeView{Name: officeTitle(o.Name), Duties: o.Duties, Joint: "co-" + strings.ToLower(officeTitle(o.Name)) + "s"}
		var how []string
		if o.Appointment != "" {
			how = append(how, o.Appointment)
		}
		if o.Post != "" {
			how = append(how, "held by the "+o.Post)
		}
		if o.Term.Set() {
			how = append(how, "for "+words.Period(o.Term))
		} else {
			how = append(how, "until replaced")
		}
		if r := o.Seats(); !(r.Min == 1 && r.HasMax && r.Max == 1) {
			how = append(how, r.String()+" at once")
		}
		if o.CastingVote {
			how = append(how, "with a casting vote")
		}
		ov.How = strings.Join(how, ", ")
		for _, h := range nx.Holders() {
			if h.Office.ID != o.Name || !h.CurrentOn(asOf) {
				continue
			}
			s := nx.MemberName(h.Member.ID)
			if mem, ok := nx.Members[h.Member.ID]; ok && mem.Organisation != nil && !strings.Contains(s, nx.OrgName(mem.Organisation.ID)) {
				s += " (" + nx.OrgName(mem.Organisation.ID) + ")"
			}
			switch {
			case h.Until.Set():
				s += ", until " + words.LongDate(h.Until.Date)
			case h.From.Set() && o.Term.Set():
				s += ", term ends " + words.LongDate(h.From.AddPeriod(o.Term.Period))
			}
			ov.Holders = append(ov.Holders, s)
		}
		v.Offices = append(v.Offices, ov)
	}
	seated := map[string]bool{}
	for i := range n.Seats {
		s := &n.Seats[i]
		sv := SeatView{Title: s.Title}
		orgs := nx.SeatOrgs(s)
		var names []string
		for _, o := range orgs {
			names = append(names, nx.OrgName(o))
		}
		if s.Group != nil && len(names) > 6 {
			sv.Entitled = fmt.Sprintf("%s from each of the %d organisations of the %s group", perOrgWords(s.PerOrg()), len(orgs), strings.ReplaceAll(s.Group.ID, "-", " "))
		} else {
			sv.Entitled = fmt.Sprintf("%s from each of %s", perOrgWords(s.PerOrg()), words.List(names))
		}
		switch {
		case nx.N.Voting == nil && s.Votes == nil:
			// The terms say nothing about voting: nothing is invented.
		case s.VoteCount() == 0:
			sv.Votes = "no vote"
		case s.Votes == nil:
			sv.Votes = words.Plural(s.VoteCount(), "vote") + " for each organisation (the terms give no number; govctl counts one)"
		default:
			sv.Votes = words.Plural(s.VoteCount(), "vote") + " for each organisation"
		}
		switch s.Substitute {
		case "named":
			sv.Substitute = "named substitutes"
		case "allowed":
			sv.Substitute = "substitutes allowed"
		case "none":
			sv.Substitute = "no substitutes"
		}
		var inSeat []*model.Member
		for _, m := range nx.CurrentMembers(asOf) {
			if m.Seat != nil && m.Seat.ID == s.Title {
				seated[m.ID] = true
				inSeat = append(inSeat, m)
			}
		}
		sv.Members = memberLines(nx, inSeat)
		v.Seats = append(v.Seats, sv)
	}
	for _, m := range nx.CurrentMembers(asOf) {
		if !seated[m.ID] {
			v.Others = append(v.Others, memberLine(nx, m))
		}
	}
	v.Register, v.Interests = interestLines(nx, asOf)
	v.Quorum = nx.QuorumWords()
	v.Voting = nx.VotingWords()
	for i := range n.Meetings {
		k := &n.Meetings[i]
		kv := KindView{Name: k.Name, Title: words.KindTitle(k.Name), Cadence: words.Cadence(k), Notice: words.Notice(k), Description: k.Description, StandingItems: k.StandingItems, ReviewWorkProgramme: k.ReviewWorkProgramme}
		if k.Start.Valid {
			kv.Time = k.Start.String()
			if k.Duration.Set() {
				kv.Time += ", " + words.Period(k.Duration)
			}
		} else if k.Duration.Set() {
			kv.Time = words.Period(k.Duration)
		}
		if k.Venue != nil {
			kv.Venue = k.Venue.String()
			if len(k.Venue.Rotate) > 0 {
				var names []string
				for _, o := range k.Venue.Rotate {
					names = append(names, nx.OrgName(o.ID))
				}
				kv.Venue = "in rotation between " + words.List(names)
				if k.Venue.Online {
					kv.Venue = "online, or " + kv.Venue
				}
			}
		}
		kv.AgendaBy = agendaFrom(nx, k.AgendaBy, asOf)
		v.Kinds = append(v.Kinds, kv)
	}
	for _, m := range n.MeetingList {
		if m.Status != "planned" {
			continue
		}
		l := MeetingLine{Date: words.LongDate(m.Date.Date), Kind: words.KindTitle(m.Kind.ID),
			Time: words.When(m.Date.Date, nx.Start(m), nx.Duration(m), in.Location), Venue: nx.Venue(m),
			Online: webLink("join online", m.OnlineLink)}
		if hasAgenda != nil && hasAgenda(m) {
			l.Agenda = path.Join("meetings", m.File+".agenda.md")
		}
		if d, ok := terms.PapersDeadline(in.Calendar, nx.MeetingKind(m), m.Date.Date); ok {
			l.Deadline = words.LongDate(d)
		}
		v.Planned = append(v.Planned, l)
	}
	for _, a := range nx.Actions() {
		if !a.Open() {
			continue
		}
		l := ActionLine{ID: a.Action.ID, Text: actionText(in, a.Action), Owner: nx.MemberName(a.Action.Owner.ID), Raised: a.Raised.Date.String()}
		if a.Due.Set() {
			l.Due = a.Due.String()
		}
		v.Actions = append(v.Actions, l)
	}
	if n.WorkProgramme != nil {
		v.Work = workLines(nx)
	}
	for _, m := range n.MeetingList {
		if m.Status == "held" {
			v.LatestMinutes = words.LongDate(m.Date.Date)
			v.LatestMinutesLink = path.Join("meetings", m.File+".minutes.md")
		}
	}
	v.History = termsHistory(nx)
	v.RegisterLink = RegisterFile
	for _, m := range n.MeetingList {
		if m.Status == "held" {
			v.Decisions += len(m.Decisions)
		}
	}
	for _, r := range nx.ReferralsTo() {
		if r.Settled() == nil {
			v.Waiting++
		}
	}
	return v
}

// interestLines lists the interests registered on asOf
// (terms.Net.InterestsOn); register is false when no member has any
// interest on record.
func interestLines(nx *terms.Net, asOf model.Date) (register bool, out []InterestLine) {
	for _, m := range nx.AllMembers() {
		register = register || len(m.Interests) > 0
	}
	for _, ri := range nx.InterestsOn(asOf) {
		l := InterestLine{Member: memberLine(nx, ri.Member), Text: ri.Interest.Text}
		var orgs []string
		for _, o := range ri.Interest.Organisations {
			orgs = append(orgs, nx.OrgName(o.ID))
		}
		l.Organisations = strings.Join(orgs, ", ")
		if ri.Interest.From.Set() {
			l.Since = words.LongDate(ri.Interest.From.Date)
		}
		out = append(out, l)
	}
	return register, out
}

// placeholderPosts is how many members recorded as one post ("OD lead,
// London Borough of Barnet": no person named) are summarised on one line.
const placeholderPosts = 5

// memberLines lists members a line each, except that posts recorded for
// many organisations with no person named are one line: "OD lead, in each
// of 33 organisations (no person is named): Barnet, Brent, ...".
func memberLines(nx *terms.Net, ms []*model.Member) []string {
	posts := map[string][]string{} // post -> organisation names
	postOf := func(m *model.Member) (string, string, bool) {
		if m.Organisation == nil {
			return "", "", false
		}
		org := nx.Orgs[m.Organisation.ID]
		if org == nil {
			return "", "", false
		}
		post, ok := strings.CutSuffix(m.Name, ", "+org.Name)
		return post, nx.OrgName(org.ID), ok && post != ""
	}
	for _, m := range ms {
		if post, org, ok := postOf(m); ok {
			posts[post] = append(posts[post], org)
		}
	}
	var out []string
	done := map[string]bool{}
	for _, m := range ms {
		post, _, ok := postOf(m)
		switch {
		case ok && len(posts[post]) >= placeholderPosts && done[post]:
		case ok && len(posts[post]) >= placeholderPosts:
			done[post] = true
			out = append(out, fmt.Sprintf("%s, in each of %d organisations (no person is named): %s", post, len(posts[post]), strings.Join(posts[post], ", ")))
		default:
			out = append(out, memberLine(nx, m))
		}
	}
	return out
}

func memberLine(nx *terms.Net, m *model.Member) string {
	s := m.Name
	if m.Organisation != nil {
		if org := nx.OrgName(m.Organisation.ID); !strings.Contains(s, org) {
			s += " (" + org + ")"
		}
	}
	return s
}

// Network renders a network's README.md.
// hasAgenda says which meetings have an agenda to link to.
func Network(in Inputs, asOf model.Date, hasAgenda func(*model.Meeting) bool) ([]byte, error) {
	return execute("network.md.tmpl", buildNetwork(in, asOf, hasAgenda))
}

// IndexRow is one body in the index: its overview row, and how deep it
// sits in the tree of who reports to whom.
type IndexRow struct {
	report.NetworkRow
	Depth int
	// Chair and Next are the row's chairs and next meeting in words.
	Chair, Next string
}

// IndexView is networks/README.md.
type IndexView struct {
	Rows []IndexRow
	AsOf string
}

// Index renders the index of every body, as a tree of who reports to whom.
// rows are the bodies' overview rows (report.Row) as they stood on asOf.
func Index(rows []report.NetworkRow, asOf model.Date) ([]byte, error) {
	return execute("index.md.tmpl", buildIndex(rows, asOf))
}

// buildIndex works out the index of the bodies of rows.
func buildIndex(rows []report.NetworkRow, asOf model.Date) IndexView {
	byID := map[string]report.NetworkRow{}
	children := map[string][]string{}
	var roots []string
	for _, r := range rows {
		byID[r.ID] = r
	}
	for _, r := range rows {
		if _, ok := byID[r.Parent]; ok && r.Parent != r.ID {
			children[r.Parent] = append(children[r.Parent], r.ID)
		} else {
			roots = append(roots, r.ID)
		}
	}
	sort.Strings(roots)
	v := IndexView{}
	if asOf.Set() {
		v.AsOf = words.LongDate(asOf.Date)
	}
	seen := map[string]bool{}
	var walk func(id string, depth int)
	walk = func(id string, depth int) {
		if seen[id] {
			return
		}
		seen[id] = true
		r := byID[id]
		row := IndexRow{NetworkRow: r, Depth: depth, Chair: words.List(r.Chairs)}
		if len(r.Chairs) > 1 {
			row.Chair += " (co-chairs)"
		}
		if m := r.NextMeeting; m != nil {
			row.Next = m.Date + " (" + strings.ToLower(words.KindTitle(m.Kind)) + ")"
		}
		v.Rows = append(v.Rows, row)
		kids := children[id]
		sort.Strings(kids)
		for _, k := range kids {
			walk(k, depth+1)
		}
	}
	for _, r := range roots {
		walk(r, 0)
	}
	// Bodies in a loop of parents have no root; list them too.
	ids := make([]string, 0, len(byID))
	for id := range byID {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for _, id := range ids {
		walk(id, 0)
	}
	return v
}

// termsHistory lists the versions of nx's terms, the current one first, each
// with its dates and what it changed from the one before, in the words of
// govctl diff; none when no earlier version is kept.
func termsHistory(nx *terms.Net) []TermsVersionView {
	vs := nx.Versions()
	if len(vs) < 2 {
		return nil
	}
	var out []TermsVersionView
	for i := len(vs) - 1; i >= 0; i-- {
		v := vs[i]
		tv := TermsVersionView{File: layout.NetworkFile}
		switch from, until := v.InForce(), v.Until(); {
		case !v.IsCurrent():
			tv.File = path.Join(layout.TermsDir, from.String()+".yaml")
			tv.Span = "From " + words.LongDate(from.Date)
			if until.Set() {
				tv.Span += " to " + words.LongDate(until.Date)
			}
		case from.Set():
			tv.Span = "From " + words.LongDate(from.Date)
		default:
			tv.Span = "The current terms"
		}
		if i == 0 {
			tv.Changes = []string{"The earliest version kept."}
		} else {
			for _, c := range semdiff.Terms(vs[i-1], v) {
				tv.Changes = append(tv.Changes, c.Text)
			}
			if len(tv.Changes) == 0 {
				tv.Changes = []string{"No change to what govctl reads (the wording of text it does not compare may differ)."}
			}
		}
		out = append(out, tv)
	}
	return out
}

// perOrgWords is how many members a seat takes from each organisation:
// "1", "1 to 3", "at least 1", or "any number (optional)" where none is
// needed.
func perOrgWords(r model.Range) string {
	switch {
	case r.Min == 0 && !r.HasMax:
		return "any number (optional)"
	case r.Min == 0 && r.HasMax:
		return fmt.Sprintf("up to %d (optional)", r.Max)
	}
	return r.String()
}

// officeTitle is an office's name as terms of reference write it: each word
// capitalised, "vice-chair" as "Vice Chair".
func officeTitle(name string) string {
	ws := strings.Fields(strings.ReplaceAll(name, "-", " "))
	for i, w := range ws {
		ws[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(ws, " ")
}
