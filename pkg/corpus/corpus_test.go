package corpus

import (
	"crypto/sha256"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
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
	x, y := readTree(t, a), readTree(t, b)
	for rel, content := range x {
		if other, ok := y[rel]; !ok || other != content {
			t.Errorf("%s differs between two runs with one seed", rel)
		}
	}
}

// readTree returns every file under dir by its slash-separated path.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	files := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// The output of Write for small Options, by Version. When Write changes what
// it writes, add the next Version with the new sum (the test prints it).
var outputSums = map[int]string{
	1: "22fea0bd5a7fb90370f48bbd97f737fe9632e28f207977cbba9630473aff9318",
	2: "18211a18bbad1270f8e4e63ae453607ff6f8008b5570aa29fc33aa9d3293e26b",
}

func TestVersionNamesTheOutput(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, Options{Bodies: 3, Years: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	h := sha256.New()
	for _, rel := range slices.Sorted(maps.Keys(files)) {
		fmt.Fprintf(h, "%s %d\n%s", rel, len(files[rel]), files[rel])
	}
	got := fmt.Sprintf("%x", h.Sum(nil))
	if want := outputSums[Version]; got != want {
		t.Errorf("corpus output %s, recorded for Version %d: %q\n"+
			"hint: Write's output changed; increase Version and record the new sum under it", got, Version, want)
	}
}
