package model

// Private business: an agenda item, decision or action marked private
// (private: REASON) keeps its substance (item minutes and paper, decision
// and action text) out of the public record, in the meeting's encrypted
// companion file. These helpers are the one reading of the marks that the
// rules, the pages and the reports share.

// IsPrivate reports whether the item is marked private. A key written with
// no reason (private: or private: "") marks it too: what a person meant to
// keep private is never published for want of a reason, which
// private-reason-missing reports.
func (it *AgendaItem) IsPrivate() bool { return it.Private != "" || it.Has("private") }

// IsPrivate reports whether the decision is marked private (see
// AgendaItem.IsPrivate).
func (d *Decision) IsPrivate() bool { return d.Private != "" || d.Has("private") }

// IsPrivate reports whether the action is marked private (see
// AgendaItem.IsPrivate).
func (a *Action) IsPrivate() bool { return a.Private != "" || a.Has("private") }

// HidesTitle reports whether the item's title stays off public pages: a
// private item whose body did not choose publish_title.
func (it *AgendaItem) HidesTitle() bool { return it.IsPrivate() && !it.PublishTitle }

// PrivateItem is the private agenda item of m titled title (case and
// spacing aside), or nil.
func (m *Meeting) PrivateItem(title string) *AgendaItem {
	for i := range m.Agenda {
		if it := &m.Agenda[i]; it.IsPrivate() && NormEqual(it.Title, title) {
			return it
		}
	}
	return nil
}

// HiddenTitle reports whether title names an item of m whose title stays
// off public pages: where a decision's or declaration's item would show
// it, "a private item" stands in.
func (m *Meeting) HiddenTitle(title string) bool {
	it := m.PrivateItem(title)
	return it != nil && it.HidesTitle()
}

// HasPrivate reports whether m's record has private business: an item,
// decision or action marked private.
func (m *Meeting) HasPrivate() bool {
	for i := range m.Agenda {
		if m.Agenda[i].IsPrivate() {
			return true
		}
	}
	for i := range m.Decisions {
		if m.Decisions[i].IsPrivate() {
			return true
		}
	}
	for i := range m.Actions {
		if m.Actions[i].IsPrivate() {
			return true
		}
	}
	return false
}

// PrivateFile is a private companion file found in a network's meetings
// folder, as govctl reads it without a key: its age header's recipient
// stanzas.
type PrivateFile struct {
	// Pos is the file (line 1).
	Pos Pos
	// Stem is the file name less its suffix: the meeting record it belongs
	// to is meetings/<Stem>.yaml.
	Stem string
	// Clear marks a companion in clear (<stem>.private.yaml): private
	// business published.
	Clear bool
	// Read is true when the file was read (it was not a folder, a FIFO,
	// unreadable: those are reported as unreadable-file).
	Read bool
	// NotAge says why the file is not an age file ("" when it is).
	NotAge string
	// Stanzas are its age header's recipient stanzas.
	Stanzas []Stanza
	// HasRecord is true when the meeting record meetings/<Stem>.yaml was
	// read (its Meeting's PrivateFile is this file).
	HasRecord bool
}

// Stanza is one recipient stanza of an age header: its type (X25519,
// ssh-ed25519, ssh-rsa, ...) and arguments (for an SSH stanza, the first
// is the tag of the key it was encrypted to).
type Stanza struct {
	Type string
	Args []string
}
