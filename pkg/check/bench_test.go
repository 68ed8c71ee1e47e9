package check

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/rickb777/date"
	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/load"
)

func corpusDir(b *testing.B, bodies int) string {
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("govctl-bench-check-%d", bodies))
	if _, err := os.Stat(dir); err != nil {
		if err := corpus.Write(dir+".tmp", corpus.Options{Bodies: bodies, Years: 10, Seed: 1}); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(dir+".tmp", dir); err != nil {
			b.Fatal(err)
		}
	}
	return dir
}

var sizes = []int{10, 100}

// BenchmarkFloor reads and parses every file into yaml.Node, serially.
func BenchmarkFloor(b *testing.B) {
	for _, n := range sizes {
		dir := corpusDir(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
					if err == nil && strings.HasSuffix(p, ".yaml") {
						data, _ := os.ReadFile(p)
						var node yaml.Node
						_ = yaml.Unmarshal(data, &node)
					}
					return nil
				})
			}
		})
	}
}

func BenchmarkLoad(b *testing.B) {
	for _, n := range sizes {
		dir := corpusDir(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := load.Load(dir, load.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkValidate(b *testing.B) {
	for _, n := range sizes {
		dir := corpusDir(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				res, err := Run(dir, Options{AsOf: date.New(2027, 1, 1)})
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Diagnostics) > 0 {
					b.Fatalf("findings in the corpus: %v", res.Diagnostics[0])
				}
			}
		})
	}
}

// BenchmarkFloorParallel is the floor on as many workers as govctl uses.
func BenchmarkFloorParallel(b *testing.B) {
	for _, n := range sizes {
		dir := corpusDir(b, n)
		var files []string
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && strings.HasSuffix(p, ".yaml") {
				files = append(files, p)
			}
			return nil
		})
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				work := make(chan string)
				done := make(chan bool)
				for range runtime.GOMAXPROCS(0) {
					go func() {
						for p := range work {
							data, _ := os.ReadFile(p)
							var node yaml.Node
							_ = yaml.Unmarshal(data, &node)
						}
						done <- true
					}()
				}
				for _, f := range files {
					work <- f
				}
				close(work)
				for range runtime.GOMAXPROCS(0) {
					<-done
				}
			}
		})
	}
}
