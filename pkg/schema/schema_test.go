package schema_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/rules"
	"github.com/govctl/govctl/pkg/schema"
)

// conform validates every YAML file under root against the schema of its
// kind and returns how many files of each kind it checked.
func conform(t *testing.T, root string) map[string]int {
	t.Helper()
	seen := map[string]int{}
	err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		k, ok := schema.KindOf(rel)
		if !ok {
			t.Errorf("%s: not a kind of file govctl reads", rel)
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if _, err := validate(t, k.Name, data); err != nil {
			t.Errorf("%s does not conform to %s:\n%v", rel, k.File, err)
		}
		seen[k.Name]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return seen
}

// TestNetworksConform checks every file of the repository in networks/
// against its schema.
func TestNetworksConform(t *testing.T) {
	seen := conform(t, filepath.Join("..", "..", "networks"))
	t.Logf("files checked: %v", seen)
	for _, k := range []string{"govctl", "organisations", "network", "members", "meeting"} {
		if seen[k] == 0 {
			t.Errorf("networks/ holds no %s file to check", k)
		}
	}
}

// TestCorpusConforms checks a generated repository, which has work
// programmes (networks/ has none) and years of meeting records.
func TestCorpusConforms(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 2, Years: 2, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	seen := conform(t, dir)
	for _, k := range schema.Kinds() {
		if seen[k.Name] == 0 {
			t.Errorf("the corpus holds no %s file to check", k.Name)
		}
	}
}

var (
	reWant     = regexp.MustCompile(`#\s*want((?:\s+"(?:[^"\\]|\\.)*")+)\s*$`)
	reWantFile = regexp.MustCompile(`^want\s+(\S+):(\d+)((?:\s+"(?:[^"\\]|\\.)*")+)\s*$`)
	reRule     = regexp.MustCompile(`"([a-z-]+):`)
)

// structural are the loader's findings about one file's structure: what a
// schema is for.
var structural = map[string]bool{
	"unknown-field": true,
	"wrong-type":    true,
	"missing-field": true,
	"bad-date":      true,
	"unsafe-path":   true,
}

// fixtureGaps are the findings of the rule fixtures that the schemas do not
// make, and the schema errors that the fixtures do not want, each with the
// reason. Every other wanted finding must be a schema error on its line, and
// every schema error must be on a wanted line.
var fixtureGaps = map[string]string{
	"wrong-type/govctl.yaml:1":                    "timezone names (IANA) are not listed in the schema",
	"wrong-type/sts-omg/network.yaml:14":          "a Range's max less than its min cannot be expressed",
	"wrong-type/sts-omg/network.yaml:33":          "a fraction's numerator greater than its denominator cannot be expressed",
	"bad-date/sts-omg/network.yaml:12":            "a period longer than a hundred years cannot be expressed simply",
	"bad-date/sts-omg/network.yaml:45":            "a schema cannot compare periods: the loader checks a duration's bounds (the description gives them)",
	"bad-date/sts-omg/network.yaml:50":            "a schema cannot compare periods: the loader checks a notice period's bounds (the description gives them)",
	"bad-date/sts-omg/network.yaml:52":            "a schema cannot compare periods: the loader checks a cadence's bounds (the description gives them)",
	"bad-date/sts-omg/meetings/2026-02-30.yaml:1": "the file's name, not its content, is the finding",
	"bad-date/sts-omg/meetings/2026-02-30.yaml:2": "the loader does not read a file named for an impossible date",
}

// TestRuleFixturesRejected validates the files of the loader's rule
// fixtures, whose every structural problem is marked on its line with
// `# want "RULE: ..."`, and checks that the schema errors fall on exactly
// the marked lines.
func TestRuleFixturesRejected(t *testing.T) {
	usedGaps := map[string]bool{}
	for _, name := range []string{"unknown-field", "wrong-type", "missing-field", "bad-date", "unsafe-path"} {
		t.Run(name, func(t *testing.T) {
			arch, err := txtar.ParseFile(filepath.Join("..", "rules", name+".txtar"))
			if err != nil {
				t.Fatal(err)
			}
			fileWants := map[string]map[int]bool{}
			for _, line := range strings.Split(string(arch.Comment), "\n") {
				if m := reWantFile.FindStringSubmatch(strings.TrimSpace(line)); m != nil && wantsStructural(m[3]) {
					var n int
					fmt.Sscan(m[2], &n)
					if fileWants[m[1]] == nil {
						fileWants[m[1]] = map[int]bool{}
					}
					fileWants[m[1]][n] = true
				}
			}
			checked := 0
			for _, f := range arch.Files {
				k, ok := schema.KindOf(f.Name)
				if !ok {
					continue
				}
				want := map[int]bool{}
				for l := range fileWants[f.Name] {
					want[l] = true
				}
				for i, line := range strings.Split(string(f.Data), "\n") {
					if m := reWant.FindStringSubmatch(line); m != nil && wantsStructural(m[1]) {
						want[i+1] = true
					}
				}
				gap := func(l int) bool {
					key := fmt.Sprintf("%s/%s:%d", name, f.Name, l)
					if fixtureGaps[key] == "" {
						return false
					}
					usedGaps[key] = true
					return true
				}
				d, verr := validate(t, k.Name, f.Data)
				got := map[int]bool{}
				for _, lines := range errorLines(verr, d) {
					if len(lines) == 0 {
						t.Errorf("%s: an error at no line:\n%v", f.Name, verr)
					}
					// An error is wanted if one of its lines is (the key
					// of a value, or the value on the next line).
					if !slices.ContainsFunc(lines, func(l int) bool { return want[l] }) && !slices.ContainsFunc(lines, gap) {
						t.Errorf("%s:%v: schema error on a line the loader accepts:\n%v", f.Name, lines, verr)
					}
					for _, l := range lines {
						got[l] = true
					}
				}
				for l := range want {
					checked++
					if !got[l] && !gap(l) {
						t.Errorf("%s:%d: wanted a finding; the schema accepts it", f.Name, l)
					}
				}
			}
			if checked == 0 {
				t.Error("no wanted findings checked")
			}
		})
	}
	for key, why := range fixtureGaps {
		if !usedGaps[key] {
			t.Errorf("fixture gap %s (%s) is no longer needed", key, why)
		}
	}
}

func wantsStructural(quoted string) bool {
	for _, m := range reRule.FindAllStringSubmatch(quoted, -1) {
		if structural[m[1]] {
			return true
		}
	}
	return false
}

// TestRejects checks documents each broken in one way.
func TestRejects(t *testing.T) {
	tests := []struct {
		name, kind, yaml string
	}{
		{"unknown key at the top", "members", "members: []\nmember: []\n"},
		{"unknown key in a list item", "organisations", "organisations:\n  - {id: brent, name: Brent, shortname: B}\n"},
		{"unknown key under a keyed office", "network", "id: x\nname: X\noffices:\n  chair: {terms: P1Y}\n"},
		{"unknown key in a venue", "meeting", "date: 2026-11-17\nkind: k\nstatus: held\nvenue: {online: true, plase: Brent}\n"},
		{"merge key", "meeting", "date: 2026-11-17\nkind: k\nstatus: held\nactions:\n  - {id: A-1, text: T, owner: m, <<: {due: 2026-12-01}}\n"},
		{"unknown rule id", "govctl", "rules:\n  unschedule: off\n"},
		{"text where a list is wanted", "network", "id: x\nname: X\naims: Run the service\n"},
		{"a list where text is wanted", "network", "id: x\nname: X\npurpose: [a, b]\n"},
		{"a mapping where an id is wanted", "network", "id: x\nname: X\nparent: {id: y}\n"},
		{"text where a number is wanted", "network", "id: x\nname: X\nestablished: two thousand and five\n"},
		{"a quoted number", "network", "id: x\nname: X\nmeetings:\n  m: {per_year: \"9\"}\n"},
		{"a negative number", "network", "id: x\nname: X\nquorum: {members: -1}\n"},
		{"a fractional number", "network", "id: x\nname: X\nseats:\n  - {title: T, votes: 1.5}\n"},
		{"a number too large", "network", "id: x\nname: X\nestablished: 4294967296\n"},
		{"yes for true", "network", "id: x\nname: X\noffices:\n  chair: {casting_vote: yes}\n"},
		{"a quoted boolean", "network", "id: x\nname: X\nquorum: {substitutes_count: \"true\"}\n"},
		{"a list as the file", "network", "- id: x\n- name: X\n"},
		{"an empty list item", "network", "id: x\nname: X\naims:\n  - one\n  -\n"},
		{"a list for keyed offices", "network", "id: x\nname: X\noffices: [chair]\n"},
		{"a list for keyed substitutes", "meeting", "date: 2026-11-17\nkind: k\nstatus: held\nattendance:\n  substitutes: [a]\n"},
		{"a substitute with no member", "meeting", "date: 2026-11-17\nkind: k\nstatus: held\nattendance:\n  substitutes:\n    a:\n"},
		{"a rule with no severity", "govctl", "rules:\n  cadence-gap:\n"},
		{"missing required field", "members", "members:\n  - {id: a}\n"},
		{"missing required field at the top", "meeting", "kind: k\nstatus: held\n"},
		{"required field with no value", "members", "members:\n  - {id: a, name: }\n"},
		{"required text empty", "organisations", "organisations:\n  - {id: a, name: \"\"}\n"},
		{"required list empty", "members", "members:\n"},
		{"required field of a span", "work-programme", "period: {from: 2026-04-01}\nitems: []\n"},
		{"an empty file lacking required fields", "network", ""},
		{"bad enum value", "meeting", "date: 2026-11-17\nkind: k\nstatus: done\n"},
		{"bad enum value of a keyed value", "govctl", "rules:\n  cadence-gap: warn\n"},
		{"bad enum value in a list item", "work-programme", "items:\n  - {id: a, title: T, status: on track}\n"},
		{"an empty enum value", "meeting", "date: 2026-11-17\nkind: k\nstatus: \"\"\n"},
		{"bad date pattern", "members", "members:\n  - {id: a, name: A, from: 2026-1-13}\n"},
		{"a date as day/month/year", "members", "members:\n  - {id: a, name: A, until: 31/03/2027}\n"},
		{"a timestamp for a date", "govctl", "closures:\n  - date: 2026-12-31T00:00:00Z\n"},
		{"a date as a number", "meeting", "date: 20261117\nkind: k\nstatus: held\n"},
		{"an impossible date", "meeting", "date: 2026-02-29\nkind: k\nstatus: held\n"},
		{"month 13", "work-programme", "period: {from: 2026-13-01, until: 2027-03-31}\nitems: []\n"},
		{"a time without a leading zero", "meeting", "date: 2026-11-17\nstart: \"9:30\"\nkind: k\nstatus: held\n"},
		{"a time past midnight", "meeting", "date: 2026-11-17\nstart: \"24:00\"\nkind: k\nstatus: held\n"},
		{"a time as a number", "network", "id: x\nname: X\nmeetings:\n  m: {start: 1000}\n"},
		{"a period in words", "network", "id: x\nname: X\nmeetings:\n  m: {every: monthly}\n"},
		{"a period without P", "network", "id: x\nname: X\nmeetings:\n  m: {every: 1M}\n"},
		{"a zero period", "network", "id: x\nname: X\noffices:\n  chair: {term: P0M}\n"},
		{"a negative period", "network", "id: x\nname: X\noffices:\n  chair: {term: P-1M}\n"},
		{"an empty period", "network", "id: x\nname: X\noffices:\n  chair: {term: PT}\n"},
		{"a fractional period", "network", "id: x\nname: X\noffices:\n  chair: {term: P1.5Y}\n"},
		{"a period in seconds", "network", "id: x\nname: X\nmeetings:\n  m: {duration: PT30S}\n"},
		{"a fraction as a decimal", "network", "id: x\nname: X\nquorum: {fraction: 0.5}\n"},
		{"a fraction as a percentage", "network", "id: x\nname: X\nquorum: {fraction: 50%}\n"},
		{"a zero fraction", "network", "id: x\nname: X\nquorum: {fraction: 0/3}\n"},
		{"a fraction over a thousandth", "network", "id: x\nname: X\nquorum: {fraction: 1/1001}\n"},
		{"an id with a space", "members", "members:\n  - {id: a b, name: A}\n"},
		{"an id with a slash", "organisations", "organisations:\n  - {id: brent/it, name: B}\n"},
		{"an id ending in a dot", "meeting", "date: 2026-11-17\nkind: k\nstatus: held\ndecisions:\n  - {id: D-1., text: T, outcome: agreed}\n"},
		{"an id leading outside", "members", "members:\n  - {id: ../x, name: A}\n"},
		{"Range as a list", "network", "id: x\nname: X\nseats:\n  - {title: T, per_organisation: [1, 2]}\n"},
		{"Range as text", "network", "id: x\nname: X\noffices:\n  chair: {count: lots}\n"},
		{"Range with an unknown key", "network", "id: x\nname: X\noffices:\n  chair: {count: {min: 1, most: 2}}\n"},
		{"Range negative", "network", "id: x\nname: X\noffices:\n  chair: {count: {min: -1}}\n"},
		{"Range with a text bound", "network", "id: x\nname: X\noffices:\n  chair: {count: {max: two}}\n"},
		{"Venue as a list", "network", "id: x\nname: X\nmeetings:\n  m: {venue: [online]}\n"},
		{"Venue rotate as text", "meeting", "date: 2026-11-17\nkind: k\nstatus: held\nvenue: {rotate: brent}\n"},
		{"Venue online as text", "meeting", "date: 2026-11-17\nkind: k\nstatus: held\nvenue: {online: \"yes\"}\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := validate(t, tt.kind, []byte(tt.yaml)); err == nil {
				t.Errorf("the %s schema accepts:\n%s", tt.kind, tt.yaml)
			}
		})
	}
}

// TestAccepts checks what the loader takes that a stricter schema might
// refuse.
func TestAccepts(t *testing.T) {
	tests := []struct {
		name, kind, yaml string
	}{
		{"an empty settings file", "govctl", ""},
		{"a file of comments only", "govctl", "# nothing yet\n"},
		{"a number for text", "organisations", "organisations:\n  - {id: sts, name: STS, short_name: 2026}\n"},
		{"true for text", "network", "id: x\nname: X\npurpose: true\n"},
		{"a number for an id", "members", "members:\n  - {id: 2026, name: A}\n"},
		{"a number for a reference", "meeting", "date: 2026-11-17\nkind: 1\nstatus: held\n"},
		{"an optional key with no value", "members", "members:\n  - id: a\n    name: A\n    from:\n    until: ~\n    seat:\n    votes:\n"},
		{"an optional mapping with no value", "network", "id: x\nname: X\nquorum:\nvoting:\n"},
		{"a keyed office with no value", "network", "id: x\nname: X\noffices:\n  chair:\nmeetings:\n  ordinary:\n"},
		{"an empty list", "members", "members: []\noffice_holders: []\n"},
		{"a leap day", "meeting", "date: 2028-02-29\nkind: k\nstatus: held\n"},
		{"a quoted date", "meeting", "date: \"2026-11-17\"\nkind: k\nstatus: held\n"},
		{"an unquoted time", "meeting", "date: 2026-11-17\nstart: 10:00\nkind: k\nstatus: held\n"},
		{"midnight and a minute to", "network", "id: x\nname: X\nmeetings:\n  a: {start: \"00:00\"}\n  b: {start: \"23:59\"}\n"},
		{"periods", "network", "id: x\nname: X\nmeetings:\n  a: {every: P1M, duration: PT2H}\n  b: {every: P6W, duration: PT1H30M}\n  c: {every: P2Y6M, duration: PT12H}\n  d: {every: P1Y1M1W1D, duration: PT45M}\n"},
		{"fractions", "network", "id: x\nname: X\nquorum: {fraction: 1/2}\nvoting: {basis: member}\n"},
		{"a fraction with spaces", "network", "id: x\nname: X\nquorum: {fraction: 2 / 3}\n"},
		{"a whole fraction", "network", "id: x\nname: X\nquorum: {fraction: 1000/1000}\n"},
		{"Range as a number", "network", "id: x\nname: X\noffices:\n  chair: {count: 2}\n"},
		{"Range as min and max", "network", "id: x\nname: X\noffices:\n  chair: {count: {min: 0, max: 1}}\nseats:\n  - {title: T, per_organisation: {min: 1}}\n"},
		{"Range as an empty mapping", "network", "id: x\nname: X\noffices:\n  chair: {count: {}}\n"},
		{"Venue as text", "network", "id: x\nname: X\nmeetings:\n  m: {venue: Brent Civic Centre}\n"},
		{"Venue as a mapping", "network", "id: x\nname: X\nmeetings:\n  m: {venue: {online: true, rotate: [a, b], place: Brent}}\n"},
		{"every rule id", "govctl", "rules:\n" + func() string {
			var b strings.Builder
			for _, id := range rules.IDs() {
				b.WriteString("  " + id + ": warning\n")
			}
			return b.String()
		}()},
		{"an alias", "network", "id: x\nname: X\naims: &a [one, two]\nresponsibilities: *a\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := validate(t, tt.kind, []byte(tt.yaml)); err != nil {
				t.Errorf("the %s schema rejects:\n%s\n%v", tt.kind, tt.yaml, err)
			}
		})
	}
}

// TestEveryFieldInSchema walks the model structs of each kind of file and
// checks that the schema has exactly their yaml keys, with the required and
// enum options of their tags, so that the schema cannot drift from what the
// loader reads.
func TestEveryFieldInSchema(t *testing.T) {
	for _, k := range schema.Kinds() {
		t.Run(k.Name, func(t *testing.T) {
			var doc map[string]any
			b, err := schema.JSON(k)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &doc); err != nil {
				t.Fatal(err)
			}
			defs, _ := doc["$defs"].(map[string]any)
			seen := map[reflect.Type]bool{}
			var walk func(t reflect.Type, s map[string]any, where string)
			// checkValue follows a field's type into the schema of its value.
			var checkValue func(ft reflect.Type, s map[string]any, where string)
			checkValue = func(ft reflect.Type, s map[string]any, where string) {
				s = nonNull(s)
				for ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				switch {
				case ft == reflect.TypeFor[model.Venue]():
					oneOf := deref(t, defs, s)["oneOf"].([]any)
					walk(ft, oneOf[1].(map[string]any), where)
				case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.Struct && keyed(ft.Elem()):
					if s["type"] != "object" {
						t.Errorf("%s: a list of %s is a mapping keyed by name; schema has %v", where, ft.Elem().Name(), s["type"])
						return
					}
					add, _ := s["additionalProperties"].(map[string]any)
					if add == nil {
						t.Errorf("%s: no schema for the keyed entries", where)
						return
					}
					if !hasValueField(ft.Elem()) {
						walk(ft.Elem(), deref(t, defs, nonNull(add)), where+".*")
					}
				case ft.Kind() == reflect.Slice:
					if s["type"] != "array" {
						t.Errorf("%s: want an array, schema has %v", where, s["type"])
						return
					}
					checkValue(ft.Elem(), s["items"].(map[string]any), where+"[]")
				case ft.Kind() == reflect.Struct && isModelStruct(ft):
					walk(ft, deref(t, defs, s), where)
				}
			}
			walk = func(st reflect.Type, s map[string]any, where string) {
				if seen[st] {
					return
				}
				seen[st] = true
				props, _ := s["properties"].(map[string]any)
				if s["additionalProperties"] != false {
					t.Errorf("%s (%s): additionalProperties is not false", where, st.Name())
				}
				var required []string
				for _, r := range asSlice(s["required"]) {
					required = append(required, r.(string))
				}
				keys := map[string]bool{}
				for i := range st.NumField() {
					f := st.Field(i)
					name := f.Tag.Get("yaml")
					if name == "" || name == "-" {
						continue
					}
					keys[name] = true
					fw := where + "." + name
					ps, ok := props[name].(map[string]any)
					if !ok {
						t.Errorf("%s (%s.%s): not in the schema", fw, st.Name(), f.Name)
						continue
					}
					opts := f.Tag.Get("govctl")
					if tag := model.TagOf(f); len(tag.Unless) > 0 {
						// Required unless another key is given: in the else
						// of an if on that key.
						if !requiredUnless(s, name, tag.Unless) {
							t.Errorf("%s: required unless %s in the tag; the schema has no if/else saying so", fw, tag.Unless)
						}
					} else if strings.Contains(opts, "required") != slices.Contains(required, name) {
						t.Errorf("%s: required is %v in the tag but not in the schema", fw, strings.Contains(opts, "required"))
					}
					if doc := f.Tag.Get("doc"); doc != "" && ps["description"] != doc {
						t.Errorf("%s: description %q, want the doc tag %q", fw, ps["description"], doc)
					}
					if i := strings.Index(opts, "enum="); i >= 0 {
						want := strings.Split(strings.SplitN(opts[i+len("enum="):], ",", 2)[0], "|")
						var got []string
						for _, e := range asSlice(nonNull(ps)["enum"]) {
							got = append(got, e.(string))
						}
						if !slices.Equal(got, want) {
							t.Errorf("%s: enum %v, want %v", fw, got, want)
						}
					}
					checkValue(f.Type, ps, fw)
				}
				for name := range props {
					if !keys[name] {
						t.Errorf("%s: schema property %q is no field of %s", where, name, st.Name())
					}
				}
			}
			walk(k.Type, doc, k.Name)
			if len(seen) < 1 {
				t.Fatal("no struct checked")
			}
		})
	}
}

func keyed(t reflect.Type) bool {
	for i := range t.NumField() {
		if slices.Contains(strings.Split(t.Field(i).Tag.Get("govctl"), ","), "key") {
			return true
		}
	}
	return false
}

func hasValueField(t reflect.Type) bool {
	for i := range t.NumField() {
		if slices.Contains(strings.Split(t.Field(i).Tag.Get("govctl"), ","), "value") {
			return true
		}
	}
	return false
}

// isModelStruct reports whether t is read from a mapping: it embeds Loc.
func isModelStruct(t reflect.Type) bool {
	f, ok := t.FieldByName("Loc")
	return ok && f.Anonymous && f.Type == reflect.TypeFor[model.Loc]()
}

// nonNull unwraps {"anyOf": [S, {"type": "null"}]} to S.
func nonNull(s map[string]any) map[string]any {
	if alts, ok := s["anyOf"].([]any); ok && len(alts) == 2 {
		if n, ok := alts[1].(map[string]any); ok && n["type"] == "null" {
			return alts[0].(map[string]any)
		}
	}
	return s
}

func deref(t *testing.T, defs map[string]any, s map[string]any) map[string]any {
	t.Helper()
	ref, ok := s["$ref"].(string)
	if !ok {
		return s
	}
	d, ok := defs[strings.TrimPrefix(ref, "#/$defs/")].(map[string]any)
	if !ok {
		t.Fatalf("no definition for %s", ref)
	}
	return d
}

func asSlice(v any) []any {
	s, _ := v.([]any)
	return s
}

// TestDeterministic checks that the output does not change between runs and
// is the pretty JSON the command writes.
func TestDeterministic(t *testing.T) {
	a, err := schema.All()
	if err != nil {
		t.Fatal(err)
	}
	for range 5 {
		b, err := schema.All()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a, b) {
			t.Fatal("two runs differ")
		}
	}
	var v map[string]any
	if err := json.Unmarshal(a, &v); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, k := range schema.Kinds() {
		names = append(names, k.Name)
		s := v[k.Name].(map[string]any)
		if s["$schema"] != schema.Draft || s["$id"] != k.ID() {
			t.Errorf("%s: $schema %v, $id %v", k.Name, s["$schema"], s["$id"])
		}
	}
	if len(v) != len(names) {
		t.Errorf("kinds %v, want %v", v, names)
	}
	again, _ := schema.Marshal(v)
	if !bytes.Equal(a, again) {
		t.Error("output is not in sorted, two-space-indented form")
	}
}

func TestKindOf(t *testing.T) {
	tests := map[string]string{
		"govctl.yaml":                        "govctl",
		"organisations.yaml":                 "organisations",
		"sts-omg/network.yaml":               "network",
		"sts-omg/members.yaml":               "members",
		"sts-omg/work-programme.yaml":        "work-programme",
		"sts-omg/meetings/2026-11-17.yaml":   "meeting",
		"sts-omg/meetings/2026-11-17-2.yaml": "meeting",
		"sts-omg/meetings/notes.yaml":        "",
		"sts-omg/meetings/2026-11-17-1.yaml": "",
		"sts-omg/notes.yaml":                 "",
		"network.yaml":                       "",
		"a/b/network.yaml":                   "",
	}
	for rel, want := range tests {
		k, ok := schema.KindOf(rel)
		if k.Name != want || ok != (want != "") {
			t.Errorf("KindOf(%q) = %q, %v; want %q", rel, k.Name, ok, want)
		}
		if ok {
			// The glob for editors matches what the loader reads.
			if m, _ := path.Match(k.Glob, rel); !m {
				t.Errorf("%s: glob %q does not match %q", k.Name, k.Glob, rel)
			}
		}
	}
}

// requiredUnless reports whether schema s requires key name unless key
// unless is given: an allOf entry {"if": {"required": [unless]}, "else":
// {"required": [name]}}.
func requiredUnless(s map[string]any, name string, unless []string) bool {
	for _, c := range asSlice(s["allOf"]) {
		c, _ := c.(map[string]any)
		cond, _ := c["if"].(map[string]any)
		els, _ := c["else"].(map[string]any)
		if cond == nil || els == nil || !slices.Contains(asSlice(els["required"]), any(name)) {
			continue
		}
		// The if gives one of the keys: {"required": [KEY]}, or for
		// several, {"anyOf": [{"required": [KEY]}, ...]}.
		alts := []any{cond}
		if len(unless) > 1 {
			alts = asSlice(cond["anyOf"])
		}
		var given []string
		for _, a := range alts {
			a, _ := a.(map[string]any)
			for _, k := range asSlice(a["required"]) {
				given = append(given, k.(string))
			}
		}
		if slices.Equal(given, unless) {
			return true
		}
	}
	return false
}
