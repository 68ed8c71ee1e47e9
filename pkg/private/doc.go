package private

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/model"
)

// Doc is a companion file in clear: by agenda item title, decision id and
// action id, the fields the public record withholds.
type Doc struct {
	Agenda    []Item  `yaml:"agenda,omitempty"`
	Decisions []Entry `yaml:"decisions,omitempty"`
	Actions   []Entry `yaml:"actions,omitempty"`
}

// Item is a private agenda item's substance.
type Item struct {
	Line    int    `yaml:"-"`
	Title   string `yaml:"title"`
	Minutes string `yaml:"minutes,omitempty"`
	Paper   string `yaml:"paper,omitempty"`
}

// Entry is a private decision's or action's text.
type Entry struct {
	Line int    `yaml:"-"`
	ID   string `yaml:"id"`
	Text string `yaml:"text,omitempty"`
}

// Parse reads a companion document. Errors name the line and what was
// expected.
func Parse(data []byte) (*Doc, error) {
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return &Doc{}, nil
		}
		return nil, fmt.Errorf("not valid YAML: %v", err)
	}
	if len(root.Content) == 0 {
		return &Doc{}, nil
	}
	top := root.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return &Doc{}, nil
	}
	if top.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("line %d: expected a mapping with agenda, decisions and actions", top.Line)
	}
	d := &Doc{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		var err error
		switch k.Value {
		case "agenda":
			err = list(v, "title", []string{"title", "minutes", "paper"}, func(n *yaml.Node) error {
				var it Item
				it.Line = n.Line
				if err := n.Decode(&it); err != nil {
					return err
				}
				d.Agenda = append(d.Agenda, it)
				return nil
			})
		case "decisions", "actions":
			err = list(v, "id", []string{"id", "text"}, func(n *yaml.Node) error {
				var e Entry
				e.Line = n.Line
				if err := n.Decode(&e); err != nil {
					return err
				}
				if k.Value == "decisions" {
					d.Decisions = append(d.Decisions, e)
				} else {
					d.Actions = append(d.Actions, e)
				}
				return nil
			})
		default:
			err = fmt.Errorf("line %d: unknown field %q: expected agenda, decisions or actions", k.Line, k.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}

// list decodes a sequence of mappings, each with the key named and only the
// keys allowed.
func list(v *yaml.Node, key string, allowed []string, each func(*yaml.Node) error) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return fmt.Errorf("line %d: expected a list", v.Line)
	}
	for _, n := range v.Content {
		if n.Kind != yaml.MappingNode {
			return fmt.Errorf("line %d: expected a mapping with %s", n.Line, strings.Join(allowed, ", "))
		}
		has := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			switch {
			case k.Value == key:
				has = true
			case !contains(allowed, k.Value):
				return fmt.Errorf("line %d: unknown field %q: expected %s", k.Line, k.Value, strings.Join(allowed, ", "))
			}
			if val.Kind != yaml.ScalarNode {
				return fmt.Errorf("line %d: %s must be text", val.Line, k.Value)
			}
		}
		if !has {
			return fmt.Errorf("line %d: no %s: each entry names the public %s it belongs to", n.Line, key, map[string]string{"title": "agenda item's title", "id": "decision's or action's id"}[key])
		}
		if err := each(n); err != nil {
			return fmt.Errorf("line %d: %v", n.Line, err)
		}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Marshal writes d as YAML.
func (d *Doc) Marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

// Check reports each entry of d that matches no private item, decision or
// action of m's public record, and each given twice: "line N: ...".
func Check(d *Doc, m *model.Meeting) []error {
	var errs []error
	seen := map[string]bool{}
	for _, it := range d.Agenda {
		k := "item " + model.Norm(it.Title)
		switch pi := findItem(m, it.Title); {
		case seen[k]:
			errs = append(errs, fmt.Errorf("line %d: the item %q is given twice", it.Line, it.Title))
		case pi == nil:
			errs = append(errs, fmt.Errorf("line %d: the meeting's record has no private item %q: mark the item private: REASON in the record, or correct the title", it.Line, it.Title))
		}
		seen[k] = true
	}
	for _, e := range d.Decisions {
		k := "decision " + e.ID
		switch {
		case seen[k]:
			errs = append(errs, fmt.Errorf("line %d: decision %s is given twice", e.Line, e.ID))
		case findDecision(m, e.ID) == nil:
			errs = append(errs, fmt.Errorf("line %d: the meeting's record has no private decision %s: mark it private: REASON in the record, or correct the id", e.Line, e.ID))
		}
		seen[k] = true
	}
	for _, e := range d.Actions {
		k := "action " + e.ID
		switch {
		case seen[k]:
			errs = append(errs, fmt.Errorf("line %d: action %s is given twice", e.Line, e.ID))
		case findAction(m, e.ID) == nil:
			errs = append(errs, fmt.Errorf("line %d: the meeting's record has no private action %s: mark it private: REASON in the record, or correct the id", e.Line, e.ID))
		}
		seen[k] = true
	}
	return errs
}

func findItem(m *model.Meeting, title string) *model.AgendaItem {
	for i := range m.Agenda {
		if m.Agenda[i].IsPrivate() && model.NormEqual(m.Agenda[i].Title, title) {
			return &m.Agenda[i]
		}
	}
	return nil
}

func findDecision(m *model.Meeting, id string) *model.Decision {
	for i := range m.Decisions {
		if m.Decisions[i].IsPrivate() && m.Decisions[i].ID == id {
			return &m.Decisions[i]
		}
	}
	return nil
}

func findAction(m *model.Meeting, id string) *model.Action {
	for i := range m.Actions {
		if m.Actions[i].IsPrivate() && m.Actions[i].ID == id {
			return &m.Actions[i]
		}
	}
	return nil
}

// HasPrivate reports whether m's public record has private business.
func HasPrivate(m *model.Meeting) bool { return m.HasPrivate() }

// Apply returns a copy of m with the private text of d in place, for the
// restricted edition: item minutes and papers, decision and action text.
// m is not changed.
func Apply(m *model.Meeting, d *Doc) *model.Meeting {
	c := *m
	c.Agenda = append([]model.AgendaItem(nil), m.Agenda...)
	c.Decisions = append([]model.Decision(nil), m.Decisions...)
	c.Actions = append([]model.Action(nil), m.Actions...)
	for _, it := range d.Agenda {
		if p := findItem(&c, it.Title); p != nil {
			p.Minutes = it.Minutes
			if it.Paper != "" {
				p.Paper = it.Paper // else the public record's encrypted paper stays
			}
		}
	}
	for _, e := range d.Decisions {
		if p := findDecision(&c, e.ID); p != nil {
			p.Text = e.Text
		}
	}
	for _, e := range d.Actions {
		if p := findAction(&c, e.ID); p != nil {
			p.Text = e.Text
		}
	}
	return &c
}

// Template is the companion document to start from when a meeting has
// none: an entry for each private item, decision and action of its public
// record, to fill in.
func Template(m *model.Meeting) *Doc {
	d := &Doc{}
	for i := range m.Agenda {
		it := &m.Agenda[i]
		if it.IsPrivate() {
			d.Agenda = append(d.Agenda, Item{Title: it.Title})
		}
	}
	for i := range m.Decisions {
		x := &m.Decisions[i]
		if x.IsPrivate() {
			d.Decisions = append(d.Decisions, Entry{ID: x.ID})
		}
	}
	for i := range m.Actions {
		x := &m.Actions[i]
		if x.IsPrivate() {
			d.Actions = append(d.Actions, Entry{ID: x.ID})
		}
	}
	return d
}
