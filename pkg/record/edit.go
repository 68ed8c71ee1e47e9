package record

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Doc is one YAML file opened for editing as a node tree, so that what a
// person wrote (comments, keys govctl does not know, the quoting of values)
// is kept through the edit. The bytes it gives are not yet in fmt's
// canonical layout (new keys are added last): the command that writes them
// puts them through package yamlfmt.
type Doc struct {
	doc  yaml.Node
	root *yaml.Node
}

// Open parses data for editing. Empty data, or data with only comments, is
// an empty mapping (a file to be created).
func Open(data []byte) (*Doc, error) {
	d := &Doc{}
	data = plain(data)
	if err := yaml.Unmarshal(data, &d.doc); err != nil {
		return nil, fmt.Errorf("the file is not valid YAML: %w", err)
	}
	if len(d.doc.Content) == 0 {
		// The parser drops the comments of a file with nothing else.
		var comments []string
		for _, l := range strings.Split(string(data), "\n") {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "#") {
				comments = append(comments, l)
			}
		}
		d.doc = yaml.Node{Kind: yaml.DocumentNode, HeadComment: strings.Join(comments, "\n")}
		d.doc.Content = []*yaml.Node{{Kind: yaml.MappingNode}}
	}
	if d.doc.Content[0].Kind != yaml.MappingNode {
		return nil, errors.New("the file is not a mapping of keys to values")
	}
	d.root = d.doc.Content[0]
	return d, nil
}

// plain is data without a byte-order mark and with LF line ends, the same
// YAML, which the YAML parser reads more faithfully (given CR LF line ends it
// can give a comment to the wrong node). The command that writes the edit
// writes it back as data was written (workspace.Canonical).
func plain(data []byte) []byte {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	return bytes.ReplaceAll(data, []byte("\r\n"), []byte("\n"))
}

// Bytes is the edited file, with LF line ends.
func (d *Doc) Bytes() ([]byte, error) {
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&d.doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// Root is the file's top-level mapping.
func (d *Doc) Root() *yaml.Node { return d.root }

// Value is the value of key in mapping m, or nil.
func Value(m *yaml.Node, key string) *yaml.Node { return value(m, key) }

// set sets key of mapping m to v, keeping the comment at the end of the old
// value's line, or adds key at the end (the commands write the result in
// fmt's layout, which puts it in its place).
func set(m *yaml.Node, key string, v *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			v.LineComment = m.Content[i+1].LineComment
			m.Content[i+1] = v
			return
		}
	}
	m.Content = append(m.Content, scalar(key), v)
}

// SetText sets key of mapping m to the text s, quoted where YAML would
// otherwise read it as something other than text (yes, 12, 2026-12-08).
// A comment at the end of the old value's line is kept.
func SetText(m *yaml.Node, key, s string) { set(m, key, text(s)) }

// SetPlain sets key of mapping m to a value written as it is: a date, an
// id, a status.
func SetPlain(m *yaml.Node, key, s string) { set(m, key, scalar(s)) }

// Append adds v to the list under key in mapping m, making the list (in
// flow style, [a, b], when flow is set) when m has none. It refuses a key
// whose value is not a list.
func Append(m *yaml.Node, key string, v *yaml.Node, flow bool) error {
	list := Value(m, key)
	switch {
	case list == nil || (list.Kind == yaml.ScalarNode && list.Tag == "!!null"):
		n := &yaml.Node{Kind: yaml.SequenceNode}
		if flow {
			n.Style = yaml.FlowStyle
		}
		set(m, key, n)
		list = n
	case list.Kind != yaml.SequenceNode:
		return fmt.Errorf("%s is not a list (line %d)", key, list.Line)
	}
	if v.Kind == yaml.MappingNode {
		list.Style &^= yaml.FlowStyle // a list of mappings is written as a block
	}
	list.Content = append(list.Content, v)
	return nil
}

// Mapping is a new block mapping of the keys and values given in pairs;
// a pair with an empty value is left out. Values are plain, except those
// of the keys named in texts, which are text (see SetText).
func Mapping(texts []string, pairs ...string) *yaml.Node {
	m := &yaml.Node{Kind: yaml.MappingNode}
	for i := 0; i+1 < len(pairs); i += 2 {
		k, v := pairs[i], pairs[i+1]
		if v == "" {
			continue
		}
		val := scalar(v)
		for _, t := range texts {
			if t == k {
				val = text(v)
			}
		}
		m.Content = append(m.Content, scalar(k), val)
	}
	return m
}

// text is a scalar holding s as text: tagged !!str so that the encoder
// quotes it where a plain scalar would read as a number, date or boolean.
func text(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
}

// Meeting record edits. Each takes a record's bytes and returns the edited
// record; the command checks first that the meeting may be changed so (its
// status, its dates) and says why not.

// Cancel marks the meeting cancelled, for reason.
func Cancel(data []byte, reason string) ([]byte, error) {
	d, err := Open(data)
	if err != nil {
		return nil, err
	}
	SetPlain(d.root, "status", "cancelled")
	SetText(d.root, "cancelled_reason", reason)
	return d.Bytes()
}

// Move sets the meeting's date to newDate and adds its date until now,
// oldDate, at the end of moved_from (so that moved_from lists the dates it
// was planned for, earliest first).
func Move(data []byte, oldDate, newDate string) ([]byte, error) {
	d, err := Open(data)
	if err != nil {
		return nil, err
	}
	SetPlain(d.root, "date", newDate)
	if err := Append(d.root, "moved_from", scalar(oldDate), true); err != nil {
		return nil, err
	}
	return d.Bytes()
}

// PapersSent records the day the agenda and papers went out.
func PapersSent(data []byte, on string) ([]byte, error) {
	d, err := Open(data)
	if err != nil {
		return nil, err
	}
	SetPlain(d.root, "papers_sent", on)
	return d.Bytes()
}
