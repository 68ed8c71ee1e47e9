package generate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/govctl/govctl/pkg/corpus"
)

// BenchmarkPlan works out every generated file of 20 bodies with ten years
// of monthly meetings, and compares each with the file on disk, written
// before (the work behind generate --check on a repository kept up to
// date).
func BenchmarkPlan(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "govctl-bench-generate-20-written")
	if _, err := os.Stat(dir); err != nil {
		tmp := dir + ".tmp"
		_ = os.RemoveAll(tmp)
		if err := corpus.Write(tmp, corpus.Options{Bodies: 20, Years: 10, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		files, left, err := Plan(tmp, Options{})
		if err != nil || left != nil {
			b.Fatal(err, left)
		}
		for _, f := range files {
			if err := Write(f); err != nil {
				b.Fatal(err)
			}
		}
		if err := os.Rename(tmp, dir); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportAllocs()
	for b.Loop() {
		files, left, err := Plan(dir, Options{})
		if err != nil || left != nil {
			b.Fatal(err, left)
		}
		for _, f := range files {
			if f.State != "ok" {
				b.Fatalf("%s: %s", f.Path, f.State)
			}
		}
	}
}
