// Command profile loads and checks a repository as govctl validate does
// (or, with -generate, works out every generated file as govctl generate
// --check does), with govctl's garbage-collector settings, and writes a CPU
// profile and a heap profile (live objects after the work) for go tool
// pprof. It prints the time taken and what the heap holds.
//
//	go run ./tools/profile -cpu cpu.prof -heap heap.prof DIR
//	go run ./tools/profile -generate -cpu cpu.prof DIR
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
	gen "github.com/govctl/govctl/pkg/generate"
)

func main() {
	cpu := flag.String("cpu", "cpu.prof", "CPU profile to write")
	heap := flag.String("heap", "heap.prof", "heap profile to write")
	generate := flag.Bool("generate", false, "profile govctl generate --check instead of govctl validate")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: profile [-generate] [-cpu FILE] [-heap FILE] DIR")
		os.Exit(2)
	}
	if err := run(flag.Arg(0), *cpu, *heap, *generate); err != nil {
		fmt.Fprintln(os.Stderr, "profile:", err)
		os.Exit(1)
	}
}

func run(dir, cpuFile, heapFile string, generate bool) error {
	gctune.Tune() // as govctl does
	gctune.Hold() // as govctl validate and generate do
	cf, err := os.Create(cpuFile)
	if err != nil {
		return err
	}
	defer cf.Close()
	if err := pprof.StartCPUProfile(cf); err != nil {
		return err
	}
	start := time.Now()
	var what string
	var keep any
	if generate {
		var files []gen.File
		var left error
		files, left, err = gen.Plan(dir, gen.Options{})
		what = fmt.Sprintf("%d generated files", len(files))
		if left != nil {
			what += " (some bodies left out)"
		}
		keep = files
	} else {
		var res *check.Result
		res, err = check.Run(dir, check.Options{AsOf: date.New(2027, 1, 1)})
		if res != nil {
			what = fmt.Sprintf("%d findings", len(res.Diagnostics))
		}
		keep = res
	}
	elapsed := time.Since(start)
	pprof.StopCPUProfile()
	if err != nil {
		return err
	}
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Printf("%s, %s; live heap %d MiB in %d objects; %d collections; %d MiB allocated in all\n",
		elapsed.Round(time.Millisecond), what, ms.HeapAlloc>>20, ms.HeapObjects, ms.NumGC, ms.TotalAlloc>>20)
	hf, err := os.Create(heapFile)
	if err != nil {
		return err
	}
	defer hf.Close()
	if err := pprof.WriteHeapProfile(hf); err != nil {
		return err
	}
	runtime.KeepAlive(keep)
	return nil
}
