// Command govctl keeps the governance of public-sector networks and boards as
// YAML in git, checks it, and writes the papers those bodies run on.
package main

import (
	"os"
	"runtime/debug"
	"time"
	_ "time/tzdata" // Europe/London behaves the same on every machine

	"github.com/mattn/go-isatty"

	"github.com/govctl/govctl/pkg/cli"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/gctune"
	"github.com/govctl/govctl/pkg/iostreams"
)

// version is set by the build (make build, make dist: -ldflags "-X
// main.version=..."). Built without it, govctl says the version Go recorded
// (see versionOf).
var version string

func main() {
	gctune.Tune()
	// GOVCTL_FORCE_TTY writes as to a terminal (tables drawn, not
	// tab-separated), for the README's examples and screenshots.
	tty := isatty.IsTerminal(os.Stdout.Fd()) || os.Getenv("GOVCTL_FORCE_TTY") != ""
	ios := &iostreams.IOStreams{
		In:     os.Stdin,
		Out:    os.Stdout,
		ErrOut: os.Stderr,
		InTTY:  isatty.IsTerminal(os.Stdin.Fd()),
		OutTTY: tty,
		Color:  tty && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb",
	}
	f := &cmdutil.Factory{IOStreams: ios, Now: clock(), Version: versionOf(version, debug.ReadBuildInfo)}
	os.Exit(cli.Main(f, os.Args[1:]))
}

// clock is the system clock, or a fixed day from GOVCTL_TODAY (YYYY-MM-DD,
// noon UTC) so that tests and reproducible builds of papers see one date.
func clock() func() time.Time {
	if s := os.Getenv("GOVCTL_TODAY"); s != "" {
		if t, err := time.Parse(time.DateOnly, s); err == nil {
			fixed := t.Add(12 * time.Hour)
			return func() time.Time { return fixed }
		}
	}
	return time.Now
}

// versionOf is the version govctl prints: the one stamped in by the build,
// or else the main module's version as Go recorded it (v1.2.3 for go install
// github.com/govctl/govctl/cmd/govctl@v1.2.3; a pseudo-version for a build
// from a git checkout), or else "dev" (a build that recorded none, "(devel)").
func versionOf(stamped string, buildInfo func() (*debug.BuildInfo, bool)) string {
	if stamped != "" {
		return stamped
	}
	if info, ok := buildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return "dev"
}
