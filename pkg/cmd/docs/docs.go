// Package docs implements `govctl docs man|markdown DIR`: man pages and a
// command reference, generated from the command tree itself.
package docs

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"
	"github.com/spf13/cobra/doc"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
)

// Options are docs' inputs.
type Options struct {
	IO     *iostreams.IOStreams
	Format string
	Dir    string
	Root   *cobra.Command
}

// NewCmdDocs builds the command. root is the tree to document.
func NewCmdDocs(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	return &cobra.Command{
		Use:       "docs man|markdown DIR",
		Short:     "Write man pages or a markdown command reference",
		Example:   "  govctl docs man /usr/local/share/man/man1\n  govctl docs markdown docs/commands",
		Args:      cobra.ExactArgs(2),
		ValidArgs: []string{"man", "markdown"},
		Hidden:    false,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Format, opts.Dir, opts.Root = args[0], args[1], cmd.Root()
			if opts.Format != "man" && opts.Format != "markdown" {
				return cmdutil.FlagErrorf("%q: want man or markdown", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return docsRun(opts)
		},
	}
}

func docsRun(opts *Options) error {
	if err := os.MkdirAll(opts.Dir, 0o755); err != nil {
		return err
	}
	opts.Root.DisableAutoGenTag = true
	var err error
	if opts.Format == "man" {
		err = doc.GenManTree(opts.Root, &doc.GenManHeader{Title: "GOVCTL", Section: "1", Source: "govctl", Manual: "govctl manual"}, opts.Dir)
	} else {
		err = doc.GenMarkdownTree(opts.Root, opts.Dir)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", opts.Dir, err)
	}
	entries, _ := os.ReadDir(opts.Dir)
	fmt.Fprintf(opts.IO.ErrOut, "%d files in %s\n", len(entries), filepath.ToSlash(opts.Dir))
	return nil
}
