package ical

import (
	"bytes"
	"net/mail"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// meeting finds a meeting of the fixture by network and file.
func meeting(t *testing.T, o Options, network, file string) (*terms.Net, *model.Meeting) {
	t.Helper()
	for _, nx := range o.Networks {
		if nx.N.ID != network {
			continue
		}
		for _, m := range nx.N.MeetingList {
			if m.File == file {
				return nx, m
			}
		}
	}
	t.Fatalf("no meeting %s/%s", network, file)
	return nil, nil
}

// TestInvitationIsTheFeedsEvent: the invitation's event has the UID,
// SEQUENCE, times and summary of the feed's, with ORGANIZER and the
// ATTENDEEs; a cancelled meeting's is METHOD:CANCEL and STATUS:CANCELLED.
func TestInvitationIsTheFeedsEvent(t *testing.T) {
	o := fixture(t, "Europe/London")
	_, feed := parse(t, Calendar(o))
	org := mail.Address{Name: `Sam "the" Secretary`, Address: "sam@example.org"}
	att := []mail.Address{{Name: "Ann, Brent", Address: "ann@example.org"}, {Address: "bob@example.org"}}
	for _, tt := range []struct {
		file, method, status string
	}{
		{"2027-11-09", "REQUEST", "CONFIRMED"},
		{"2027-12-14", "REQUEST", "CONFIRMED"}, // moved: SEQUENCE 1
		{"2028-01-18", "CANCEL", "CANCELLED"},  // moved twice, then cancelled
	} {
		nx, m := meeting(t, o, "omg", tt.file)
		data, method := Invitation(Invite{Net: nx, Meeting: m, Calendar: o.Calendar, Location: o.Location, Organizer: org, Attendees: att})
		if method != tt.method {
			t.Errorf("%s: method %s, want %s", tt.file, method, tt.method)
		}
		cal, events := parse(t, data)
		if got := cal.CalendarProperties[indexOf(cal, ics.PropertyMethod)].Value; got != tt.method {
			t.Errorf("%s: METHOD %s, want %s", tt.file, got, tt.method)
		}
		if len(events) != 1 {
			t.Fatalf("%s: %d events", tt.file, len(events))
		}
		var e *ics.VEvent
		for _, ev := range events {
			e = ev
		}
		f := findEvent(t, feed, e.Id())
		for _, p := range []ics.ComponentProperty{ics.ComponentPropertyDtStart, ics.ComponentPropertyDtEnd, ics.ComponentPropertySequence, ics.ComponentPropertySummary, ics.ComponentPropertyDescription, ics.ComponentPropertyLocation, ics.ComponentPropertyStatus} {
			if prop(e, p) != prop(f, p) {
				t.Errorf("%s: %s %q, but the feed's %q", tt.file, p, prop(e, p), prop(f, p))
			}
		}
		if prop(e, ics.ComponentPropertyStatus) != tt.status {
			t.Errorf("%s: STATUS %s", tt.file, prop(e, ics.ComponentPropertyStatus))
		}
		o := e.GetProperty(ics.ComponentPropertyOrganizer)
		if o == nil || o.Value != "mailto:sam@example.org" || strings.Join(o.ICalParameters["CN"], "") != "Sam  the  Secretary" {
			t.Errorf("%s: ORGANIZER %+v", tt.file, o)
		}
		as := e.Attendees()
		if len(as) != 2 || as[0].Email() != "ann@example.org" || strings.Join(as[0].ICalParameters["CN"], ",") != "Ann, Brent" || as[1].Email() != "bob@example.org" || as[1].ICalParameters["CN"] != nil {
			t.Errorf("%s: ATTENDEEs %+v", tt.file, as)
		}
		if strings.Join(as[0].ICalParameters["RSVP"], "") != "TRUE" || strings.Join(as[0].ICalParameters["ROLE"], "") != "REQ-PARTICIPANT" {
			t.Errorf("%s: ATTENDEE parameters %v", tt.file, as[0].ICalParameters)
		}
		if !bytes.Contains(data, []byte("BEGIN:VTIMEZONE")) {
			t.Errorf("%s: no VTIMEZONE", tt.file)
		}
	}
}

func indexOf(cal *ics.Calendar, p ics.Property) int {
	for i, cp := range cal.CalendarProperties {
		if cp.IANAToken == string(p) {
			return i
		}
	}
	return 0
}

// TestLinks: with the pages' address, events link to the agenda (URL and
// DESCRIPTION) and a held meeting's minutes there; a joining link is in
// LOCATION and DESCRIPTION, and is the URL when no pages are published.
func TestLinks(t *testing.T) {
	o := fixture(t, "Europe/London")
	_, events := parse(t, Calendar(o))
	e := findEvent(t, events, "omg-2027-11-09@govctl")
	join := "https://teams.example.com/l/meetup-join/19%3aomg?context=a,b"
	if got := prop(e, ics.ComponentPropertyUrl); got != join {
		t.Errorf("URL %q, want the joining link", got)
	}
	if got := prop(e, ics.ComponentPropertyLocation); !strings.HasSuffix(got, "; online: "+join) {
		t.Errorf("LOCATION %q", got)
	}
	if got := prop(e, ics.ComponentPropertyDescription); !strings.Contains(got, "\nJoin online: "+join) || !strings.Contains(got, "Agenda: omg/meetings/2027-11-09.agenda.md") {
		t.Errorf("DESCRIPTION %q", got)
	}
	if got := prop(findEvent(t, events, "omg-2027-11-02@govctl"), ics.ComponentPropertyUrl); got != "" {
		t.Errorf("URL %q on an event with no link", got)
	}

	o.PagesURL = "https://example.github.io/gov/"
	_, events = parse(t, Calendar(o))
	e = findEvent(t, events, "omg-2027-11-09@govctl")
	if got := prop(e, ics.ComponentPropertyUrl); got != "https://example.github.io/gov/omg/meetings/2027-11-09.agenda.md" {
		t.Errorf("URL %q, want the agenda's address", got)
	}
	held := findEvent(t, events, "omg-2026-12-29@govctl")
	if got := prop(held, ics.ComponentPropertyDescription); !strings.HasPrefix(got, "Agenda: https://example.github.io/gov/omg/meetings/2026-12-29.agenda.md\nMinutes: https://example.github.io/gov/omg/meetings/2026-12-29.minutes.md\n") {
		t.Errorf("DESCRIPTION %q", got)
	}
}

// TestInvitationWithoutOrganizer: the event to add, as the feed publishes
// it, with no one named.
func TestInvitationWithoutOrganizer(t *testing.T) {
	o := fixture(t, "Europe/London")
	nx, m := meeting(t, o, "omg", "2028-01-18")
	data, method := Invitation(Invite{Net: nx, Meeting: m, Calendar: o.Calendar, Location: o.Location, Attendees: []mail.Address{{Address: "x@example.org"}}})
	if method != "PUBLISH" || !bytes.Contains(data, []byte("\r\nMETHOD:PUBLISH\r\n")) || bytes.Contains(data, []byte("ORGANIZER")) || bytes.Contains(data, []byte("ATTENDEE")) {
		t.Errorf("method %s:\n%s", method, data)
	}
	_, events := parse(t, data)
	if e := findEvent(t, events, "omg-2028-01-11@govctl"); prop(e, ics.ComponentPropertyStatus) != "CANCELLED" || prop(e, ics.ComponentPropertySequence) != "3" {
		t.Errorf("STATUS %s SEQUENCE %s", prop(e, ics.ComponentPropertyStatus), prop(e, ics.ComponentPropertySequence))
	}
}
