package model_test

import (
	"os"
	"reflect"
	"regexp"
	"testing"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
)

// structTypes lists every struct type the loader fills, from the kinds of
// file of the layout down.
func structTypes(t *testing.T) []reflect.Type {
	t.Helper()
	seen := map[reflect.Type]bool{}
	var out []reflect.Type
	var walk func(reflect.Type)
	walk = func(ty reflect.Type) {
		for ty.Kind() == reflect.Pointer || ty.Kind() == reflect.Slice {
			ty = ty.Elem()
		}
		if ty.Kind() != reflect.Struct || seen[ty] {
			return
		}
		seen[ty] = true
		out = append(out, ty)
		for i := range ty.NumField() {
			walk(ty.Field(i).Type)
		}
	}
	for _, k := range layout.Kinds() {
		walk(k.Type())
	}
	if len(out) < 20 {
		t.Fatalf("walked only %d types", len(out))
	}
	return out
}

// keyNames lists the keys of struct ty.
func keyNames(ty reflect.Type) []string {
	var names []string
	for i := range ty.NumField() {
		if tag := model.TagOf(ty.Field(i)); tag.Name != "" {
			names = append(names, tag.Name)
		}
	}
	return names
}

// TestEveryFieldIsDocumented checks that every key the loader reads is named
// in the format reference, so that an addition cannot go undocumented.
func TestEveryFieldIsDocumented(t *testing.T) {
	doc, err := os.ReadFile("../../docs/format.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, ty := range structTypes(t) {
		for _, name := range keyNames(ty) {
			// As a key ("name:") or in code ("`x.name`", "`name`").
			if !regexp.MustCompile("(?m)(^|[\\s.`])" + regexp.QuoteMeta(name) + "(:|`)").Match(doc) {
				t.Errorf("%s: key %q is not in docs/format.md", ty.Name(), name)
			}
		}
	}
}

// loc is a Loc with the keys names written, on lines 1, 2, ...
func loc(all []string, written ...string) model.Loc {
	codes := model.KeyCodes(all)
	l := model.Loc{At: model.Pos{File: "f.yaml", Line: 1, Col: 1}}
	for _, w := range written {
		for i, name := range all {
			if name == w {
				l.Keys = append(l.Keys, model.KeyAt{Key: codes[i], Line: int32(i + 2), Col: 3})
			}
		}
	}
	return l
}

// checkApart checks that every key of all is found where it was written
// and not found where it was not, alone and with all the others.
func checkApart(t *testing.T, what string, all []string) {
	t.Helper()
	every := loc(all, all...)
	for i, name := range all {
		if p := every.KeyPos(name); !every.Has(name) || p.Line != int32(i+2) {
			t.Errorf("%s: key %q found at %v (%v), want line %d", what, name, p, every.Has(name), i+2)
		}
		alone := loc(all, name)
		for j, other := range all {
			if j != i && other != name && alone.Has(other) {
				t.Errorf("%s: with only %q written, %q is found too", what, name, other)
			}
		}
	}
}

// TestKeysToldApart checks, for every struct of the model, that each key
// is found under its own code and no other.
func TestKeysToldApart(t *testing.T) {
	for _, ty := range structTypes(t) {
		checkApart(t, ty.Name(), keyNames(ty))
	}
}

// Two names whose codes at level 0 collide (found by search).
const collideA, collideB = "key_dhaim", "key_hibaa"

// TestCollidingKeysToldApart forces a collision: two keys of one struct
// with one hash are kept at the next level, where they differ, and each
// is still found where it was written and only there.
func TestCollidingKeysToldApart(t *testing.T) {
	if model.KeyCode(collideA, 0) != model.KeyCode(collideB, 0) {
		t.Fatalf("%q and %q no longer collide at level 0: find another pair", collideA, collideB)
	}
	all := []string{"date", collideA, "kind", collideB}
	codes := model.KeyCodes(all)
	if codes[1] == codes[3] || codes[1]>>30 != 1 || codes[3]>>30 != 1 {
		t.Errorf("colliding keys kept as %#x and %#x; want them apart at level 1", codes[1], codes[3])
	}
	if codes[0]>>30 != 0 || codes[2]>>30 != 0 {
		t.Errorf("keys that collide with nothing kept at levels %d and %d, want 0", codes[0]>>30, codes[2]>>30)
	}
	checkApart(t, "colliding keys", all)
	// Alone in a struct, either key is kept at level 0.
	if c := model.KeyCodes([]string{collideA, "date"}); c[0] != model.KeyCode(collideA, 0) {
		t.Errorf("%q alone kept as %#x, want its level-0 code", collideA, c[0])
	}
}

func TestKeyCode(t *testing.T) {
	if model.KeyCode("quorum", 0) == model.KeyCode("quorun", 0) {
		t.Error("one code for quorum and quorun")
	}
	for level := range 4 {
		if got := model.KeyCode("quorum", level) >> 30; got != uint32(level) {
			t.Errorf("KeyCode at level %d holds level %d", level, got)
		}
	}
	if model.KeyCode("quorum", 0) == model.KeyCode("quorum", 1)&(1<<30-1) {
		t.Error("levels 0 and 1 hash alike")
	}
}
