package private

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
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

// Problem is what is wrong with a companion document, at a line of it
// (Line 0: the document as a whole). Parse and Check give their errors as
// *Problem.
type Problem struct {
	Line int
	Msg  string
}

func (p *Problem) Error() string {
	if p.Line > 0 {
		return fmt.Sprintf("line %d: %s", p.Line, p.Msg)
	}
	return p.Msg
}

func problem(line int, format string, args ...any) *Problem {
	return &Problem{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// yamlLine finds the line in an error of the YAML parser ("yaml: line 3:
// did not find expected key").
var yamlLine = regexp.MustCompile(`^yaml: line (\d{1,9}): (.*)`)

// Parse reads a companion document. Errors are a *Problem naming the line
// and what was expected.
func Parse(data []byte) (*Doc, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return &Doc{}, nil
		}
		first, _, _ := strings.Cut(err.Error(), "\n")
		if m := yamlLine.FindStringSubmatch(first); m != nil {
			n, _ := strconv.Atoi(m[1])
			return nil, problem(n, "not valid YAML: %s", m[2])
		}
		return nil, problem(0, "not valid YAML: %s", strings.TrimPrefix(first, "yaml: "))
	}
	var more yaml.Node
	if err := dec.Decode(&more); err == nil {
		return nil, problem(more.Line, "a second document (after ---): expected one, with agenda, decisions and actions")
	} else if !errors.Is(err, io.EOF) {
		return nil, problem(0, "not valid YAML after the first document: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(root.Content) == 0 {
		return &Doc{}, nil
	}
	top := root.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return &Doc{}, nil
	}
	if top.Kind != yaml.MappingNode {
		return nil, problem(top.Line, "expected a mapping with agenda, decisions and actions")
	}
	d := &Doc{}
	seen := map[string]bool{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if seen[k.Value] {
			return nil, problem(k.Line, "%s is given twice: put all its entries in one list", k.Value)
		}
		seen[k.Value] = true
		var err error
		switch k.Value {
		case "agenda":
			err = list(v, "title", []string{"title", "minutes", "paper"}, func(n *yaml.Node) {
				it := Item{Line: n.Line}
				for j := 0; j+1 < len(n.Content); j += 2 {
					switch val := text(n.Content[j+1]); n.Content[j].Value {
					case "title":
						it.Title = strings.TrimSpace(val)
					case "minutes":
						it.Minutes = val
					case "paper":
						it.Paper = val
					}
				}
				d.Agenda = append(d.Agenda, it)
			})
		case "decisions", "actions":
			err = list(v, "id", []string{"id", "text"}, func(n *yaml.Node) {
				e := Entry{Line: n.Line}
				for j := 0; j+1 < len(n.Content); j += 2 {
					switch val := text(n.Content[j+1]); n.Content[j].Value {
					case "id":
						e.ID = strings.TrimSpace(val)
					case "text":
						e.Text = val
					}
				}
				if k.Value == "decisions" {
					d.Decisions = append(d.Decisions, e)
				} else {
					d.Actions = append(d.Actions, e)
				}
			})
		default:
			err = problem(k.Line, "unknown field %q: expected agenda, decisions or actions", k.Value)
		}
		if err != nil {
			return nil, err
		}
	}
	return d, nil
}

// text is a scalar's text: "" for null (~, null or nothing).
func text(n *yaml.Node) string {
	if n.Tag == "!!null" {
		return ""
	}
	return n.Value
}

// list reads a sequence of mappings, each with the key named (not empty)
// and only the keys allowed, each once and each text.
func list(v *yaml.Node, key string, allowed []string, each func(*yaml.Node)) error {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		return problem(v.Line, "expected a list (each entry starting with -)")
	}
	what := map[string]string{"title": "agenda item's title", "id": "decision's or action's id"}[key]
	for _, n := range v.Content {
		if n.Kind != yaml.MappingNode {
			return problem(n.Line, "expected a mapping with %s", strings.Join(allowed, ", "))
		}
		has := map[string]bool{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, val := n.Content[i], n.Content[i+1]
			switch {
			case !slices.Contains(allowed, k.Value):
				return problem(k.Line, "unknown field %q: expected %s", k.Value, strings.Join(allowed, ", "))
			case has[k.Value]:
				return problem(k.Line, "%s is given twice", k.Value)
			case val.Kind != yaml.ScalarNode:
				return problem(val.Line, "%s must be text", k.Value)
			}
			has[k.Value] = true
			if k.Value == key && strings.TrimSpace(text(val)) == "" {
				return problem(k.Line, "%s is empty: each entry names the public %s it belongs to", key, what)
			}
		}
		if !has[key] {
			return problem(n.Line, "no %s: each entry names the public %s it belongs to", key, what)
		}
		each(n)
	}
	return nil
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
// action of m's public record, and each given twice: each a *Problem
// ("line N: ...").
func Check(d *Doc, m *model.Meeting) []error {
	var errs []error
	seen := map[string]bool{}
	for _, it := range d.Agenda {
		k := "item " + model.Norm(it.Title)
		switch {
		case seen[k]:
			errs = append(errs, problem(it.Line, "the item %q is given twice", it.Title))
		case findItem(m, it.Title) != nil:
		case slices.ContainsFunc(m.Agenda, func(a model.AgendaItem) bool { return model.NormEqual(a.Title, it.Title) }):
			errs = append(errs, problem(it.Line, "the item %q is not private in the meeting's record: mark it private: REASON there first, or remove it here", it.Title))
		default:
			errs = append(errs, problem(it.Line, "the meeting's record has no item %q: correct the title (it must be the public item's), or add the item to the record as private: REASON", it.Title))
		}
		seen[k] = true
	}
	for _, e := range d.Decisions {
		k := "decision " + e.ID
		switch {
		case seen[k]:
			errs = append(errs, problem(e.Line, "decision %s is given twice", e.ID))
		case findDecision(m, e.ID) != nil:
		case slices.ContainsFunc(m.Decisions, func(x model.Decision) bool { return x.ID == e.ID }):
			errs = append(errs, problem(e.Line, "decision %s is not private in the meeting's record: mark it private: REASON there first, or remove it here", e.ID))
		default:
			errs = append(errs, problem(e.Line, "the meeting's record has no decision %s: correct the id, or add the decision to the record as private: REASON", e.ID))
		}
		seen[k] = true
	}
	for _, e := range d.Actions {
		k := "action " + e.ID
		switch {
		case seen[k]:
			errs = append(errs, problem(e.Line, "action %s is given twice", e.ID))
		case findAction(m, e.ID) != nil:
		case slices.ContainsFunc(m.Actions, func(x model.Action) bool { return x.ID == e.ID }):
			errs = append(errs, problem(e.Line, "action %s is not private in the meeting's record: mark it private: REASON there first, or remove it here", e.ID))
		default:
			errs = append(errs, problem(e.Line, "the meeting's record has no action %s: correct the id, or add the action to the record as private: REASON", e.ID))
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
// What d leaves empty stays as the public record has it (an item's paper
// there is the path of its encrypted paper). m is not changed.
func Apply(m *model.Meeting, d *Doc) *model.Meeting {
	c := *m
	c.Agenda = append([]model.AgendaItem(nil), m.Agenda...)
	c.Decisions = append([]model.Decision(nil), m.Decisions...)
	c.Actions = append([]model.Action(nil), m.Actions...)
	for _, it := range d.Agenda {
		if p := findItem(&c, it.Title); p != nil {
			if it.Minutes != "" {
				p.Minutes = it.Minutes
			}
			if it.Paper != "" {
				p.Paper = it.Paper // else the public record's (a .age file)
			}
		}
	}
	for _, e := range d.Decisions {
		if p := findDecision(&c, e.ID); p != nil && e.Text != "" {
			p.Text = e.Text
		}
	}
	for _, e := range d.Actions {
		if p := findAction(&c, e.ID); p != nil && e.Text != "" {
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

// TemplateText is the text to start editing from when a meeting has no
// companion file: Template(m) with the fields to fill in written empty, and
// a comment saying what goes where.
func TemplateText(m *model.Meeting) ([]byte, error) {
	d := Template(m)
	str := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }
	entry := func(pairs ...string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.MappingNode}
		for i := 0; i+1 < len(pairs); i += 2 {
			n.Content = append(n.Content, str(pairs[i]), str(pairs[i+1]))
		}
		return n
	}
	top := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, list []*yaml.Node) {
		if len(list) > 0 {
			top.Content = append(top.Content, str(key), &yaml.Node{Kind: yaml.SequenceNode, Content: list})
		}
	}
	var items, decisions, actions []*yaml.Node
	for _, it := range d.Agenda {
		items = append(items, entry("title", it.Title, "minutes", ""))
	}
	for _, e := range d.Decisions {
		decisions = append(decisions, entry("id", e.ID, "text", ""))
	}
	for _, e := range d.Actions {
		actions = append(actions, entry("id", e.ID, "text", ""))
	}
	add("agenda", items)
	add("decisions", decisions)
	add("actions", actions)
	doc := &yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{top}, HeadComment: templateComment}
	if len(top.Content) == 0 {
		doc.Content[0] = &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	}
	var buf bytes.Buffer
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), enc.Close()
}

const templateComment = `The private business of the meeting, encrypted when you save and quit:
for each private item its minutes (and paper), for each private decision
and action its text. Titles and ids are those of the public record.
Several lines of text: write "minutes: |" and the text on the lines below,
indented.`
