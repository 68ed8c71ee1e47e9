package load

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"testing"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
)

// The planner reads each kind of file of the layout into that kind's model
// type.
func TestPlannerReadsEveryKind(t *testing.T) {
	dir := t.TempDir()
	for _, rel := range []string{"govctl.yaml", "organisations.yaml", "a/network.yaml", "a/members.yaml", "a/work-programme.yaml", "a/meetings/2026-01-06.yaml", "a/terms/2025-01-01.yaml"} {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	l := &loader{dir: dir, root: dir, maxFiles: MaxFiles}
	l.start()
	l.plan(&model.Repo{Dir: dir}, Options{})
	l.wait()
	seen := map[layout.Kind]bool{}
	for _, j := range l.jobs {
		k, ok := layout.Of(j.rel)
		if !ok || k != j.kind {
			t.Errorf("%s planned as %s; the layout says %s (%v)", j.rel, j.kind.Name(), k.Name(), ok)
		}
		if got := reflect.TypeOf(j.target).Elem(); got != j.kind.Type() {
			t.Errorf("%s read into %s, want %s", j.rel, got, j.kind.Type())
		}
		seen[j.kind] = true
	}
	for _, k := range layout.Kinds() {
		if !seen[k] {
			t.Errorf("no %s file planned", k.Name())
		}
	}
}

// A Range written as a mapping has the keys the layout gives it.
func TestRangeMappingKeys(t *testing.T) {
	var keys []string
	rt := reflect.TypeFor[rangeMapping]()
	for i := range rt.NumField() {
		if name := model.TagOf(rt.Field(i)).Name; name != "" {
			keys = append(keys, name)
		}
	}
	if !slices.Equal(keys, layout.Range.Keys()) {
		t.Errorf("rangeMapping keys %v, layout.Range.Keys() %v", keys, layout.Range.Keys())
	}
}
