package mail_test

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"strings"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/mail"
)

// part is a leaf of a parsed message.
type part struct {
	contentType string
	params      map[string]string
	disposition string
	filename    string
	body        []byte
}

// parse reads msg as a mail program would, with net/mail and
// mime/multipart, and returns its header and its leaves in order, each
// with its media type path ("multipart/mixed>multipart/alternative>text/plain").
func parse(t *testing.T, msg []byte) (*netmail.Message, []string, []part) {
	t.Helper()
	m, err := netmail.ReadMessage(bytes.NewReader(msg))
	if err != nil {
		t.Fatalf("net/mail cannot read the message: %v", err)
	}
	var paths []string
	var parts []part
	var walk func(path string, h map[string][]string, body io.Reader)
	walk = func(path string, h map[string][]string, body io.Reader) {
		ct := ""
		if v := h["Content-Type"]; len(v) > 0 {
			ct = v[0]
		}
		mt, params, err := mime.ParseMediaType(ct)
		if err != nil {
			t.Fatalf("%s: Content-Type %q: %v", path, ct, err)
		}
		path += mt
		if strings.HasPrefix(mt, "multipart/") {
			r := multipart.NewReader(body, params["boundary"])
			for {
				p, err := r.NextRawPart()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatalf("%s: %v", path, err)
				}
				walk(path+">", p.Header, p)
			}
			return
		}
		raw, err := io.ReadAll(body)
		if err != nil {
			t.Fatal(err)
		}
		var data []byte
		switch cte := first(h["Content-Transfer-Encoding"]); cte {
		case "quoted-printable":
			data, err = io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
		case "base64":
			data, err = base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(raw)))
		default:
			t.Fatalf("%s: transfer encoding %q", path, cte)
		}
		if err != nil {
			t.Fatalf("%s: decoding: %v", path, err)
		}
		p := part{contentType: mt, params: params, body: data}
		if d := first(h["Content-Disposition"]); d != "" {
			disp, dp, err := mime.ParseMediaType(d)
			if err != nil {
				t.Fatalf("%s: Content-Disposition %q: %v", path, d, err)
			}
			p.disposition, p.filename = disp, dp["filename"]
		}
		paths = append(paths, path)
		parts = append(parts, p)
	}
	walk("", m.Header, m.Body)
	return m, paths, parts
}

func first(v []string) string {
	if len(v) == 0 {
		return ""
	}
	return v[0]
}

var date = time.Date(2026, 12, 4, 9, 30, 0, 0, time.FixedZone("GMT", 0))

const ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nPRODID:-//test//EN\r\nBEGIN:VEVENT\r\nUID:x@example.org\r\nSEQUENCE:2\r\nSUMMARY:Réunion\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"

func message() *mail.Message {
	var to []netmail.Address
	for i := range 12 {
		to = append(to, netmail.Address{Name: fmt.Sprintf("Member Number %d", i), Address: fmt.Sprintf("member%d@example.org", i)})
	}
	to = append(to, netmail.Address{Name: "Zoë Ångström", Address: "zoe@example.org"})
	return &mail.Message{
		From:    netmail.Address{Name: "Sécrétaire", Address: "secretary@example.org"},
		To:      to,
		Subject: "Heads of HR: agenda of the meeting of 17 November 2026 — réunion ordinaire, with a subject long enough to need folding",
		Date:    date,
		Seed:    "heads-of-hr/2026-11-17/2",
		Draft:   true,
		Text:    "Agenda\n\n1. Welcome — and apologies\n" + strings.Repeat("a long line ", 40) + "\nlast line without a newline",
		HTML:    "<html><body><h1>Agenda</h1><p>Welcome — and apologies</p></body></html>",
		Calendar: &mail.Calendar{
			Method: "REQUEST",
			Data:   []byte(ics),
		},
		Attachments: []mail.Attachment{
			{Filename: "paper.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.4 binary \x00\x01\x02")},
			{Filename: "Rapport annuel — état des lieux, version définitive pour la réunion de novembre.md", ContentType: "text/markdown; charset=utf-8", Data: []byte("# état\n")},
		},
	}
}

func TestStructure(t *testing.T) {
	msg, err := message().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	m, paths, parts := parse(t, msg)
	want := []string{
		"multipart/mixed>multipart/alternative>text/plain",
		"multipart/mixed>multipart/alternative>text/html",
		"multipart/mixed>multipart/alternative>text/calendar",
		"multipart/mixed>application/ics",
		"multipart/mixed>application/pdf",
		"multipart/mixed>text/markdown",
	}
	if strings.Join(paths, "\n") != strings.Join(want, "\n") {
		t.Fatalf("parts:\n%s\nwant:\n%s", strings.Join(paths, "\n"), strings.Join(want, "\n"))
	}
	var dec mime.WordDecoder
	subject, err := dec.DecodeHeader(m.Header.Get("Subject"))
	if err != nil || subject != message().Subject {
		t.Errorf("Subject = %q (%v), want %q", subject, err, message().Subject)
	}
	to, err := m.Header.AddressList("To")
	if err != nil || len(to) != 13 || to[12].Name != "Zoë Ångström" || to[12].Address != "zoe@example.org" {
		t.Errorf("To = %v (%v)", to, err)
	}
	from, err := m.Header.AddressList("From")
	if err != nil || len(from) != 1 || from[0].Name != "Sécrétaire" {
		t.Errorf("From = %v (%v)", from, err)
	}
	if d, err := m.Header.Date(); err != nil || !d.Equal(date) {
		t.Errorf("Date = %v (%v), want %v", d, err, date)
	}
	if m.Header.Get("X-Unsent") != "1" || m.Header.Get("MIME-Version") != "1.0" {
		t.Errorf("X-Unsent %q, MIME-Version %q", m.Header.Get("X-Unsent"), m.Header.Get("MIME-Version"))
	}
	if id := m.Header.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, "@example.org>") {
		t.Errorf("Message-ID = %q", id)
	}
	wantText := strings.ReplaceAll(message().Text, "\n", "\r\n") + "\r\n"
	if string(parts[0].body) != wantText || parts[0].params["charset"] != "utf-8" {
		t.Errorf("text part = %q (%v), want %q", parts[0].body, parts[0].params, wantText)
	}
	if !strings.Contains(string(parts[1].body), "Welcome — and apologies") {
		t.Errorf("html part = %q", parts[1].body)
	}
	if string(parts[2].body) != ics || parts[2].params["method"] != "REQUEST" || parts[2].disposition != "" {
		t.Errorf("calendar part = %q %v %q", parts[2].body, parts[2].params, parts[2].disposition)
	}
	if string(parts[3].body) != ics || parts[3].disposition != "attachment" || parts[3].filename != "invite.ics" {
		t.Errorf("attached calendar = %q %q %q", parts[3].body, parts[3].disposition, parts[3].filename)
	}
	for i, a := range message().Attachments {
		p := parts[4+i]
		if !bytes.Equal(p.body, a.Data) || p.disposition != "attachment" || p.filename != a.Filename {
			t.Errorf("attachment %d = %q, %q %q; want %q %q", i, p.body, p.disposition, p.filename, a.Data, a.Filename)
		}
	}
	if parts[5].params["charset"] != "utf-8" {
		t.Errorf("attachment's own parameters lost: %v", parts[5].params)
	}
	if name, err := dec.DecodeHeader(parts[5].params["name"]); err != nil || name != message().Attachments[1].Filename {
		t.Errorf("name= is %q (%v), want the RFC 2047 encoding of the file name", parts[5].params["name"], err)
	}
}

// TestLines: CRLF line ends alone, each line under 998 octets, and at most
// 78 but for a name= parameter's encoded word (75 characters, after
// ' name="').
func TestLines(t *testing.T) {
	msg, err := message().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(bytes.ReplaceAll(msg, []byte("\r\n"), nil), []byte("\n")) || bytes.Contains(bytes.ReplaceAll(msg, []byte("\r\n"), nil), []byte("\r")) {
		t.Error("a line ends other than in CRLF")
	}
	for i, l := range strings.Split(string(msg), "\r\n") {
		if len(l) >= 998 || len(l) > 78 && !strings.HasPrefix(l, ` name="=?utf-8?q?`) {
			t.Errorf("line %d is %d characters: %q", i+1, len(l), l)
		}
		for _, c := range []byte(l) {
			if c >= 0x80 {
				t.Errorf("line %d is not ASCII: %q", i+1, l)
				break
			}
		}
	}
}

func TestDeterministic(t *testing.T) {
	a, err := message().Bytes()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := message().Bytes()
	if !bytes.Equal(a, b) {
		t.Error("the same message built twice differs")
	}
	other := message()
	other.Seed = "heads-of-hr/2026-11-17/3"
	c, _ := other.Bytes()
	ma, _ := netmail.ReadMessage(bytes.NewReader(a))
	mc, _ := netmail.ReadMessage(bytes.NewReader(c))
	if ma.Header.Get("Message-ID") == mc.Header.Get("Message-ID") {
		t.Error("another seed gives the same Message-ID")
	}
}

func TestCancelAndPlain(t *testing.T) {
	m := message()
	m.HTML = ""
	m.Attachments = nil
	m.Draft = false
	m.Calendar = &mail.Calendar{Method: "CANCEL", Data: []byte(strings.Replace(ics, "REQUEST", "CANCEL", 1)), Filename: "cancel.ics"}
	msg, err := m.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	h, paths, parts := parse(t, msg)
	if got := strings.Join(paths, " "); got != "multipart/mixed>multipart/alternative>text/plain multipart/mixed>multipart/alternative>text/calendar multipart/mixed>application/ics" {
		t.Errorf("parts: %s", got)
	}
	if parts[1].params["method"] != "CANCEL" || parts[2].filename != "cancel.ics" {
		t.Errorf("cancel: %v %q", parts[1].params, parts[2].filename)
	}
	if h.Header.Get("X-Unsent") != "" {
		t.Error("X-Unsent on a message not marked a draft")
	}
}

func TestRefuses(t *testing.T) {
	cases := map[string]func(*mail.Message){
		"no date":       func(m *mail.Message) { m.Date = time.Time{} },
		"no seed":       func(m *mail.Message) { m.Seed = "" },
		"bad method":    func(m *mail.Message) { m.Calendar.Method = "REPLY" },
		"bad address":   func(m *mail.Message) { m.To[0].Address = "not an address" },
		"header inject": func(m *mail.Message) { m.To[0].Address = "a@example.org\r\nBcc: x@example.org" },
		"no file name":  func(m *mail.Message) { m.Attachments[0].Filename = "" },
		"bad type":      func(m *mail.Message) { m.Attachments[0].ContentType = "not a type;;" },
	}
	for name, change := range cases {
		m := message()
		change(m)
		if _, err := m.Bytes(); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

// TestSubjectInjection: a subject holding a line break stays one header.
func TestSubjectInjection(t *testing.T) {
	m := message()
	m.Subject = "Agenda\r\nBcc: spy@example.org"
	msg, err := m.Bytes()
	if err != nil {
		t.Fatal(err)
	}
	h, _, _ := parse(t, msg)
	if h.Header.Get("Bcc") != "" {
		t.Error("a line break in the subject made a header")
	}
}
