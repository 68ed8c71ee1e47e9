package render

import (
	"path"
	"strings"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// Private business. A public paper is made from the public record alone,
// and never shows a private field, even where the record wrongly holds one
// (which private-leak reports): a private item's title only where its body
// publishes it, its minutes and paper never, a private decision's or
// action's text never. The restricted edition (Inputs.Restricted), made
// for members from a meeting whose private text the caller has put in
// place (private.Apply), shows it all, each private thing marked.

// privateTitle is how an agenda shows the title of an item whose body keeps
// it off public pages.
const privateTitle = "A private item"

// itemTitle is the title a paper shows for the agenda entry titled title,
// whose record item is it (nil when the record has none).
func itemTitle(in Inputs, title string, it *model.AgendaItem) string {
	if it != nil && it.HidesTitle() && !in.Restricted {
		return privateTitle
	}
	return title
}

// itemMark marks a private item after its title: "taken in private
// (REASON)" on a public paper, "private (REASON)" in the restricted
// edition; "" for an item that is not private.
func itemMark(in Inputs, it *model.AgendaItem) string {
	switch {
	case it == nil || !it.IsPrivate():
		return ""
	case in.Restricted:
		return words.Private(it.Private)
	}
	return words.InPrivate(it.Private)
}

// itemPaper is what a paper shows for item it's paper: a link (link), or a
// note (note) for a private item's, which a public paper never links.
func itemPaper(in Inputs, it *model.AgendaItem) (link, note string) {
	switch {
	case it == nil || it.Paper == "":
		return "", ""
	case !it.IsPrivate():
		return it.Paper, ""
	case !in.Restricted:
		return "", "a private paper (encrypted, for members)"
	case strings.HasSuffix(strings.TrimSpace(it.Paper), layout.EncryptedPaperSuffix):
		// The restricted edition lies outside the repository: the paper's
		// path is given from the repository's folder.
		p := path.Clean(path.Join(in.Net.N.Folder, layout.MeetingsDir, strings.TrimSpace(it.Paper)))
		return "", p + " in the repository (encrypted: open it with age -d -i YOUR-KEY)"
	}
	return it.Paper, ""
}

// itemMinutes are what a paper shows under item it: nothing of a private
// item's on a public paper.
func itemMinutes(in Inputs, it *model.AgendaItem) string {
	if it == nil || it.IsPrivate() && !in.Restricted {
		return ""
	}
	return it.Minutes
}

// itemRef is an item a decision or declaration of meeting m names, as a
// paper shows it: "a private item" for one whose title stays off public
// pages.
func itemRef(in Inputs, m *model.Meeting, title string) string {
	if in.Restricted {
		return title
	}
	return words.ItemRef(m, title)
}

// decisionText is what a paper shows of decision d of meeting m: a private
// decision's text only in the restricted edition. A decision taken under a
// private item is private too (words.DecisionPrivate).
func decisionText(in Inputs, m *model.Meeting, d *model.Decision) string {
	reason, private := words.DecisionPrivate(m, d)
	return privateText(in, private, reason, d.Text)
}

// actionText is what a paper shows of action a: a private action's text
// only in the restricted edition.
func actionText(in Inputs, a *model.Action) string {
	return privateText(in, a.IsPrivate(), a.Private, a.Text)
}

// privateText is the text of a decision or action as a paper shows it:
// for a private one, "Taken in private (REASON)" in public, the text
// marked "Private (REASON): " in the restricted edition.
func privateText(in Inputs, private bool, reason, text string) string {
	switch {
	case !private:
		return text
	case !in.Restricted:
		return capital(words.InPrivate(reason))
	case strings.TrimSpace(text) == "":
		return capital(words.Private(reason)) + ": its text is not in the private file"
	}
	return capital(words.Private(reason)) + ": " + text
}

// capital starts govctl's own wording (ASCII) with a capital.
func capital(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// meetingOf is the meeting of ms that took decision d, or nil.
func meetingOf(ms []*model.Meeting, d *model.Decision) *model.Meeting {
	for _, m := range ms {
		for i := range m.Decisions {
			if &m.Decisions[i] == d {
				return m
			}
		}
	}
	return nil
}
