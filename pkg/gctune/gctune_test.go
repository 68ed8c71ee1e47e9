package gctune

import (
	"math"
	"runtime/debug"
	"testing"
)

func TestParseLimit(t *testing.T) {
	for in, want := range map[string]int64{
		"max\n":                 0,
		"536870912\n":           536870912,
		"9223372036854771712\n": 0, // cgroup v1 with no limit
		"":                      0,
		"-1":                    0,
		"lots":                  0,
		" 1073741824 ":          1073741824,
	} {
		if got := parseLimit(in); got != want {
			t.Errorf("parseLimit(%q) = %d, want %d", in, got, want)
		}
	}
}

func TestMemoryBound(t *testing.T) {
	for _, c := range []struct{ container, want int64 }{
		{0, heapBound},
		{8 << 30, heapBound},
		{heapBound, heapBound / 4 * 3},
		{512 << 20, 384 << 20},
	} {
		if got := memoryBound(c.container); got != c.want {
			t.Errorf("memoryBound(%d) = %d, want %d", c.container, got, c.want)
		}
	}
}

func TestTuneAndHold(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))

	t.Setenv("GOGC", "")
	t.Setenv("GOMEMLIMIT", "")
	Tune()
	if got := debug.SetGCPercent(-1); got != 200 {
		t.Errorf("Tune, GOGC unset: GC percent %d, want 200", got)
	}
	debug.SetGCPercent(200)
	if got := debug.SetMemoryLimit(-1); got <= 0 || got > heapBound {
		t.Errorf("Tune, GOMEMLIMIT unset: memory limit %d, want 1..%d", got, heapBound)
	}
	Hold()
	if got := debug.SetGCPercent(-1); got != holdPercent {
		t.Errorf("Hold after Tune: GC percent %d, want %d", got, holdPercent)
	}

	// A memory limit of the user's own: kept, and Hold works within it.
	t.Setenv("GOMEMLIMIT", "2GiB")
	debug.SetMemoryLimit(2 << 30)
	debug.SetGCPercent(100)
	Tune()
	if got := debug.SetMemoryLimit(-1); got != 2<<30 {
		t.Errorf("GOMEMLIMIT=2GiB: memory limit %d, want it kept", got)
	}
	Hold()
	if got := debug.SetGCPercent(-1); got != holdPercent {
		t.Errorf("Hold, GOMEMLIMIT=2GiB: GC percent %d, want %d", got, holdPercent)
	}

	// No bound at all (GOMEMLIMIT=off): Hold leaves Tune's setting.
	t.Setenv("GOMEMLIMIT", "off")
	debug.SetMemoryLimit(math.MaxInt64)
	debug.SetGCPercent(100)
	Tune()
	Hold()
	if got := debug.SetGCPercent(-1); got != 200 {
		t.Errorf("Hold, GOMEMLIMIT=off: GC percent %d, want 200", got)
	}

	// GOGC set: left as it is by both.
	t.Setenv("GOGC", "50")
	t.Setenv("GOMEMLIMIT", "")
	debug.SetGCPercent(50)
	Tune()
	Hold()
	if got := debug.SetGCPercent(-1); got != 50 {
		t.Errorf("GOGC=50: GC percent %d, want 50 kept", got)
	}
}
