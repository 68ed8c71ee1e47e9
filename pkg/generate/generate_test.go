package generate

import (
	"os"
	"testing"

	"github.com/govctl/govctl/pkg/corpus"
)

func TestPlanWriteCheck(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 5, Years: 1, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	files, errs, err := Plan(dir)
	if err != nil || len(errs) > 0 {
		t.Fatal(err, errs)
	}
	// 1 index + per body: 1 page and 12 held meetings' minutes.
	if want := 1 + 5*(1+12); len(files) != want {
		t.Fatalf("%d files, want %d", len(files), want)
	}
	for _, f := range files {
		if f.State != "missing" {
			t.Fatalf("%s: %s before writing", f.Path, f.State)
		}
		if err := os.WriteFile(f.Path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again, _, err := Plan(dir)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range again {
		if f.State != "ok" || f.Path != files[i].Path {
			t.Errorf("%s: %s after writing (order or content not stable)", f.Path, f.State)
		}
	}
}

func TestKeepCustom(t *testing.T) {
	gen := []byte("# T\n<!-- custom -->\n<!-- /custom -->\nbody\n")
	old := []byte("# Old\n<!-- custom -->\nmine\n<!-- /custom -->\nold body\n")
	if got := string(KeepCustom(gen, old)); got != "# T\n<!-- custom -->\nmine\n<!-- /custom -->\nbody\n" {
		t.Errorf("got %q", got)
	}
	if got := string(KeepCustom(gen, []byte("no markers"))); got != string(gen) {
		t.Errorf("without markers: %q", got)
	}
}
