package remind

import (
	"crypto/sha256"
	"encoding/hex"
	netmail "net/mail"
	"time"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/mail"
)

// EMLExt is the extension of an e-mail digest's file, and EMLHeader the
// header that begins it (X-Govctl-Remind: SLUG), which tells a later run
// the file is one of its own.
const (
	EMLExt    = ".eml"
	EMLHeader = "X-Govctl-Remind"
)

// SendHour is the hour, in the repository's timezone, of an e-mail
// digest's Date on its as-of day: a digest has the same date whenever it
// is written.
const SendHour = 7

// EML is the digest as an e-mail (RFC 5322, MIME) from from to to: its
// subject Subject, the text as plain text (Text) and as HTML (from
// Markdown, links kept only to web addresses), dated SendHour on the as-of
// day in loc (UTC when nil), with a Message-ID made from the person, the
// day and the text (the same digest, the same message). It begins with
// the header EMLHeader. from may be empty: the message has no sender
// then, for the mail program or the sending step to give.
func (d *Digest) EML(from, to netmail.Address, loc *time.Location) ([]byte, error) {
	if loc == nil {
		loc = time.UTC
	}
	md := d.Markdown()
	html, err := mail.HTML(d.Subject(), md, webOnly)
	if err != nil {
		return nil, err
	}
	text := d.Text()
	sum := sha256.Sum256(append(append([]byte{}, md...), text...))
	y, m, day := d.AsOf.Date()
	msg := mail.Message{
		From:    from,
		To:      []netmail.Address{to},
		Subject: d.Subject(),
		Date:    time.Date(y, m, day, SendHour, 0, 0, 0, loc),
		Seed:    "remind/" + d.Member + "/" + d.AsOf.String() + "/" + hex.EncodeToString(sum[:8]),
		Text:    string(text),
		HTML:    html,
	}
	data, err := msg.Bytes()
	if err != nil {
		return nil, err
	}
	return append([]byte(EMLHeader+": "+d.Slug+"\r\n"), data...), nil
}

// webOnly keeps a link to a web address, and makes any other (a path no
// reader of the message can follow) its text.
func webOnly(dest string) string {
	if web, _ := layout.PaperLink(dest); web {
		return dest
	}
	return ""
}
