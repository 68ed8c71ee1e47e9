package remind

import (
	"fmt"
	"net/url"
	"strings"

	"github.com/govctl/govctl/pkg/markdown"
	"github.com/govctl/govctl/pkg/words"
)

// MarkdownMarker is the first line of every markdown digest: what tells a
// later run the file is one of its own, to replace or remove.
const MarkdownMarker = "<!-- govctl remind: a digest of reminders; the next run of govctl remind into this folder replaces or removes it -->"

// Subject is the digest's title as an e-mail's subject.
func (d *Digest) Subject() string {
	return "govctl: your reminders for the fortnight from " + words.LongDate(d.AsOf)
}

// The headings of a digest's sections, in order.
const (
	actionsHeading   = "Actions you own"
	papersHeading    = "Papers you present"
	meetingsHeading  = "Meetings you are expected at"
	officesHeading   = "Terms of office"
	referralsHeading = "Referrals waiting for your bodies"
)

// Markdown is the digest as a markdown file, beginning with MarkdownMarker;
// every text a person typed is escaped.
func (d *Digest) Markdown() []byte {
	var b strings.Builder
	b.WriteString(MarkdownMarker + "\n")
	fmt.Fprintf(&b, "# Reminders for %s\n\n", markdown.Line(d.Name))
	b.WriteString(d.intro() + "\n")
	d.sections(&b, markdownStyle{})
	return []byte(b.String())
}

// Text is the digest as plain text, for an e-mail: every line fit to print,
// headings underlined.
func (d *Digest) Text() []byte {
	var b strings.Builder
	title := "Reminders for " + textStyle{}.name(d.Name)
	fmt.Fprintf(&b, "%s\n%s\n\n", title, strings.Repeat("=", len([]rune(title))))
	b.WriteString(wrap(d.intro(), ""))
	d.sections(&b, textStyle{})
	return []byte(b.String())
}

// intro is the digest's first paragraph.
func (d *Digest) intro() string {
	return fmt.Sprintf("Your business in the governance record for the fortnight from %s to %s, as the records stood on %s. Reminders come from govctl remind; the record itself is what counts.",
		words.LongDate(d.AsOf), words.LongDate(d.Until), words.LongDate(d.AsOf))
}

// style is how a digest is written: markdown or plain text.
type style interface {
	heading(b *strings.Builder, title string)
	// item writes one entry: its parts joined, each already written in
	// the style.
	item(b *strings.Builder, text string)
	// text is text a person typed; strong is govctl's own word stressed;
	// name is a name on one line.
	text(s string) string
	strong(s string) string
	name(s string) string
	// link is where a page is: an address, or a path in the repository.
	link(s string) string
}

type markdownStyle struct{}

func (markdownStyle) heading(b *strings.Builder, title string) { fmt.Fprintf(b, "\n## %s\n\n", title) }
func (markdownStyle) item(b *strings.Builder, text string)     { fmt.Fprintf(b, "- %s\n", text) }
func (markdownStyle) text(s string) string                     { return markdown.Text(s) }
func (markdownStyle) strong(s string) string                   { return "**" + s + "**" }
func (markdownStyle) name(s string) string                     { return markdown.Line(s) }
func (markdownStyle) link(s string) string {
	if u, err := url.Parse(s); err == nil && (u.Scheme == "https" || u.Scheme == "http") && !strings.ContainsAny(s, "<> \t\n") {
		return "<" + s + ">"
	}
	return codeSpan(s)
}

type textStyle struct{}

func (textStyle) heading(b *strings.Builder, title string) {
	fmt.Fprintf(b, "\n%s\n%s\n\n", title, strings.Repeat("-", len([]rune(title))))
}
func (textStyle) item(b *strings.Builder, text string) { b.WriteString(wrap(text, "  ")) }
func (textStyle) text(s string) string {
	// Text a person typed may run to several lines: one line here, each
	// control character shown as its escape.
	return words.Printable(strings.Join(strings.Fields(s), " "))
}
func (textStyle) strong(s string) string { return s }
func (textStyle) name(s string) string   { return words.Printable(strings.Join(strings.Fields(s), " ")) }
func (textStyle) link(s string) string   { return words.Printable(s) }

// codeSpan is s as a markdown code span: fenced by one more backtick than
// its longest run, spaced where it begins or ends with one; control
// characters escaped.
func codeSpan(s string) string {
	s = words.Printable(s)
	run, longest := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// wrap is text as a paragraph of lines of at most 72 characters (a word
// longer stays whole), the first begun with "* " where indent is given and
// the rest indented by it.
func wrap(text, indent string) string {
	var b strings.Builder
	line := ""
	if indent != "" {
		line = "* "
	}
	start := len(line)
	for _, w := range strings.Fields(text) {
		if len([]rune(line))+1+len([]rune(w)) > 72 && len(line) > start {
			b.WriteString(line + "\n")
			line = indent
			start = len(line)
		}
		if len(line) > start {
			line += " "
		}
		line += w
	}
	b.WriteString(line + "\n")
	return b.String()
}

// sections writes the digest's sections that hold something.
func (d *Digest) sections(b *strings.Builder, s style) {
	if len(d.Actions) > 0 {
		s.heading(b, actionsHeading)
		for _, a := range d.Actions {
			s.item(b, actionLine(a, s))
		}
	}
	if len(d.Papers) > 0 {
		s.heading(b, papersHeading)
		for _, p := range d.Papers {
			s.item(b, paperLine(p, s))
		}
	}
	if len(d.Meetings) > 0 {
		s.heading(b, meetingsHeading)
		for _, m := range d.Meetings {
			s.item(b, meetingLine(m, s))
		}
	}
	if len(d.Offices) > 0 {
		s.heading(b, officesHeading)
		for _, o := range d.Offices {
			s.item(b, officeLine(o, s))
		}
	}
	if len(d.Referrals) > 0 {
		s.heading(b, referralsHeading)
		for _, r := range d.Referrals {
			s.item(b, referralLine(r, s))
		}
	}
}

// sentence ends text with a full stop, unless it ends with one (or another
// mark that ends a sentence).
func sentence(text string) string {
	if strings.HasSuffix(text, ".") || strings.HasSuffix(text, "!") || strings.HasSuffix(text, "?") {
		return text
	}
	return text + "."
}

func actionLine(a Action, s style) string {
	text := s.text(a.Text)
	due := "Due " + words.LongDate(a.Due)
	if a.Overdue {
		due += ", " + s.strong("overdue")
	}
	return fmt.Sprintf("%s, %s: %s %s. Raised at the meeting of %s (minutes: %s).",
		s.strong(s.name(a.Body.Name)), s.name(a.ID), sentence(text), due, words.LongDate(a.Raised), s.link(a.Minutes))
}

func paperLine(p Paper, s style) string {
	item := s.strong(s.name(capital(p.Item)))
	if p.Private != "" {
		item += ", " + s.text(words.InPrivate(p.Private)) + ","
	}
	due := "no notice is set for its papers"
	if !p.Deadline.IsZero() {
		due = "papers due by " + words.LongDate(p.Deadline)
		if p.Overdue {
			due += ", " + s.strong("overdue")
		}
	}
	return fmt.Sprintf("%s for %s: %s. Agenda: %s.", item, meetingRef(p.Meeting, s), due, s.link(p.Meeting.Agenda))
}

// meetingRef names a meeting in running text: "the ordinary meeting of
// Board on Tuesday 8 December 2026".
func meetingRef(m Meeting, s style) string {
	return fmt.Sprintf("the %s of %s on %s", s.name(strings.ToLower(m.Kind[:1])+m.Kind[1:]), s.name(m.Body.Name), words.LongDate(m.Date))
}

// capital starts govctl's own wording ("a private item") with a capital;
// a title a person wrote is left as it is.
func capital(s string) string {
	if s == words.PrivateItem {
		return strings.ToUpper(s[:1]) + s[1:]
	}
	return s
}

func meetingLine(m Meeting, s style) string {
	head := fmt.Sprintf("%s: %s, %s", s.strong(s.name(m.Body.Name)), s.name(m.Kind), words.LongDate(m.Date))
	if m.Cancelled {
		reason := ""
		if r := strings.TrimSpace(m.Reason); r != "" {
			reason = " (" + s.text(r) + ")"
		}
		return fmt.Sprintf("%s: %s%s.", head, s.strong("cancelled"), reason)
	}
	var parts []string
	if m.Time != "" {
		parts = append(parts, m.Time)
	}
	if m.Venue != "" {
		parts = append(parts, s.text(m.Venue))
	}
	line := head
	if len(parts) > 0 {
		line += ", " + strings.Join(parts, ", ")
	}
	line += ". Agenda: " + s.link(m.Agenda) + "."
	if !m.PapersDeadline.IsZero() {
		line += " Papers deadline: " + words.LongDate(m.PapersDeadline) + "."
	}
	return line
}

func officeLine(o Office, s style) string {
	from := ""
	if !o.From.IsZero() {
		from = ", from " + words.LongDate(o.From)
	}
	if o.Ended {
		return fmt.Sprintf("Your term as %s of %s%s, %s on %s, and you are still recorded as holding it: the office is due for election or appointment.",
			s.strong(s.name(o.Office)), s.name(o.Body.Name), from, s.strong("ended"), words.LongDate(o.Ends))
	}
	return fmt.Sprintf("Your term as %s of %s%s, ends on %s.", s.strong(s.name(o.Office)), s.name(o.Body.Name), from, words.LongDate(o.Ends))
}

func referralLine(r Referral, s style) string {
	about := ""
	if r.Item != "" {
		about = ", on " + s.name(r.Item)
	}
	text := s.text(r.Text)
	line := fmt.Sprintf("%s, at its meeting of %s: %s from %s (%s%s): %s",
		s.strong(s.name(r.Body.Name)), words.LongDate(r.At.Date), s.name(r.Decision), s.name(r.From.Name), words.LongDate(r.Made), about, sentence(text))
	if !r.Deferred.IsZero() {
		line += " Deferred on " + words.LongDate(r.Deferred) + "."
	}
	return line + " Minutes: " + s.link(r.Minutes) + "."
}

// Ext is the extension of a markdown digest's file.
const Ext = ".md"

// Written reports whether a file called name, beginning with head, is a
// digest a run of govctl remind wrote: a markdown file whose first line is
// MarkdownMarker, or an e-mail whose first line is EMLHeader naming the
// file. A run replaces and removes only such files.
func Written(name string, head []byte) bool {
	line, _, _ := strings.Cut(string(head), "\n")
	line = strings.TrimSuffix(line, "\r")
	switch {
	case strings.HasSuffix(name, Ext):
		return line == MarkdownMarker
	case strings.HasSuffix(name, EMLExt):
		slug, ok := strings.CutPrefix(line, EMLHeader+": ")
		return ok && slug+EMLExt == name
	}
	return false
}
