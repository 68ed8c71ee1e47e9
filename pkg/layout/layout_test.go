package layout_test

import (
	"path"
	"reflect"
	"regexp"
	"slices"
	"testing"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
)

func TestOf(t *testing.T) {
	tests := map[string]layout.Kind{
		"govctl.yaml":                        layout.Settings,
		"organisations.yaml":                 layout.Organisations,
		"./organisations.yaml":               layout.Organisations,
		"sts-omg/network.yaml":               layout.Network,
		"sts-omg/members.yaml":               layout.Members,
		"sts-omg/work-programme.yaml":        layout.WorkProgramme,
		"sts-omg/meetings/2026-11-17.yaml":   layout.Meeting,
		"sts-omg/meetings/2026-11-17-2.yaml": layout.Meeting,
		"sts-omg/meetings/notes.yaml":        -1,
		"sts-omg/meetings/2026-11-17-1.yaml": -1,
		"sts-omg/notes.yaml":                 -1,
		"sts-omg/terms/2026-01-01.yaml":      layout.Terms,
		"sts-omg/terms/2026-01-01-2.yaml":    -1,
		"sts-omg/terms/old.yaml":             -1,
		"sts-omg/govctl.yaml":                -1,
		"network.yaml":                       -1,
		"meetings/2026-11-17.yaml":           -1,
		"a/b/network.yaml":                   -1,
		"a/b/meetings/2026-11-17.yaml":       -1,
		"":                                   -1,
	}
	for rel, want := range tests {
		k, ok := layout.Of(rel)
		if ok != (want >= 0) || (ok && k != want) {
			t.Errorf("Of(%q) = %v, %v; want %v", rel, k, ok, want)
		}
		if ok {
			// The glob for editors matches what the loader reads.
			if m, _ := path.Match(k.Glob(), path.Clean(rel)); !m {
				t.Errorf("%s: glob %q does not match %q", k.Name(), k.Glob(), rel)
			}
		}
	}
}

func TestKinds(t *testing.T) {
	var names []string
	types := map[reflect.Type]bool{}
	for _, k := range layout.Kinds() {
		names = append(names, k.Name())
		// An earlier version of the terms is a whole network.yaml.
		if k.Type() == nil || k.Type().Kind() != reflect.Struct || (types[k.Type()] && k != layout.Terms) {
			t.Errorf("%s: type %v is not a struct of its own", k.Name(), k.Type())
		}
		types[k.Type()] = true
		if k.Place() != layout.InMeetings && k.Place() != layout.InTerms {
			// The one file of its kind is found by its name, and its path
			// in words ends with that name.
			if got, ok := layout.Named(k.Place(), k.FileName()); !ok || got != k {
				t.Errorf("Named(%v, %q) = %v, %v; want %s", k.Place(), k.FileName(), got, ok, k.Name())
			}
			if path.Base(k.Path()) != k.FileName() {
				t.Errorf("%s: path %q does not end with %q", k.Name(), k.Path(), k.FileName())
			}
		}
	}
	want := []string{"govctl", "organisations", "network", "members", "work-programme", "meeting", "terms"}
	if !slices.Equal(names, want) {
		t.Errorf("kinds %v, want %v", names, want)
	}
}

func TestScalars(t *testing.T) {
	for _, s := range layout.Scalars() {
		if s.Name() == "" || s.What() == "" {
			t.Errorf("scalar %d has no name or no words", s)
		}
		if s == layout.ID {
			if layout.ScalarOf(s.Type()) != layout.NotScalar {
				t.Errorf("ScalarOf(%v) = %v; an id is a tagged string", s.Type(), layout.ScalarOf(s.Type()))
			}
			continue
		}
		if got := layout.ScalarOf(s.Type()); got != s {
			t.Errorf("ScalarOf(%v) = %v, want %v", s.Type(), got, s)
		}
		if s.Type().Name() != s.Name() {
			t.Errorf("scalar %s is named for type %s", s.Name(), s.Type())
		}
	}
	for _, typ := range []reflect.Type{reflect.TypeFor[model.Meeting](), reflect.TypeFor[string](), reflect.TypeFor[*model.Date](), reflect.TypeFor[[]model.Ref]()} {
		if got := layout.ScalarOf(typ); got != layout.NotScalar {
			t.Errorf("ScalarOf(%v) = %v, want NotScalar", typ, got)
		}
	}
	// A Venue written as a mapping is its struct: its keys are the
	// struct's, in order.
	var keys []string
	vt := layout.Venue.Type()
	for i := range vt.NumField() {
		if name := model.TagOf(vt.Field(i)).Name; name != "" {
			keys = append(keys, name)
		}
	}
	if !slices.Equal(keys, layout.Venue.Keys()) {
		t.Errorf("Venue keys %v, its fields %v", layout.Venue.Keys(), keys)
	}
}

// TestOnPatternAgrees: the schemas' pattern for "on" accepts exactly what
// ParseOn (the loader and the scheduler) reads.
func TestOnPatternAgrees(t *testing.T) {
	re := regexp.MustCompile(layout.TextPattern("weekday-of-month"))
	for _, s := range []string{
		"second Tuesday", "Second tuesday", "LAST FRIDAY", "last Fridays", "1st monday", "4th Sunday", "  third   Wednesday ",
		"fifth Monday", "second", "second Tuesday extra", "second Tues", "last Fridayss", "every Monday", "", "2 Tuesday", "second\tTuesday",
	} {
		_, _, err := layout.ParseOn(s)
		if got := re.MatchString(s); got != (err == nil) {
			t.Errorf("%q: pattern %v, ParseOn %v", s, got, err)
		}
		if (err == nil) != (layout.CheckText("weekday-of-month", s) == nil) {
			t.Errorf("%q: CheckText disagrees with ParseOn", s)
		}
	}
}

func TestDateBounds(t *testing.T) {
	re := regexp.MustCompile(layout.Date.Pattern())
	for _, s := range []string{"1000-01-01", "9999-12-31", "1200-02-29", "1600-02-29", "2000-02-29", "2400-02-29", "1004-02-29"} {
		if !re.MatchString(s) {
			t.Errorf("%s: not matched", s)
		}
	}
	for _, s := range []string{"0999-12-31", "0000-01-01", "0400-02-29", "1100-02-29", "1900-02-29", "10000-01-01"} {
		if re.MatchString(s) {
			t.Errorf("%s: matched", s)
		}
	}
	if layout.FirstDate().Year() != layout.FirstYear || layout.LastDate().String() != "9999-12-31" {
		t.Errorf("FirstDate %s, LastDate %s", layout.FirstDate(), layout.LastDate())
	}
}
