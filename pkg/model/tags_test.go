package model

import (
	"os"
	"reflect"
	"regexp"
	"testing"
)

// TestEveryFieldIsDocumented checks that every key the loader reads is named
// in the format reference, so that an addition cannot go undocumented.
func TestEveryFieldIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		for i := range ty.NumField() {
			f := ty.Field(i)
			if tag := TagOf(f); tag.Name != "" {
				// As a key ("name:") or in code ("`x.name`", "`name`").
				if !regexp.MustCompile("(?m)(^|[\\s.`])" + regexp.QuoteMeta(tag.Name) + "(:|`)").Match(doc) {
					t.Errorf("%s.%s: key %q is not in docs/format.md", ty.Name(), f.Name, tag.Name)
				}
			}
			walk(f.Type)
		}
	}
	for _, v := range []any{Settings{}, OrganisationsFile{}, Network{}, MembersFile{}, Meeting{}, WorkProgramme{}} {
		walk(reflect.TypeOf(v))
	}
	if len(seen) < 20 {
		t.Fatalf("walked only %d types", len(seen))
	}
}
