package load_test

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/load"
)

// BenchmarkLoad loads a corpus of 10 and of 100 bodies. Beside time and
// allocations it reports live-B: the bytes of heap the loaded model holds.
func BenchmarkLoad(b *testing.B) {
	for _, n := range []int{10, 100} {
		dir := b.TempDir()
		if err := corpus.Write(dir, corpus.Options{Bodies: n, Years: 10, Seed: 1}); err != nil {
			b.Fatal(err)
		}
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
