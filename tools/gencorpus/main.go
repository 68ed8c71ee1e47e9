// Command gencorpus writes a synthetic governance repository for benchmarks:
// N bodies, each with Y years of monthly meetings (attendance, decisions with
// votes, actions and updates) and a work programme, deterministic for a seed
// and valid under govctl validate.
//
//	go run ./tools/gencorpus -bodies 100 -years 10 -seed 1 -out /tmp/corpus-100
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/govctl/govctl/pkg/corpus"
)

func main() {
	bodies := flag.Int("bodies", 10, "number of bodies")
	years := flag.Int("years", 10, "years of monthly meetings")
	seed := flag.Uint64("seed", 1, "random seed")
	out := flag.String("out", "", "folder to write (must not exist)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gencorpus: give -out DIR")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %s exists; remove it or choose another folder\n", *out)
		os.Exit(2)
	}
	if err := corpus.Write(*out, corpus.Options{Bodies: *bodies, Years: *years, Seed: *seed}); err != nil {
		fmt.Fprintf(os.Stderr, "gencorpus: %v\n", err)
		os.Exit(1)
	}
}
