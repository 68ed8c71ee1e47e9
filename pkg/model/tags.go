package model

import (
	"reflect"
	"strings"
)

// Tag is what a struct field's tags say (see the top of types.go): the one
// reading of them that the loader, the schema generator and the formatter
// share.
type Tag struct {
	// Name is the key in the file; "" when the field is not read from a key.
	Name     string
	Required bool
	// Unless is, for a required field, the keys whose presence in the
	// mapping makes it optional (none when it is always required).
	Unless []string
	// IsID marks an id field (govctl:"id", or a field named id).
	IsID bool
	// Key and Value mark the fields of a struct listed under a mapping that
	// receive the mapping key and a scalar value.
	Key, Value bool
	Enum       []string
	// Min and Max bound a number or a period (govctl:"min=P1D,max=P5Y"),
	// as written in the tag; "" when unbounded. WholeDays marks a period
	// counted in whole days, weeks, months or years (govctl:"days"): no
	// hours or minutes.
	Min, Max  string
	WholeDays bool
	// Format names the form of a text (govctl:"format=weekday-of-month"),
	// which package layout reads; "" for free text.
	Format string
	Doc    string
}

// TagOf reads the tags of struct field f.
func TagOf(f reflect.StructField) Tag {
	var t Tag
	for _, o := range strings.Split(f.Tag.Get("govctl"), ",") {
		switch {
		case o == "required":
			t.Required = true
		case o == "id":
			t.IsID = true
		case o == "key":
			t.Key = true
		case o == "value":
			t.Value = true
		case o == "days":
			t.WholeDays = true
		case strings.HasPrefix(o, "unless="):
			t.Unless = strings.Split(strings.TrimPrefix(o, "unless="), "|")
		case strings.HasPrefix(o, "format="):
			t.Format = strings.TrimPrefix(o, "format=")
		case strings.HasPrefix(o, "min="):
			t.Min = strings.TrimPrefix(o, "min=")
		case strings.HasPrefix(o, "max="):
			t.Max = strings.TrimPrefix(o, "max=")
		case strings.HasPrefix(o, "enum="):
			t.Enum = strings.Split(strings.TrimPrefix(o, "enum="), "|")
		}
	}
	if name := f.Tag.Get("yaml"); name != "" && name != "-" && f.IsExported() {
		t.Name = name
		if name == "id" {
			t.IsID = true
		}
	}
	t.Doc = f.Tag.Get("doc")
	return t
}
