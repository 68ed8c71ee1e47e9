// Package schema generates a JSON Schema (draft 2020-12) for each kind of
// file in a governance repository, for editors and other tools.
//
// The schemas are derived by reflection from the model structs and the same
// struct tags that the loader (package load) reads: yaml names, govctl
// required, enum, key and value options, and doc descriptions. Nothing here
// is a second copy of the format; a field added to the model appears in the
// schema. The special types (package layout's Scalar: model.Date,
// Period, Clock, Ref, Range, Fraction, Venue, and ids) are written as shared
// definitions, from the patterns and words of that registry.
//
// A schema checks one file's structure, as the loader does before any rule
// runs. What ties files together (a network id equal to its folder, a member
// id that members.yaml defines, a rule id that exists) is left to govctl
// validate, with the one exception of rule ids under govctl.yaml rules.
package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/rules"
)

// Draft is the JSON Schema dialect of every schema.
const Draft = "https://json-schema.org/draft/2020-12/schema"

// IDBase is the base of each schema's $id; the file name is appended. It
// names the schema and is not fetched.
const IDBase = "https://github.com/govctl/govctl/schemas/"

// Kind is one kind of file in a repository (a layout.Kind), with the name
// of its schema.
type Kind struct {
	// Name is the key in the combined output: "meeting".
	Name string
	// File is the schema's file name: "meeting.schema.json".
	File string
	// Path is where files of this kind are, in the format reference's
	// words: "<network-id>/meetings/<YYYY-MM-DD>.yaml".
	Path string
	// Glob matches files of this kind, relative to the repository folder.
	Glob string
	// Description says what the file holds.
	Description string
	// Type is the model struct the loader fills from the file.
	Type reflect.Type
}

// ID is the schema's $id.
func (k Kind) ID() string { return IDBase + k.File }

func kindOf(k layout.Kind) Kind {
	return Kind{Name: k.Name(), File: k.Name() + ".schema.json", Path: k.Path(), Glob: k.Glob(),
		Description: k.Description(), Type: k.Type()}
}

// Kinds lists every kind of file, in the order of the format reference.
func Kinds() []Kind {
	var out []Kind
	for _, k := range layout.Kinds() {
		out = append(out, kindOf(k))
	}
	return out
}

// KindOf returns the kind of the file at rel, a slash-separated path from the
// repository folder, as the loader would read it.
func KindOf(rel string) (Kind, bool) {
	k, ok := layout.Of(rel)
	if !ok {
		return Kind{}, false
	}
	return kindOf(k), true
}

var typeLoc = reflect.TypeFor[model.Loc]()

// keyNames gives the only keys allowed under a mapping of keyed structs,
// where they are known: the rule ids of govctl.yaml rules.
var keyNames = map[reflect.Type]func() []string{
	reflect.TypeFor[model.RuleSetting](): rules.IDs,
}

// patNonZero matches a period with some part not zero: a positive one.
const patNonZero = `[1-9]`

// scalarTypes are the YAML scalars the loader reads as text: a number or
// true/false where text is expected is its text.
var scalarTypes = []any{"string", "number", "boolean"}

// field is one struct field as the loader sees it (load.typeCache.info).
type field struct {
	name     string // the key in the file; "" when not read from a key
	required bool
	unless   []string // with required: the keys that make it optional
	isID     bool
	key      bool // receives the key of a mapping of keyed structs
	value    bool // receives the scalar value under that key
	enum     []string
	doc      string
	// min and max bound a number ("" none); days marks a period of whole
	// days. The bounds of a period the loader checks alone (a schema cannot
	// compare periods): the field's doc gives them.
	min, max string
	days     bool
	format   string // layout.TextPattern
}

func fieldOf(f reflect.StructField) field {
	tag := model.TagOf(f)
	fl := field{name: tag.Name, required: tag.Required, unless: tag.Unless, isID: tag.IsID, key: tag.Key, value: tag.Value, enum: tag.Enum, doc: tag.Doc,
		min: tag.Min, max: tag.Max, days: tag.WholeDays, format: tag.Format}
	// The loader checks enums and ids on string fields only.
	if f.Type.Kind() != reflect.String {
		fl.isID = false
		if !fl.value {
			fl.enum = nil
		}
	}
	return fl
}

// Fields lists the fields of struct t that are read from keys, as the
// loader sees them, by key name. Embedded Loc and untagged fields are left
// out. It is exported for tests that check the schema against the model.
func Fields(t reflect.Type) []string {
	var names []string
	for i := range t.NumField() {
		if fl := fieldOf(t.Field(i)); fl.name != "" {
			names = append(names, fl.name)
		}
	}
	return names
}

// obj is one JSON object of a schema.
type obj = map[string]any

// gen builds one schema, collecting the $defs it refers to.
type gen struct {
	defs obj
}

func (g *gen) ref(name string, build func() obj) obj {
	if _, ok := g.defs[name]; !ok {
		g.defs[name] = nil // placeholder against recursion
		g.defs[name] = build()
	}
	return obj{"$ref": "#/$defs/" + name}
}

// For returns the schema of one kind of file.
func For(k Kind) obj {
	g := &gen{defs: obj{}}
	s := g.object(k.Type)
	if _, ok := s["required"]; !ok {
		// An empty file is an empty mapping; it is valid when nothing is required.
		s["type"] = []any{"object", "null"}
	}
	s["$schema"] = Draft
	s["$id"] = k.ID()
	s["description"] = k.Path + ": " + k.Description
	if len(g.defs) > 0 {
		s["$defs"] = g.defs
	}
	return s
}

// object is the schema of a struct read from a mapping.
func (g *gen) object(t reflect.Type) obj {
	props := obj{}
	required := []any{}
	var conditional []any
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Anonymous && f.Type == typeLoc {
			continue
		}
		fl := fieldOf(f)
		if fl.name == "" {
			continue
		}
		s := g.value(f.Type, fl)
		if fl.days {
			s["not"] = obj{"pattern": "T[0-9]"}
			s["$comment"] = "whole days, weeks, months or years: no hours or minutes"
		}
		if bounded := f.Type; bounded.Kind() == reflect.Int || bounded.Kind() == reflect.Pointer && bounded.Elem().Kind() == reflect.Int {
			for key, text := range map[string]string{"minimum": fl.min, "maximum": fl.max} {
				if n, err := strconv.Atoi(text); err == nil {
					s[key] = n
				}
			}
		}
		if fl.required && len(fl.unless) > 0 {
			// Required unless the mapping gives another key (a private
			// decision's text): optional here, required in the else of an
			// if on that key.
			props[fl.name] = nullable(s, fl.doc)
			given := withDoc(requiredValue(g.value(f.Type, fl), f.Type.Kind(), fl), fl.doc)
			conditional = append(conditional, obj{
				"if":   givesAny(fl.unless),
				"else": obj{"required": []any{fl.name}, "properties": obj{fl.name: given}},
			})
		} else if fl.required {
			required = append(required, fl.name)
			props[fl.name] = withDoc(requiredValue(s, f.Type.Kind(), fl), fl.doc)
		} else {
			// A key with no value (null) is as good as absent.
			props[fl.name] = nullable(s, fl.doc)
		}
	}
	s := obj{
		"type":                 "object",
		"properties":           props,
		"additionalProperties": false,
	}
	if len(required) > 0 {
		s["required"] = required
	}
	if len(conditional) > 0 {
		s["allOf"] = conditional
	}
	return s
}

// requiredValue adds to s, the schema of a required field's value, what
// makes an empty value missing.
func requiredValue(s obj, kind reflect.Kind, fl field) obj {
	switch kind {
	case reflect.String:
		if len(fl.enum) == 0 && !fl.isID {
			s["minLength"] = 1 // "" is missing (an enum or id pattern excludes it already)
		}
	case reflect.Int:
		s["minimum"] = 1
	case reflect.Bool:
		s["const"] = true
	}
	return s
}

// value is the schema of a value of type t read for field fl. A null value
// is not included; the caller adds it where the loader accepts one. The
// shared definitions of the special types say what they are in $comment,
// not description, so that editors show the field's own description.
func (g *gen) value(t reflect.Type, fl field) obj {
	for t.Kind() == reflect.Pointer {
		t = t.Elem() // pointers are optional, which the struct's required says
	}
	switch sc := layout.ScalarOf(t); sc {
	case layout.Date, layout.Period, layout.Clock, layout.Fraction:
		return g.ref(sc.Name(), func() obj {
			s := obj{
				"$comment": sc.What(),
				"type":     "string",
				"pattern":  sc.Pattern(),
				// Read by editors (VS Code's JSON and YAML language
				// services) in place of the bare pattern.
				"patternErrorMessage": sc.PatternError(),
			}
			if f := sc.Format(); f != "" {
				s["format"] = f
			}
			if sc == layout.Period {
				s["allOf"] = []any{obj{
					"pattern":             patNonZero,
					"patternErrorMessage": "not a positive period",
				}}
			}
			return s
		})
	case layout.Ref:
		return g.ref(sc.Name(), func() obj {
			return obj{
				"$comment": sc.What(),
				"type":     scalarTypes,
			}
		})
	case layout.Range:
		return g.ref(sc.Name(), func() obj {
			return obj{
				"$comment": sc.What(),
				"oneOf": []any{
					count(),
					obj{
						"title": mappingTitle(sc),
						"type":  "object",
						"properties": obj{
							"min": nullable(count(), "at least this many (default 0)"),
							"max": nullable(count(), "at most this many (default: no limit)"),
						},
						"additionalProperties": false,
					},
				},
			}
		})
	case layout.Venue:
		return g.ref(sc.Name(), func() obj {
			return obj{
				"$comment": sc.What(),
				"oneOf":    []any{obj{"type": scalarTypes}, withTitle(g.object(t), mappingTitle(sc))},
			}
		})
	}
	switch t.Kind() {
	case reflect.String:
		switch {
		case len(fl.enum) > 0:
			return obj{"type": "string", "enum": strs(fl.enum)}
		case fl.isID:
			return g.ref(layout.ID.Name(), func() obj {
				return obj{
					"$comment":            layout.ID.What(),
					"type":                scalarTypes,
					"pattern":             layout.ID.Pattern(),
					"patternErrorMessage": layout.ID.PatternError(),
					"minimum":             0, // a number is its text, which cannot start with "-"
				}
			})
		}
		if fl.format != "" {
			return obj{"type": "string", "pattern": layout.TextPattern(fl.format)}
		}
		return obj{"type": scalarTypes}
	case reflect.Int:
		return count()
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Slice:
		et := t.Elem()
		if et.Kind() == reflect.Struct && keyOf(et) >= 0 {
			return g.keyed(et)
		}
		// An empty item is an error, so items are never null.
		return obj{"type": "array", "items": g.value(et, field{})}
	case reflect.Struct:
		return g.ref(t.Name(), func() obj { return g.object(t) })
	}
	panic(fmt.Sprintf("schema: no schema for %s", t))
}

// keyed is the schema of a mapping whose keys name structs of type et
// (offices, meetings, rules, substitutes).
func (g *gen) keyed(et reflect.Type) obj {
	s := obj{"type": "object"}
	// The title says what the keys and values are: "Rule: Severity",
	// "Name: Office".
	key, value := et.Field(keyOf(et)).Name, et.Name()
	if vi := valueOf(et); vi >= 0 {
		value = et.Field(vi).Name
	}
	s["title"] = key + ": " + value
	if vi := valueOf(et); vi >= 0 {
		// key: value; a key with no value is an error.
		vf := et.Field(vi)
		s["additionalProperties"] = g.value(vf.Type, fieldOf(vf))
	} else {
		// key: mapping; a key with no value is an entry with nothing set.
		s["additionalProperties"] = nullable(g.value(et, field{}), "")
	}
	if names, ok := keyNames[et]; ok {
		s["propertyNames"] = obj{"enum": strs(names())}
	} else if fieldOf(et.Field(keyOf(et))).isID {
		// Keys that are ids (kinds of meeting).
		s["propertyNames"] = obj{"pattern": layout.ID.Pattern(), "patternErrorMessage": layout.ID.PatternError()}
	}
	return s
}

func keyOf(t reflect.Type) int {
	for i := range t.NumField() {
		if fieldOf(t.Field(i)).key {
			return i
		}
	}
	return -1
}

func valueOf(t reflect.Type) int {
	for i := range t.NumField() {
		if fieldOf(t.Field(i)).value {
			return i
		}
	}
	return -1
}

// mappingTitle names the keys of a special type's mapping form: "{min, max}".
func mappingTitle(sc layout.Scalar) string {
	return "{" + strings.Join(sc.Keys(), ", ") + "}"
}

// count is a whole number as the loader reads one: 0 up, 32 bits.
func count() obj {
	return obj{"type": "integer", "minimum": 0, "maximum": math.MaxInt32}
}

// nullable is s or null (a key with no value), described by doc.
func nullable(s obj, doc string) obj {
	return withDoc(obj{"anyOf": []any{s, obj{"type": "null"}}}, doc)
}

func withTitle(s obj, title string) obj {
	s["title"] = title
	return s
}

func withDoc(s obj, doc string) obj {
	if doc != "" {
		s["description"] = doc
	}
	return s
}

func strs(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

// Marshal writes v as pretty JSON: keys sorted, two-space indent, a final
// newline, and <, > and & as themselves.
func Marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// JSON returns the schema of one kind of file as a JSON document.
func JSON(k Kind) ([]byte, error) { return Marshal(For(k)) }

// All returns every schema in one JSON object, keyed by kind name.
func All() ([]byte, error) {
	all := obj{}
	for _, k := range Kinds() {
		all[k.Name] = For(k)
	}
	return Marshal(all)
}

// givesAny is a schema that holds where the mapping gives one of keys.
func givesAny(keys []string) obj {
	if len(keys) == 1 {
		return obj{"required": []any{keys[0]}}
	}
	var alts []any
	for _, k := range keys {
		alts = append(alts, obj{"required": []any{k}})
	}
	return obj{"anyOf": alts}
}
