// Package record writes meeting records (meetings/<date>.yaml): new planned
// records, and the fields minutes need, added to a record a person may have
// edited without losing what they wrote (comments included).
package record

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
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

// Minutes is what `minutes new` adds to a record.
type Minutes struct {
	// Expected are the member ids expected on the day.
	Expected []string
	// Agenda are the agenda item titles, for records with none.
	Agenda []string
}

// Fill adds attendance (every expected member under present, ready to move
// to apologies or absent), the agenda when the record has none, and empty
// decisions and actions, and marks the meeting held. Keys the record already
// has are kept as they are unless force is set, in which case attendance is
// replaced.
func Fill(data []byte, m Minutes, force bool) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("the record is not valid YAML: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the record is not a mapping of keys to values")
	}
	root := doc.Content[0]
	if i := find(root, "attendance"); i >= 0 && !force {
		return nil, ErrHasMinutes
	} else if i >= 0 {
		root.Content = append(root.Content[:i], root.Content[i+2:]...)
	}
	set(root, "status", scalar("held"))
	att := &yaml.Node{Kind: yaml.MappingNode}
	present := seq(m.Expected)
	present.Style = 0
	add(att, "present", present, "move members who sent apologies to apologies, and those who neither came nor sent apologies to absent")
	add(att, "apologies", flow(), "")
	add(att, "substitutes", &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}, "substitute member id: the member they stood in for")
	add(att, "absent", flow(), "")
	add(att, "guests", flow(), "")
	add(root, "attendance", att, "")
	if find(root, "agenda") < 0 && len(m.Agenda) > 0 {
		items := &yaml.Node{Kind: yaml.SequenceNode}
		for _, t := range m.Agenda {
			it := &yaml.Node{Kind: yaml.MappingNode}
			add(it, "title", scalar(t), "")
			items.Content = append(items.Content, it)
		}
		add(root, "agenda", items, "")
	}
	for _, k := range []string{"decisions", "actions", "action_updates"} {
		if find(root, k) < 0 {
			add(root, k, flow(), "")
		}
	}
	var out bytes.Buffer
	enc := yaml.NewEncoder(&out)
	enc.SetIndent(2)
	if err := enc.Encode(&doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// ErrHasMinutes means the record already has attendance: it is a held
// meeting's record and is not overwritten without force.
var ErrHasMinutes = fmt.Errorf("the record already has attendance")

func find(m *yaml.Node, key string) int {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return i
		}
	}
	return -1
}

func set(m *yaml.Node, key string, v *yaml.Node) {
	if i := find(m, key); i >= 0 {
		v.LineComment = m.Content[i+1].LineComment
		m.Content[i+1] = v
		return
	}
	add(m, key, v, "")
}

func add(m *yaml.Node, key string, v *yaml.Node, comment string) {
	k := scalar(key)
	if comment != "" {
		k.HeadComment = "# " + comment
	}
	m.Content = append(m.Content, k, v)
}

func scalar(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }

func flow() *yaml.Node { return &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle} }

func seq(items []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode}
	for _, s := range items {
		n.Content = append(n.Content, scalar(s))
	}
	return n
}
