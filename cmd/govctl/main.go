// Command govctl keeps the governance of public-sector networks and boards as
// YAML in git, checks it, and writes the papers those bodies run on.
package main

import (
	"os"
	"time"
	_ "time/tzdata" // Europe/London behaves the same on every machine

	"github.com/mattn/go-isatty"

	"github.com/govctl/govctl/pkg/cli"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
)

// version is set by the build (-ldflags "-X main.version=...").
var version = "dev"

func main() {
	tty := isatty.IsTerminal(os.Stdout.Fd())
	ios := &iostreams.IOStreams{
		In:     os.Stdin,
		Out:    os.Stdout,
		ErrOut: os.Stderr,
		OutTTY: tty,
		Color:  tty && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb",
	}
	f := &cmdutil.Factory{IOStreams: ios, Now: time.Now, Version: version}
	os.Exit(cli.Main(f, os.Args[1:]))
}
