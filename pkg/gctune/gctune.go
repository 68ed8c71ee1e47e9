// Package gctune sets the garbage collector for a short-lived process that
// reads a whole repository. cmd/govctl calls Tune first thing, and the
// validate and generate commands Hold; tools/profile does both, so that
// profiles show what govctl validate and generate do.
package gctune

import (
	"math"
	"os"
	"runtime/debug"
	"strconv"
	"strings"
)

// heapBound is the most memory govctl lets itself use before it collects
// garbage, unless the container it runs in has less.
const heapBound = 900 << 20

// Tune has the garbage collector run half as often as Go's default
// (GOGC=200), and never let the heap grow past a bound before collecting:
// 900 MiB, or three quarters of the container's memory limit (cgroup v2
// memory.max, or v1 memory.limit_in_bytes) where that is lower. GOGC and
// GOMEMLIMIT, when set, win.
func Tune() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryBound(cgroupLimit()))
	}
}

// Hold is for a command that reads the whole repository, keeps what it read
// to its end and exits, as validate and generate do: it has the collector run a
// quarter as often as Go's default (GOGC=400), still within the bound Tune
// set. Nearly all such a command's garbage is each file's parsed YAML, cheap
// to collect, but every collection also marks the whole model read so far;
// at a thousand bodies that marking was the one cost growing faster than the
// repository, and at 400 the bound, not the percentage, decides when a large
// repository is collected. Turning collection off altogether until the bound
// (as govctl once did) cost more than it saved below a thousand bodies: the
// kernel's price of 400 MiB of fresh pages at 100 bodies was half a second,
// three times the collections it spared. Hold does nothing when GOGC is set
// or there is no bound (GOMEMLIMIT=off, or Tune not called, as in tests).
func Hold() {
	if os.Getenv("GOGC") != "" || debug.SetMemoryLimit(-1) == math.MaxInt64 {
		return
	}
	debug.SetGCPercent(holdPercent)
}

// holdPercent is Hold's GOGC.
const holdPercent = 400

// memoryBound is heapBound, or three quarters of a container's memory
// limit (0 when there is none) where that is lower.
func memoryBound(container int64) int64 {
	if container > 0 && container/4*3 < heapBound {
		return container / 4 * 3
	}
	return heapBound
}

// cgroupLimit is the memory limit of the cgroup govctl runs in, in bytes,
// or 0 when there is none or it cannot be read: cgroup v2's memory.max
// ("max" when unlimited), else cgroup v1's memory.limit_in_bytes.
func cgroupLimit() int64 {
	for _, f := range []string{"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"} {
		if b, err := os.ReadFile(f); err == nil {
			return parseLimit(string(b))
		}
	}
	return 0
}

// parseLimit reads a cgroup memory limit file's contents: a number of
// bytes, or "max". Anything else, and v1's "no limit" (a number near the
// largest int64), is 0.
func parseLimit(s string) int64 {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 || n > math.MaxInt64/2 {
		return 0
	}
	return n
}
