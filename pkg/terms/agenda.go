package terms

import (
	"strings"

	"github.com/govctl/govctl/pkg/model"
)

// AgendaEntry is one item of a meeting's agenda as the terms and the record
// give it.
type AgendaEntry struct {
	Title string
	// Record is the record's item of this title, or nil: a standing item
	// the record does not list, or an item the terms add.
	Record *model.AgendaItem
	// Standing is true for a standing item of the meeting's kind.
	Standing bool
	// Added is true for an item that govctl adds to the agenda, being
	// neither a standing item nor the record's: the approval of the last
	// minutes, matters arising, the review of the work programme. Record
	// is nil for such an item.
	Added bool
	// Urgent is true for urgent business (kind urgent, or a reason given).
	Urgent bool
	// AOB is true for any other business (kind aob, or an item so titled),
	// which is always taken last.
	AOB bool
	// ApprovesMinutesOf is the held meeting whose minutes the item is to
	// approve, or nil.
	ApprovesMinutesOf *model.Meeting
	// MattersArising is true for the item under which what earlier meetings
	// left open is reviewed (see Net.MattersArising).
	MattersArising bool
	// WorkProgramme is true for the review of the work programme added
	// because the kind of meeting requires one and no item is about it.
	WorkProgramme bool

	key string // model.Norm(Title), worked out once

	// Referrals are, for the item under which they are considered, the
	// referrals from other bodies waiting for the meeting (Net.Waiting).
	Referrals []*Referral
}

// The titles of the items the terms add.
const (
	MinutesTitle        = "Minutes of the last meeting"
	MattersArisingTitle = "Matters arising"
	ReferralsTitle      = "Referrals from other bodies"
	WorkProgrammeTitle  = "Review of the work programme"
)

// Agenda lists meeting m's agenda in order, as docs/format.md defines it:
//
//   - the standing items of its kind, in the terms' order, less those
//     omit_standing_items leaves off this meeting, each with the record's
//     item of the same title (which adds its presenter, paper and minutes);
//     then the record's other items, in the record's order. A record that
//     lists every standing item not left off sets the order of them all.
//   - an item to approve the minutes of the last held meeting, where no
//     standing item is about minutes: the record's "Minutes of the last
//     meeting", or one added after the standing items;
//   - matters arising, where earlier meetings left something to review
//     (Net.MattersArising) or a standing item is about them: the standing
//     or record item of that title, or one added after the minutes;
//   - the referrals from other bodies waiting for the meeting (Net.Waiting),
//     where there are any: the standing or record item titled "Referrals
//     from other bodies" (or "Referrals"), or one added after matters
//     arising (or the minutes);
//   - a review of the work programme, where the kind requires one and no
//     item that is not urgent is about it (nor a standing item about it
//     left off);
//   - any other business, last of all.
//
// Titles are matched with their case and spacing set aside; of two items
// of one title only the first is listed. A standing item both left off and
// listed by the record is left off (missing-standing-item reports it).
func (nx *Net) Agenda(m *model.Meeting) []AgendaEntry {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Agenda(m)
	}
	k := nx.MeetingKind(m)
	var standing []string
	if k != nil {
		standing = k.StandingItems
	}

	// The record's items, first of each title, with their titles
	// normalised once.
	byTitle := make(map[string]*model.AgendaItem, len(m.Agenda))
	record := make([]*model.AgendaItem, 0, len(m.Agenda))
	recordKeys := make([]string, 0, len(m.Agenda))
	for i := range m.Agenda {
		it := &m.Agenda[i]
		key := model.Norm(it.Title)
		if _, dup := byTitle[key]; dup {
			continue
		}
		byTitle[key] = it
		record = append(record, it)
		recordKeys = append(recordKeys, key)
	}

	// The standing items, first of each title, and what they are about.
	var left map[string]bool
	if omitted, _ := nx.Omitted(m); len(omitted) > 0 {
		left = make(map[string]bool, len(omitted))
		for _, o := range omitted {
			left[model.Norm(o.Title)] = true
		}
	}
	standingTitle := make(map[string]string, len(standing))
	standingKeys := make([]string, 0, len(standing))
	minutesStanding, arisingStanding, reviewLeftOff := false, false, false
	for _, s := range standing {
		key := model.Norm(s)
		if _, dup := standingTitle[key]; dup {
			continue
		}
		standingTitle[key] = s
		standingKeys = append(standingKeys, key)
		minutesStanding = minutesStanding || minutesItem(key)
		arisingStanding = arisingStanding || arisingKey(key)
		reviewLeftOff = reviewLeftOff || left[key] && workProgrammeKey(key)
	}
	ownOrder := true
	for _, key := range standingKeys {
		if !left[key] && byTitle[key] == nil {
			ownOrder = false
			break
		}
	}

	standingEntry := func(key string) AgendaEntry {
		return AgendaEntry{Title: standingTitle[key], Record: byTitle[key], Standing: true, key: key}
	}
	recordEntry := func(it *model.AgendaItem, key string) AgendaEntry {
		return AgendaEntry{Title: it.Title, Record: it, Urgent: it.Kind == "urgent" || it.UrgentReason != "", key: key}
	}
	out := make([]AgendaEntry, 0, len(standingKeys)+len(record)+3)
	if ownOrder {
		for i, it := range record {
			key := recordKeys[i]
			switch _, isStanding := standingTitle[key]; {
			case left[key]:
			case isStanding:
				out = append(out, standingEntry(key))
			default:
				out = append(out, recordEntry(it, key))
			}
		}
	} else {
		for _, key := range standingKeys {
			if !left[key] {
				out = append(out, standingEntry(key))
			}
		}
		for i, it := range record {
			if _, isStanding := standingTitle[recordKeys[i]]; !isStanding {
				out = append(out, recordEntry(it, recordKeys[i]))
			}
		}
	}
	for i := range out {
		out[i].AOB = out[i].Record != nil && out[i].Record.Kind == "aob" || aobKey(out[i].key)
	}

	// afterStanding is where an added item goes when nothing places it:
	// after the last standing item.
	afterStanding := func() int {
		at := 0
		for i, e := range out {
			if e.Standing {
				at = i + 1
			}
		}
		return at
	}
	// find is the index of the first entry, not urgent nor other business,
	// that is, or is not, a standing item and whose title passes is; -1
	// when none.
	find := func(standing bool, is func(key string) bool) int {
		for i, e := range out {
			if e.Standing == standing && !e.Urgent && !e.AOB && is(e.key) {
				return i
			}
		}
		return -1
	}

	minutesAt := -1
	last := nx.LastHeld(m)
	if last != nil {
		if minutesStanding {
			minutesAt = find(true, minutesItem)
		} else if minutesAt = find(false, func(key string) bool { return key == minutesKey }); minutesAt < 0 {
			minutesAt = afterStanding()
			out = insert(out, minutesAt, AgendaEntry{Title: MinutesTitle, Added: true, key: minutesKey})
		}
		if minutesAt >= 0 {
			out[minutesAt].ApprovesMinutesOf = last
		}
	}

	arisingAt := -1
	if arisingStanding {
		if i := find(true, arisingKey); i >= 0 {
			out[i].MattersArising = true
			arisingAt = i
		}
	} else if nx.hasMattersArising(m, last) {
		if i := find(false, arisingKey); i >= 0 {
			out[i].MattersArising = true
			arisingAt = i
		} else {
			at := afterStanding()
			if minutesAt >= 0 {
				at = minutesAt + 1
			}
			out = insert(out, at, AgendaEntry{Title: MattersArisingTitle, Added: true, MattersArising: true, key: arisingTitleKey})
			arisingAt = at
		}
	}

	if waiting := nx.Waiting(m); len(waiting) > 0 {
		at := find(true, referralsItem)
		if at < 0 {
			at = find(false, referralsItem)
		}
		if at < 0 {
			at = afterStanding()
			if minutesAt >= 0 {
				at = max(at, minutesAt+1)
			}
			if arisingAt >= 0 {
				at = max(at, arisingAt+1)
			}
			out = insert(out, at, AgendaEntry{Title: ReferralsTitle, Added: true, key: referralsTitleKey})
		}
		out[at].Referrals = waiting
	}

	// Any other business goes last, after the review of the work programme.
	var aob []AgendaEntry
	n := 0
	for _, e := range out {
		if e.AOB {
			aob = append(aob, e)
		} else {
			out[n] = e
			n++
		}
	}
	out = out[:n]
	if k != nil && k.ReviewWorkProgramme && !reviewed(out) && !reviewLeftOff {
		out = append(out, AgendaEntry{Title: WorkProgrammeTitle, Added: true, WorkProgramme: true, key: workProgrammeTitleKey})
	}
	return append(out, aob...)
}

// The normalised titles (model.Norm) of the items the terms add.
const (
	minutesKey            = "minutes of the last meeting"
	arisingTitleKey       = "matters arising"
	workProgrammeTitleKey = "review of the work programme"
	referralsTitleKey     = "referrals from other bodies"
)

func insert(s []AgendaEntry, i int, e AgendaEntry) []AgendaEntry {
	s = append(s, AgendaEntry{})
	copy(s[i+1:], s[i:])
	s[i] = e
	return s
}

// reviewed reports whether an item that is not urgent, nor added by the
// terms, reviews the work programme.
func reviewed(items []AgendaEntry) bool {
	for _, e := range items {
		if !e.Urgent && !e.Added && workProgrammeKey(e.key) {
			return true
		}
	}
	return false
}

// ReviewsWorkProgramme reports whether meeting m's agenda has an item that
// reviews the work programme (see WorkProgrammeItem): a standing item not
// left off, or an item of the record, that is not urgent business. The
// review govctl adds to an agenda where the terms require one does not
// count: it is what the terms ask, not what the meeting did.
func (nx *Net) ReviewsWorkProgramme(m *model.Meeting) bool {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.ReviewsWorkProgramme(m)
	}
	return reviewed(nx.Agenda(m))
}

// minutesItem reports whether a standing item of this normalised title is
// about minutes (the approval of the last meeting's).
func minutesItem(key string) bool { return strings.Contains(key, "minutes") }

// MattersArisingItem reports whether an item of this title is where matters
// arising from earlier meetings are taken.
func MattersArisingItem(title string) bool {
	return arisingKey(model.Norm(title))
}

// arisingKey is MattersArisingItem of a normalised title.
func arisingKey(key string) bool { return strings.Contains(key, "matters arising") }

// referralsItem reports whether an item of this normalised title is where
// the referrals from other bodies are considered: "Referrals from other
// bodies", or "Referrals".
func referralsItem(key string) bool {
	return key == "referrals" || key == referralsTitleKey
}

// ReferralsItem reports whether an item of this title is where the
// referrals from other bodies are considered (see Agenda).
func ReferralsItem(title string) bool { return referralsItem(model.Norm(title)) }

// AOBItem reports whether an item of this title is any other business:
// "Any other business", "AOB" or "A.O.B.", case and spacing aside.
func AOBItem(title string) bool {
	return aobKey(model.Norm(title))
}

// aobKey is AOBItem of a normalised title.
func aobKey(key string) bool {
	t := strings.Trim(key, " .")
	return strings.HasPrefix(t, "any other business") || t == "aob" || t == "a.o.b"
}

// Omission is a standing item left off one meeting.
type Omission struct {
	// Title is the standing item's title as the terms give it.
	Title string
	// Entry is the first of the record's omit_standing_items that names it.
	Entry *model.OmitStanding
}

// Omitted lists the standing items that meeting m's omit_standing_items
// leaves off, in the terms' order, and the entries of omit_standing_items
// that name no standing item of m's kind (case and spacing aside), in the
// record's order. An entry naming no standing item leaves nothing off. A
// meeting of an unknown kind leaves nothing off and has no unknown entries:
// its kind is what is wrong.
func (nx *Net) Omitted(m *model.Meeting) (omitted []Omission, unknown []*model.OmitStanding) {
	if v := nx.TermsOn(m.Date); v != nx {
		return v.Omitted(m)
	}
	k := nx.MeetingKind(m)
	if k == nil || len(m.OmitStanding) == 0 {
		return nil, nil
	}
	known := map[string]bool{}
	for _, s := range k.StandingItems {
		known[model.Norm(s)] = true
	}
	entry := map[string]*model.OmitStanding{}
	for i := range m.OmitStanding {
		o := &m.OmitStanding[i]
		key := model.Norm(o.Item)
		switch {
		case !known[key]:
			unknown = append(unknown, o)
		case entry[key] == nil:
			entry[key] = o
		}
	}
	for _, s := range k.StandingItems {
		key := model.Norm(s)
		if o := entry[key]; o != nil {
			omitted = append(omitted, Omission{Title: s, Entry: o})
			delete(entry, key) // a standing item listed twice is left off once
		}
	}
	return omitted, unknown
}
