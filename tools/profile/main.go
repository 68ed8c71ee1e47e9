// Command profile loads and checks a repository as govctl validate does,
// with govctl's garbage-collector settings, and writes a CPU profile and a
// heap profile (live objects after checking) for go tool pprof. It prints
// the time taken and what the heap holds.
//
//	go run ./tools/profile -cpu cpu.prof -heap heap.prof DIR
//	go tool pprof -top cpu.prof
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/gctune"
)

func main() {
	cpu := flag.String("cpu", "cpu.prof", "CPU profile to write")
	heap := flag.String("heap", "heap.prof", "heap profile to write")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: profile [-cpu FILE] [-heap FILE] DIR")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *cpu, *heap); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run(dir, cpuFile, heapFile string) error {
	gctune.Tune() // as govctl validate does
	gctune.Hold()
	cf, err := os.Create(cpuFile)
	if err != nil {
		return err
	}
	defer cf.Close()
	if err := pprof.StartCPUProfile(cf); err != nil {
		return err
	}
	start := time.Now()
	res, err := check.Run(dir, check.Options{AsOf: date.New(2027, 1, 1)})
	elapsed := time.Since(start)
	pprof.StopCPUProfile()
	if err != nil {
		return err
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s, %d findings; live heap %d MiB in %d objects; %d collections; %d MiB allocated in all\n",
		elapsed.Round(time.Millisecond), len(res.Diagnostics), ms.HeapAlloc>>20, ms.HeapObjects, ms.NumGC, ms.TotalAlloc>>20)
	hf, err := os.Create(heapFile)
	if err != nil {
		return err
	}
	defer hf.Close()
	if err := pprof.WriteHeapProfile(hf); err != nil {
		return err
	}
	runtime.KeepAlive(res)
	return nil
}
