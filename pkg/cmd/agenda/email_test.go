package agenda

import (
	"bytes"
	"encoding/base64"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"os"
	"path/filepath"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/ical"
	"github.com/govctl/govctl/pkg/iostreams"
)

func TestNewCmdEmailFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    EmailOptions
		wantErr string
	}{
		{args: []string{"email", "board", "--out", "a.eml"}, want: EmailOptions{Network: "board", Dir: "networks", Out: "a.eml"}},
		{args: []string{"email", "board", "--date", "2026-12-08", "--out", "a.eml", "--contacts", "c.yaml", "--identity", "k.txt"},
			want: EmailOptions{Network: "board", Dir: "networks", Date: "2026-12-08", Out: "a.eml", Contacts: cmdutil.Contacts{File: "c.yaml", Identity: "k.txt"}}},
		{args: []string{"email", "board"}, wantErr: "--out is required"},
		{args: []string{"email", "board", "--date", "2026-02-30", "--out", "a.eml"}, wantErr: "not a real calendar date"},
		{args: []string{"email"}, wantErr: "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			t.Setenv(cmdutil.ContactsEnv, "")
			got, err := cmdtest.Parse(func(f *cmdutil.Factory, runF func(*EmailOptions) error) *cobra.Command {
				root := NewCmdAgenda(f, nil)
				for _, c := range root.Commands() {
					if c.Name() == "email" {
						root.RemoveCommand(c)
					}
				}
				root.AddCommand(NewCmdEmail(f, runF))
				return root
			}, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Network != tt.want.Network || got.Dir != tt.want.Dir || got.Date != tt.want.Date || got.Out != tt.want.Out || got.Contacts != tt.want.Contacts {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

// emailBoard is cmdtest.Board with pages published, a paper, a private
// item with its encrypted paper, a moved meeting and a cancelled one, and
// a contacts file outside it (ann, the chair, and bob).
func emailBoard(t *testing.T) (dir, contacts string) {
	t.Helper()
	dir = cmdtest.Board(t)
	files := map[string]string{
		"govctl.yaml": "timezone: Europe/London\nholidays: england-and-wales\nclosures: []\npages_url: https://example.org/gov\n",
		"board/network.yaml": strings.Replace(cmdtest.ReadFile(t, filepath.Join(dir, "board/network.yaml")), "purpose: To decide.\n",
			"purpose: To decide.\nprivate_recipients: [age13jgkw9rxl4nhwfxl45sy4679jllcv6v4aa70eguvhu53cjdcpsfqlpxj0u]\n", 1),
		"board/meetings/2026-12-08.yaml": `date: 2026-12-08
kind: ordinary
status: planned
online_link: https://teams.example.com/l/meetup-join/19%3aboard
agenda:
  - title: Budget
    presenter: bob
    paper: papers/Budget – 2027.pdf
  - title: Contract
    private: commercially sensitive
    paper: ../papers/private/2026-12-08-contract.age
`,
		"board/meetings/papers/Budget – 2027.pdf":      "%PDF-1.4 budget",
		"board/papers/private/2026-12-08-contract.age": "age-encryption.org/v1\n",
		"board/meetings/2026-11-17.minutes.md":         "# Minutes\n",
		"board/meetings/2027-01-12.yaml":               "date: 2027-01-12\nkind: ordinary\nstatus: planned\nmoved_from: [2027-01-05]\n",
		"board/meetings/2027-02-09.yaml":               "date: 2027-02-09\nkind: ordinary\nstatus: cancelled\ncancelled_reason: No business\n",
	}
	for p, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	contacts = filepath.Join(t.TempDir(), "contacts.yaml")
	if err := os.WriteFile(contacts, []byte("people:\n  ann:\n    email: ann@alpha.example.org\n  bob:\n    email: bob@beta.example.org\n    name: Bob B.\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, contacts
}

// leaf is a part of a message, decoded.
type leaf struct {
	path, filename string
	params         map[string]string
	body           []byte
}

// readEML parses a message with net/mail and mime/multipart.
func readEML(t *testing.T, data []byte) (*netmail.Message, []leaf) {
	t.Helper()
	msg, err := netmail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("net/mail: %v", err)
	}
	var out []leaf
	var walk func(path string, h map[string][]string, r io.Reader)
	walk = func(path string, h map[string][]string, r io.Reader) {
		mt, params, err := mime.ParseMediaType(strings.Join(h["Content-Type"], ""))
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		path += mt
		if strings.HasPrefix(mt, "multipart/") {
			mr := multipart.NewReader(r, params["boundary"])
			for {
				p, err := mr.NextRawPart()
				if err == io.EOF {
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				walk(path+">", p.Header, p)
			}
		}
		raw, _ := io.ReadAll(r)
		var body []byte
		switch strings.Join(h["Content-Transfer-Encoding"], "") {
		case "quoted-printable":
			body, err = io.ReadAll(quotedprintable.NewReader(bytes.NewReader(raw)))
		case "base64":
			body, err = base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(raw)))
		}
		if err != nil {
			t.Fatal(err)
		}
		l := leaf{path: path, params: params, body: body}
		if d := strings.Join(h["Content-Disposition"], ""); d != "" {
			_, dp, err := mime.ParseMediaType(d)
			if err != nil {
				t.Fatal(err)
			}
			l.filename = dp["filename"]
		}
		out = append(out, l)
	}
	walk("", msg.Header, msg.Body)
	return msg, out
}

func runEmail(t *testing.T, opts *EmailOptions) (eml []byte, stdout, stderr string, err error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.IO = ios
	if opts.Now == nil {
		opts.Now = cmdtest.Clock("2026-12-04")
	}
	err = emailRun(opts)
	if err == nil {
		eml, _ = os.ReadFile(opts.Out)
	}
	return eml, out.String(), errOut.String(), err
}

// feedEvent is the calendar feed's event of the board's meeting whose UID
// is uid.
func feedEvent(t *testing.T, dir, uid string) *ics.VEvent {
	t.Helper()
	res, err := check.OpenSound(dir, nil, cmdtest.Clock("2026-12-04"))
	if err != nil {
		t.Fatal(err)
	}
	cal, err := ics.ParseCalendar(bytes.NewReader(ical.Calendar(ical.Options{Networks: res.Nets(), Calendar: res.Calendar, Location: res.Location, PagesURL: res.Repo.Settings.PagesURL})))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range cal.Events() {
		if e.Id() == uid {
			return e
		}
	}
	t.Fatalf("the feed has no event %s", uid)
	return nil
}

func TestEmailRun(t *testing.T) {
	dir, contacts := emailBoard(t)
	ios, _, _, _ := iostreams.Test()
	if err := agendaRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Network: "board"}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "agenda.eml")
	eml, stdout, stderr, err := runEmail(t, &EmailOptions{Dir: dir, Network: "board", Out: out, Contacts: cmdutil.Contacts{File: contacts}})
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	msg, parts := readEML(t, eml)
	if got := msg.Header.Get("Subject"); got != "Board: agenda of the ordinary meeting, Tuesday 8 December 2026" {
		t.Errorf("Subject %q", got)
	}
	from, _ := msg.Header.AddressList("From")
	to, _ := msg.Header.AddressList("To")
	if len(from) != 1 || from[0].Address != "ann@alpha.example.org" || from[0].Name != "Ann Archer" {
		t.Errorf("From %v: want the chair, named as in members.yaml", from)
	}
	if len(to) != 1 || to[0].Address != "bob@beta.example.org" || to[0].Name != "Bob B." {
		t.Errorf("To %v: want bob, named as in the contacts file", to)
	}
	var paths, files []string
	for _, p := range parts {
		paths = append(paths, p.path)
		if p.filename != "" {
			files = append(files, p.filename)
		}
	}
	if got := strings.Join(paths, " "); got != "multipart/mixed>multipart/alternative>text/plain multipart/mixed>multipart/alternative>text/html multipart/mixed>multipart/alternative>text/calendar multipart/mixed>application/ics multipart/mixed>text/markdown multipart/mixed>application/pdf" {
		t.Errorf("parts: %s", got)
	}
	if got := strings.Join(files, ", "); got != "invite.ics, 2026-11-17.minutes.md, Budget – 2027.pdf" {
		t.Errorf("attached: %s (the minutes to approve and the public paper; never the private one)", got)
	}
	text, html := string(parts[0].body), string(parts[1].body)
	for _, want := range []string{
		"published at <https://example.org/gov/board/meetings/2026-12-08.agenda.md>",
		"[join online](https://teams.example.com/l/meetup-join/19%3aboard)",
		"Paper: [Budget – 2027.pdf](https://example.org/gov/board/meetings/papers/Budget%20%E2%80%93%202027.pdf)",
		"([the minutes](https://example.org/gov/board/meetings/2026-11-17.minutes.md)",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the text lacks %q:\n%s", want, text)
		}
	}
	for _, want := range []string{`href="https://teams.example.com/l/meetup-join/19%3aboard"`, `<table border="1"`} {
		if !strings.Contains(html, want) {
			t.Errorf("the HTML lacks %q", want)
		}
	}
	if !strings.Contains(html, `href="https://example.org/gov/board/meetings/papers/Budget%20%E2%80%93%202027.pdf"`) {
		t.Errorf("the HTML does not link the paper at its published address:\n%s", html)
	}
	for _, bad := range []string{"contract.age", "Contract"} {
		if strings.Contains(text, bad) || strings.Contains(html, bad) {
			t.Errorf("the message shows %q of a private item", bad)
		}
	}

	cal, err := ics.ParseCalendar(bytes.NewReader(parts[2].body))
	if err != nil {
		t.Fatalf("golang-ical: %v", err)
	}
	if parts[2].params["method"] != "REQUEST" || !bytes.Equal(parts[2].body, parts[3].body) {
		t.Errorf("method %q; the attached copy is the same: %v", parts[2].params["method"], bytes.Equal(parts[2].body, parts[3].body))
	}
	ev := cal.Events()[0]
	feed := feedEvent(t, dir, ev.Id())
	for _, p := range []ics.ComponentProperty{ics.ComponentPropertyUniqueId, ics.ComponentPropertySequence, ics.ComponentPropertyDtStart, ics.ComponentPropertyDtEnd, ics.ComponentPropertySummary} {
		if a, b := ev.GetProperty(p), feed.GetProperty(p); a == nil || b == nil || a.Value != b.Value {
			t.Errorf("%s: the invitation's %v, the feed's %v", p, a, b)
		}
	}
	if ev.Id() != "board-2026-12-08@govctl" || ev.GetProperty(ics.ComponentPropertyOrganizer).Value != "mailto:ann@alpha.example.org" {
		t.Errorf("UID %s, ORGANIZER %v", ev.Id(), ev.GetProperty(ics.ComponentPropertyOrganizer))
	}
	if as := ev.Attendees(); len(as) != 1 || as[0].Email() != "bob@beta.example.org" {
		t.Errorf("ATTENDEEs %v", as)
	}
	if p := ev.GetProperty(ics.ComponentPropertyUrl); p == nil || p.Value != "https://example.org/gov/board/meetings/2026-12-08.agenda.md" {
		t.Errorf("URL %v", p)
	}

	if fi, err := os.Stat(out); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the message's mode: %v %v, want 0600", fi.Mode(), err)
	}
	for _, s := range []string{stdout, stderr} {
		if strings.Contains(s, "@") {
			t.Errorf("an address is printed:\n%s", s)
		}
	}
	if !strings.Contains(stdout, "attached: 2026-11-17.minutes.md, Budget – 2027.pdf") || !strings.Contains(stdout, "calendar: an invitation (sequence 0)") {
		t.Errorf("stdout:\n%s", stdout)
	}

	again, _, _, err := runEmail(t, &EmailOptions{Dir: dir, Network: "board", Out: out, Contacts: cmdutil.Contacts{File: contacts}})
	if err != nil || !bytes.Equal(again, eml) {
		t.Errorf("the same message written again differs (%v)", err)
	}
}

func TestEmailMovedAndCancelled(t *testing.T) {
	dir, contacts := emailBoard(t)
	for _, tc := range []struct {
		date, subject, method, status, seq, uid string
	}{
		{"2027-01-12", "Moved to Tuesday 12 January 2027: Board: agenda of the ordinary meeting", "REQUEST", "CONFIRMED", "1", "board-2027-01-05@govctl"},
		{"2027-02-09", "Cancelled: Board: ordinary meeting, Tuesday 9 February 2027", "CANCEL", "CANCELLED", "1", "board-2027-02-09@govctl"},
	} {
		out := filepath.Join(t.TempDir(), "a.eml")
		eml, _, stderr, err := runEmail(t, &EmailOptions{Dir: dir, Network: "board", Date: tc.date, Out: out, Contacts: cmdutil.Contacts{File: contacts}})
		if err != nil {
			t.Fatalf("%s: %v\n%s", tc.date, err, stderr)
		}
		if tc.method == "REQUEST" && !strings.Contains(stderr, "the agenda board/meetings/2027-01-12.agenda.md is not written yet") {
			t.Errorf("%s: no note of the agenda not written: %s", tc.date, stderr)
		}
		msg, parts := readEML(t, eml)
		if got := msg.Header.Get("Subject"); got != tc.subject {
			t.Errorf("%s: Subject %q, want %q", tc.date, got, tc.subject)
		}
		var calPart *leaf
		for i := range parts {
			if strings.HasSuffix(parts[i].path, "text/calendar") {
				calPart = &parts[i]
			}
		}
		if calPart == nil || calPart.params["method"] != tc.method {
			t.Fatalf("%s: calendar part %v, want method %s", tc.date, calPart, tc.method)
		}
		cal, err := ics.ParseCalendar(bytes.NewReader(calPart.body))
		if err != nil {
			t.Fatal(err)
		}
		ev := cal.Events()[0]
		if ev.Id() != tc.uid || ev.GetProperty(ics.ComponentPropertySequence).Value != tc.seq || ev.GetProperty(ics.ComponentPropertyStatus).Value != tc.status {
			t.Errorf("%s: UID %s SEQUENCE %s STATUS %s", tc.date, ev.Id(), ev.GetProperty(ics.ComponentPropertySequence).Value, ev.GetProperty(ics.ComponentPropertyStatus).Value)
		}
		if f := feedEvent(t, dir, tc.uid); f.GetProperty(ics.ComponentPropertySequence).Value != tc.seq {
			t.Errorf("%s: the feed's SEQUENCE differs", tc.date)
		}
		if !bytes.Contains(calPart.body, []byte("METHOD:"+tc.method+"\r\n")) {
			t.Errorf("%s: no METHOD:%s", tc.date, tc.method)
		}
	}
}

func TestEmailWithoutAddresses(t *testing.T) {
	dir, _ := emailBoard(t)
	only := filepath.Join(t.TempDir(), "c.yaml")
	if err := os.WriteFile(only, []byte("people:\n  ann:\n    email: ann@alpha.example.org\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	eml, _, stderr, err := runEmail(t, &EmailOptions{Dir: dir, Network: "board", Out: filepath.Join(t.TempDir(), "a.eml"), Contacts: cmdutil.Contacts{File: only}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "no address for Bob Baker (bob)") || !strings.Contains(stderr, "add each to the contacts file") {
		t.Errorf("stderr: %s", stderr)
	}
	msg, _ := readEML(t, eml)
	if msg.Header.Get("To") != "" {
		t.Errorf("To %q, want none", msg.Header.Get("To"))
	}

	// Without contacts: no sender or recipients, the event to add in place
	// of an invitation, and the message may be written anywhere, the
	// repository too.
	inside := filepath.Join(dir, "agenda.eml")
	eml, _, stderr, err = runEmail(t, &EmailOptions{Dir: dir, Network: "board", Out: inside})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr, "no contacts file") || !bytes.Contains(eml, []byte("method=PUBLISH")) || bytes.Contains(eml, []byte("ORGANIZER")) || bytes.Contains(eml, []byte("\r\nFrom:")) {
		t.Errorf("without contacts: stderr %q", stderr)
	}
}

func TestEmailRefuses(t *testing.T) {
	dir, contacts := emailBoard(t)
	_, _, _, err := runEmail(t, &EmailOptions{Dir: dir, Network: "board", Out: filepath.Join(dir, "agenda.eml"), Contacts: cmdutil.Contacts{File: contacts}})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || !strings.Contains(err.Error(), "holds e-mail addresses") {
		t.Errorf("a message with addresses inside the repository: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "agenda.eml")); err == nil {
		t.Error("the message was written in the repository")
	}

	_, _, _, err = runEmail(t, &EmailOptions{Dir: dir, Network: "board", Date: "2026-12-09", Out: filepath.Join(t.TempDir(), "a.eml")})
	if err == nil || !strings.Contains(err.Error(), "no meeting on 2026-12-09") {
		t.Errorf("a day with no meeting: %v", err)
	}

	// A record that cannot be read as meant (a presenter who is no member).
	broken := filepath.Join(dir, "board/meetings/2026-12-08.yaml")
	if err := os.WriteFile(broken, []byte("date: 2026-12-08\nkind: ordinary\nstatus: planned\nagenda:\n  - {title: X, presenter: nobody}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, _, err = runEmail(t, &EmailOptions{Dir: dir, Network: "board", Out: filepath.Join(t.TempDir(), "a.eml"), Contacts: cmdutil.Contacts{File: contacts}})
	var fe *check.FindingsError
	if !errors.As(err, &fe) {
		t.Errorf("a body with refusing errors: %v, want its findings", err)
	}
}
