package rules

import (
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
)

// PaperLink is an agenda item's paper that is neither a path inside the
// repository nor an http(s) address.
const PaperLink ID = "paper-link"

var paperLink = &Rule{
	ID:       PaperLink,
	Title:    "a paper that is neither a path inside the repository nor an http(s) address",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
An agenda item's paper (agenda[].paper) becomes a link on the agenda and the
minutes, so it is one of two things: the path of a file in the repository,
followed from the meeting's folder (papers/2026-11-17-budget.pdf beside the
meeting's record, ../papers/budget.pdf in the network's folder), or a web
address starting http:// or https://.

Anything else is reported, and no agenda or minutes is written until it is
fixed: an address of another scheme (javascript:, data:, file:, mailto:), an
absolute path (/..., //host/..., C:\...), a path whose ".." parts lead out of
the repository, a web address with a user name before its host (which hides
where it leads), and a paper holding a control character (a line break, a
tab). A file name whose first part holds a ':' is read as a scheme: write it
as ./name.

Spaces, brackets, '&', '#' and letters outside ASCII in a path are encoded
in the link, so that it leads to the file named.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			for _, mt := range nx.N.MeetingList {
				for i := range mt.Agenda {
					it := &mt.Agenda[i]
					if it.Paper == "" {
						continue
					}
					if _, why := layout.PaperLink(it.Paper); why != "" {
						if it.IsPrivate() {
							// Named by its place, the paper unquoted: it is private-leak's.
							p.Reportf(it.KeyPos("paper"), "%s: the paper %s: give the file's path from the meeting's folder (papers/budget.pdf) or a web address (https://...)", strings.TrimSuffix(itemLabel(mt, i), ","), why)
							continue
						}
						p.Reportf(it.KeyPos("paper"), "agenda item %q: paper %q %s: give the file's path from the meeting's folder (papers/budget.pdf) or a web address (https://...)", it.Title, it.Paper, why)
					}
				}
			}
		}
	},
}
