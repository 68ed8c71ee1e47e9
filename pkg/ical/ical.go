// Package ical writes the meetings of networks as an RFC 5545 iCalendar
// feed, for Outlook, Google Calendar and Apple Calendar to import or
// subscribe to. Like the papers, the feed is a pure function of the loaded
// model: the same files give the same bytes, whatever the day or machine.
//
// Times. Every timed event carries DTSTART;TZID=<the repository's timezone>
// with the local wall-clock time written in the YAML, and the feed holds a
// VTIMEZONE that defines that TZID:
//
//   - Europe/London (the default) gets the usual fixed, Outlook-compatible
//     definition: GMT +0000 and BST +0100, summer time from the last Sunday
//     of March at 01:00 UTC to the last Sunday of October at 02:00 BST. This
//     is the United Kingdom's rule since 1996.
//   - Any other timezone gets a VTIMEZONE generated from Go's tzdata for
//     the years the feed covers (and the year before). Where the changes of
//     those years follow one yearly rule (the nth or last weekday of a
//     month, at one time), the VTIMEZONE is a STANDARD and DAYLIGHT pair
//     with RRULEs, as Outlook writes them; otherwise it lists every change,
//     one STANDARD or DAYLIGHT component each, with no RRULE. A zone that
//     does not change is one STANDARD component. Of two offsets, the larger
//     is DAYLIGHT, whatever tzdata says (Europe/Dublin flags winter time).
//
// A meeting with no start time (its own or its kind's) is an all-day event.
//
// Changes of plan. Each event's UID is made from the network id and the
// meeting's file name, or for a moved meeting the date it was first planned
// for (moved_from[0]): it never changes when the meeting moves. SEQUENCE
// counts the revisions since (one a move, one more when cancelled), so that
// a calendar that holds the event takes the new date, or the cancellation
// (STATUS:CANCELLED, with the reason in its DESCRIPTION), in its place.
package ical

import (
	"bytes"
	"fmt"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// ProdID is the feed's PRODID.
const ProdID = "-//govctl//govctl calendar//EN"

// London is the timezone with the fixed VTIMEZONE definition.
const London = "Europe/London"

// DefaultName is the calendar's name when it holds more than one network.
const DefaultName = "Governance meetings"

// Options are what the feed is made from.
type Options struct {
	// Networks are the networks whose meetings the feed holds, in order.
	Networks []*terms.Net
	// Calendar gives business days for papers deadlines; nil: no deadlines.
	Calendar *calendar.Calendar
	// Location is the repository's timezone; nil means Europe/London.
	Location *time.Location
	// From and Until keep only meetings on or after From and on or before
	// Until; a zero date is no bound.
	From, Until date.Date
	// Deadlines adds an all-day event on each papers deadline.
	Deadlines bool
	// Name is X-WR-CALNAME; empty: the network's name when there is one
	// network, else DefaultName.
	Name string
	// PagesURL is where the repository's pages are published (govctl.yaml
	// pages_url): events link to agendas and minutes there. Empty: they
	// give the paths in the repository.
	PagesURL string
}

// event is one VEVENT, before it is written.
type event struct {
	uid      string
	stamp    date.Date // DTSTAMP is midnight UTC of this day
	allDay   bool
	day      date.Date // the all-day event's date
	start    time.Time // a timed event's start and end, in Location
	end      time.Time
	summary  string
	location string
	desc     string
	status   string
	free     bool
	// url is the event's URL: the agenda's address, or the joining link.
	url string
	// organizer and attendees are an invitation's (Invitation).
	organizer *mail.Address
	attendees []mail.Address
	// seq is the SEQUENCE: the revisions of the event since it was first
	// planned (each move, and a cancellation).
	seq int
}

// Calendar writes the feed.
func Calendar(o Options) []byte {
	loc := o.Location
	if loc == nil {
		loc = mustLondon()
	}
	var events []event
	for _, nx := range o.Networks {
		events = append(events, networkEvents(o, nx, loc)...)
	}

	w := &writer{}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:" + ProdID)
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:PUBLISH")
	w.text("X-WR-CALNAME", calName(o))
	w.text("X-WR-TIMEZONE", loc.String())
	w.line("REFRESH-INTERVAL;VALUE=DURATION:PT12H")
	w.line("X-PUBLISHED-TTL:PT12H")
	if loc.String() == London {
		w.londonTimezone()
	} else if first, last, ok := years(events); ok {
		w.generatedTimezone(loc, first, last)
	}
	for _, e := range events {
		w.event(e, loc)
	}
	w.line("END:VCALENDAR")
	return w.b.Bytes()
}

func calName(o Options) string {
	switch {
	case o.Name != "":
		return o.Name
	case len(o.Networks) == 1:
		return o.Networks[0].N.Name
	}
	return DefaultName
}

func mustLondon() *time.Location {
	loc, err := time.LoadLocation(London)
	if err != nil {
		panic("ical: no tzdata for Europe/London: " + err.Error())
	}
	return loc
}

// networkEvents lists the events of one network: each meeting in the date
// range, then (with Deadlines) its papers deadline.
func networkEvents(o Options, nx *terms.Net, loc *time.Location) []event {
	var out []event
	uids := UIDs(nx.N.MeetingList)
	for _, m := range nx.N.MeetingList {
		d := m.Date.Date
		if (!o.From.IsZero() && d.Before(o.From)) || (!o.Until.IsZero() && d.After(o.Until)) {
			continue
		}
		e := meetingEvent(o, nx, m, uids[m], loc)
		out = append(out, e)

		deadline, hasDeadline := terms.PapersDeadline(o.Calendar, nx.MeetingKind(m), d)
		if o.Deadlines && hasDeadline && m.Status != "cancelled" {
			out = append(out, event{
				uid:     fmt.Sprintf("%s-%s-papers@govctl", nx.N.ID, uids[m]),
				stamp:   d,
				allDay:  true,
				day:     deadline,
				summary: fmt.Sprintf("Papers due: %s: %s of %s", nx.N.Name, words.KindTitle(m.Kind.ID), words.LongDate(d)),
				desc:    fmt.Sprintf("The last day to send the agenda and papers for the meeting of %s.\nAgenda: %s", words.LongDate(d), agendaAt(o, nx, m)),
				status:  "CONFIRMED",
				free:    true,
				seq:     e.seq,
			})
		}
	}
	return out
}

// agendaAt is where a reader finds meeting m's agenda: its address under
// the pages' address, or its path in the repository.
func agendaAt(o Options, nx *terms.Net, m *model.Meeting) string {
	return layout.Published(o.PagesURL, layout.PaperPath(nx.N.Folder, m.File, layout.AgendaSuffix))
}

// meetingEvent is meeting m's event, uid the part of its UID after the
// network id (UIDs).
func meetingEvent(o Options, nx *terms.Net, m *model.Meeting, uid string, loc *time.Location) event {
	d := m.Date.Date
	deadline, hasDeadline := terms.PapersDeadline(o.Calendar, nx.MeetingKind(m), d)
	cancelled := m.Status == "cancelled"
	e := event{
		uid:      UID(nx.N.ID, uid),
		stamp:    d,
		summary:  nx.N.Name + ": " + words.KindTitle(m.Kind.ID),
		location: nx.Venue(m),
		status:   "CONFIRMED",
		seq:      Sequence(m),
	}
	if m.OnlineLink != "" {
		if e.location != "" {
			e.location += "; online: " + m.OnlineLink
		} else {
			e.location = m.OnlineLink
		}
	}
	var desc []string
	if cancelled {
		e.status = "CANCELLED"
		desc = append(desc, "This meeting is cancelled.")
		if r := strings.TrimSpace(m.CancelledReason); r != "" {
			desc = append(desc, "Reason: "+r)
		}
	}
	if n := len(m.MovedFrom); n > 0 {
		desc = append(desc, "Moved from "+words.LongDate(m.MovedFrom[n-1].Date)+".")
	}
	desc = append(desc, "Agenda: "+agendaAt(o, nx, m))
	if m.Status == "held" {
		desc = append(desc, "Minutes: "+layout.Published(o.PagesURL, layout.PaperPath(nx.N.Folder, m.File, layout.MinutesSuffix)))
	}
	if hasDeadline {
		desc = append(desc, "Papers deadline: "+words.LongDate(deadline))
	}
	if m.OnlineLink != "" {
		desc = append(desc, "Join online: "+m.OnlineLink)
	}
	if m.Recording != "" {
		desc = append(desc, "Recording: "+m.Recording)
	}
	e.desc = strings.Join(desc, "\n")
	switch {
	case o.PagesURL != "":
		e.url = agendaAt(o, nx, m)
	case m.OnlineLink != "":
		e.url = m.OnlineLink
	}
	if start := nx.Start(m); start.Valid {
		y, mo, day := d.Date()
		e.start = time.Date(y, mo, day, start.Minutes/60, start.Minutes%60, 0, 0, loc)
		e.end = e.start.Add(time.Hour)
		if dur := nx.Duration(m); dur.Set() {
			if end, _ := dur.Period.AddTo(e.start); end.After(e.start) {
				e.end = end
			}
		}
	} else {
		e.allDay, e.day = true, d
	}
	return e
}

// UID is the UID of the event of a meeting of network id, part its part
// after the network id (UIDs).
func UID(id, part string) string {
	return fmt.Sprintf("%s-%s@govctl", id, part)
}

// Sequence is the SEQUENCE of meeting m's event: 0 as first planned, one
// more for each move (len(moved_from)) and one more if it is cancelled.
func Sequence(m *model.Meeting) int {
	n := len(m.MovedFrom)
	if m.Status == "cancelled" {
		n++
	}
	return n
}

// UIDs gives each meeting of one network the part of its event's UID after
// the network id: its file name (2026-12-08, 2026-12-08-2), or for a moved
// meeting the date it was first planned for (moved_from[0]), so that the
// event keeps the UID it had before the move and calendars update it in
// place. Should two meetings come to the same part (a meeting planned on a
// day another was moved away from), the moved meetings keep theirs, in the
// order given, and each other one gets ".2", ".3" after it: a form no file
// name has.
func UIDs(meetings []*model.Meeting) map[*model.Meeting]string {
	out := make(map[*model.Meeting]string, len(meetings))
	taken := map[string]bool{}
	claim := func(m *model.Meeting, base string) {
		uid := base
		for i := 2; taken[uid]; i++ {
			uid = base + "." + strconv.Itoa(i)
		}
		taken[uid] = true
		out[m] = uid
	}
	for _, m := range meetings {
		if len(m.MovedFrom) > 0 && m.MovedFrom[0].Set() {
			claim(m, m.MovedFrom[0].String())
		}
	}
	for _, m := range meetings {
		if _, done := out[m]; !done {
			claim(m, m.File)
		}
	}
	return out
}

// years is the span of years the events touch.
func years(events []event) (first, last int, ok bool) {
	for _, e := range events {
		for _, y := range eventYears(e) {
			if !ok || y < first {
				first = y
			}
			if !ok || y > last {
				last = y
			}
			ok = true
		}
	}
	return first, last, ok
}

func eventYears(e event) []int {
	if e.allDay {
		return []int{e.day.Year()}
	}
	return []int{e.start.Year(), e.end.Year()}
}

// writer writes content lines, folded, with CRLF.
type writer struct {
	b bytes.Buffer
}

// line writes one content line, folded at 75 octets.
func (w *writer) line(s string) {
	Fold(&w.b, s)
}

// text writes a property with a TEXT value, escaped.
func (w *writer) text(name, value string) {
	w.line(name + ":" + Escape(value))
}

func (w *writer) event(e event, loc *time.Location) {
	w.line("BEGIN:VEVENT")
	w.text("UID", e.uid)
	y, m, d := e.stamp.Date()
	w.line(fmt.Sprintf("DTSTAMP:%04d%02d%02dT000000Z", y, m, d))
	// An end in the year 10000 has no four-digit form: an event that ends
	// there (a meeting on 31 December 9999, the last day a record may hold)
	// gives its DURATION instead, as RFC 5545 allows.
	if e.allDay {
		w.line("DTSTART;VALUE=DATE:" + dateValue(e.day))
		if end := e.day.Add(1); end.Year() <= 9999 {
			w.line("DTEND;VALUE=DATE:" + dateValue(end))
		} else {
			w.line("DURATION:P1D")
		}
	} else {
		tzid := tzidParam(loc.String())
		w.line("DTSTART;TZID=" + tzid + ":" + e.start.In(loc).Format(localFormat))
		if end := e.end.In(loc); end.Year() <= 9999 {
			w.line("DTEND;TZID=" + tzid + ":" + end.Format(localFormat))
		} else {
			w.line("DURATION:" + durationValue(e.end.Sub(e.start)))
		}
	}
	w.text("SUMMARY", e.summary)
	if e.location != "" {
		w.text("LOCATION", e.location)
	}
	w.text("DESCRIPTION", e.desc)
	if e.url != "" {
		w.line("URL:" + uriValue(e.url))
	}
	if e.organizer != nil {
		w.line("ORGANIZER" + cnParam(e.organizer.Name) + ":mailto:" + e.organizer.Address)
	}
	for _, a := range e.attendees {
		w.line("ATTENDEE" + cnParam(a.Name) + ";CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + a.Address)
	}
	w.line("SEQUENCE:" + strconv.Itoa(e.seq))
	w.line("STATUS:" + e.status)
	if e.free {
		w.line("TRANSP:TRANSPARENT")
	}
	w.line("END:VEVENT")
}

const localFormat = "20060102T150405"

// durationValue is d, a positive whole number of minutes, as an RFC 5545
// DURATION: PT2H, PT1H30M.
func durationValue(d time.Duration) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	s := "PT"
	if h > 0 {
		s += strconv.Itoa(h) + "H"
	}
	if m > 0 || h == 0 {
		s += strconv.Itoa(m) + "M"
	}
	return s
}

func dateValue(d date.Date) string {
	y, m, day := d.Date()
	return fmt.Sprintf("%04d%02d%02d", y, m, day)
}

// tzidParam quotes a TZID parameter value that holds a character a
// parameter value may not (IANA names never do).
func tzidParam(s string) string {
	if strings.ContainsAny(s, ";:,") {
		return `"` + strings.ReplaceAll(s, `"`, "") + `"`
	}
	return s
}

// Escape escapes a TEXT value (RFC 5545 section 3.3.11): backslash,
// semicolon, comma and newline. Line breaks of any kind become \n; other
// control characters, which TEXT may not hold, become spaces; invalid UTF-8
// becomes U+FFFD.
func Escape(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\':
			b.WriteString(`\\`)
		case r == ';':
			b.WriteString(`\;`)
		case r == ',':
			b.WriteString(`\,`)
		case r == '\n' || r == '\r':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			b.WriteByte(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// MaxLine is the most octets a content line may have, CRLF not counted.
const MaxLine = 75

// Fold writes one content line to b, folded (RFC 5545 section 3.1): no
// line longer than 75 octets, each continuation begun with a space, and no
// UTF-8 sequence split; every line ends with CRLF.
func Fold(b *bytes.Buffer, line string) {
	limit := MaxLine
	for len(line) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		if cut == 0 { // not UTF-8: cut anywhere
			cut = limit
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		limit = MaxLine - 1 // the leading space counts
	}
	b.WriteString(line)
	b.WriteString("\r\n")
}

// uriValue is a URI value: an address the loader checked (no spaces or
// control characters), with anything else a content line may not hold
// percent-encoded.
func uriValue(u string) string {
	var b strings.Builder
	for i := 0; i < len(u); i++ {
		if c := u[i]; c <= ' ' || c == 0x7f || c == '"' {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// cnParam is ";CN=name" (RFC 5545 3.2.2), the name quoted, for a name that
// is not empty: a parameter value may not hold a double quote or a control
// character, which become spaces.
func cnParam(name string) string {
	name = strings.Map(func(r rune) rune {
		if r == '"' || r < ' ' || r == 0x7f {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(name, "\uFFFD"))
	if strings.TrimSpace(name) == "" {
		return ""
	}
	return `;CN="` + strings.TrimSpace(name) + `"`
}

// Invite is an invitation to one meeting, sent by e-mail (iMIP, RFC 6047).
type Invite struct {
	Net     *terms.Net
	Meeting *model.Meeting
	// Calendar, Location and PagesURL are as in Options.
	Calendar *calendar.Calendar
	Location *time.Location
	PagesURL string
	// Organizer sends it; Attendees are invited.
	Organizer mail.Address
	Attendees []mail.Address
}

// Invitation writes the invitation to a meeting: a VCALENDAR with one
// VEVENT, the meeting's event as the feed has it (the same UID, SEQUENCE,
// times, summary and description), with ORGANIZER and an ATTENDEE for
// each person invited. Its method is REQUEST, or CANCEL for a cancelled
// meeting (the event then STATUS:CANCELLED): a calendar that holds the
// event takes a moved meeting's new date (a higher SEQUENCE) or its
// cancellation in its place. Without an organizer it is no invitation but
// the event to add (METHOD:PUBLISH, no ORGANIZER or ATTENDEE), as the feed
// publishes it.
func Invitation(in Invite) (data []byte, method string) {
	loc := in.Location
	if loc == nil {
		loc = mustLondon()
	}
	o := Options{Networks: []*terms.Net{in.Net}, Calendar: in.Calendar, Location: loc, PagesURL: in.PagesURL}
	e := meetingEvent(o, in.Net, in.Meeting, UIDs(in.Net.N.MeetingList)[in.Meeting], loc)
	method = "PUBLISH"
	if in.Organizer.Address != "" {
		org := in.Organizer
		e.organizer = &org
		e.attendees = in.Attendees
		method = "REQUEST"
		if in.Meeting.Status == "cancelled" {
			method = "CANCEL"
		}
	}
	w := &writer{}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:" + ProdID)
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:" + method)
	if loc.String() == London {
		w.londonTimezone()
	} else if first, last, ok := years([]event{e}); ok {
		w.generatedTimezone(loc, first, last)
	}
	w.event(e, loc)
	w.line("END:VCALENDAR")
	return w.b.Bytes(), method
}
