// Command benchrun measures whole govctl processes on synthetic corpora of
// growing size, beside the floor (reading and parsing every file into
// yaml.Node, and nothing else, tools/floor) and an independent JSON-Schema
// validator checking the same files against govctl's schema
// (tools/schemacheck): wall time and CPU time (user and system; medians of
// several runs), peak memory (max RSS) and the ratios to the floor. All the
// commands at all the sizes run in turns, after one untimed run each, so a
// shared machine's slow spells fall on all of them alike. It prints a
// markdown table.
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
	fmt.Println("| bodies | files | command | time | CPU time | peak memory | x floor | CPU x floor |")
	fmt.Println("| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |")
	// Every size's commands are run in one set of turns, so that the growth
	// from one size to the next is measured on the same spells of a shared
	// machine as the ratios to the floor.
	type corpusAt struct {
		n, files int
		dir      string
	}
	var corpora []corpusAt
	var jobs []job
	env := []string{"GOVCTL_TODAY=2027-01-01"}
	for _, n := range parseSizes(*sizes) {
		dir := filepath.Join(*work, fmt.Sprintf("corpus-v%d-%d-%d", corpus.Version, n, *years))
		if _, err := os.Stat(dir); err != nil {
			must(corpus.Write(dir+".tmp", corpus.Options{Bodies: n, Years: *years, Seed: 1}))
			must(os.Rename(dir+".tmp", dir))
		}
		run(env, govctl, "generate", dir)
		corpora = append(corpora, corpusAt{n, count(dir), dir})
		jobs = append(jobs, compared(env, floor, schemacheck, govctl, dir)...)
	}
	m := measure(*runs, jobs)
	perSize := len(jobs) / len(corpora)
	var prev, prevFloor time.Duration
	for i, c := range corpora {
		rs := m[i*perSize : (i+1)*perSize]
		fl, v := rs[floorAt].time, rs[validateAt].time
		for _, r := range rs {
			row(c.n, c.files, r, rs[floorAt])
		}
		if prev > 0 {
			fmt.Printf("| | | growth over the previous size: validate %.1fx, floor %.1fx | | | | | |\n",
				float64(v)/float64(prev), float64(fl)/float64(prevFloor))
		}
		prev, prevFloor = v, fl
	}
	largest := corpora[len(corpora)-1]
	changed(*runs, env, govctl, largest.dir, largest.n, largest.files, m[(len(corpora)-1)*perSize+floorAt])
	empty, err := os.MkdirTemp(*work, "empty")
	must(err)
	defer os.RemoveAll(empty)
	m = measure(max(*runs, 21), []job{
		{"govctl --version", nil, govctl, []string{"--version"}},
		// What starting any Go program costs here, for scale.
		{"a Go program's start (the floor on an empty folder)", nil, floor, []string{empty}},
	})
	for _, r := range m {
		row(0, 0, r, result{})
	}
}

// changed measures validate --changed and generate --check --changed on a
// change to one body, committed on top of the corpus: over the range of that commit (what CI runs on a
// pull request), and since the commit before it, which also has git look
// over the working tree. The commit is undone afterwards.
func changed(runs int, env []string, govctl, dir string, n, files int, floor result) {
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		gitIn(dir, "init", "-q")
		gitIn(dir, "add", "-A")
		gitIn(dir, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "corpus")
	}
	// The pages generate wrote above, committed first: the measured range
	// holds the one body's change alone, not every page a newer govctl
	// wrote differently.
	gitIn(dir, "add", "-A")
	gitIn(dir, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "--allow-empty", "-m", "pages")
	f := filepath.Join(dir, "body-0005", "network.yaml")
	orig, err := os.ReadFile(f)
	must(err)
	must(os.WriteFile(f, append(orig, []byte("notes: changed for the benchmark\n")...), 0o644))
	gitIn(dir, "-c", "user.name=bench", "-c", "user.email=bench@example.com", "commit", "-q", "-m", "one body", "--", filepath.Join("body-0005", "network.yaml"))
	defer gitIn(dir, "reset", "-q", "--hard", "HEAD~1")
	m := measure(runs, []job{
		{"govctl validate --changed HEAD~1...HEAD (one body)", env, govctl, []string{"validate", "--changed", "HEAD~1...HEAD", dir}},
		{"govctl validate --changed HEAD~1 (one body, and the working tree)", env, govctl, []string{"validate", "--changed", "HEAD~1", dir}},
		// Its page is stale (the notes changed): found, exit 1.
		{"govctl generate --check --changed HEAD~1...HEAD (one body)", env, govctl, []string{"generate", "--check", "--changed", "HEAD~1...HEAD", dir}},
	})
	for _, r := range m {
		row(n, files, r, floor)
	}
}

// row prints a result, with its ratios to floor's (none when floor is the
// zero result).
func row(n, files int, r, floor result) {
	ratio, cpuRatio := "", ""
	if floor.time > 0 {
		ratio = fmt.Sprintf("%.2f", float64(r.time)/float64(floor.time))
		cpuRatio = fmt.Sprintf("%.2f", float64(r.cpu)/float64(floor.cpu))
	}
	bodies, nfiles := "", ""
	if n > 0 {
		bodies, nfiles = strconv.Itoa(n), strconv.Itoa(files)
	}
	fmt.Printf("| %s | %s | %s | %s | %s | %d MiB | %s | %s |\n", bodies, nfiles, r.what, r.time.Round(time.Millisecond), r.cpu.Round(time.Millisecond), r.peak>>20, ratio, cpuRatio)
}

// A job is one command to measure.
type job struct {
	what string
	env  []string
	name string
	args []string
}

// A result is a job's median wall time, its median CPU time (user and
// system: on a machine others share, what the work itself cost, less
// disturbed by their load than the wall time), and its largest peak RSS.
type result struct {
	what string
	time time.Duration
	cpu  time.Duration
	peak int64
}

// measure runs every job once, untimed, to warm the file cache, and then
// runs times in turns (each job once, then each job again, and so on),
// returning each job's median wall time and largest peak RSS.
func measure(runs int, jobs []job) []result {
	times := make([][]time.Duration, len(jobs))
	cpus := make([][]time.Duration, len(jobs))
	res := make([]result, len(jobs))
	for i := -1; i < runs; i++ {
		for j, jb := range jobs {
			el, cpu, peak := once(jb)
			if i < 0 {
				continue
			}
			times[j] = append(times[j], el)
			cpus[j] = append(cpus[j], cpu)
			res[j].peak = max(res[j].peak, peak)
		}
	}
	for j, jb := range jobs {
		slices.Sort(times[j])
		slices.Sort(cpus[j])
		res[j].what, res[j].time, res[j].cpu = jb.what, times[j][len(times[j])/2], cpus[j][len(cpus[j])/2]
	}
	return res
}

// once runs a job and returns its wall time, CPU time and peak RSS. Exit status 1
// (findings) is expected of some; anything worse stops the run.
func once(jb job) (time.Duration, time.Duration, int64) {
	cmd := exec.Command(jb.name, jb.args...)
	cmd.Env = append(os.Environ(), jb.env...)
	start := time.Now()
	out, err := cmd.CombinedOutput()
	el := time.Since(start)
	if err != nil && cmd.ProcessState.ExitCode() != 1 {
		fmt.Fprintf(os.Stderr, "%s %v: %v\n%s", jb.name, jb.args, err, out)
		os.Exit(1)
	}
	var peak int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		peak = ru.Maxrss * 1024
	}
	return el, cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(), peak
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

// parseSizes reads -sizes: numbers of bodies, smallest first, so that each
// size's growth is over the one below it and the last is the largest.
func parseSizes(list string) []int {
	var sizes []int
	for _, s := range strings.Split(list, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		must(err)
		sizes = append(sizes, n)
	}
	slices.Sort(sizes)
	return slices.Compact(sizes)
}

// The places of the floor and of govctl validate among compared's jobs.
const floorAt, validateAt = 0, 2

// compared returns the commands measured side by side on the corpus in dir.
func compared(env []string, floor, schemacheck, govctl, dir string) []job {
	return []job{
		floorAt:    {"floor (read + yaml.Node)", env, floor, []string{dir}},
		1:          {"JSON-Schema validator (jsonschema/v6)", env, schemacheck, []string{dir}},
		validateAt: {"govctl validate", env, govctl, []string{"validate", dir}},
		3:          {"govctl generate --check", env, govctl, []string{"generate", "--check", dir}},
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchrun:", err)
		os.Exit(1)
	}
}
