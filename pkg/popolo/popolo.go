// Package popolo writes a governance repository as open data in the Popolo
// data specification (https://www.popoloproject.com/specs/): the bodies
// and the organisations members come from as Organizations, offices and
// seats as Posts, members as Persons with a Membership of their body (on
// behalf of their organisation) and one for each office they held,
// meetings as Events, decisions as Motions with a VoteEvent where votes were
// recorded. What Popolo has no field for (quorum, voting rules, kinds of
// meeting, attendance, declarations, actions, the work programme, the
// register of interests) is kept under keys of govctl's own, "govctl:...",
// beside the standard ones and never bent into them.
//
// Only the public record is exported: a private decision's motion text is
// "taken in private (REASON)", a private action's text the same, a private
// item's title "a private item" unless its body publishes it, and no
// private item's paper or any item's minutes are exported. The output is a
// pure function of the repository: the same files give the same bytes
// (lists sorted by id, ids stable: "govctl:network/<id>").
package popolo

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// Document is the export: Popolo's collections, each sorted by id.
type Document struct {
	// Format says what the document is, for a reader that finds it alone.
	Format        string         `json:"govctl:format"`
	Organizations []Organization `json:"organizations"`
	Persons       []Person       `json:"persons"`
	Posts         []Post         `json:"posts"`
	Memberships   []Membership   `json:"memberships"`
	Events        []Event        `json:"events"`
	Motions       []Motion       `json:"motions"`
	VoteEvents    []VoteEvent    `json:"vote_events"`
}

// FormatName is the document's govctl:format.
const FormatName = "popolo"

// OtherName is Popolo's other name.
type OtherName struct {
	Name string `json:"name"`
	Note string `json:"note,omitempty"`
}

// Link is Popolo's link.
type Link struct {
	URL  string `json:"url"`
	Note string `json:"note,omitempty"`
}

// Organization is a body (a network) or an organisation of
// organisations.yaml.
type Organization struct {
	ID             string      `json:"id"`
	Name           string      `json:"name"`
	Classification string      `json:"classification"`
	OtherNames     []OtherName `json:"other_names,omitempty"`
	ParentID       string      `json:"parent_id,omitempty"`
	FoundingDate   string      `json:"founding_date,omitempty"`
	Links          []Link      `json:"links,omitempty"`

	// An organisation's groups (organisations.yaml).
	Groups []string `json:"govctl:groups,omitempty"`
	// A body's terms of reference and records.
	Purpose          string         `json:"govctl:purpose,omitempty"`
	Aims             []string       `json:"govctl:aims,omitempty"`
	Responsibilities []string       `json:"govctl:responsibilities,omitempty"`
	SecretariatID    string         `json:"govctl:secretariat_id,omitempty"`
	Sponsors         []string       `json:"govctl:sponsors,omitempty"`
	OpenMembership   string         `json:"govctl:open_membership,omitempty"`
	Guests           string         `json:"govctl:guests,omitempty"`
	Effective        string         `json:"govctl:effective,omitempty"`
	Quorum           *Quorum        `json:"govctl:quorum,omitempty"`
	Voting           *Voting        `json:"govctl:voting,omitempty"`
	Meetings         []MeetingKind  `json:"govctl:meetings,omitempty"`
	Actions          []Action       `json:"govctl:actions,omitempty"`
	WorkProgramme    *WorkProgramme `json:"govctl:work_programme,omitempty"`
}

// Quorum is a body's quorum, as its terms set it.
type Quorum struct {
	EachOrganisationOf []string `json:"each_organisation_of,omitempty"`
	Members            int      `json:"members,omitempty"`
	Fraction           string   `json:"fraction,omitempty"`
	SubstitutesCount   bool     `json:"substitutes_count"`
	Words              string   `json:"words"`
}

// Voting is how a body takes decisions.
type Voting struct {
	Basis       string `json:"basis"`
	Method      string `json:"method"`
	Base        string `json:"base"`
	CastingVote bool   `json:"casting_vote"`
	OnDeadlock  string `json:"on_deadlock,omitempty"`
	Words       string `json:"words,omitempty"`
}

// MeetingKind is a kind of meeting of a body.
type MeetingKind struct {
	Kind                string   `json:"kind"`
	Cadence             string   `json:"cadence,omitempty"`
	Every               string   `json:"every,omitempty"`
	On                  string   `json:"on,omitempty"`
	PerYear             int      `json:"per_year,omitempty"`
	Start               string   `json:"start,omitempty"`
	Duration            string   `json:"duration,omitempty"`
	Venue               string   `json:"venue,omitempty"`
	Notice              string   `json:"notice,omitempty"`
	StandingItems       []string `json:"standing_items,omitempty"`
	ReviewWorkProgramme bool     `json:"review_work_programme,omitempty"`
}

// Action is an action raised at a meeting, with its updates.
type Action struct {
	ID       string         `json:"id"`
	Text     string         `json:"text"`
	Private  string         `json:"private,omitempty"`
	OwnerID  string         `json:"owner_id"`
	Due      string         `json:"due,omitempty"`
	RaisedAt string         `json:"raised_at"`
	Status   string         `json:"status"`
	Updates  []ActionUpdate `json:"updates,omitempty"`
}

// ActionUpdate is progress on an action recorded at a later meeting.
type ActionUpdate struct {
	EventID string `json:"event_id"`
	Status  string `json:"status"`
	Note    string `json:"note,omitempty"`
	Due     string `json:"due,omitempty"`
}

// WorkProgramme is a body's work programme.
type WorkProgramme struct {
	From  string     `json:"from,omitempty"`
	Until string     `json:"until,omitempty"`
	Items []WorkItem `json:"items"`
}

// WorkItem is one item of a work programme.
type WorkItem struct {
	ID          string       `json:"id"`
	Title       string       `json:"title"`
	Description string       `json:"description,omitempty"`
	LeadID      string       `json:"lead_id,omitempty"`
	Status      string       `json:"status"`
	Due         string       `json:"due,omitempty"`
	Milestones  []Milestone  `json:"milestones,omitempty"`
	Updates     []WorkUpdate `json:"updates,omitempty"`
}

// Milestone is a step of a work item.
type Milestone struct {
	Title string `json:"title"`
	Due   string `json:"due,omitempty"`
	Done  string `json:"done,omitempty"`
}

// WorkUpdate is a progress report on a work item.
type WorkUpdate struct {
	Date string `json:"date"`
	Text string `json:"text"`
}

// Person is a member of a body.
type Person struct {
	ID        string     `json:"id"`
	Name      string     `json:"name"`
	Interests []Interest `json:"govctl:interests,omitempty"`
}

// Interest is an entry of a member's register of interests.
type Interest struct {
	Text            string   `json:"text"`
	OrganizationIDs []string `json:"organization_ids,omitempty"`
	StartDate       string   `json:"start_date,omitempty"`
	EndDate         string   `json:"end_date,omitempty"`
}

// Post is an office or a seat of a body.
type Post struct {
	ID             string `json:"id"`
	Label          string `json:"label"`
	Role           string `json:"role"`
	OrganizationID string `json:"organization_id"`

	// An office.
	Appointment string `json:"govctl:appointment,omitempty"`
	HeldBy      string `json:"govctl:held_by_post,omitempty"`
	Term        string `json:"govctl:term,omitempty"`
	Holders     string `json:"govctl:count,omitempty"`
	CastingVote bool   `json:"govctl:casting_vote,omitempty"`
	// A seat.
	OrganisationIDs []string `json:"govctl:organisation_ids,omitempty"`
	PerOrganisation string   `json:"govctl:per_organisation,omitempty"`
	Votes           *int     `json:"govctl:votes,omitempty"`
	Substitute      string   `json:"govctl:substitute,omitempty"`
}

// Membership is a member's place on a body, or a holding of an office.
type Membership struct {
	ID             string `json:"id"`
	Label          string `json:"label,omitempty"`
	Role           string `json:"role"`
	PersonID       string `json:"person_id"`
	OrganizationID string `json:"organization_id"`
	PostID         string `json:"post_id,omitempty"`
	OnBehalfOfID   string `json:"on_behalf_of_id,omitempty"`
	StartDate      string `json:"start_date,omitempty"`
	EndDate        string `json:"end_date,omitempty"`

	Votes       *bool    `json:"govctl:votes,omitempty"`
	Substitutes []string `json:"govctl:substitute_ids,omitempty"`
}

// Attendee is a person at an event, as Popolo embeds one.
type Attendee struct {
	ID   string `json:"id"`
	Name string `json:"name"`
}

// Event is a meeting.
type Event struct {
	ID             string     `json:"id"`
	Name           string     `json:"name"`
	Classification string     `json:"classification"`
	StartDate      string     `json:"start_date"`
	EndDate        string     `json:"end_date,omitempty"`
	Location       string     `json:"location,omitempty"`
	Status         string     `json:"status"`
	OrganizationID string     `json:"organization_id"`
	Attendees      []Attendee `json:"attendees,omitempty"`

	Kind            string        `json:"govctl:kind"`
	CancelledReason string        `json:"govctl:cancelled_reason,omitempty"`
	PapersSent      string        `json:"govctl:papers_sent,omitempty"`
	ChairID         string        `json:"govctl:chair_id,omitempty"`
	Attendance      *Attendance   `json:"govctl:attendance,omitempty"`
	Quorum          *QuorumResult `json:"govctl:quorum,omitempty"`
	Agenda          []AgendaItem  `json:"govctl:agenda,omitempty"`
	Declarations    []Declaration `json:"govctl:declarations,omitempty"`
	ApprovesMinutes []string      `json:"govctl:approves_minutes_of,omitempty"`
	Recommendations []string      `json:"govctl:recommendations,omitempty"`
}

// Attendance is who came to a meeting, by person id.
type Attendance struct {
	Present     []string     `json:"present"`
	Apologies   []string     `json:"apologies,omitempty"`
	Absent      []string     `json:"absent,omitempty"`
	Substitutes []Substitute `json:"substitutes,omitempty"`
	StandIns    []StandIn    `json:"stand_ins,omitempty"`
	Guests      []string     `json:"guests,omitempty"`
}

// Substitute is a member who stood in for another.
type Substitute struct {
	PersonID string `json:"person_id"`
	ForID    string `json:"for_id"`
}

// StandIn is a colleague, not a member, who stood in for one.
type StandIn struct {
	Name           string `json:"name"`
	OrganizationID string `json:"organization_id,omitempty"`
	ForID          string `json:"for_id"`
	Counted        bool   `json:"counted"`
}

// QuorumResult is the judgement of a quorum: of a meeting, or of a
// decision where members withdrew for its item.
type QuorumResult struct {
	Quorate     bool     `json:"quorate"`
	Present     int      `json:"present"`
	Met         []string `json:"met,omitempty"`
	Unmet       []string `json:"unmet,omitempty"`
	WithdrewIDs []string `json:"withdrew_ids,omitempty"`
}

// AgendaItem is an item of a meeting's agenda, as the public record shows
// it.
type AgendaItem struct {
	Title       string   `json:"title"`
	Kind        string   `json:"kind,omitempty"`
	Private     string   `json:"private,omitempty"`
	PresenterID string   `json:"presenter_id,omitempty"`
	Paper       string   `json:"paper,omitempty"`
	Concerns    []string `json:"concerns,omitempty"`
}

// Declaration is an interest declared at a meeting.
type Declaration struct {
	PersonID string `json:"person_id"`
	Item     string `json:"item"`
	Interest string `json:"interest,omitempty"`
	Withdrew bool   `json:"withdrew"`
}

// Motion is a decision.
type Motion struct {
	ID                   string `json:"id"`
	OrganizationID       string `json:"organization_id"`
	LegislativeSessionID string `json:"legislative_session_id"`
	Text                 string `json:"text"`
	Date                 string `json:"date,omitempty"`
	Requirement          string `json:"requirement,omitempty"`
	Result               string `json:"result"`

	Identifier string `json:"govctl:id"`
	Item       string `json:"govctl:item,omitempty"`
	Outcome    string `json:"govctl:outcome"`
	Private    string `json:"govctl:private,omitempty"`
}

// VoteEvent is the recorded vote on a decision.
type VoteEvent struct {
	ID                   string  `json:"id"`
	MotionID             string  `json:"motion_id"`
	OrganizationID       string  `json:"organization_id"`
	LegislativeSessionID string  `json:"legislative_session_id"`
	StartDate            string  `json:"start_date,omitempty"`
	Result               string  `json:"result"`
	Counts               []Count `json:"counts"`
	Votes                []Vote  `json:"votes"`

	Carried     *bool         `json:"govctl:carried,omitempty"`
	Rule        string        `json:"govctl:rule,omitempty"`
	CastingVote bool          `json:"govctl:casting_vote,omitempty"`
	Quorum      *QuorumResult `json:"govctl:quorum,omitempty"`
}

// Count is the number of votes for an option.
type Count struct {
	Option string `json:"option"`
	Value  int    `json:"value"`
}

// Vote is one voter's vote: a person (voting by member) or an organisation
// (voting by organisation).
type Vote struct {
	VoterID string `json:"voter_id"`
	Option  string `json:"option"`
	// NotCounted says why a vote weighs nothing: its voter withdrew for
	// the item.
	NotCounted string `json:"govctl:not_counted,omitempty"`
}

// Options are what an export needs besides the bodies.
type Options struct {
	// Location is the repository's timezone: meeting times are given in
	// UTC.
	Location *time.Location
}

// The stable ids of the things exported.
func networkID(id string) string         { return "govctl:network/" + id }
func organisationID(id string) string    { return "govctl:organisation/" + id }
func personID(net, member string) string { return networkID(net) + "/member/" + member }
func eventID(net, file string) string    { return networkID(net) + "/meeting/" + file }
func motionID(net, dec string) string    { return networkID(net) + "/decision/" + dec }
func officeID(net, office string) string {
	return networkID(net) + "/office/" + office
}

// Export builds the document of repo's organisations and the bodies nets.
func Export(repo *terms.Repo, nets []*terms.Net, opts Options) *Document {
	if opts.Location == nil {
		opts.Location = time.UTC
	}
	doc := &Document{Format: FormatName, Organizations: []Organization{}, Persons: []Person{}, Posts: []Post{},
		Memberships: []Membership{}, Events: []Event{}, Motions: []Motion{}, VoteEvents: []VoteEvent{}}
	for i := range repo.Repo.Organisations {
		o := &repo.Repo.Organisations[i]
		if repo.Orgs[o.ID] != o {
			continue // a second organisation of one id (duplicate-id)
		}
		org := Organization{ID: organisationID(o.ID), Name: o.Name, Classification: "organisation"}
		if o.ShortName != "" {
			org.OtherNames = append(org.OtherNames, OtherName{Name: o.ShortName, Note: "short name"})
		}
		for _, g := range o.Groups {
			org.Groups = append(org.Groups, g.ID)
		}
		doc.Organizations = append(doc.Organizations, org)
	}
	exported := map[string]bool{}
	for _, nx := range nets {
		exported[nx.N.ID] = true
	}
	for _, nx := range nets {
		e := exporter{doc: doc, nx: nx, id: nx.N.ID, loc: opts.Location, exported: exported}
		e.network()
	}
	sort.Slice(doc.Organizations, func(i, j int) bool { return doc.Organizations[i].ID < doc.Organizations[j].ID })
	sort.Slice(doc.Persons, func(i, j int) bool { return doc.Persons[i].ID < doc.Persons[j].ID })
	sort.Slice(doc.Posts, func(i, j int) bool { return doc.Posts[i].ID < doc.Posts[j].ID })
	sort.Slice(doc.Memberships, func(i, j int) bool { return doc.Memberships[i].ID < doc.Memberships[j].ID })
	sort.Slice(doc.Events, func(i, j int) bool { return doc.Events[i].ID < doc.Events[j].ID })
	sort.Slice(doc.Motions, func(i, j int) bool { return doc.Motions[i].ID < doc.Motions[j].ID })
	sort.Slice(doc.VoteEvents, func(i, j int) bool { return doc.VoteEvents[i].ID < doc.VoteEvents[j].ID })
	return doc
}

// JSON is the document as indented JSON, ending in a newline.
func (d *Document) JSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// exporter adds one body to the document.
type exporter struct {
	doc      *Document
	nx       *terms.Net
	id       string
	loc      *time.Location
	exported map[string]bool
	// seats are the ids of the seat posts, by title.
	seats map[string]string
}

func day(d model.Date) string {
	if !d.Set() {
		return ""
	}
	return d.String()
}

func (e *exporter) person(member string) string { return personID(e.id, member) }

// member is the person id of member id, or "" when no member has it.
func (e *exporter) member(id string) string {
	if _, ok := e.nx.Members[id]; !ok {
		return ""
	}
	return e.person(id)
}

func (e *exporter) network() {
	nx, n := e.nx, e.nx.N
	org := Organization{ID: networkID(e.id), Name: n.Name, Classification: "body", Purpose: n.Purpose,
		Aims: n.Aims, Responsibilities: n.Responsibilities, OpenMembership: n.OpenMembership, Guests: n.Guests, Effective: day(n.Effective)}
	for _, a := range n.Aliases {
		org.OtherNames = append(org.OtherNames, OtherName{Name: a, Note: "also known as"})
	}
	if n.Parent != nil && e.exported[n.Parent.ID] {
		org.ParentID = networkID(n.Parent.ID)
	}
	if n.Established > 0 {
		org.FoundingDate = fmt.Sprintf("%04d", n.Established)
	}
	if n.Website != "" {
		org.Links = append(org.Links, Link{URL: n.Website, Note: "website"})
	}
	if n.Secretariat != nil {
		org.SecretariatID = e.orgRef(n.Secretariat.ID)
	}
	for _, s := range n.Sponsors {
		org.Sponsors = append(org.Sponsors, e.orgRef(s.ID))
	}
	if q := n.Quorum; q != nil {
		org.Quorum = &Quorum{Members: q.Members, SubstitutesCount: q.CountSubstitutes(), Words: nx.QuorumWords()}
		for _, o := range q.EachOrganisationOf {
			org.Quorum.EachOrganisationOf = append(org.Quorum.EachOrganisationOf, organisationID(o.ID))
		}
		if q.Fraction.Set() {
			org.Quorum.Fraction = q.Fraction.String()
		}
	}
	if n.Voting != nil || nx.CastingVote() {
		org.Voting = &Voting{Basis: nx.Basis(), Method: nx.Method(), Base: nx.Base(), CastingVote: nx.CastingVote(), Words: nx.VotingWords()}
		if n.Voting != nil {
			org.Voting.OnDeadlock = n.Voting.OnDeadlock
		}
	}
	for i := range n.Meetings {
		org.Meetings = append(org.Meetings, meetingKind(&n.Meetings[i]))
	}
	org.Actions = e.actions()
	org.WorkProgramme = e.workProgramme()
	e.doc.Organizations = append(e.doc.Organizations, org)

	e.posts()
	e.members()
	for _, m := range n.MeetingList {
		e.meeting(m)
	}
}

// orgRef is the id of an organisation of organisations.yaml, or the text
// as written (a sponsor may be free text).
func (e *exporter) orgRef(id string) string {
	if _, ok := e.nx.Orgs[id]; ok {
		return organisationID(id)
	}
	return id
}

func meetingKind(k *model.MeetingKind) MeetingKind {
	mk := MeetingKind{Kind: k.Name, Cadence: words.Cadence(k), On: k.On, PerYear: k.PerYear, Notice: words.Notice(k),
		StandingItems: k.StandingItems, ReviewWorkProgramme: k.ReviewWorkProgramme}
	if k.Every.Set() {
		mk.Every = k.Every.Period.String()
	}
	if k.Start.Valid {
		mk.Start = k.Start.String()
	}
	if k.Duration.Set() {
		mk.Duration = k.Duration.Period.String()
	}
	if k.Venue != nil {
		mk.Venue = k.Venue.String()
	}
	return mk
}

// posts adds the body's offices and seats.
func (e *exporter) posts() {
	n := e.nx.N
	for _, o := range n.Offices {
		p := Post{ID: officeID(e.id, o.Name), Label: words.KindTitle(o.Name), Role: o.Name, OrganizationID: networkID(e.id),
			Appointment: o.Appointment, HeldBy: o.Post, Holders: o.Seats().String(), CastingVote: o.CastingVote}
		if o.Term.Set() {
			p.Term = o.Term.Period.String()
		}
		e.doc.Posts = append(e.doc.Posts, p)
	}
	e.seats = map[string]string{}
	used := map[string]bool{}
	for i := range n.Seats {
		s := &n.Seats[i]
		if _, dup := e.seats[s.Title]; dup {
			continue
		}
		slug := slugOf(s.Title)
		id := networkID(e.id) + "/seat/" + slug
		for k := 2; used[id]; k++ {
			id = fmt.Sprintf("%s/seat/%s-%d", networkID(e.id), slug, k)
		}
		used[id] = true
		e.seats[s.Title] = id
		votes := s.VoteCount()
		p := Post{ID: id, Label: s.Title, Role: "member", OrganizationID: networkID(e.id),
			PerOrganisation: s.PerOrg().String(), Votes: &votes, Substitute: s.Substitute}
		for _, o := range e.nx.SeatOrgs(s) {
			p.OrganisationIDs = append(p.OrganisationIDs, organisationID(o))
		}
		e.doc.Posts = append(e.doc.Posts, p)
	}
}

// slugOf is a seat title as part of an id: lower case, runs of anything but
// letters and digits as one hyphen.
func slugOf(title string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(title) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	s := strings.TrimSuffix(b.String(), "-")
	if s == "" {
		return "seat"
	}
	return s
}

// members adds the body's members, their memberships and their holdings of
// offices.
func (e *exporter) members() {
	nx := e.nx
	for i := range nx.AllMembers() {
		m := &nx.N.Members.Members[i]
		if m.ID == "" || nx.Members[m.ID] != m {
			continue // a second member of one id (duplicate-id)
		}
		p := Person{ID: e.person(m.ID), Name: m.Name}
		for _, in := range m.Interests {
			pi := Interest{Text: in.Text, StartDate: day(in.From), EndDate: day(in.Until)}
			for _, o := range in.Organisations {
				pi.OrganizationIDs = append(pi.OrganizationIDs, organisationID(o.ID))
			}
			p.Interests = append(p.Interests, pi)
		}
		e.doc.Persons = append(e.doc.Persons, p)
		ms := Membership{ID: p.ID + "/membership", Role: "member", PersonID: p.ID, OrganizationID: networkID(e.id),
			StartDate: day(m.From), EndDate: day(m.Until), Votes: m.Votes}
		if m.Seat != nil {
			ms.Label = m.Seat.ID
			ms.PostID = e.seats[m.Seat.ID]
		} else {
			ms.Label = "member without a seat"
		}
		if m.Organisation != nil {
			ms.OnBehalfOfID = organisationID(m.Organisation.ID)
		}
		for _, s := range m.Substitutes {
			if id := e.member(s.ID); id != "" {
				ms.Substitutes = append(ms.Substitutes, id)
			}
		}
		e.doc.Memberships = append(e.doc.Memberships, ms)
	}
	for i, h := range nx.Holders() {
		pid := e.member(h.Member.ID)
		if pid == "" {
			continue
		}
		ms := Membership{ID: fmt.Sprintf("%s/office-holder/%d", networkID(e.id), i+1), Label: words.KindTitle(h.Office.ID), Role: h.Office.ID,
			PersonID: pid, OrganizationID: networkID(e.id), StartDate: day(h.From), EndDate: day(h.Until)}
		if _, ok := nx.Offices[h.Office.ID]; ok {
			ms.PostID = officeID(e.id, h.Office.ID)
		}
		if mem := nx.Members[h.Member.ID]; mem.Organisation != nil {
			ms.OnBehalfOfID = organisationID(mem.Organisation.ID)
		}
		e.doc.Memberships = append(e.doc.Memberships, ms)
	}
}

// when is meeting m's start (and end) in UTC, RFC 3339, where a start time
// is known; else its date alone, and no end.
func (e *exporter) when(m *model.Meeting) (start, end string, timed bool) {
	st := e.nx.Start(m)
	if !st.Valid {
		return m.Date.String(), "", false
	}
	y, mo, d := m.Date.Date.Date()
	t := time.Date(y, mo, d, st.Minutes/60, st.Minutes%60, 0, 0, e.loc)
	start = t.UTC().Format(time.RFC3339)
	if dur := e.nx.Duration(m); dur.Set() {
		if to, _ := dur.Period.AddTo(t); to.After(t) {
			end = to.UTC().Format(time.RFC3339)
		}
	}
	return start, end, true
}

func (e *exporter) meeting(m *model.Meeting) {
	nx := e.nx
	start, end, timed := e.when(m)
	ev := Event{ID: eventID(e.id, m.File), Name: nx.N.Name + ": " + words.KindTitle(m.Kind.ID) + ", " + words.LongDate(m.Date.Date),
		Classification: "meeting", StartDate: start, EndDate: end, Status: m.Status, OrganizationID: networkID(e.id),
		Kind: m.Kind.ID, CancelledReason: m.CancelledReason, PapersSent: day(m.PapersSent), Recommendations: m.Recommendations}
	ev.Location = nx.Venue(m)
	if m.Status == "held" {
		ev.Location = nx.HeldVenue(m)
	}
	if m.Chair != nil {
		ev.ChairID = e.member(m.Chair.ID)
	}
	for _, d := range m.ApprovesMinutes {
		ev.ApprovesMinutes = append(ev.ApprovesMinutes, d.String())
	}
	if a := m.Attendance; a != nil {
		ev.Attendance = e.attendance(m, a)
		for _, mem := range nx.Attended(m) {
			ev.Attendees = append(ev.Attendees, Attendee{ID: e.person(mem.ID), Name: mem.Name})
		}
		if m.Status == "held" {
			ev.Quorum = quorumResult(e, nx.Quorum(m))
		}
	}
	for _, entry := range nx.Agenda(m) {
		it := AgendaItem{Title: entry.Title}
		if r := entry.Record; r != nil {
			it.Kind = r.Kind
			if r.HidesTitle() {
				it.Title = words.PrivateItem
			}
			if r.IsPrivate() {
				it.Private = words.InPrivate(r.Private)
			} else {
				it.Paper = strings.TrimSpace(r.Paper)
			}
			if r.Presenter != nil {
				it.PresenterID = e.member(r.Presenter.ID)
			}
			for _, o := range r.Concerns {
				it.Concerns = append(it.Concerns, organisationID(o.ID))
			}
		}
		ev.Agenda = append(ev.Agenda, it)
	}
	for _, d := range m.Declarations {
		if id := e.member(d.Member.ID); id != "" {
			ev.Declarations = append(ev.Declarations, Declaration{PersonID: id, Item: words.ItemRef(m, d.Item), Interest: d.Interest, Withdrew: d.Withdrew})
		}
	}
	e.doc.Events = append(e.doc.Events, ev)
	if m.Status == "cancelled" {
		return
	}
	for i := range m.Decisions {
		e.decision(m, &m.Decisions[i], start, timed)
	}
}

func (e *exporter) attendance(m *model.Meeting, a *model.Attendance) *Attendance {
	out := &Attendance{Present: []string{}, Guests: a.Guests}
	ids := func(refs []model.Ref) []string {
		var s []string
		for _, r := range refs {
			if id := e.member(r.ID); id != "" {
				s = append(s, id)
			}
		}
		return s
	}
	out.Present = append(out.Present, ids(a.Present)...)
	out.Apologies = ids(a.Apologies)
	out.Absent = ids(a.Absent)
	for _, s := range a.Substitutes {
		sub, by := e.member(s.Substitute.ID), e.member(s.For.ID)
		if sub != "" && by != "" {
			out.Substitutes = append(out.Substitutes, Substitute{PersonID: sub, ForID: by})
		}
	}
	represented := e.nx.Attendance(m).Represented
	for i := range a.StandIns {
		s := &a.StandIns[i]
		si := StandIn{Name: s.Name, ForID: e.member(s.For.ID)}
		if s.Organisation != nil {
			si.OrganizationID = organisationID(s.Organisation.ID)
		}
		if mem, ok := e.nx.Members[s.For.ID]; ok {
			si.Counted = represented[mem].StandIn == s
		}
		out.StandIns = append(out.StandIns, si)
	}
	return out
}

func quorumResult(e *exporter, q terms.QuorumResult) *QuorumResult {
	if !q.Defined {
		return nil
	}
	r := &QuorumResult{Quorate: q.Quorate, Present: q.Present, Met: q.Met, Unmet: q.Unmet}
	for _, mem := range q.Withdrew {
		r.WithdrewIDs = append(r.WithdrewIDs, e.person(mem.ID))
	}
	return r
}

// results are Popolo's words for govctl's outcomes.
var results = map[string]string{"agreed": "pass", "not-agreed": "fail"}

func result(outcome string) string {
	if r, ok := results[outcome]; ok {
		return r
	}
	return outcome
}

func (e *exporter) decision(m *model.Meeting, d *model.Decision, start string, timed bool) {
	nx := e.nx.TermsOn(m.Date)
	mo := Motion{ID: motionID(e.id, d.ID), OrganizationID: networkID(e.id), LegislativeSessionID: eventID(e.id, m.File),
		Text: words.DecisionText(m, d), Result: result(d.Outcome), Identifier: d.ID, Item: words.ItemRef(m, d.Item), Outcome: d.Outcome}
	if reason, private := words.DecisionPrivate(m, d); private {
		mo.Private = words.InPrivate(reason)
	}
	if timed {
		mo.Date = start
	}
	t := nx.Count(m, d)
	switch {
	case t.Recorded && !t.Silent:
		mo.Requirement = t.Rule
	case nx.N.Voting != nil:
		mo.Requirement = nx.Method()
	}
	e.doc.Motions = append(e.doc.Motions, mo)
	if !t.Recorded {
		return
	}
	ve := VoteEvent{ID: mo.ID + "/vote", MotionID: mo.ID, OrganizationID: networkID(e.id), LegislativeSessionID: mo.LegislativeSessionID,
		Result: mo.Result, Counts: []Count{{"yes", t.For}, {"no", t.Against}, {"abstain", t.Abstain}}, Votes: []Vote{},
		CastingVote: d.CastingVote}
	if timed {
		ve.StartDate = start
	}
	if !t.Silent {
		carried := t.Carried
		ve.Carried, ve.Rule = &carried, t.Rule
	}
	if m.Status == "held" && m.Attendance != nil {
		if q := nx.DecisionQuorum(m, d); len(q.Withdrew) > 0 {
			ve.Quorum = quorumResult(e, q)
		}
	}
	withdrawn := map[model.Pos]bool{}
	for _, r := range t.Withdrawn {
		withdrawn[r.Pos] = true
	}
	for _, list := range []struct {
		option string
		refs   []model.Ref
	}{{"yes", d.Votes.For}, {"no", d.Votes.Against}, {"abstain", d.Votes.Abstain}} {
		for _, r := range list.refs {
			v := Vote{VoterID: e.voter(r.ID), Option: list.option}
			if withdrawn[r.Pos] {
				v.NotCounted = "withdrew for the item"
			}
			ve.Votes = append(ve.Votes, v)
		}
	}
	e.doc.VoteEvents = append(e.doc.VoteEvents, ve)
}

// voter is the id of a voter: a person where the body votes by member,
// else an organisation.
func (e *exporter) voter(id string) string {
	if e.nx.Basis() == "member" {
		if pid := e.member(id); pid != "" {
			return pid
		}
		return id
	}
	return e.orgRef(id)
}

func (e *exporter) actions() []Action {
	var out []Action
	for _, a := range e.nx.Actions() {
		act := Action{ID: a.Action.ID, Text: words.ActionText(a.Action), OwnerID: e.member(a.Action.Owner.ID),
			Due: day(a.Due), RaisedAt: eventID(e.id, a.Raised.File), Status: a.Status}
		if a.Action.IsPrivate() {
			act.Private = words.InPrivate(a.Action.Private)
		}
		for _, u := range a.Updates {
			act.Updates = append(act.Updates, ActionUpdate{EventID: eventID(e.id, u.Meeting.File), Status: u.Update.Status, Note: u.Update.Note, Due: day(u.Update.Due)})
		}
		out = append(out, act)
	}
	return out
}

func (e *exporter) workProgramme() *WorkProgramme {
	wp := e.nx.N.WorkProgramme
	if wp == nil {
		return nil
	}
	out := &WorkProgramme{Items: []WorkItem{}}
	if wp.Period != nil {
		out.From, out.Until = day(wp.Period.From), day(wp.Period.Until)
	}
	for _, it := range wp.Items {
		wi := WorkItem{ID: it.ID, Title: it.Title, Description: it.Description, Status: it.Status, Due: day(it.Due)}
		if it.Lead != nil {
			if id := e.member(it.Lead.ID); id != "" {
				wi.LeadID = id
			} else {
				wi.LeadID = e.orgRef(it.Lead.ID)
			}
		}
		for _, ms := range it.Milestones {
			wi.Milestones = append(wi.Milestones, Milestone{Title: ms.Title, Due: day(ms.Due), Done: day(ms.Done)})
		}
		for _, u := range it.Updates {
			wi.Updates = append(wi.Updates, WorkUpdate{Date: day(u.Date), Text: u.Text})
		}
		out.Items = append(out.Items, wi)
	}
	return out
}
