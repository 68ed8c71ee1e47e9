package schema_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/internal/testtree"
	"github.com/govctl/govctl/pkg/load"
)

// TestAgreesWithLoader puts each of many values in each kind of field and
// checks that the schema accepts exactly what the loader reads without a
// structural finding, except where a known gap is listed.
func TestAgreesWithLoader(t *testing.T) {
	fields := []struct {
		name string
		file string // organisations.yaml or x/network.yaml
		tmpl string // %s is the value
	}{
		{"date", "x/network.yaml", "id: x\nname: X\nmeetings:\n  m:\n    anchor: %s\n"},
		{"period", "x/network.yaml", "id: x\nname: X\noffices:\n  chair:\n    term: %s\n"},
		{"cadence", "x/network.yaml", "id: x\nname: X\nmeetings:\n  m:\n    every: %s\n"},
		{"duration", "x/network.yaml", "id: x\nname: X\nmeetings:\n  m:\n    duration: %s\n"},
		{"bounded int", "x/network.yaml", "id: x\nname: X\nmeetings:\n  m:\n    per_year: %s\n"},
		{"clock", "x/network.yaml", "id: x\nname: X\nmeetings:\n  m:\n    start: %s\n"},
		{"fraction", "x/network.yaml", "id: x\nname: X\nquorum:\n  fraction: %s\n"},
		{"range", "x/network.yaml", "id: x\nname: X\noffices:\n  chair:\n    count: %s\n"},
		{"venue", "x/network.yaml", "id: x\nname: X\nmeetings:\n  m:\n    venue: %s\n"},
		{"int", "x/network.yaml", "id: x\nname: X\nestablished: %s\n"},
		{"bool", "x/network.yaml", "id: x\nname: X\noffices:\n  chair:\n    casting_vote: %s\n"},
		{"text", "x/network.yaml", "id: x\nname: X\npurpose: %s\n"},
		{"required text", "x/network.yaml", "id: x\nname: %s\n"},
		{"enum", "x/network.yaml", "id: x\nname: X\nguests: %s\n"},
		{"ref", "x/network.yaml", "id: x\nname: X\nparent: %s\n"},
		{"list", "x/network.yaml", "id: x\nname: X\naims: %s\n"},
		{"list item", "x/network.yaml", "id: x\nname: X\naims:\n  - %s\n"},
		{"struct", "x/network.yaml", "id: x\nname: X\nvoting: %s\n"},
		{"keyed", "x/network.yaml", "id: x\nname: X\noffices: %s\n"},
		{"keyed entry", "x/network.yaml", "id: x\nname: X\noffices:\n  chair: %s\n"},
		{"id", "organisations.yaml", "organisations:\n  - id: %s\n    name: N\n"},
	}
	values := []string{
		`2026-11-17`, `"2026-11-17"`, `2026-02-29`, `2028-02-29`, `2026-1-1`, `2026-13-01`, `20261117`, `2026-11-17T10:00:00Z`,
		`2026-04-31`, `2026-06-30`, `2026-11-31`, `2026-00-10`, `2026-01-00`, `1900-02-29`, `2000-02-29`, `2100-02-29`, `2400-02-29`,
		`0004-02-29`, `0001-01-01`, `9999-12-31`, `"2026-11-17 "`,
		`P1D1Y`, `P1.M`, `p1M`, `P1MT`, `PT30S`, `P1DT1H30M`, `1.0`, `.5`, `1e3`,
		`P1M`, `P0M`, `PT2H`, `PT1H30M`, `P2Y6M`, `P1.5M`, `P1,5M`, `P6W`, `PT`, `P`, `P-1M`, `1M`, `monthly`, `P100Y`,
		`"10:00"`, `10:00`, `9:30`, `"09:30"`, `"24:00"`, `"23:59"`, `"10:60"`, `1000`,
		`1/2`, `2 / 3`, `0/3`, `1/1000`, `1/1001`, `1000/1000`, `0.5`, `"1/0"`,
		`1`, `0`, `-1`, `1.5`, `2147483647`, `2147483648`, `"9"`, `0x10`,
		`true`, `false`, `yes`, `"true"`, `~`, `""`, `"  "`,
		`[]`, `[a]`, `[a, b]`, `[[a]]`, `[{a: 1}]`, `[~]`, `{}`, `{min: 1}`, `{min: 1, max: 2}`, `{max: 2}`, `{min: -1}`, `{min: ~, max: ~}`, `{min: 1, most: 2}`,
		`{online: true}`, `{rotate: [a, b]}`, `{place: Brent}`, `{online: yes}`, `{foo: 1}`, `{basis: member}`, `{basis: members}`, `{chair: {}}`, `{chair: ~}`, `{chair: 1}`, `{count: 2}`,
		`text with spaces`, `brent`, `a.b`, `a_b`, `-a`, `a-`, `..`, `../x`, `a/b`, `a\b`,
		`by-invitation`, `open`, `none`, `error`,
	}
	// gaps are the known disagreements.
	gaps := map[string]string{
		`enum ""`:         "the loader takes an empty optional enum as absent; the schema wants one of the values",
		`bounded int 1.0`: "JSON has one kind of number: a whole float is an integer to JSON Schema, not to the loader",
		`int 1e3`:         "JSON has one kind of number: a whole float is an integer to JSON Schema, not to the loader",
		`range 1.0`:       "JSON has one kind of number: a whole float is an integer to JSON Schema, not to the loader",
		`range 1e3`:       "JSON has one kind of number: a whole float is an integer to JSON Schema, not to the loader",
		`id .5`:           "a number is its text to the loader, which the pattern (for strings) cannot see",
		`period P1D1Y`:    "the loader's period parser takes parts out of order; the schema wants ISO 8601 order",
		`cadence P1D1Y`:   "the loader's period parser takes parts out of order; the schema wants ISO 8601 order",
		// A schema cannot compare periods: the loader checks their bounds,
		// and the field's description gives them.
		`cadence P100Y`:      "a cadence longer than P5Y: the loader checks a period's bounds",
		`duration P1MT`:      "a duration longer than PT12H: the loader checks a period's bounds",
		`duration P1M`:       "a duration longer than PT12H: the loader checks a period's bounds",
		`duration P2Y6M`:     "a duration longer than PT12H: the loader checks a period's bounds",
		`duration P6W`:       "a duration longer than PT12H: the loader checks a period's bounds",
		`duration P100Y`:     "a duration longer than PT12H: the loader checks a period's bounds",
		`duration P1DT1H30M`: "a duration longer than PT12H: the loader checks a period's bounds",
	}
	for _, f := range fields {
		t.Run(f.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			for _, v := range values {
				src := fmt.Sprintf(f.tmpl, v)
				loaderOK, findings := loadOne(t, dir, f.file, src)
				kind := "network"
				if f.file == "organisations.yaml" {
					kind = "organisations"
				}
				_, err := validate(t, kind, []byte(src))
				schemaOK := err == nil
				// The patterns alone, without format assertion, agree too.
				if _, err2 := validateFor(t, false, kind, []byte(src)); (err2 == nil) != schemaOK {
					t.Errorf("%s %s: schema ok %v asserting format, %v without", f.name, v, schemaOK, err2 == nil)
				}
				name := f.name + " " + v
				switch {
				case gaps[name] != "" && loaderOK == schemaOK:
					t.Errorf("%s: listed as a gap, but the schema and the loader agree", name)
				case gaps[name] == "" && loaderOK != schemaOK:
					t.Errorf("%s: loader ok %v, schema ok %v; loader: %v; schema: %v", name, loaderOK, schemaOK, findings, err)
				}
			}
		})
	}
}

// loadOne loads a repository holding src at rel and reports whether the
// loader read that file without a structural finding.
func loadOne(t *testing.T, dir, rel, src string) (bool, []string) {
	t.Helper()
	files := map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: A}\n",
		"x/network.yaml":     "id: x\nname: X\n",
	}
	files[rel] = src
	testtree.Write(t, dir, files)
	_, diags, err := load.Load(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var findings []string
	for _, d := range diags {
		if strings.HasSuffix(filepath.ToSlash(d.Pos.File), rel) && d.Rule != "id-mismatch" {
			findings = append(findings, d.Rule+": "+d.Message)
		}
	}
	return len(findings) == 0, findings
}
