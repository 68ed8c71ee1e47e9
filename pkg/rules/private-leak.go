package rules

import (
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
)

// PrivateLeak is the text of a private item, decision or action written in
// the public record.
const PrivateLeak ID = "private-leak"

var privateLeak = &Rule{
	ID:       PrivateLeak,
	Title:    "text of a private item, decision or action in the public record",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
An item, decision or action marked private keeps its substance out of the
public record: the item's minutes and paper, the decision's or action's
text, live in the meeting's private file, meetings/<date>.private.yaml.age,
encrypted to the body's private_recipients (govctl private edit writes it).
The public record says only that the business was taken in private, and
why. Each of these is reported, and no paper is written for the body until
it is fixed:

- a private item with minutes in the public record;
- a private item whose paper is not an encrypted paper: a path, from the
  meeting's folder, to a file ending .age in the body's folder (govctl
  private paper writes ../papers/private/<date>-<name>.age); a paper in
  clear, or a link, would publish it;
- a private decision or action with text in the public record;
- a decision taken under a private item that is not itself private: what
  was decided on private business is private too (mark it private: REASON
  and move its text to the private file);
- a private file in clear, meetings/<date>.private.yaml (anywhere under
  meetings/): it must be encrypted (govctl private edit), and the clear
  file deleted, from the repository and from its history, where a push has
  already published it.

Moving the text to the private file and deleting it here does not take it
back from anyone who has read or cloned the repository since it was
written: where it has been pushed, treat it as published.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, pf := range nx.N.PrivateFiles {
				if pf.Clear {
					p.Reportf(pf.Pos, "private business in clear: encrypt it (govctl private edit %s %s) and delete this file from the repository and its history", nx.N.Folder, pf.Stem)
				}
			}
			for _, mt := range nx.N.MeetingList {
				for i := range mt.Agenda {
					it := &mt.Agenda[i]
					if !it.IsPrivate() {
						continue
					}
					if strings.TrimSpace(it.Minutes) != "" {
						p.Reportf(it.KeyPos("minutes"), "%s is private, and its minutes are in the public record: move them to the private file (govctl private edit %s %s)", itemLabel(mt, i), nx.N.Folder, mt.File)
					}
					if it.Paper != "" {
						if why := layout.PrivatePaper(it.Paper); why != "" {
							p.Reportf(it.KeyPos("paper"), "%s is private, and its paper %s; encrypt the paper with govctl private paper, which names it here", itemLabel(mt, i), why)
						}
					}
				}
				for i := range mt.Decisions {
					d := &mt.Decisions[i]
					switch {
					case d.IsPrivate() && strings.TrimSpace(d.Text) != "":
						p.Reportf(d.KeyPos("text"), "decision %s is private, and its text is in the public record: move it to the private file (govctl private edit %s %s)", d.ID, nx.N.Folder, mt.File)
					case !d.IsPrivate() && d.Item != "" && mt.PrivateItem(d.Item) != nil:
						under := itemRef(mt, d.Item) + ", which is private,"
						if mt.HiddenTitle(d.Item) {
							under = itemRef(mt, d.Item)
						}
						p.Reportf(d.KeyPos("item"), "decision %s was taken under %s and is not itself private: mark it private: REASON and move its text to the private file (govctl private edit %s %s)", d.ID, under, nx.N.Folder, mt.File)
					}
				}
				for i := range mt.Actions {
					a := &mt.Actions[i]
					if a.IsPrivate() && strings.TrimSpace(a.Text) != "" {
						p.Reportf(a.KeyPos("text"), "action %s is private, and its text is in the public record: move it to the private file (govctl private edit %s %s)", a.ID, nx.N.Folder, mt.File)
					}
				}
			}
		}
	},
}
