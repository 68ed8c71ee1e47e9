package agenda

import (
	"fmt"
	"net/mail"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/contacts"
	"github.com/govctl/govctl/pkg/ical"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	gmail "github.com/govctl/govctl/pkg/mail"
	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// EmailOptions are agenda email's inputs.
type EmailOptions struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir     string
	Network string
	Date    string
	Out     string
	// Contacts are --contacts, --identity and GOVCTL_CONTACTS.
	Contacts cmdutil.Contacts
}

// MaxAttachments bounds the papers attached to one message, in all: mail
// servers commonly refuse a message over 25 MB, and base64 makes a file a
// third larger.
const MaxAttachments = 18 << 20

// NewCmdEmail builds `agenda email`.
func NewCmdEmail(f *cmdutil.Factory, runF func(*EmailOptions) error) *cobra.Command {
	opts := &EmailOptions{IO: f.IOStreams, Now: f.Now}
	cmd := &cobra.Command{
		Use:   "email NETWORK [--date DATE] --out FILE.eml",
		Short: "Write the agenda as an e-mail with the papers and a calendar invitation",
		Long: heredoc.Doc(`
			Write the agenda of the body's next planned meeting (or the meeting on
			--date) as an e-mail message, FILE.eml, that Outlook, Thunderbird or Apple
			Mail opens as a message to send (Outlook as a draft: X-Unsent). It holds:

			- the agenda as plain text and as HTML, from the same markdown as the
			  agenda paper (agenda new), with its links to papers and minutes at the
			  address in govctl.yaml's pages_url where one is set;
			- the public papers attached: each paper of an item not taken in private
			  that is a file in the repository, and the minutes the meeting is to
			  approve; never a private paper or an encrypted file;
			- a calendar invitation (text/calendar; method=REQUEST), with the UID and
			  SEQUENCE of the meeting's event in govctl calendar, so that the meeting
			  lands in each member's calendar, and a moved meeting's message moves it
			  there. A cancelled meeting's message cancels it (METHOD:CANCEL).

			It is sent from the holder of the body's secretary office (or clerk,
			administrator, secretariat), else its chair, else its facilitator or
			convenor, on the meeting's day, to the members on that day (less the
			sender), with their addresses from the contacts file: --contacts FILE,
			else $GOVCTL_CONTACTS, else contacts in govctl.yaml (an age-encrypted file,
			opened with --identity). Members with no address are named in a warning
			and left off; without a contacts file the message has no sender or
			recipients, to be filled in the mail program, and the meeting's event is
			attached to add to a calendar (METHOD:PUBLISH) rather than as an
			invitation.

			A message holding addresses is written only outside the repository and its
			git working tree, readable by its owner alone; no address is printed.
			Nothing in the repository is changed: record the day the papers went out
			with govctl agenda sent.
		`),
		Example: heredoc.Doc(`
			govctl agenda email sts-omg --out ~/Desktop/agenda.eml
			govctl agenda email sts-omg --date 2026-12-08 --contacts ~/.config/govctl/contacts.yaml --out ~/Desktop/agenda.eml
			govctl agenda email sts-omg --identity ~/.config/govctl/key.txt --out ~/Desktop/agenda.eml
		`),
		Args:              cmdutil.Usage(cobra.ExactArgs(1)),
		ValidArgsFunction: cmdutil.CompleteNetworks,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Network = args[0]
			opts.Dir = cmdutil.RepoDir(cmd)
			if opts.Date != "" {
				if err := cmdutil.MeetingArg(opts.Date); err != nil {
					return err
				}
			}
			if opts.Out == "" {
				return cmdutil.FlagErrorf("--out is required: the .eml file to write")
			}
			if opts.Contacts.Env == "" {
				opts.Contacts.Env = os.Getenv(cmdutil.ContactsEnv)
			}
			if runF != nil {
				return runF(opts)
			}
			return emailRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Date, "date", "", "the meeting's date, YYYY-MM-DD (default: the next planned meeting)")
	cmd.Flags().StringVar(&opts.Out, "out", "", "the .eml file to write (outside the repository when it holds addresses)")
	opts.Contacts.AddFlags(cmd.Flags())
	return cmd
}

func emailRun(opts *EmailOptions) error {
	ws, err := workspace.OpenAgendas(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	if fi, err := os.Stat(opts.Out); err == nil && fi.IsDir() {
		return cmdutil.Errorf("give --out the file to write, such as ~/Desktop/agenda.eml", "%s is a folder", words.Quote(opts.Out))
	}
	book, _, err := cmdutil.LoadContacts(opts.Dir, ws.Repo.Settings, opts.Contacts)
	if err != nil {
		return err
	}
	if book != nil {
		if _, in := workspace.Inside(opts.Dir, opts.Out); in {
			return cmdutil.Errorf("give --out a file outside the repository, such as ~/Desktop/agenda.eml",
				"%s is inside the repository or its git working tree: the message holds e-mail addresses, and a file there could be committed and published", words.Quote(opts.Out))
		}
	}
	m, err := emailMeeting(ws, opts)
	if err != nil {
		return err
	}
	msg, notes, err := buildEmail(ws, m, book, opts.Now())
	if err != nil {
		return err
	}
	data, err := msg.Bytes()
	if err != nil {
		return err
	}
	write := safefile.Write
	if book != nil {
		write = safefile.WritePrivate
	}
	if err := write(opts.Out, data); err != nil {
		return cmdutil.Errorf("give --out a file in a folder you can write to", "writing %s: %v", words.Quote(opts.Out), err)
	}
	for _, n := range notes {
		fmt.Fprintf(opts.IO.ErrOut, "%s %s\n", opts.IO.Colorize(iostreams.Yellow, "warning:"), n)
	}
	fmt.Fprintln(opts.IO.Out, filepath.ToSlash(opts.Out))
	fmt.Fprintf(opts.IO.Out, "subject: %s\n", words.Printable(msg.Subject))
	if msg.From.Address != "" {
		fmt.Fprintf(opts.IO.Out, "from: %s; to: %s\n", words.Printable(msg.From.Name), words.Plural(len(msg.To), "member"))
	}
	if len(msg.Attachments) > 0 {
		var names []string
		for _, a := range msg.Attachments {
			names = append(names, words.Printable(a.Filename))
		}
		fmt.Fprintf(opts.IO.Out, "attached: %s\n", strings.Join(names, ", "))
	}
	if msg.Calendar != nil {
		what := map[string]string{"REQUEST": "an invitation", "CANCEL": "a cancellation", "PUBLISH": "the event, to add"}[msg.Calendar.Method]
		fmt.Fprintf(opts.IO.Out, "calendar: %s (sequence %d)\n", what, ical.Sequence(m))
	}
	return nil
}

// emailMeeting is the meeting on --date, or the next planned one.
func emailMeeting(ws *workspace.Workspace, opts *EmailOptions) (*model.Meeting, error) {
	if opts.Date != "" {
		return ws.Find(opts.Date)
	}
	for _, m := range ws.Net.N.MeetingList {
		if m.Status == "planned" && !m.Date.Before(ws.Today.Date) {
			return m, nil
		}
	}
	return nil, cmdutil.Errorf(fmt.Sprintf("give the meeting with --date, or plan meetings with govctl schedule %s --count 12 --write", opts.Network),
		"%s has no planned meeting on or after %s", opts.Network, ws.Today)
}

// buildEmail makes the message for meeting m: its notes are warnings to
// print (names of members, never an address).
func buildEmail(ws *workspace.Workspace, m *model.Meeting, book *contacts.Book, now time.Time) (*gmail.Message, []string, error) {
	nx := ws.Net
	pages := ws.Repo.Settings.PagesURL
	md, err := render.Agenda(ws.Inputs(), m)
	if err != nil {
		return nil, nil, err
	}
	agendaPath := layout.PaperPath(nx.N.Folder, m.File, layout.AgendaSuffix)
	kind := strings.ToLower(words.KindTitle(m.Kind.ID)) // "ordinary meeting"
	when := words.LongDate(m.Date.Date)
	var preface string
	switch {
	case m.Status == "cancelled":
		preface = fmt.Sprintf("The %s of %s on %s is cancelled.", kind, markdown.Line(nx.N.Name), when)
	case len(m.MovedFrom) > 0:
		preface = fmt.Sprintf("The %s of %s has moved from %s to %s. Its agenda and papers follow.", kind, markdown.Line(nx.N.Name), words.LongDate(m.MovedFrom[len(m.MovedFrom)-1].Date), when)
	default:
		preface = fmt.Sprintf("The agenda and papers for the %s of %s on %s.", kind, markdown.Line(nx.N.Name), when)
	}
	var notes []string
	if pages != "" && m.Status != "cancelled" {
		if _, err := os.Stat(ws.PathOf(m, layout.AgendaSuffix)); err == nil {
			preface += " The agenda is published at <" + layout.Published(pages, agendaPath) + ">."
		} else {
			notes = append(notes, fmt.Sprintf("the agenda %s is not written yet: the message's link to it at pages_url leads nowhere until govctl agenda new %s --date %s writes it and it is published", agendaPath, nx.N.ID, m.File))
		}
	}
	full := append([]byte(preface+"\n\n"), md...)
	links := func(dest string) string {
		if web, why := layout.PaperLink(dest); web || why != "" {
			if web {
				return dest
			}
			return ""
		}
		if strings.HasPrefix(dest, "#") {
			return ""
		}
		p, err := url.PathUnescape(dest)
		if err != nil || pages == "" {
			return ""
		}
		return layout.Published(pages, path.Join(nx.N.Folder, layout.MeetingsDir, p))
	}
	subject := fmt.Sprintf("%s: agenda of the %s, %s", nx.N.Name, kind, when)
	switch {
	case m.Status == "cancelled":
		subject = fmt.Sprintf("Cancelled: %s: %s, %s", nx.N.Name, kind, when)
	case len(m.MovedFrom) > 0:
		subject = fmt.Sprintf("Moved to %s: %s: agenda of the %s", when, nx.N.Name, kind)
	}
	html, err := gmail.HTML(subject, full, links)
	if err != nil {
		return nil, nil, err
	}
	msg := &gmail.Message{
		Subject: subject,
		Date:    now,
		Seed:    fmt.Sprintf("%s/%s/%d/%s", nx.N.ID, m.File, ical.Sequence(m), m.Status),
		Draft:   true,
		Text:    gmail.Text(full, links),
		HTML:    html,
	}
	if m.Status != "cancelled" {
		atts, more, err := papers(ws, m)
		if err != nil {
			return nil, nil, err
		}
		msg.Attachments, notes = atts, append(notes, more...)
	}
	if book == nil {
		notes = append(notes, "no contacts file: the message has no sender or recipients (fill them in your mail program), and the calendar event is attached to add, not as an invitation; give --contacts FILE, or see the README, Contacts")
		return withCalendar(ws, m, msg), notes, nil
	}
	addr := func(id string) (mail.Address, bool) {
		a, ok := book.Lookup(nx.N.ID, id)
		if ok && a.Name == "" {
			a.Name = nx.MemberName(id)
		}
		return a, ok
	}
	organiser, orgID := "", ""
	for _, id := range nx.Organisers(m.Date) {
		if a, ok := addr(id); ok {
			msg.From, orgID = a, id
			break
		}
		if organiser == "" {
			organiser = nx.MemberName(id)
		}
	}
	seen := map[string]bool{strings.ToLower(msg.From.Address): msg.From.Address != ""}
	var missing []string
	for _, mem := range nx.Expected(m.Date) {
		if mem.ID == orgID {
			continue
		}
		a, ok := addr(mem.ID)
		if !ok {
			missing = append(missing, mem.Name+" ("+mem.ID+")")
			continue
		}
		if key := strings.ToLower(a.Address); !seen[key] {
			seen[key] = true
			msg.To = append(msg.To, a)
		}
	}
	if len(missing) > 0 {
		notes = append(notes, fmt.Sprintf("no address for %s: left off the message and the invitation; add each to the contacts file %s (people: MEMBER-ID: email: ...)",
			words.List(missing), words.Quote(book.File)))
	}
	if msg.From.Address == "" {
		who := "the body's secretary or chair"
		if organiser != "" {
			who = organiser
		}
		notes = append(notes, fmt.Sprintf("no sender: no address for %s, so the calendar event is attached to add, not as an invitation; add one to the contacts file %s", who, words.Quote(book.File)))
	}
	return withCalendar(ws, m, msg), notes, nil
}

// withCalendar adds meeting m's invitation to msg, from its sender to its
// recipients (ical.Invitation; without a sender, the event to add).
func withCalendar(ws *workspace.Workspace, m *model.Meeting, msg *gmail.Message) *gmail.Message {
	data, method := ical.Invitation(ical.Invite{
		Net: ws.Net, Meeting: m, Calendar: ws.Calendar, Location: ws.Location, PagesURL: ws.Repo.Settings.PagesURL,
		Organizer: msg.From, Attendees: msg.To,
	})
	msg.Calendar = &gmail.Calendar{Method: method, Data: data}
	switch method {
	case "CANCEL":
		msg.Calendar.Filename = "cancel.ics"
	case "PUBLISH":
		msg.Calendar.Filename = "meeting.ics"
	}
	return msg
}

// papers are meeting m's public papers that are files in the repository,
// and the minutes it is to approve, read to attach; notes say which could
// not be.
func papers(ws *workspace.Workspace, m *model.Meeting) ([]gmail.Attachment, []string, error) {
	var out []gmail.Attachment
	var notes []string
	total := 0
	add := func(rel, what string) {
		full := filepath.Join(ws.MeetingsDir(), filepath.FromSlash(rel))
		if _, in := workspace.Inside(ws.Dir, full); !in {
			notes = append(notes, fmt.Sprintf("%s %s leads outside the repository: not attached", what, words.Quote(rel)))
			return
		}
		data, err := safefile.Read(full, MaxAttachments)
		if err != nil {
			notes = append(notes, fmt.Sprintf("%s %s: %v: not attached", what, words.Quote(rel), err))
			return
		}
		if total+len(data) > MaxAttachments {
			notes = append(notes, fmt.Sprintf("%s %s: the papers would pass %d MB, more than mail servers take: not attached (link to it, or send it apart)", what, words.Quote(rel), MaxAttachments>>20))
			return
		}
		for _, a := range out {
			if a.Filename == path.Base(rel) {
				return
			}
		}
		total += len(data)
		out = append(out, gmail.Attachment{Filename: path.Base(filepath.ToSlash(rel)), ContentType: contentType(rel), Data: data})
	}
	for _, e := range ws.Net.Agenda(m) {
		if e.ApprovesMinutesOf != nil {
			rel := e.ApprovesMinutesOf.File + layout.MinutesSuffix
			if _, err := os.Stat(filepath.Join(ws.MeetingsDir(), rel)); err == nil {
				add(rel, "the minutes")
			}
		}
		it := e.Record
		if it == nil || it.IsPrivate() || strings.TrimSpace(it.Paper) == "" {
			continue
		}
		p := strings.TrimSpace(it.Paper)
		if web, why := layout.PaperLink(p); web || why != "" || strings.HasSuffix(p, layout.EncryptedPaperSuffix) {
			continue
		}
		add(filepath.ToSlash(p), "the paper")
	}
	return out, notes, nil
}

// contentType is the media type of a paper by its name.
func contentType(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return "application/pdf"
	case ".md":
		return "text/markdown; charset=utf-8"
	case ".txt":
		return "text/plain; charset=utf-8"
	case ".docx":
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case ".xlsx":
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	case ".pptx":
		return "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	case ".doc":
		return "application/msword"
	case ".xls":
		return "application/vnd.ms-excel"
	case ".csv":
		return "text/csv; charset=utf-8"
	case ".png":
		return "image/png"
	case ".jpg", ".jpeg":
		return "image/jpeg"
	case ".html", ".htm":
		return "text/html; charset=utf-8"
	}
	return "application/octet-stream"
}
