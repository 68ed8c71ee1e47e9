package generate

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/govctl/govctl/pkg/corpus"
)

// BenchmarkPlan works out every generated file of 20 bodies with ten years
// of monthly meetings (the work behind generate --check).
func BenchmarkPlan(b *testing.B) {
	dir := filepath.Join(os.TempDir(), "govctl-bench-generate-20")
	if _, err := os.Stat(dir); err != nil {
		if err := corpus.Write(dir+".tmp", corpus.Options{Bodies: 20, Years: 10, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(dir+".tmp", dir); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if _, errs, err := Plan(dir); err != nil || errs != nil {
			b.Fatal(err, errs)
		}
	}
}
