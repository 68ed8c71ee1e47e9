package load

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/model"
)

// colliding has two keys whose hashes collide at the first level of
// model.KeyCode (the pair is checked in package model's tests).
type colliding struct {
	model.Loc
	Date string `yaml:"date"`
	A    string `yaml:"key_dhaim" govctl:"required"`
	B    string `yaml:"key_hibaa" govctl:"required"`
}

// decodeFile reads content into a new colliding, returning the findings.
func decodeFile(t *testing.T, content string) (*colliding, []string) {
	t.Helper()
	p := filepath.Join(t.TempDir(), "f.yaml")
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	var c colliding
	j := &job{rel: "f.yaml", abs: p, target: &c}
	readFile(j, "f.yaml", newWorker())
	var out []string
	for _, d := range j.diags {
		out = append(out, d.Pos.String()+" "+d.Rule+": "+d.Message)
	}
	return &c, out
}

// Two keys of one struct whose hashes collide are told apart: no panic,
// each found where it was written, a missing one reported as missing and a
// repeated one as repeated, with the line of its own first writing.
func TestLoaderTellsCollidingKeysApart(t *testing.T) {
	if model.KeyCode("key_dhaim", 0) != model.KeyCode("key_hibaa", 0) {
		t.Fatal("the keys no longer collide: take the pair from package model's tests")
	}
	c, diags := decodeFile(t, "date: x\nkey_hibaa: b\nkey_dhaim: a\n")
	if len(diags) > 0 {
		t.Errorf("findings: %v", diags)
	}
	if c.A != "a" || c.B != "b" {
		t.Errorf("read %q, %q; want a, b", c.A, c.B)
	}
	if a, b := c.KeyPos("key_dhaim"), c.KeyPos("key_hibaa"); a.Line != 3 || b.Line != 2 {
		t.Errorf("key_dhaim at %v, key_hibaa at %v; want lines 3 and 2", a, b)
	}

	c, diags = decodeFile(t, "date: x\nkey_hibaa: b\n")
	if c.Has("key_dhaim") || !c.Has("key_hibaa") {
		t.Errorf("Has(key_dhaim) = %v, Has(key_hibaa) = %v with only key_hibaa written", c.Has("key_dhaim"), c.Has("key_hibaa"))
	}
	if len(diags) != 1 || !strings.Contains(diags[0], `missing-field: the file: required field "key_dhaim" is missing`) {
		t.Errorf("findings %v; want key_dhaim missing", diags)
	}

	_, diags = decodeFile(t, "key_hibaa: b\nkey_dhaim: a\nkey_dhaim: again\n")
	if len(diags) != 1 || !strings.Contains(diags[0], `f.yaml:3:1 duplicate-key: the file: key "key_dhaim" appears twice (first at line 2)`) {
		t.Errorf("findings %v; want key_dhaim repeated, first at line 2", diags)
	}
}
