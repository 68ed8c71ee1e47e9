package schema_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/schema"
)

// The schemas are checked with an independent validator
// (github.com/santhosh-tekuri/jsonschema/v6), which also checks each schema
// against the draft 2020-12 meta-schema when compiling it. Most tests assert
// "format" as editors do; draft 2020-12 makes it an annotation only, so
// schemasFor(t, false) checks that the patterns hold without it.

type compiled struct {
	once    sync.Once
	schemas map[string]*jsonschema.Schema
	err     error
}

var withFormat, withoutFormat compiled

// schemasFor compiles the generated JSON of every kind, by kind name, once.
func schemasFor(t *testing.T, assertFormat bool) map[string]*jsonschema.Schema {
	t.Helper()
	c := &withoutFormat
	if assertFormat {
		c = &withFormat
	}
	c.once.Do(func() { c.schemas, c.err = compileAll(assertFormat) })
	if c.err != nil {
		t.Fatal(c.err)
	}
	return c.schemas
}

func compileAll(assertFormat bool) (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if assertFormat {
		c.AssertFormat()
	}
	for _, k := range schema.Kinds() {
		b, err := schema.JSON(k)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		if err := c.AddResource(k.ID(), doc); err != nil {
			return nil, err
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, k := range schema.Kinds() {
		s, err := c.Compile(k.ID())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k.File, err)
		}
		out[k.Name] = s
	}
	return out, nil
}

// doc is a YAML file converted to the JSON value a schema validates, with
// the lines its values and keys were written on.
type doc struct {
	value any
	// lines maps an instance location (tokens joined by "\x00") to the line
	// of its value; keyLines to the line of the key it stands under.
	lines, keyLines map[string]int
}

func ptr(loc []string) string { return strings.Join(loc, "\x00") }

// yamlToJSON converts one YAML document as JSON sees it: mappings become
// objects keyed by the keys' text, and each scalar becomes the JSON value of
// its resolved tag, except that a timestamp stays the string it was written
// as (the loader reads dates as text). An empty file is null.
func yamlToJSON(data []byte) (*doc, error) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var root yaml.Node
	d := &doc{lines: map[string]int{"": 1}, keyLines: map[string]int{}}
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return d, nil
		}
		return nil, err
	}
	if len(root.Content) == 0 {
		return d, nil
	}
	v, err := d.convert(root.Content[0], nil, 0)
	if err != nil {
		return nil, err
	}
	d.value = v
	return d, nil
}

func (d *doc) convert(n *yaml.Node, loc []string, depth int) (any, error) {
	if depth > 100 {
		return nil, errors.New("nested too deeply")
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	d.lines[ptr(loc)] = n.Line
	switch n.Kind {
	case yaml.MappingNode:
		m := map[string]any{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			for k.Kind == yaml.AliasNode {
				k = k.Alias
			}
			if k.Kind != yaml.ScalarNode {
				return nil, fmt.Errorf("line %d: a key that is not a scalar", k.Line)
			}
			if _, dup := m[k.Value]; dup {
				return nil, fmt.Errorf("line %d: duplicate key %q", k.Line, k.Value)
			}
			sub := append(loc[:len(loc):len(loc)], k.Value)
			d.keyLines[ptr(sub)] = k.Line
			v, err := d.convert(n.Content[i+1], sub, depth+1)
			if err != nil {
				return nil, err
			}
			m[k.Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		a := []any{}
		for i, c := range n.Content {
			v, err := d.convert(c, append(loc[:len(loc):len(loc)], fmt.Sprint(i)), depth+1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		return a, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool", "!!int", "!!float":
			var v any
			if err := n.Decode(&v); err != nil {
				return nil, err
			}
			return v, nil
		}
		return n.Value, nil // !!str, !!timestamp, !!binary and any other tag
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}

// validate checks data against the schema of kind, returning nil or the
// validator's error.
func validate(t *testing.T, kind string, data []byte) (*doc, error) {
	t.Helper()
	return validateFor(t, true, kind, data)
}

func validateFor(t *testing.T, assertFormat bool, kind string, data []byte) (*doc, error) {
	t.Helper()
	d, err := yamlToJSON(data)
	if err != nil {
		t.Fatalf("converting YAML: %v", err)
	}
	s, ok := schemasFor(t, assertFormat)[kind]
	if !ok {
		t.Fatalf("no schema %q", kind)
	}
	return d, s.Validate(d.value)
}

// errorLines lists, for each problem a validation error reports, the lines
// it points at: the key of an unknown or misnamed property, the mapping that
// lacks a required one, and otherwise the value and the key it stands under.
func errorLines(err error, d *doc) [][]int {
	var ve *jsonschema.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	var out [][]int
	add := func(lines ...int) {
		var ls []int
		for _, l := range lines {
			if l > 0 && !slices.Contains(ls, l) {
				ls = append(ls, l)
			}
		}
		sort.Ints(ls)
		out = append(out, ls)
	}
	var walk func(e *jsonschema.ValidationError)
	walk = func(e *jsonschema.ValidationError) {
		loc := e.InstanceLocation
		switch k := e.ErrorKind.(type) {
		case *kind.AdditionalProperties:
			for _, p := range k.Properties {
				add(d.keyLines[ptr(append(loc[:len(loc):len(loc)], p))])
			}
			return
		case *kind.PropertyNames:
			// The validator (v6.0.3) leaves this error's location in a
			// slice it goes on reusing (santhosh-tekuri/jsonschema#258,
			// #269), so find the key by its name.
			var lines []int
			for p, l := range d.keyLines {
				if strings.HasSuffix("\x00"+p, "\x00"+k.Property) {
					lines = append(lines, l)
				}
			}
			add(lines...)
			return
		case *kind.Type:
			if len(k.Want) == 1 && k.Want[0] == "null" {
				// The other side of an optional value's anyOf, which
				// says what is wrong with the value itself.
				return
			}
		}
		if len(e.Causes) > 0 {
			for _, c := range e.Causes {
				walk(c)
			}
			return
		}
		if _, ok := e.ErrorKind.(*kind.Required); ok {
			add(d.lines[ptr(loc)])
			return
		}
		add(d.lines[ptr(loc)], d.keyLines[ptr(loc)])
	}
	walk(ve)
	return out
}
