// Package fmtcmd implements `govctl fmt`: rewrite every YAML file of a
// repository in canonical key order and layout, keeping every comment.
package fmtcmd

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/rules"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/yamlfmt"
)

// Options are fmt's inputs.
type Options struct {
	IO *iostreams.IOStreams

	Dir   string
	Check bool
}

// NewCmdFmt builds the command; runF replaces the work in tests.
func NewCmdFmt(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "fmt [DIR] [--check]",
		Short: "Rewrite the repository's YAML in canonical key order and layout",
		Long: heredoc.Doc(`
			Rewrite every YAML file of the repository in DIR (default: the --repo
			folder, networks): govctl.yaml, organisations.yaml, and each network's
			network.yaml, members.yaml, work-programme.yaml and meetings/*.yaml.

			Keys go in the order docs/format.md gives them (keys govctl does not know
			go last, as written; nothing is ever removed), indented by two spaces, lists
			of mappings as "  - key: value" under their key, mappings and long lists
			in block style. What the person chose is kept: every comment, blank lines
			between entries (one at most), the gap before a comment at the end of a
			line, the quoting of each value ("10:00" stays quoted), literal (|) and
			folded (>) text line for line, the order of offices, meetings and other
			named entries, short lists written as [a, b], and a UTF-8 byte-order
			mark and CRLF line ends (a file whose first line ends in CRLF is
			written with CRLF throughout). A comment the YAML parser drops (just
			after the [ or { of a flow list or mapping) is reported at its line,
			and the file left as it is.

			A file that does not parse is reported and left as it is. Files are
			written atomically, and only when their bytes change.

			--check writes nothing, lists the files that would change, and exits 1
			when there is one.

			Exit status: 0 done (or, with --check, nothing to change), 1 a file
			would change (--check) or could not be formatted, 2 the command could not
			run.
		`),
		Example: heredoc.Doc(`
			govctl fmt
			govctl fmt networks --check
			govctl -R my-networks fmt
		`),
		Args: cmdutil.Usage(cobra.MaximumNArgs(1)),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Dir = cmdutil.DirArg(cmd, args)
			if runF != nil {
				return runF(opts)
			}
			return fmtRun(opts)
		},
	}
	cmd.Flags().BoolVar(&opts.Check, "check", false, "write nothing; list the files that would change and exit 1 if any")
	return cmd
}

func fmtRun(opts *Options) error {
	files, links, err := yamlfmt.Files(opts.Dir)
	if err != nil {
		return err
	}
	out, errOut := opts.IO.Out, opts.IO.ErrOut
	for _, l := range links {
		l = words.Quote(l)
		fmt.Fprintf(errOut, "%s: a symbolic link; govctl does not write through links, so it is not formatted\n", l)
	}
	changed, failed := 0, 0
	for _, f := range files {
		// The path as printed: quoted where a name holds a line break or
		// an escape, so that each file is one line of output.
		path := words.Quote(filepath.ToSlash(f.Path))
		data, err := readFile(f.Path)
		if err != nil {
			fmt.Fprintf(errOut, "%s: not formatted: %s\n", path, words.Printable(err.Error()))
			failed++
			continue
		}
		formatted, err := yamlfmt.Format(data, f.Type)
		if err != nil {
			report(errOut, path, err)
			failed++
			continue
		}
		if bytes.Equal(formatted, data) {
			continue
		}
		if len(formatted) > load.MaxFileSize {
			// A long flow list laid out one item a line can outgrow the
			// limit: written, the file could no longer be read.
			fmt.Fprintf(errOut, "%s: not formatted: in canonical layout it would be %d bytes, more than the limit of %d\nhint: split its longest list, or leave it as it is written\n", path, len(formatted), load.MaxFileSize)
			failed++
			continue
		}
		changed++
		if opts.Check {
			fmt.Fprintln(out, path)
			continue
		}
		if err := safefile.Inside(opts.Dir, f.Path); err != nil {
			fmt.Fprintf(errOut, "%s: not formatted: %s\n", path, words.Printable(err.Error()))
			failed++
			continue
		}
		if err := safefile.Replace(f.Path, data, formatted); err != nil {
			fmt.Fprintf(errOut, "%s: not formatted: %s\n", path, words.Printable(err.Error()))
			failed++
			continue
		}
		fmt.Fprintf(out, "formatted %s\n", path)
	}
	if failed > 0 {
		fmt.Fprintf(errOut, "%d file(s) could not be formatted and were left as they were\n", failed)
	}
	switch {
	case opts.Check && changed > 0:
		fmt.Fprintf(errOut, "%d file(s) not in canonical layout; run govctl fmt\n", changed)
		return cmdutil.ErrFindings
	case changed == 0 && failed == 0:
		fmt.Fprintf(errOut, "all %d files already in canonical layout\n", len(files))
	}
	if failed > 0 {
		return cmdutil.ErrFindings
	}
	return nil
}

// report prints why a file was not formatted, a syntax error in the
// FILE:LINE:COL form of govctl validate. path is already fit to print.
func report(w io.Writer, path string, err error) {
	var e *yamlfmt.Error
	if errors.As(err, &e) && e.Syntax {
		fmt.Fprintf(w, "%s:%d:1: %s %s: %s (not formatted)\n", path, max(e.Line, 1), rules.YAMLSyntax.Severity(), rules.YAMLSyntax, words.Printable(e.Msg))
		return
	}
	if errors.As(err, &e) && e.Line > 0 {
		fmt.Fprintf(w, "%s:%d:1: not formatted: %s\n", path, e.Line, words.Printable(e.Msg))
		return
	}
	fmt.Fprintf(w, "%s: not formatted: %s\n", path, words.Printable(err.Error()))
}

// readFile reads a file within the loader's size limit, and only a regular
// file (a FIFO would block).
func readFile(path string) ([]byte, error) {
	b, err := safefile.Read(path, load.MaxFileSize)
	if errors.Is(err, safefile.ErrNotRegular) {
		return nil, safefile.ErrNotRegular
	}
	return b, err
}
