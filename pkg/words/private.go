package words

import "strings"

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

func privateReason(reason string) string {
	if r := strings.Join(strings.Fields(reason), " "); r != "" {
		return r
	}
	return "no reason recorded"
}
