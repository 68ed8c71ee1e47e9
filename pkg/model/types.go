package model

// Struct tags read by the loader (package load) and the schema generator:
//
//	yaml:"name"            the key in the file
//	govctl:"required"      missing-field when absent
//	govctl:"unless=KEY"    with required: not required where the mapping
//	                       gives KEY (a private decision's text); KEY|KEY2:
//	                       either
//	govctl:"enum=a|b"      wrong-type unless one of these
//	govctl:"key"           in a struct listed under a mapping (offices,
//	                       meetings, rules), the field that receives the key
//	govctl:"id"            an id (a field named id is one): wrong-type unless
//	                       layout.IsID; with "key", the key is checked
//	govctl:"value"         the field that receives a scalar value under that key
//	govctl:"min=N,max=N"   a number or period outside these bounds is wrong-type
//	                       (a number) or bad-date (a period), and not used
//	govctl:"days"          a period of whole days, weeks, months or years
//	govctl:"format=NAME"   text of a form package layout reads (layout.CheckText)
//	doc:"..."              one line for the format reference and JSON Schema

// Repo is a whole governance repository.
type Repo struct {
	// Dir is the folder as the user gave it; file positions are relative to it.
	Dir           string
	Settings      Settings
	Organisations []Organisation
	Networks      []*Network
	// ClearContacts are contacts files in clear found in the repository
	// (contacts.yaml at its top, or the clear twin of the file govctl.yaml's
	// contacts names), noted for contacts-leak and never read.
	ClearContacts []Pos `yaml:"-"`
}

// Settings is govctl.yaml.
type Settings struct {
	Loc
	Timezone string        `yaml:"timezone" doc:"IANA timezone of the repository's times (default Europe/London)"`
	Holidays string        `yaml:"holidays" govctl:"enum=england-and-wales|scotland|northern-ireland|none" doc:"bank holiday calendar (default england-and-wales)"`
	Closures []Closure     `yaml:"closures" doc:"extra non-business days for this repository"`
	Rules    []RuleSetting `yaml:"rules" doc:"per-rule severity: error, warning or off"`
	PagesURL string        `yaml:"pages_url" govctl:"format=https-base" doc:"the https address where the repository's pages are published: calendar events and e-mails link to agendas and minutes there"`
	Contacts string        `yaml:"contacts" govctl:"format=age-file" doc:"the contacts file encrypted with age, relative to the repository (such as contacts.yaml.age): e-mail addresses for govctl agenda email"`
}

// Closure is one extra non-business day.
type Closure struct {
	Loc
	Date Date   `yaml:"date" govctl:"required" doc:"the day offices are closed"`
	Name string `yaml:"name" doc:"why"`
}

// RuleSetting sets one rule's severity.
type RuleSetting struct {
	Loc
	Rule     string `yaml:"-" govctl:"key"`
	Severity string `yaml:"-" govctl:"value,enum=error|warning|off"`
}

// OrganisationsFile is organisations.yaml.
type OrganisationsFile struct {
	Loc
	Organisations []Organisation `yaml:"organisations" govctl:"required" doc:"every organisation that members come from"`
}

// Organisation is a body that members come from.
type Organisation struct {
	Loc
	ID        string `yaml:"id" govctl:"required" doc:"short id, lower case with hyphens"`
	Name      string `yaml:"name" govctl:"required" doc:"full name"`
	ShortName string `yaml:"short_name" doc:"name used in running text"`
	Groups    []Ref  `yaml:"groups" doc:"groups this organisation belongs to"`
}

// Network is one body: its terms of reference (network.yaml) with its
// members, meetings and work programme.
type Network struct {
	Loc
	// Folder is the folder name; ID should equal it.
	Folder string `yaml:"-"`

	ID                string        `yaml:"id" govctl:"required" doc:"equals the folder name"`
	Name              string        `yaml:"name" govctl:"required" doc:"the body's name"`
	Effective         Date          `yaml:"effective" doc:"the day these terms came into force (earlier versions: terms/<date>.yaml)"`
	Aliases           []string      `yaml:"aliases" doc:"other names the body is known by"`
	Parent            *Ref          `yaml:"parent" doc:"the network it reports to"`
	Purpose           string        `yaml:"purpose" doc:"why the body exists"`
	Aims              []string      `yaml:"aims" doc:"aims or objectives"`
	Responsibilities  []string      `yaml:"responsibilities" doc:"what the body is responsible for"`
	Activities        []string      `yaml:"activities" doc:"what the body does besides meetings"`
	MemberDuties      []string      `yaml:"member_duties" doc:"roles and responsibilities of members"`
	SecretariatDuties []string      `yaml:"secretariat_duties" doc:"what the secretariat does"`
	Sponsors          []Ref         `yaml:"sponsors" doc:"organisation ids or free text"`
	Secretariat       *Ref          `yaml:"secretariat" doc:"organisation that provides administrative support"`
	Website           string        `yaml:"website" doc:"the body's web address"`
	Established       int           `yaml:"established" govctl:"min=1000,max=9999" doc:"year the body was set up"`
	Offices           []Office      `yaml:"offices" doc:"roles filled from among the members"`
	Seats             []Seat        `yaml:"seats" doc:"who is entitled to sit, and with what vote"`
	OpenMembership    string        `yaml:"open_membership" doc:"who may join an open network"`
	Guests            string        `yaml:"guests" govctl:"enum=by-invitation|open|none" doc:"whether guests may attend"`
	Quorum            *Quorum       `yaml:"quorum" doc:"what must hold for a meeting to take decisions"`
	Voting            *Voting       `yaml:"voting" doc:"how decisions are taken"`
	Meetings          []MeetingKind `yaml:"meetings" doc:"one entry per kind of meeting"`
	ReportsToNotes    string        `yaml:"reports_to_notes" doc:"how the body reports to its parent"`
	Notes             string        `yaml:"notes" doc:"free markdown"`
	PrivateRecipients []string      `yaml:"private_recipients" doc:"age or SSH public keys of those who may read the body's private business"`
	// RecipientsAt are the positions of the private_recipients entries,
	// in order (the loader notes them: a []string keeps none).
	RecipientsAt []Pos `yaml:"-"`

	// Read from the other files of the folder.
	Members       *MembersFile   `yaml:"-"`
	MeetingList   []*Meeting     `yaml:"-"` // sorted by date, then file name
	WorkProgramme *WorkProgramme `yaml:"-"`
	// Versions are the earlier versions of the terms, terms/<date>.yaml,
	// oldest first; each is in force from its From until the next
	// version's, the last until Effective.
	Versions []*Network `yaml:"-"`
	// From is, for an earlier version, the date of its file name.
	From Date `yaml:"-"`
	// PrivateFiles are the private companions found in meetings/, as read
	// without a key, in file order: those of meeting records (each also
	// a Meeting's PrivateFile), those with no record beside them, and
	// those in clear (a leak).
	PrivateFiles []*PrivateFile `yaml:"-"`
}

// Office is a role filled from among the members.
type Office struct {
	Loc
	Name        string   `yaml:"-" govctl:"key"`
	Count       *Range   `yaml:"count" doc:"how many hold it at once: a number or {min, max} (default 1)"`
	Appointment string   `yaml:"appointment" govctl:"enum=ex-officio|elected|appointed" doc:"how it is filled"`
	Post        string   `yaml:"post" doc:"for ex-officio offices, the post that holds it"`
	Term        Period   `yaml:"term" govctl:"days" doc:"how long one holding lasts; none: until replaced"`
	CastingVote bool     `yaml:"casting_vote" doc:"whether the holder has a second or casting vote"`
	Duties      []string `yaml:"duties" doc:"what the holder does"`
}

// Seats returns the office's count, defaulting to exactly one.
func (o Office) Seats() Range {
	if o.Count != nil {
		return *o.Count
	}
	return Range{Min: 1, Max: 1, HasMax: true, Pos: o.At}
}

// Seat is a class of membership.
type Seat struct {
	Loc
	Organisations   []Ref  `yaml:"organisations" doc:"organisations entitled to this seat"`
	Group           *Ref   `yaml:"group" doc:"or: a group of organisations"`
	PerOrganisation *Range `yaml:"per_organisation" doc:"members for each organisation: a number or {min, max} (default 1)"`
	Title           string `yaml:"title" govctl:"required" doc:"the seat's title, which members.yaml refers to"`
	Votes           *int   `yaml:"votes" doc:"votes for each organisation; 0 attends without a vote (default 1)"`
	// VotesExercisedBy names, in the terms' words, who exercises the
	// seat's votes ("the Managing Director or authorised representative");
	// the voting is put into words with the seat's title where it is empty.
	VotesExercisedBy string `yaml:"votes_exercised_by" doc:"who exercises the seat's votes, in the terms' words (default: the seat's title)"`
	Substitute       string `yaml:"substitute" govctl:"enum=named|allowed|none" doc:"whether a substitute may stand in"`
}

// PerOrg returns per_organisation, defaulting to exactly one.
func (s Seat) PerOrg() Range {
	if s.PerOrganisation != nil {
		return *s.PerOrganisation
	}
	return Range{Min: 1, Max: 1, HasMax: true, Pos: s.At}
}

// VoteCount returns the seat's votes for each organisation, defaulting to one.
func (s Seat) VoteCount() int {
	if s.Votes != nil {
		return *s.Votes
	}
	return 1
}

// Quorum is what must hold for a meeting to be quorate.
type Quorum struct {
	Loc
	EachOrganisationOf []Ref    `yaml:"each_organisation_of" doc:"a voting member or substitute from each of these organisations"`
	Members            int      `yaml:"members" doc:"at least this many present"`
	Fraction           Fraction `yaml:"fraction" doc:"at least this share of the voting members, rounded up"`
	SubstitutesCount   *bool    `yaml:"substitutes_count" doc:"whether substitutes count toward the quorum (default true)"`
	Description        string   `yaml:"description" doc:"the quorum in the words of the terms"`
}

// CountSubstitutes reports whether substitutes count (default true).
func (q *Quorum) CountSubstitutes() bool { return q.SubstitutesCount == nil || *q.SubstitutesCount }

// Voting is how decisions are taken.
type Voting struct {
	Loc
	Basis      string `yaml:"basis" govctl:"enum=organisation|member" doc:"who holds a vote"`
	Method     string `yaml:"method" govctl:"enum=consensus|majority|two-thirds|unanimous" doc:"what carries a decision"`
	Base       string `yaml:"base" govctl:"enum=cast|present|membership" doc:"what a majority is of (abstentions never count as cast)"`
	OnDeadlock string `yaml:"on_deadlock" doc:"what happens when no decision can be reached"`
}

// Venue is where a meeting is held: text, or online and/or a rotation.
type Venue struct {
	Loc
	Text   string
	Online bool   `yaml:"online" doc:"the meeting is (also) online"`
	Rotate []Ref  `yaml:"rotate" doc:"organisations whose offices host in turn"`
	Place  string `yaml:"place" doc:"a fixed place"`
}

func (v Venue) String() string {
	switch {
	case v.Text != "":
		return v.Text
	case v.Place != "" && v.Online:
		return v.Place + " and online"
	case v.Place != "":
		return v.Place
	case v.Online && len(v.Rotate) > 0:
		return "online, or in rotation between " + joinIDs(v.Rotate)
	case len(v.Rotate) > 0:
		return "in rotation between " + joinIDs(v.Rotate)
	case v.Online:
		return "online"
	}
	return ""
}

func joinIDs(refs []Ref) string {
	ids := IDs(refs)
	switch len(ids) {
	case 0:
		return ""
	case 1:
		return ids[0]
	}
	out := ""
	for i, id := range ids {
		switch {
		case i == 0:
			out = id
		case i == len(ids)-1:
			out += " and " + id
		default:
			out += ", " + id
		}
	}
	return out
}

// Notice is how early papers must reach members.
type Notice struct {
	Loc
	BusinessDays *int   `yaml:"business_days" govctl:"max=260" doc:"count back this many business days (at most 260, about a year)"`
	Period       Period `yaml:"period" govctl:"max=P1Y,days" doc:"or: this calendar period before the meeting (at most P1Y)"`
	Clear        bool   `yaml:"clear" doc:"neither the day sent nor the meeting day counts"`
}

// MeetingKind is one kind of meeting in the terms of reference.
type MeetingKind struct {
	Loc
	Name                string   `yaml:"-" govctl:"key,id"`
	Description         string   `yaml:"description" doc:"what this kind of meeting is for"`
	Every               Period   `yaml:"every" govctl:"min=P1D,max=P5Y,days" doc:"cadence, from P1D to P5Y"`
	On                  string   `yaml:"on" govctl:"format=weekday-of-month" doc:"first..fourth or last, and a weekday: second Tuesday"`
	Anchor              Date     `yaml:"anchor" doc:"first date of an every-N-weeks series"`
	PerYear             int      `yaml:"per_year" govctl:"max=365" doc:"target count in any 12 months (at most 365)"`
	Start               Clock    `yaml:"start" doc:"local start time, HH:MM"`
	Duration            Period   `yaml:"duration" govctl:"max=PT12H" doc:"how long, PT2H (at most PT12H)"`
	Venue               *Venue   `yaml:"venue" doc:"text, or {online, rotate, place}"`
	Notice              *Notice  `yaml:"notice" doc:"when agenda and papers must reach members"`
	AgendaBy            string   `yaml:"agenda_by" doc:"who agrees and sends the agenda"`
	StandingItems       []string `yaml:"standing_items" doc:"items every agenda must hold, in order"`
	ReviewWorkProgramme bool     `yaml:"review_work_programme" doc:"every meeting reviews the work programme"`
	Extraordinary       string   `yaml:"extraordinary" govctl:"enum=allowed|not-allowed" doc:"whether extra meetings may be called"`
	UrgentItems         string   `yaml:"urgent_items" doc:"how urgent items are admitted"`
}

// MembersFile is members.yaml.
type MembersFile struct {
	Loc
	Members       []Member       `yaml:"members" govctl:"required" doc:"who sits on the body"`
	OfficeHolders []OfficeHolder `yaml:"office_holders" doc:"who holds which office"`
}

// Member is one member of a network.
type Member struct {
	Loc
	ID           string     `yaml:"id" govctl:"required" doc:"short id, unique in the network"`
	Name         string     `yaml:"name" govctl:"required" doc:"a person, or a post where no person is named"`
	Organisation *Ref       `yaml:"organisation" doc:"the organisation they come from"`
	Seat         *Ref       `yaml:"seat" doc:"a seat title from network.yaml; none: a substitute or observer"`
	From         Date       `yaml:"from" doc:"first day of membership"`
	Until        Date       `yaml:"until" doc:"last day of membership"`
	Substitutes  []Ref      `yaml:"substitutes" doc:"member ids of named substitutes"`
	Votes        *bool      `yaml:"votes" doc:"false: does not vote even in a voting seat"`
	Interests    []Interest `yaml:"interests" doc:"the member's registered interests"`
}

// CurrentOn reports whether the member sits on day d.
func (m Member) CurrentOn(d Date) bool { return within(d, m.From, m.Until) }

// Interest is one entry of a member's register of interests.
type Interest struct {
	Loc
	Text          string `yaml:"text" govctl:"required" doc:"the interest, as registered (Spouse employed by Capita)"`
	Organisations []Ref  `yaml:"organisations" doc:"organisation ids the interest concerns"`
	From          Date   `yaml:"from" doc:"first day of the interest"`
	Until         Date   `yaml:"until" doc:"last day of the interest"`
}

// CurrentOn reports whether the interest is registered on day d.
func (i Interest) CurrentOn(d Date) bool { return within(d, i.From, i.Until) }

// Concerns reports whether the interest concerns organisation org.
func (i Interest) Concerns(org string) bool {
	for _, o := range i.Organisations {
		if o.ID == org {
			return true
		}
	}
	return false
}

// OfficeHolder is one holding of an office.
type OfficeHolder struct {
	Loc
	Office Ref  `yaml:"office" govctl:"required" doc:"an office of network.yaml"`
	Member Ref  `yaml:"member" govctl:"required" doc:"a member id"`
	From   Date `yaml:"from" doc:"first day in office"`
	Until  Date `yaml:"until" doc:"last day in office"`
}

// CurrentOn reports whether the holding covers day d.
func (h OfficeHolder) CurrentOn(d Date) bool { return within(d, h.From, h.Until) }

func within(d, from, until Date) bool {
	if from.Set() && d.Before(from.Date) {
		return false
	}
	if until.Set() && d.After(until.Date) {
		return false
	}
	return true
}

// Meeting is one meeting's record: meetings/<date>.yaml.
type Meeting struct {
	Loc
	// File is the file's base name without .yaml: 2026-11-17 or 2026-11-17-2.
	File string `yaml:"-"`

	Date            Date           `yaml:"date" govctl:"required" doc:"equals the file name's date"`
	Start           Clock          `yaml:"start" doc:"local start time (default: the kind's)"`
	Kind            Ref            `yaml:"kind" govctl:"required" doc:"a key of network.yaml meetings"`
	Status          string         `yaml:"status" govctl:"required,enum=planned|held|cancelled" doc:"planned, held or cancelled"`
	CancelledReason string         `yaml:"cancelled_reason" doc:"why a cancelled meeting was cancelled"`
	MovedFrom       []Date         `yaml:"moved_from" doc:"the dates a moved meeting was planned for, earliest first"`
	Venue           *Venue         `yaml:"venue" doc:"where (default: the kind's)"`
	OnlineLink      string         `yaml:"online_link" govctl:"format=https-url" doc:"the https address to join the meeting online"`
	Recording       string         `yaml:"recording" govctl:"format=https-url" doc:"the https address of the meeting's recording"`
	PapersSent      Date           `yaml:"papers_sent" doc:"when agenda and papers went out"`
	Chair           *Ref           `yaml:"chair" doc:"member who chaired"`
	Attendance      *Attendance    `yaml:"attendance" doc:"who came"`
	OmitStanding    []OmitStanding `yaml:"omit_standing_items" doc:"standing items left off this meeting, each with its reason"`
	Agenda          []AgendaItem   `yaml:"agenda" doc:"the items after the standing items (a standing item's title adds to it)"`
	ApprovesMinutes []Date         `yaml:"approves_minutes" doc:"earlier meetings whose minutes this one agreed"`
	Declarations    []Declaration  `yaml:"declarations" doc:"interests declared"`
	Decisions       []Decision     `yaml:"decisions" doc:"what was decided"`
	Actions         []Action       `yaml:"actions" doc:"actions raised"`
	ActionUpdates   []ActionUpdate `yaml:"action_updates" doc:"progress on earlier actions"`
	Recommendations []string       `yaml:"recommendations" doc:"recommendations made"`
	Notes           string         `yaml:"notes" doc:"free markdown"`

	// PrivateFile is the meeting's encrypted companion,
	// meetings/<File>.private.yaml.age, when there is one.
	PrivateFile *PrivateFile `yaml:"-"`
}

// Attendance is who came to a meeting.
type Attendance struct {
	Loc
	Present     []Ref           `yaml:"present" doc:"member ids"`
	Apologies   []Ref           `yaml:"apologies" doc:"member ids"`
	Substitutes []SubstituteFor `yaml:"substitutes" doc:"substitute: the member they stood in for"`
	Absent      []Ref           `yaml:"absent" doc:"member ids"`
	StandIns    []StandIn       `yaml:"stand_ins" doc:"colleagues who are not members, sent for one meeting"`
	Guests      []string        `yaml:"guests" doc:"names of guests"`
}

// StandIn is a colleague, not a member, sent for one meeting in a member's
// place. Where the member's seat allows substitutes, a stand-in counts as
// one.
type StandIn struct {
	Loc
	Name         string `yaml:"name" govctl:"required" doc:"name and role, as for a guest"`
	Organisation *Ref   `yaml:"organisation" doc:"the organisation they come from"`
	For          Ref    `yaml:"for" govctl:"required" doc:"the member they stand in for"`
}

// OmitStanding is a standing item left off one meeting's agenda.
type OmitStanding struct {
	Loc
	Item   string `yaml:"item" govctl:"required" doc:"the standing item's title"`
	Reason string `yaml:"reason" govctl:"required" doc:"why it is left off"`
}

// SubstituteFor is one substitute and the member they stood in for.
type SubstituteFor struct {
	Loc
	Substitute Ref `yaml:"-" govctl:"key"`
	For        Ref `yaml:"-" govctl:"value"`
}

// AgendaItem is one item of business.
type AgendaItem struct {
	Loc
	Title        string `yaml:"title" govctl:"required" doc:"the item"`
	Kind         string `yaml:"kind" govctl:"enum=standing|decision|discussion|information|urgent|aob" doc:"what kind of item; aob: any other business, taken last"`
	Presenter    *Ref   `yaml:"presenter" doc:"member id"`
	Paper        string `yaml:"paper" doc:"path or link to the paper"`
	UrgentReason string `yaml:"urgent_reason" doc:"why a late item may stand"`
	Minutes      string `yaml:"minutes" doc:"what was said and agreed under the item (markdown)"`
	Private      string `yaml:"private" doc:"why the item is taken in private (Schedule 12A, paragraph 3): its minutes and paper are in the meeting's private file"`
	PublishTitle bool   `yaml:"publish_title" doc:"a private item's title is shown on public pages (without it: 'a private item')"`
	Concerns     []Ref  `yaml:"concerns" doc:"organisation ids the item is about: the agenda lists the members' registered interests in them"`
}

// Declaration is an interest declared at a meeting.
type Declaration struct {
	Loc
	Member   Ref    `yaml:"member" govctl:"required" doc:"member id"`
	Item     string `yaml:"item" govctl:"required" doc:"the agenda item"`
	Interest string `yaml:"interest" doc:"the interest"`
	Withdrew bool   `yaml:"withdrew" doc:"the member left the room for the item: not counted for the quorum or votes of its decisions"`
}

// Decision is one decision taken at a meeting.
type Decision struct {
	Loc
	ID          string `yaml:"id" govctl:"required" doc:"unique in the network"`
	Item        string `yaml:"item" doc:"the agenda item it was taken under"`
	Text        string `yaml:"text" govctl:"required,unless=private|responds_to" doc:"what was decided (required unless private, or an answer to a referral)"`
	Outcome     string `yaml:"outcome" govctl:"required,enum=agreed|not-agreed|deferred|referred" doc:"the outcome"`
	Votes       *Votes `yaml:"votes" doc:"recorded votes, by organisation or member"`
	CastingVote bool   `yaml:"casting_vote" doc:"the chair used a casting vote"`
	Private     string `yaml:"private" doc:"why the decision is private: its text is in the meeting's private file"`
	// ReferTo and RespondsTo carry a decision from one body to another: a
	// referred decision names the body it goes to, and that body's
	// answer names the decision it answers (terms.Referral).
	ReferTo    *Ref `yaml:"refer_to" doc:"with outcome referred: the network the decision goes to"`
	RespondsTo *Ref `yaml:"responds_to" doc:"the referral this decision answers: NETWORK/DECISION-ID"`
}

// Votes is a recorded tally.
type Votes struct {
	Loc
	For     []Ref `yaml:"for"`
	Against []Ref `yaml:"against"`
	Abstain []Ref `yaml:"abstain"`
}

// Action is an action raised at a meeting.
type Action struct {
	Loc
	ID      string `yaml:"id" govctl:"required" doc:"unique in the network"`
	Text    string `yaml:"text" govctl:"required,unless=private" doc:"what is to be done (required unless private)"`
	Owner   Ref    `yaml:"owner" govctl:"required" doc:"member id"`
	Due     Date   `yaml:"due" doc:"when"`
	Private string `yaml:"private" doc:"why the action is private: its text is in the meeting's private file"`
}

// ActionUpdate is progress on an earlier action.
type ActionUpdate struct {
	Loc
	Action Ref    `yaml:"action" govctl:"required" doc:"action id"`
	Status string `yaml:"status" govctl:"required,enum=open|done|dropped" doc:"status after this update"`
	Note   string `yaml:"note" doc:"what happened"`
	Due    Date   `yaml:"due" doc:"a new due date"`
}

// WorkProgramme is work-programme.yaml.
type WorkProgramme struct {
	Loc
	Period *Span      `yaml:"period" doc:"the period it covers"`
	Items  []WorkItem `yaml:"items" govctl:"required" doc:"the work items"`
}

// Span is a range of dates.
type Span struct {
	Loc
	From  Date `yaml:"from" govctl:"required"`
	Until Date `yaml:"until" govctl:"required"`
}

// WorkItem is one item of a work programme.
type WorkItem struct {
	Loc
	ID          string       `yaml:"id" govctl:"required" doc:"unique in the network"`
	Title       string       `yaml:"title" govctl:"required" doc:"the item"`
	Description string       `yaml:"description" doc:"more about it"`
	Lead        *Ref         `yaml:"lead" doc:"a member id or an organisation id"`
	Status      string       `yaml:"status" govctl:"required,enum=not-started|on-track|at-risk|off-track|complete" doc:"where it stands"`
	Due         Date         `yaml:"due" doc:"when it is due"`
	Milestones  []Milestone  `yaml:"milestones" doc:"steps on the way"`
	Updates     []WorkUpdate `yaml:"updates" doc:"progress reports"`
}

// Milestone is a step of a work item.
type Milestone struct {
	Loc
	Title string `yaml:"title" govctl:"required"`
	Due   Date   `yaml:"due"`
	Done  Date   `yaml:"done" doc:"when it was done"`
}

// WorkUpdate is a progress report on a work item.
type WorkUpdate struct {
	Loc
	Date Date   `yaml:"date" govctl:"required"`
	Text string `yaml:"text" govctl:"required"`
}
