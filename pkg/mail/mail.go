// Package mail builds e-mail messages (RFC 5322, MIME) as bytes, to be
// written to a .eml file that a mail program opens and sends: the text as
// plain text and HTML, a calendar invitation (iMIP, RFC 6047), and files
// attached.
//
// A message is built the same way every time from the same fields: its
// Date is given, and its Message-ID and MIME boundaries come from a seed
// (no clock, no randomness), so a message written again is the same file.
//
// The layout is what mail programs expect of an invitation (the calendar
// first, inside the alternatives, where Outlook looks for it; and again as
// an attachment, for those that look only there):
//
//	multipart/mixed
//	  multipart/alternative
//	    text/plain; charset=utf-8            quoted-printable
//	    text/html; charset=utf-8             quoted-printable
//	    text/calendar; method=REQUEST        quoted-printable (with a calendar)
//	  application/ics; name=invite.ics       base64, attached (with a calendar)
//	  each attachment                        base64, with its file name
//
// Lines end in CRLF and stay under 78 characters where they can (always
// under 998): headers are folded, bodies quoted-printable or base64.
// Non-ASCII in headers is encoded as RFC 2047 words (mime.QEncoding), and
// in file names as RFC 2231 parameters.
package mail

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	netmail "net/mail"
	"net/textproto"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Message is an e-mail to build.
type Message struct {
	From    netmail.Address
	To      []netmail.Address
	Cc      []netmail.Address
	Subject string
	// Date is the message's date (its Date header).
	Date time.Time
	// Seed makes the Message-ID and the MIME boundaries: the same seed,
	// the same message. Give what identifies the message (a meeting and
	// its invitation's sequence).
	Seed string
	// Draft marks the message unsent (X-Unsent: 1): Outlook opens it as a
	// message to send, not as one received.
	Draft bool

	Text string
	// HTML is the same text as an HTML document; empty for plain text alone.
	HTML string
	// Calendar is an invitation, or nil.
	Calendar *Calendar
	// Attachments are files attached, in order.
	Attachments []Attachment
}

// Calendar is an iCalendar object sent as an invitation (iMIP).
type Calendar struct {
	// Method is the iTIP method, as the object's METHOD says: REQUEST,
	// CANCEL or PUBLISH.
	Method string
	// Data is the iCalendar text (CRLF line ends).
	Data []byte
	// Filename is the attached copy's name (default invite.ics).
	Filename string
}

// Attachment is a file attached.
type Attachment struct {
	Filename string
	// ContentType is the file's media type (default
	// application/octet-stream).
	ContentType string
	Data        []byte
}

// Bytes builds the message.
func (m *Message) Bytes() ([]byte, error) {
	if m.Date.IsZero() {
		return nil, errors.New("mail: a message needs its date")
	}
	if m.Seed == "" {
		return nil, errors.New("mail: a message needs a seed for its Message-ID")
	}
	if m.Calendar != nil {
		switch m.Calendar.Method {
		case "REQUEST", "CANCEL", "PUBLISH":
		default:
			return nil, fmt.Errorf("mail: calendar method %q: expected REQUEST, CANCEL or PUBLISH", m.Calendar.Method)
		}
	}
	var buf bytes.Buffer
	h := &headers{buf: &buf}
	h.add("Date", m.Date.Format(time.RFC1123Z))
	if m.From.Address != "" {
		h.addresses("From", []netmail.Address{m.From})
	}
	if len(m.To) > 0 {
		h.addresses("To", m.To)
	}
	if len(m.Cc) > 0 {
		h.addresses("Cc", m.Cc)
	}
	h.add("Subject", encodeWords(m.Subject))
	h.add("Message-ID", MessageID(m.Seed, domainOf(m.From.Address)))
	h.add("MIME-Version", "1.0")
	if m.Draft {
		h.add("X-Unsent", "1")
	}
	if h.err != nil {
		return nil, h.err
	}

	mixed := multipart.NewWriter(&buf)
	if err := mixed.SetBoundary(boundary(m.Seed, "mixed")); err != nil {
		return nil, err
	}
	h.add("Content-Type", mime.FormatMediaType("multipart/mixed", map[string]string{"boundary": mixed.Boundary()}))
	buf.WriteString("\r\n")

	w, err := mixed.CreatePart(textproto.MIMEHeader{
		"Content-Type": {foldValue("Content-Type", mime.FormatMediaType("multipart/alternative", map[string]string{"boundary": boundary(m.Seed, "alternative")}))},
	})
	if err != nil {
		return nil, err
	}
	alt := multipart.NewWriter(w)
	if err := alt.SetBoundary(boundary(m.Seed, "alternative")); err != nil {
		return nil, err
	}
	if err := qpPart(alt, "text/plain; charset=utf-8", m.Text); err != nil {
		return nil, err
	}
	if m.HTML != "" {
		if err := qpPart(alt, "text/html; charset=utf-8", m.HTML); err != nil {
			return nil, err
		}
	}
	if c := m.Calendar; c != nil {
		ct := mime.FormatMediaType("text/calendar", map[string]string{"charset": "utf-8", "method": c.Method})
		if err := qpPart(alt, ct, string(c.Data)); err != nil {
			return nil, err
		}
	}
	if err := alt.Close(); err != nil {
		return nil, err
	}
	if c := m.Calendar; c != nil {
		name := c.Filename
		if name == "" {
			name = "invite.ics"
		}
		if err := attach(mixed, Attachment{Filename: name, ContentType: "application/ics", Data: c.Data}); err != nil {
			return nil, err
		}
	}
	for _, a := range m.Attachments {
		if err := attach(mixed, a); err != nil {
			return nil, err
		}
	}
	if err := mixed.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// MessageID is the Message-ID a message with seed has, from domain (the
// sender's; govctl.invalid when there is none).
func MessageID(seed, domain string) string {
	if domain == "" {
		domain = "govctl.invalid"
	}
	sum := sha256.Sum256([]byte("message-id\x00" + seed))
	return "<" + hex.EncodeToString(sum[:16]) + ".govctl@" + domain + ">"
}

// domainOf is the domain of an address, or "".
func domainOf(addr string) string {
	if i := strings.LastIndexByte(addr, '@'); i >= 0 {
		d := addr[i+1:]
		if strings.Trim(d, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-") == "" {
			return d
		}
	}
	return ""
}

// boundary is a MIME boundary made from the seed. It holds "=_", which
// neither quoted-printable (which writes "=" as "=3D") nor base64 ever
// writes, so no part's body can hold it.
func boundary(seed, level string) string {
	sum := sha256.Sum256([]byte("boundary\x00" + level + "\x00" + seed))
	return "=_" + level[:3] + "_" + hex.EncodeToString(sum[:12])
}

// qpPart writes text, its line ends made CRLF, as a quoted-printable part.
func qpPart(w *multipart.Writer, contentType, text string) error {
	pw, err := w.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {contentType},
		"Content-Transfer-Encoding": {"quoted-printable"},
	})
	if err != nil {
		return err
	}
	qp := quotedprintable.NewWriter(pw)
	if _, err := qp.Write([]byte(crlf(text))); err != nil {
		return err
	}
	return qp.Close()
}

// crlf makes every line end CRLF, the last one too.
func crlf(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	if s != "" && !strings.HasSuffix(s, "\n") {
		s += "\n"
	}
	return strings.ReplaceAll(s, "\n", "\r\n")
}

// attach writes a file as a base64 part, its name given in Content-Type
// (name=, as older mail programs read it) and Content-Disposition
// (filename=, RFC 2231 when it is not ASCII).
func attach(w *multipart.Writer, a Attachment) error {
	ct := a.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	mt, params, err := mime.ParseMediaType(ct)
	if err != nil {
		return fmt.Errorf("mail: attachment %q: content type %q: %v", a.Filename, ct, err)
	}
	name := strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7f || r == '/' || r == '\\' {
			return '_'
		}
		return r
	}, a.Filename)
	if name == "" || !utf8.ValidString(name) {
		return fmt.Errorf("mail: an attachment needs a file name in UTF-8")
	}
	ctype := foldValue("Content-Type", mediaType(mt, params)+"; "+nameParam("name", name))
	disp := foldValue("Content-Disposition", "attachment; "+nameParam("filename", name))
	pw, err := w.CreatePart(textproto.MIMEHeader{
		"Content-Type":              {ctype},
		"Content-Disposition":       {disp},
		"Content-Transfer-Encoding": {"base64"},
	})
	if err != nil {
		return err
	}
	enc := base64.StdEncoding.EncodeToString(a.Data)
	var b strings.Builder
	for len(enc) > 76 {
		b.WriteString(enc[:76])
		b.WriteString("\r\n")
		enc = enc[76:]
	}
	b.WriteString(enc)
	b.WriteString("\r\n")
	_, err = pw.Write([]byte(b.String()))
	return err
}

// mediaType formats a media type with parameters other than a name.
func mediaType(mt string, params map[string]string) string {
	delete(params, "name")
	return mime.FormatMediaType(mt, params)
}

// nameParam is a file name as a parameter: key="name" when it is ASCII
// without quotes or backslashes; else, for filename, RFC 2231's
// filename*=utf-8”... split into continuations of at most 60 characters,
// and for name (which RFC 2231 readers and older ones both read) an RFC
// 2047 encoded word, as mail programs write it.
func nameParam(key, name string) string {
	ascii := true
	for i := 0; i < len(name); i++ {
		if c := name[i]; c >= 0x80 || c == '"' || c == '\\' {
			ascii = false
			break
		}
	}
	if ascii {
		return key + `="` + name + `"`
	}
	if key == "name" {
		return key + `="` + mime.QEncoding.Encode("utf-8", name) + `"`
	}
	enc := strings.ReplaceAll(url.PathEscape(name), "'", "%27")
	// url.PathEscape leaves some characters RFC 2231's attribute-char
	// excludes; escape them too.
	for _, c := range []string{"*", "(", ")", "<", ">", "@", ",", ";", ":", "=", "?", "[", "]", "&", "+", "$", "!"} {
		enc = strings.ReplaceAll(enc, c, fmt.Sprintf("%%%02X", c[0]))
	}
	enc = "utf-8''" + enc
	if len(enc) <= 60 {
		return key + "*=" + enc
	}
	var parts []string
	for i := 0; len(enc) > 0; i++ {
		n := min(60, len(enc))
		// Never split a %XX escape.
		if j := strings.LastIndexByte(enc[:n], '%'); j >= 0 && j > n-3 {
			n = j
		}
		parts = append(parts, fmt.Sprintf("%s*%d*=%s", key, i, enc[:n]))
		enc = enc[n:]
	}
	return strings.Join(parts, "; ")
}

// encodeWords encodes a header's text as RFC 2047 words when it is not
// printable ASCII (mime.QEncoding, which splits long text into several
// words).
func encodeWords(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\r' || r == '\n' || r == '\t' {
			return ' '
		}
		return r
	}, s)
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] >= 0x7f {
			return mime.QEncoding.Encode("utf-8", s)
		}
	}
	return s
}

// headers writes a message's header fields, folded.
type headers struct {
	buf *bytes.Buffer
	err error
}

func (h *headers) add(key, value string) {
	h.buf.WriteString(fold(key + ": " + value))
	h.buf.WriteString("\r\n")
}

// addresses writes a header of addresses, one a line after the first.
func (h *headers) addresses(key string, list []netmail.Address) {
	var parts []string
	for _, a := range list {
		if _, err := netmail.ParseAddress(a.Address); err != nil || strings.ContainsAny(a.Address, "\r\n") {
			h.err = fmt.Errorf("mail: %s: an address is not an e-mail address", key)
			return
		}
		s := a.String()
		parts = append(parts, s)
	}
	h.buf.WriteString(fold(key + ": " + strings.Join(parts, ",\r\n ")))
	h.buf.WriteString("\r\n")
}

// foldValue is the value of header key folded as the whole line would be.
func foldValue(key, value string) string {
	return strings.TrimPrefix(fold(key+": "+value), key+": ")
}

// fold folds a header line (which may already hold folds, CRLF and a
// space) at spaces so that each line is at most 76 characters where a space
// allows it. A run without spaces longer than that (a long encoded word
// never is: each is at most 75) stays whole.
func fold(line string) string {
	var out []string
	for _, l := range strings.Split(line, "\r\n") {
		for len(l) > 76 {
			i := strings.LastIndexByte(l[:77], ' ')
			if i <= 0 || strings.TrimLeft(l[:i], " ") == "" {
				i = strings.IndexByte(l[77:], ' ')
				if i < 0 {
					break
				}
				i += 77
			}
			out = append(out, l[:i])
			l = l[i:]
		}
		out = append(out, l)
	}
	return strings.Join(out, "\r\n")
}
