// Package schema implements `govctl schema`: the JSON Schema of each kind of
// file, for editors and other tools.
package schema

import (
	"fmt"
	"path/filepath"

	"github.com/MakeNowJust/heredoc"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/schema"
)

// Options are the schema command's inputs.
type Options struct {
	IO *iostreams.IOStreams
	// Out is the folder to write one file per kind into; empty prints
	// every schema to stdout in one JSON object.
	Out string
}

// NewCmdSchema builds the command.
func NewCmdSchema(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams}
	cmd := &cobra.Command{
		Use:   "schema",
		Short: "Print or write the JSON Schema of each kind of file",
		Long: heredoc.Doc(`
			Print the JSON Schema (draft 2020-12) of each kind of file in a
			repository, made from the definitions govctl reads the files with:
			govctl.yaml, organisations.yaml, network.yaml, members.yaml,
			work-programme.yaml and meetings/<date>.yaml.

			Without --out, one JSON object holds every schema, keyed by kind
			(govctl, organisations, network, members, work-programme, meeting).
			With --out, each is written to its own file in that folder
			(meeting.schema.json and so on), and the paths are printed.

			A schema checks the structure of one file: keys, kinds of value,
			required fields, allowed words, dates, times and periods. What
			ties files together is for govctl validate.
		`),
		Example: heredoc.Doc(`
			govctl schema --out .vscode/schemas
			govctl schema | jq '.meeting'
		`),
		Args: cmdutil.Usage(cobra.NoArgs),
		RunE: func(cmd *cobra.Command, args []string) error {
			if cmd.Flags().Changed("out") && opts.Out == "" {
				return cmdutil.FlagErrorf("--out: want a folder")
			}
			if runF != nil {
				return runF(opts)
			}
			return schemaRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", "write each schema to its own file in `folder`, instead of printing them")
	_ = cmd.MarkFlagDirname("out")
	return cmd
}

func schemaRun(opts *Options) error {
	if opts.Out == "" {
		b, err := schema.All()
		if err != nil {
			return err
		}
		_, err = opts.IO.Out.Write(b)
		return err
	}
	for _, k := range schema.Kinds() {
		b, err := schema.JSON(k)
		if err != nil {
			return err
		}
		p := filepath.Join(opts.Out, k.File)
		if err := safefile.Write(p, b); err != nil {
			return cmdutil.Errorf("check that --out names a folder you can write to", "writing %s: %v", p, err)
		}
		fmt.Fprintln(opts.IO.Out, p)
	}
	return nil
}
