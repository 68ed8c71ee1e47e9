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

// TestKeyHashesDiffer checks that no two keys of one struct share a
// KeyHash, which KeyAt relies on to tell them apart.
func TestKeyHashesDiffer(t *testing.T) {
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
		byHash := map[uint32]string{}
		for i := range ty.NumField() {
			f := ty.Field(i)
			if tag := TagOf(f); tag.Name != "" {
				if other, dup := byHash[KeyHash(tag.Name)]; dup {
					t.Errorf("%s: keys %q and %q have one hash", ty.Name(), other, tag.Name)
				}
				byHash[KeyHash(tag.Name)] = tag.Name
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
	if KeyHash("quorum") == KeyHash("quorun") || KeyHash("") != 2166136261 {
		t.Error("KeyHash is not FNV-1a")
	}
}
