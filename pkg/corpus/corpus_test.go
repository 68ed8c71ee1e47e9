package corpus

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/diag"
)

func TestCorpusIsValidAndDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	for _, dir := range []string{a, b} {
		if err := Write(dir, Options{Bodies: 12, Years: 2, Seed: 7}); err != nil {
			t.Fatal(err)
		}
	}
	res, err := check.Run(a, check.Options{AsOf: date.New(2019, 1, 1)})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diagnostics {
		t.Errorf("finding in the corpus: %s", d)
	}
	if errs, _ := diag.Count(res.Diagnostics); errs > 0 {
		t.Fatalf("%d errors", errs)
	}
	if got := len(res.Repo.Networks); got != 12 {
		t.Errorf("%d networks, want 12", got)
	}
	// Byte for byte the same for the same seed.
	err = filepath.WalkDir(a, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(a, p)
		x, _ := os.ReadFile(p)
		y, err := os.ReadFile(filepath.Join(b, rel))
		if err != nil || string(x) != string(y) {
			t.Errorf("%s differs between two runs with one seed", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
