package words

import (
	"strings"

	"github.com/govctl/govctl/pkg/model"
)

// PrivateItem stands in, on public pages and in messages, for the title of
// an item taken in private whose body does not publish it.
const PrivateItem = "a private item"

// InPrivate is how public output shows business taken in private, in place
// of its text: "taken in private (Schedule 12A, paragraph 3)".
func InPrivate(reason string) string {
	return "taken in private (" + privateReason(reason) + ")"
}

// Private marks business taken in private in the restricted edition, where
// its text is shown: "private (Schedule 12A, paragraph 3)".
func Private(reason string) string {
	return "private (" + privateReason(reason) + ")"
}

// PrivateReason is the reason business is private as public output gives
// it: spacing tidied, and "no reason recorded" for none.
func PrivateReason(reason string) string { return privateReason(reason) }

func privateReason(reason string) string {
	if r := strings.Join(strings.Fields(reason), " "); r != "" {
		return r
	}
	return "no reason recorded"
}

// ActionText is action a's text as public output shows it: for a private
// action, "taken in private (REASON)", never its text.
func ActionText(a *model.Action) string {
	if a.IsPrivate() {
		return InPrivate(a.Private)
	}
	return a.Text
}

// DecisionPrivate reports whether decision d of meeting m (nil when not
// known) is private, and why: marked so, or taken under a private item (of
// which a decision not marked private is private-leak's, and private all
// the same).
func DecisionPrivate(m *model.Meeting, d *model.Decision) (reason string, private bool) {
	if d.IsPrivate() {
		return d.Private, true
	}
	if m != nil && d.Item != "" {
		if it := m.PrivateItem(d.Item); it != nil {
			return it.Private, true
		}
	}
	return "", false
}

// DecisionText is decision d's text (of meeting m, nil when not known) as
// public output shows it: for a private decision, "taken in private
// (REASON)", never its text.
func DecisionText(m *model.Meeting, d *model.Decision) string {
	if reason, private := DecisionPrivate(m, d); private {
		return InPrivate(reason)
	}
	return d.Text
}

// ItemRef is title, an item that a decision or declaration of meeting m
// names, as public output shows it: "a private item" where the item is
// private and its title not published.
func ItemRef(m *model.Meeting, title string) string {
	if m != nil && m.HiddenTitle(title) {
		return PrivateItem
	}
	return title
}
