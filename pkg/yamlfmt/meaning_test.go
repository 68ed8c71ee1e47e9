package yamlfmt

import (
	"cmp"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
)

// TestNetworksMeaning formats a copy of the repository's own networks and
// loads it before and after: the model and the findings are the same.
func TestNetworksMeaning(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, "../../networks", dir)
	assertSameMeaning(t, dir)
}

// TestCorpusMeaning does the same for a generated repository of several
// bodies with years of meetings.
func TestCorpusMeaning(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 4, Years: 2, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	assertSameMeaning(t, dir)
}

// TestMessyMeaning does the same for a small repository written carelessly:
// keys out of order, four-space indentation, flow mappings, comments
// everywhere, and findings to keep (an unknown field, a duplicate key, a
// wrong type).
func TestMessyMeaning(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"govctl.yaml": `# settings
rules:
    unscheduled: off     # quiet
    quorum-unreachable: warning
holidays: england-and-wales
closures: [{name: Closed, date: 2026-12-24}]
timezone: Europe/London
`,
		"organisations.yaml": `organisations:
  - {name: London Borough of Brent, id: brent, groups: [boroughs]}
  - {short_name: Lewisham, id: lewisham, name: London Borough of Lewisham}
  # the service
  - name: Shared Technology Service
    id: sts
`,
		"omg/network.yaml": `# OMG
voting: {method: consensus, basis: organisation}
name: Operational Management Group
id: omg
colour: blue          # unknown: kept, last
quorum:
    substitutes_count: true
    each_organisation_of: [brent, lewisham]
offices:
    chair:
        post: Managing Director
        appointment: ex-officio
        count: {max: 2, min: 1}
seats:
    -   votes: 1
        title: Appointed Partner
        organisations: [brent, lewisham]
    -   title: Senior Leadership Team
        per_organisation: {min: 1}
        organisations: [sts]
meetings:
    ordinary:
        start: "10:00"
        on: second Tuesday
        every: P1M
        venue: {rotate: [brent, lewisham], online: true}
        notice: {business_days: 2}
        standing_items: [Apologies for absence, Minutes of the last meeting]
`,
		"omg/members.yaml": `office_holders:
    - member: md
      office: chair
      from: 2026-01-01
members:
    - organisation: sts
      name: Managing Director
      id: md
      seat: Senior Leadership Team
    - seat: Appointed Partner
      id: brent-it
      organisation: brent
      name: Head of IT, Brent
      substitutes: [brent-deputy]
      from: 2026-01-01
    - {id: brent-deputy, organisation: brent, name: Deputy, name: Twice}
    - id: lewisham-it
      name: Head of IT, Lewisham
      organisation: lewisham
      seat: Appointed Partner
      votes: maybe
`,
		"omg/work-programme.yaml": `items:
    - status: on-track
      title: Cloud move
      id: W-1
      milestones:
          - {done: 2026-03-01, title: Plan}
period: {until: 2026-12-31, from: 2026-01-01}
`,
		"omg/meetings/2026-02-10.yaml": `status: held
kind: ordinary
date: 2026-02-10
chair: md
attendance:
    present: [md, brent-it]
    apologies: [lewisham-it]
    substitutes: {brent-deputy: brent-it}
decisions:
    - outcome: agreed
      text: Agree the plan
      id: D-1
      votes: {for: [sts, brent], against: []}
actions:
    - {owner: md, text: Circulate the plan, id: A-1, due: 2026-03-01}
`,
	}
	for rel, data := range files {
		write(t, filepath.Join(dir, filepath.FromSlash(rel)), data)
	}
	assertSameMeaning(t, dir)
}

var asOf = date.New(2026, 11, 23)

// assertSameMeaning loads and checks dir, formats every file of it in
// place (twice: the second time must change nothing), and loads and checks
// it again: the models must be equal but for positions, and the findings
// equal but for lines.
func assertSameMeaning(t *testing.T, dir string) {
	t.Helper()
	before, err := check.Run(dir, check.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := Files(dir)
	if err != nil {
		t.Fatal(err)
	}
	changed := 0
	for _, f := range files {
		data, err := os.ReadFile(f.Path)
		if err != nil {
			t.Fatal(err)
		}
		out, err := Format(data, f.Type)
		if err != nil {
			t.Fatalf("%s: %v", f.Rel, err)
		}
		if string(out) != string(data) {
			changed++
		}
		assertCommentsKept(t, string(data), string(out))
		if err := os.WriteFile(f.Path, out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d of %d files changed", changed, len(files))
	for _, f := range files {
		data, _ := os.ReadFile(f.Path)
		out, err := Format(data, f.Type)
		if err != nil || string(out) != string(data) {
			t.Errorf("%s: formatting a second time changes it (%v)", f.Rel, err)
		}
	}
	after, err := check.Run(dir, check.Options{AsOf: asOf})
	if err != nil {
		t.Fatal(err)
	}
	zeroPositions(reflect.ValueOf(before.Repo))
	zeroPositions(reflect.ValueOf(after.Repo))
	if !reflect.DeepEqual(before.Repo, after.Repo) {
		t.Errorf("the model differs after formatting:\n%s", firstDifference(reflect.ValueOf(before.Repo), reflect.ValueOf(after.Repo), "repo"))
	}
	b, a := findings(before.Diagnostics), findings(after.Diagnostics)
	if !slices.Equal(b, a) {
		t.Errorf("the findings differ after formatting:\nbefore:\n%s\nafter:\n%s", strings.Join(b, "\n"), strings.Join(a, "\n"))
	}
	if len(b) > 0 {
		t.Logf("%d findings, the same before and after", len(b))
	}
}

var reLine = regexp.MustCompile(`\bline \d+`)

// findings are the findings without their lines and columns.
func findings(ds []diag.Diagnostic) []string {
	var out []string
	for _, d := range ds {
		out = append(out, fmt.Sprintf("%s: %s %s: %s", d.Pos.File, d.Severity, d.Rule, reLine.ReplaceAllString(d.Message, "line N")))
	}
	slices.Sort(out)
	return out
}

var (
	typePos   = reflect.TypeFor[model.Pos]()
	typeKeyAt = reflect.TypeFor[[]model.KeyAt]()
)

// zeroPositions clears every model.Pos reachable from v (in Loc.At and
// Loc.Keys, Refs, Dates, and the rest), keeping which keys were written.
func zeroPositions(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			zeroPositions(v.Elem())
		}
	case reflect.Struct:
		if v.Type() == typePos {
			if v.CanSet() {
				v.SetZero()
			}
			return
		}
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				zeroPositions(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type() == typeKeyAt && v.CanSet() {
			// Keep which keys were written, not where or in what order.
			keys := v.Interface().([]model.KeyAt)
			names := make([]model.KeyAt, len(keys))
			for i, k := range keys {
				names[i] = model.KeyAt{Key: k.Key}
			}
			slices.SortFunc(names, func(a, b model.KeyAt) int { return cmp.Compare(a.Key, b.Key) })
			v.Set(reflect.ValueOf(names))
			return
		}
		for i := range v.Len() {
			zeroPositions(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			zeroPositions(e)
			v.SetMapIndex(k, e)
		}
	}
}

// firstDifference describes where a and b first differ.
func firstDifference(a, b reflect.Value, path string) string {
	if a.Kind() != b.Kind() {
		return path + ": kinds differ"
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			if a.IsNil() != b.IsNil() {
				return path + ": nil on one side"
			}
			return ""
		}
		return firstDifference(a.Elem(), b.Elem(), path)
	case reflect.Struct:
		for i := range a.NumField() {
			if !a.Type().Field(i).IsExported() {
				continue
			}
			if d := firstDifference(a.Field(i), b.Field(i), path+"."+a.Type().Field(i).Name); d != "" {
				return d
			}
		}
		if !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %v != %v", path, a.Interface(), b.Interface())
		}
	case reflect.Slice, reflect.Array:
		if a.Len() != b.Len() {
			return fmt.Sprintf("%s: %d items != %d", path, a.Len(), b.Len())
		}
		for i := range a.Len() {
			if d := firstDifference(a.Index(i), b.Index(i), fmt.Sprintf("%s[%d]", path, i)); d != "" {
				return d
			}
		}
	default:
		if a.CanInterface() && !reflect.DeepEqual(a.Interface(), b.Interface()) {
			return fmt.Sprintf("%s: %v != %v", path, a.Interface(), b.Interface())
		}
	}
	return ""
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}
