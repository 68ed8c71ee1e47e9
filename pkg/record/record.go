// Package record writes meeting records (meetings/<date>.yaml): new planned
// records, and what a secretary fills in after a meeting, added to a record
// a person may have edited without losing what they wrote: every key and
// every comment is kept, and new keys go where the format's order puts them.
package record

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/rickb777/date"
	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

// Planned is the YAML of a new planned meeting record.
func Planned(date, kind, start string) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "date: %s\n", date)
	if start != "" {
		fmt.Fprintf(&b, "start: %q\n", start)
	}
	fmt.Fprintf(&b, "kind: %s\nstatus: planned\n", kind)
	return b.Bytes()
}

// Minutes is what govctl knows of a meeting before its secretary fills the
// record in: what `minutes new` adds.
type Minutes struct {
	// Expected are the ids of the members expected on the day.
	Expected []string
	// Chairs are the ids of the members who may have chaired (terms
	// ChairsOn): one is the chair, written as chair; several (co-chairs)
	// or none leave chair to the secretary, with a comment saying so.
	Chairs []string
	// Approves is the date (YYYY-MM-DD) of the meeting whose minutes this
	// one is to approve, or "".
	Approves string
	// FromTerms are the items the meeting's agenda holds without the
	// record listing them: its kind's standing items, and what govctl adds
	// (matters arising, a work-programme review; terms Agenda).
	FromTerms []string
	// Open are the actions open on the day, whose progress the meeting
	// hears: each gets an update for the secretary to complete.
	Open []OpenAction
}

// OpenAction is an action open on the meeting's day.
type OpenAction struct {
	ID, Text string
	// Owner is a member id, or "".
	Owner string
	// Due is the latest due date set, or zero.
	Due date.Date
}

// Filled says what Fill added to the record.
type Filled struct {
	// Chair is the member written as chair; "" when the record had one, or
	// govctl does not know who chaired (see NoChair).
	Chair string
	// NoChair is true when the record has no chair and govctl could not
	// name one: the secretary is to fill it in.
	NoChair bool
	// Present are the members put under present.
	Present []string
	// PresentKept is true when the record's attendance has a present list
	// already, kept as it is (Present is then empty).
	PresentKept bool
	// Approves is the date written in approves_minutes, or "".
	Approves string
	// Updates are the ids of the actions given an update to complete.
	Updates []string
}

// ErrHasMinutes means the record is a held meeting's and already records
// attendance: it is filled in, and not changed without force.
var ErrHasMinutes = errors.New("the record already has attendance")

// Fill makes the record in data ready for its secretary to complete after
// the meeting, and marks the meeting held. It adds what the record lacks
// and never changes what it has:
//
//   - chair: the one member who may have chaired; when several (co-chairs)
//     or none may have, a comment asking for it (a key given no value, as
//     chair: here, counts as missing);
//   - attendance: every expected member under present, ready to move to
//     apologies or absent, and empty apologies, substitutes, absent,
//     stand_ins and guests, each with a comment where it helps; of an
//     attendance the record has, the lists it has are kept (present is
//     added, less the members it names, only when it has none);
//   - agenda: a comment on how to minute items, those of the terms
//     included, which the agenda holds without the record listing them (an
//     empty agenda when it has none);
//   - approves_minutes: m.Approves, when the record has none (an empty
//     list is the record's own answer, and kept);
//   - decisions and actions: empty lists, with what each entry holds;
//   - action_updates: an update with status open for each open action the
//     record does not update yet, with a comment naming the action.
//
// A held meeting's record that records attendance is refused with
// ErrHasMinutes unless force is set. Fill's output keeps every comment and
// key of data; it is in the format's key order but not in every detail of
// fmt's layout: pass it through fmt's formatter before writing.
func Fill(data []byte, m Minutes, force bool) ([]byte, Filled, error) {
	var got Filled
	var doc yaml.Node
	if err := yaml.Unmarshal(plain(data), &doc); err != nil {
		return nil, got, fmt.Errorf("the record is not valid YAML: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, got, errors.New("the record is not a mapping of keys to values")
	}
	root := doc.Content[0]
	root.Style = 0
	att := value(root, "attendance")
	if att != nil && att.Kind == yaml.MappingNode && scalarValue(root, "status") == "held" && !force {
		return nil, got, ErrHasMinutes
	}
	setScalar(root, "status", "held")

	got.Present, got.PresentKept = fillAttendance(root, att, m.Expected)

	if missing(root, "chair") {
		if len(m.Chairs) == 1 {
			put(root, "chair", str(m.Chairs[0]), "")
			got.Chair = m.Chairs[0]
		} else {
			got.NoChair = true
			who := " (no member holds the chair on this date)."
			if len(m.Chairs) > 1 {
				who = fmt.Sprintf(": %s (the co-chairs).", words.Or(m.Chairs))
			}
			if k := keyOf(root, "chair"); k != nil {
				addComment(k, "Who chaired? Give the member's id here"+who, true)
			} else {
				addComment(keyOf(root, "attendance"), "Who chaired? Add chair: with the member's id here"+who, true)
			}
		}
	}

	agendaNote := "Under each item, write what was said and agreed as its minutes: (markdown)."
	if len(m.FromTerms) > 0 {
		agendaNote += " The agenda also holds these items (from the terms of reference, or added by govctl), which are not listed here:\n"
		for _, t := range m.FromTerms {
			agendaNote += "   " + strings.Join(strings.Fields(t), " ") + "\n"
		}
		agendaNote += "To minute one, add an item of its title, like this:\n" +
			"   agenda:\n" +
			"     - title: " + strings.Join(strings.Fields(m.FromTerms[0]), " ") + "\n" +
			"       minutes: |\n" +
			"         What was said and agreed."
	}
	if value(root, "agenda") == nil {
		insert(root, meetingKeys, "agenda", flow(), "")
	}
	addComment(keyOf(root, "agenda"), agendaNote, false)

	if m.Approves != "" && missing(root, "approves_minutes") {
		d := flow()
		d.Content = append(d.Content, scalar(m.Approves))
		put(root, "approves_minutes", d,
			fmt.Sprintf("The minutes of %s await approval: remove this if the meeting did not approve them.", m.Approves))
		got.Approves = m.Approves
	}
	for _, k := range []struct{ key, note string }{
		{"decisions", "Each decision taken: id, item (the agenda item's title), text, outcome (agreed, not-agreed, deferred or referred), and votes where they were counted."},
		{"actions", "Each action raised: id, text, owner (a member id) and due (a date)."},
	} {
		if value(root, k.key) == nil {
			insert(root, meetingKeys, k.key, flow(), k.note)
		}
	}
	got.Updates = fillUpdates(root, m.Open)

	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, got, err
	}
	if err := enc.Close(); err != nil {
		return nil, got, err
	}
	return out.Bytes(), got, nil
}

// fillAttendance adds the attendance, or what the record's attendance att
// lacks, and returns the members it put under present, or kept true when
// the record has its own present list.
func fillAttendance(root, att *yaml.Node, expected []string) (added []string, kept bool) {
	if att == nil || att.Kind != yaml.MappingNode {
		if att != nil && !isNull(att) {
			return nil, true // not a mapping: the loader has said so; left as it is
		}
		fresh := &yaml.Node{Kind: yaml.MappingNode}
		if att == nil {
			insert(root, meetingKeys, "attendance", fresh, "")
		} else {
			fresh.LineComment, fresh.FootComment = att.LineComment, att.FootComment
			*att = *fresh
		}
		att = value(root, "attendance")
	}
	block(keyOf(root, "attendance"), att)
	kept = value(att, "present") != nil
	if !kept {
		named := namedIn(att)
		for _, id := range expected {
			if !named[id] {
				added = append(added, id)
			}
		}
		present := seq(added)
		note := "Move members who sent apologies to apologies, and those who neither came nor sent apologies to absent."
		if len(added) == 0 {
			present.Style = yaml.FlowStyle
			note = "The ids of the members who came; those who sent apologies go under apologies."
		}
		insert(att, attendanceKeys, "present", present, note)
	}
	for _, k := range []struct {
		key  string
		node func() *yaml.Node
		note string
	}{
		{"apologies", flow, ""},
		{"substitutes", func() *yaml.Node { return &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle} }, "A member's substitute who came, as substitute-id: the id of the member they stood in for."},
		{"absent", flow, ""},
		{"stand_ins", flow, "Colleagues who are not members, sent in a member's place for this meeting: each with name, organisation and for (the member's id)."},
		{"guests", flow, ""},
	} {
		if value(att, k.key) == nil {
			insert(att, attendanceKeys, k.key, k.node(), k.note)
		}
	}
	return added, kept
}

// namedIn is the set of member ids an attendance names anywhere: under
// apologies or absent, as a substitute or the member one stood in for, or
// the member a stand-in came for.
func namedIn(att *yaml.Node) map[string]bool {
	named := map[string]bool{}
	for _, key := range []string{"apologies", "absent"} {
		if v := value(att, key); v != nil && v.Kind == yaml.SequenceNode {
			for _, it := range v.Content {
				named[it.Value] = true
			}
		}
	}
	if v := value(att, "substitutes"); v != nil && v.Kind == yaml.MappingNode {
		for _, n := range v.Content {
			named[n.Value] = true
		}
	}
	if v := value(att, "stand_ins"); v != nil && v.Kind == yaml.SequenceNode {
		for _, it := range v.Content {
			if f := value(it, "for"); f != nil {
				named[f.Value] = true
			}
		}
	}
	return named
}

// fillUpdates adds an update for each open action the record does not
// update yet, and returns their ids.
func fillUpdates(root *yaml.Node, open []OpenAction) []string {
	list := value(root, "action_updates")
	if list != nil && list.Kind != yaml.SequenceNode && !isNull(list) {
		return nil // not a list: the loader has said so; left as it is
	}
	updated := map[string]bool{}
	if list != nil {
		for _, it := range list.Content {
			if a := value(it, "action"); a != nil {
				updated[a.Value] = true
			}
		}
	}
	var added []*yaml.Node
	var ids []string
	for _, a := range open {
		if updated[a.ID] || slices.Contains(ids, a.ID) {
			continue
		}
		u := &yaml.Node{Kind: yaml.MappingNode, HeadComment: "# " + actionNote(a)} // one line an action
		u.Content = append(u.Content, scalar("action"), str(a.ID), scalar("status"), scalar("open"))
		added = append(added, u)
		ids = append(ids, a.ID)
	}
	switch {
	case list == nil:
		list = flow()
		insert(root, meetingKeys, "action_updates", list, "")
	case isNull(list):
		fresh := flow()
		fresh.LineComment, fresh.FootComment = list.LineComment, list.FootComment
		*list = *fresh
	}
	if len(added) > 0 {
		block(keyOf(root, "action_updates"), list)
		list.Content = append(list.Content, added...)
	}
	return ids
}

// actionNote is the comment on an action's new update: what the action is,
// so that the secretary knows what each id is, and what to do.
func actionNote(a OpenAction) string {
	var about []string
	if a.Owner != "" {
		about = append(about, a.Owner)
	}
	if !a.Due.IsZero() {
		about = append(about, "due "+words.LongDate(a.Due))
	}
	s := a.ID + ": " + strings.Join(strings.Fields(a.Text), " ")
	if len(about) > 0 {
		s += " (" + strings.Join(about, ", ") + ")"
	}
	return s + "; set status: done, dropped or open, and add a note"
}

// meetingKeys and attendanceKeys are the keys of a record and of its
// attendance in the format's order (the model's, which fmt follows).
var (
	meetingKeys    = yamlKeys(reflect.TypeFor[model.Meeting]())
	attendanceKeys = yamlKeys(reflect.TypeFor[model.Attendance]())
)

func yamlKeys(t reflect.Type) []string {
	var out []string
	for i := range t.NumField() {
		if k, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ","); k != "" && k != "-" {
			out = append(out, k)
		}
	}
	return out
}

// insert adds key: v to mapping m before the first key that follows it in
// order, with comment above the key.
func insert(m *yaml.Node, order []string, key string, v *yaml.Node, note string) {
	k := scalar(key)
	if note != "" {
		k.HeadComment = comment(note)
	}
	rank := slices.Index(order, key)
	at := len(m.Content)
	for i := 0; i+1 < len(m.Content); i += 2 {
		if r := slices.Index(order, m.Content[i].Value); r > rank {
			at = i
			break
		}
	}
	m.Content = slices.Insert(m.Content, at, k, v)
}

// missing reports whether mapping m lacks key, or gives it no value.
func missing(m *yaml.Node, key string) bool {
	v := value(m, key)
	return v == nil || isNull(v)
}

// put sets key, which m lacks or gives no value, to v: the key added
// with note above it, or its empty value replaced, keeping the comments.
func put(m *yaml.Node, key string, v *yaml.Node, note string) {
	old := value(m, key)
	if old == nil {
		insert(m, meetingKeys, key, v, note)
		return
	}
	v.LineComment, v.FootComment = old.LineComment, old.FootComment
	*old = *v
	if note != "" {
		addComment(keyOf(m, key), note, false)
	}
}

// addComment adds note above key k (first or last among the comments
// there), unless it is there already.
func addComment(k *yaml.Node, note string, first bool) {
	c := comment(note)
	switch {
	case k == nil || strings.Contains(k.HeadComment, c):
	case k.HeadComment == "":
		k.HeadComment = c
	case first:
		k.HeadComment = c + "\n" + k.HeadComment
	default:
		k.HeadComment += "\n" + c
	}
}

// comment is note as comment lines: each line of note that starts with a
// space as it is, the others wrapped at about 72 characters (78 where indented).
func comment(note string) string {
	var lines []string
	for _, para := range strings.Split(note, "\n") {
		if strings.HasPrefix(para, " ") {
			lines = append(lines, "#"+para)
			continue
		}
		line := "#"
		for _, w := range strings.Fields(para) {
			if len(line) > 1 && len(line)+1+len(w) > 72 {
				lines = append(lines, line)
				line = "#"
			}
			line += " " + w
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

func keyOf(m *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i]
		}
	}
	return nil
}

func value(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}

func scalarValue(m *yaml.Node, key string) string {
	if v := value(m, key); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

// setScalar sets key to the plain scalar s, keeping the comments of the
// value it replaces.
func setScalar(m *yaml.Node, key, s string) {
	v := value(m, key)
	if v == nil {
		insert(m, meetingKeys, key, scalar(s), "")
		return
	}
	n := scalar(s)
	n.HeadComment, n.LineComment, n.FootComment = v.HeadComment, v.LineComment, v.FootComment
	*v = *n
}

// block makes v, the value of key k, a block mapping or list, so that
// what is added to it can carry comments. The comment at the end of a flow
// collection's line moves to the end of its key's ("attendance: # comment"),
// where it reads back the same.
func block(k, v *yaml.Node) {
	if v.Style&yaml.FlowStyle == 0 {
		return
	}
	v.Style &^= yaml.FlowStyle
	if v.LineComment != "" && k != nil && k.LineComment == "" {
		k.LineComment, v.LineComment = v.LineComment, ""
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && (n.Tag == "!!null" || n.Value == "" && n.Style == 0)
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

// str is the string s, quoted where it would otherwise read as something
// else (an id such as no or 1).
func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func flow() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle} }

func seq(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range items {
		n.Content = append(n.Content, str(s))
	}
	return n
}
