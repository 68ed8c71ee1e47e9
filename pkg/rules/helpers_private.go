package rules

import (
	"fmt"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// Findings are printed, and uploaded (SARIF) where the public may read
// them: a message names a private item by its title only where the body
// publishes it (publish_title), as the papers do.

// itemLabel names agenda item i (from 0) of meeting mt in a message: by its
// title (agenda item "Budget"), or by its place on the record when the
// title stays off public pages (agenda[2], a private item).
func itemLabel(mt *model.Meeting, i int) string {
	if it := &mt.Agenda[i]; it.HidesTitle() {
		return fmt.Sprintf("agenda[%d], %s,", i+1, words.PrivateItem)
	}
	return fmt.Sprintf("agenda item %q", mt.Agenda[i].Title)
}

// itemRef quotes title, an item a decision or declaration names, or says
// "a private item" when it names one of mt whose title stays off public
// pages.
func itemRef(mt *model.Meeting, title string) string {
	if mt.HiddenTitle(title) {
		return words.PrivateItem
	}
	return fmt.Sprintf("%q", title)
}

// publicTitles are the titles of the agenda entries that may be suggested
// in a message: all but the private items whose titles stay off public
// pages.
func publicTitles(mt *model.Meeting, titles []string) []string {
	out := titles[:0:0]
	for _, t := range titles {
		if !mt.HiddenTitle(t) {
			out = append(out, t)
		}
	}
	return out
}
