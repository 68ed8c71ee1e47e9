// Command benchrun measures whole govctl processes on synthetic corpora of
// growing size, beside the floor (reading and parsing every file into
// yaml.Node, and nothing else, tools/floor) and an independent JSON-Schema
// validator checking the same files against govctl's schema
// (tools/schemacheck): wall time (median of several runs), peak memory (max
// RSS) and the ratio to the floor. It prints a markdown table.
//
//	go run ./tools/benchrun -sizes 10,100,1000 -runs 5
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/govctl/govctl/pkg/corpus"
)

func main() {
	sizes := flag.String("sizes", "10,100,1000", "numbers of bodies")
	years := flag.Int("years", 10, "years of monthly meetings per body")
	runs := flag.Int("runs", 5, "runs of each command (the median is reported)")
	work := flag.String("dir", filepath.Join(os.TempDir(), "govctl-bench"), "where corpora and binaries live (kept between runs)")
	flag.Parse()

	must(os.MkdirAll(*work, 0o755))
	govctl := build(*work, "govctl", "./cmd/govctl")
	floor := build(*work, "floor", "./tools/floor")
	schemacheck := build(*work, "schemacheck", "./tools/schemacheck")

	fmt.Printf("Measured on %s/%s, %d CPUs, %s; %d years of monthly meetings per body; median of %d runs.\n\n",
		runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), runtime.Version(), *years, *runs)
	fmt.Println("| bodies | files | command | time | peak memory | x floor |")
	fmt.Println("| ---: | ---: | --- | ---: | ---: | ---: |")
	var prev time.Duration
	for _, s := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		must(err)
		dir := filepath.Join(*work, fmt.Sprintf("corpus-%d-%d", n, *years))
		if _, err := os.Stat(dir); err != nil {
			must(corpus.Write(dir+".tmp", corpus.Options{Bodies: n, Years: *years, Seed: 1}))
			must(os.Rename(dir+".tmp", dir))
		}
		files := count(dir)
		env := []string{"GOVCTL_TODAY=2027-01-01"}
		fl, flMem := measure(*runs, env, floor, dir)
		row(n, files, "floor (read + yaml.Node)", fl, flMem, fl)
		sc, scMem := measure(*runs, env, schemacheck, dir)
		row(n, files, "JSON-Schema validator (jsonschema/v6)", sc, scMem, fl)
		v, vMem := measure(*runs, env, govctl, "validate", dir)
		row(n, files, "govctl validate", v, vMem, fl)
		run(env, govctl, "generate", dir)
		g, gMem := measure(*runs, env, govctl, "generate", "--check", dir)
		row(n, files, "govctl generate --check", g, gMem, fl)
		if prev > 0 {
			fmt.Printf("| | | validate growth over the previous size | %.1fx | | |\n", float64(v)/float64(prev))
		}
		prev = v
		if n == 1000 || s == strings.Split(*sizes, ",")[len(strings.Split(*sizes, ","))-1] {
			changed(*runs, env, govctl, dir, n, files, fl)
		}
	}
	ver, verMem := measure(max(*runs, 21), nil, govctl, "--version")
	row(0, 0, "govctl --version", ver, verMem, 0)
	// What starting any Go program costs here, for scale.
	empty, err := os.MkdirTemp(*work, "empty")
	must(err)
	defer os.RemoveAll(empty)
	start, startMem := measure(max(*runs, 21), nil, floor, empty)
	row(0, 0, "a Go program's start (the floor on an empty folder)", start, startMem, 0)
}

// changed measures validate --changed on a change to one body, committed
// on top of the corpus: over the range of that commit (what CI runs on a
// pull request), and since the commit before it, which also has git look
// over the working tree. The commit is undone afterwards.
func changed(runs int, env []string, govctl, dir string, n, files int, floor time.Duration) {
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		gitIn(dir, "init", "-q")
		gitIn(dir, "add", "-A")
		gitIn(dir, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "corpus")
	}
	f := filepath.Join(dir, "body-0005", "network.yaml")
	orig, err := os.ReadFile(f)
	must(err)
	must(os.WriteFile(f, append(orig, []byte("notes: changed for the benchmark\n")...), 0o644))
	gitIn(dir, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-a", "-m", "one body")
	defer gitIn(dir, "reset", "-q", "--hard", "HEAD~1")
	c, cMem := measure(runs, env, govctl, "validate", "--changed", "HEAD~1...HEAD", dir)
	row(n, files, "govctl validate --changed HEAD~1...HEAD (one body)", c, cMem, floor)
	c, cMem = measure(runs, env, govctl, "validate", "--changed", "HEAD~1", dir)
	row(n, files, "govctl validate --changed HEAD~1 (one body, and the working tree)", c, cMem, floor)
}

func row(n, files int, what string, d time.Duration, mem int64, floor time.Duration) {
	ratio := ""
	if floor > 0 {
		ratio = fmt.Sprintf("%.2f", float64(d)/float64(floor))
	}
	bodies, nfiles := "", ""
	if n > 0 {
		bodies, nfiles = strconv.Itoa(n), strconv.Itoa(files)
	}
	fmt.Printf("| %s | %s | %s | %s | %d MiB | %s |\n", bodies, nfiles, what, d.Round(time.Millisecond), mem>>20, ratio)
}

// measure runs the command and returns the median wall time and the largest
// peak RSS.
func measure(runs int, env []string, name string, args ...string) (time.Duration, int64) {
	var times []time.Duration
	var peak int64
	for range runs {
		cmd := exec.Command(name, args...)
		cmd.Env = append(os.Environ(), env...)
		start := time.Now()
		out, err := cmd.CombinedOutput()
		el := time.Since(start)
		if err != nil && cmd.ProcessState.ExitCode() > 1 {
			fmt.Fprintf(os.Stderr, "%s %v: %v\n%s", name, args, err, out)
			os.Exit(1)
		}
		times = append(times, el)
		if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
			peak = max(peak, ru.Maxrss*1024)
		}
	}
	slices.Sort(times)
	return times[len(times)/2], peak
}

func build(work, name, pkg string) string {
	out := filepath.Join(work, name)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Stderr = os.Stderr
	must(cmd.Run())
	return out
}

func run(env []string, name string, args ...string) {
	cmd := exec.Command(name, args...)
	cmd.Env = append(os.Environ(), env...)
	_ = cmd.Run()
}

func gitIn(dir string, args ...string) {
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Stderr = os.Stderr
	must(cmd.Run())
}

func count(dir string) int {
	n := 0
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".yaml") {
			n++
		}
		return nil
	})
	return n
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}
