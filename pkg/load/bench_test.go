package load_test

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/load"
)

// benchCorpus is a synthetic repository of n bodies, written once under the
// system's temporary folder and kept there, named by the generator's version.
func benchCorpus(b *testing.B, bodies int) string {
	b.Helper()
	dir := filepath.Join(os.TempDir(), fmt.Sprintf("govctl-bench-load-v%d-%d", corpus.Version, bodies))
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

// BenchmarkLoad loads a corpus of 10 and of 100 bodies. Beside time and
// allocations it reports live-B: the bytes of heap the loaded model holds.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{10, 100} {
		dir := benchCorpus(b, n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if _, _, err := load.Load(dir, load.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.StopTimer()
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			repo, _, err := load.Load(dir, load.Options{})
			if err != nil {
				b.Fatal(err)
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(repo)
			b.ReportMetric(float64(after.HeapAlloc)-float64(before.HeapAlloc), "live-B")
		})
	}
}
