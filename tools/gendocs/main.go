// Command gendocs writes govctl's man pages or a markdown command reference
// from the command tree itself, as cli/cli's gen-docs does: a program of its
// own, so that the man-page renderer (go-md2man and blackfriday) is not
// linked into govctl, whose every start would pay for it.
//
//	go run ./tools/gendocs man DIR        # or: make man
//	go run ./tools/gendocs markdown DIR
package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/cobra/doc"

	"github.com/govctl/govctl/pkg/cmd/root"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
)

func main() {
	if err := run(os.Args[1:], os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(2)
	}
}

func run(args []string, errOut io.Writer) error {
	if len(args) != 2 || (args[0] != "man" && args[0] != "markdown") {
		return fmt.Errorf("usage: gendocs man|markdown DIR")
	}
	format, dir := args[0], args[1]
	ios := &iostreams.IOStreams{In: os.Stdin, Out: io.Discard, ErrOut: io.Discard}
	cmd := root.NewCmdRoot(&cmdutil.Factory{IOStreams: ios, Version: "dev"})
	cmd.DisableAutoGenTag = true
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var err error
	if format == "man" {
		err = doc.GenManTree(cmd, &doc.GenManHeader{Title: "GOVCTL", Section: "1", Source: "govctl", Manual: "govctl manual"}, dir)
	} else {
		err = doc.GenMarkdownTree(cmd, dir)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", dir, err)
	}
	entries, _ := os.ReadDir(dir)
	fmt.Fprintf(errOut, "%d files in %s\n", len(entries), filepath.ToSlash(dir))
	return nil
}
