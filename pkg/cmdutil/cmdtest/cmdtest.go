// Package cmdtest helps test a command's flags: it builds the command as
// the root would (with the inherited --repo flag), with buffers for streams,
// runs it on args, and returns the Options its run function was given.
package cmdtest

import (
	"time"

	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
)

// Parse runs newCmd's flag parsing on args. The Options are nil when the
// command did not get as far as its run function; the error is Execute's.
func Parse[O any](newCmd func(*cmdutil.Factory, func(*O) error) *cobra.Command, args ...string) (*O, error) {
	ios, _, _, _ := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Now: time.Now}
	var got *O
	cmd := newCmd(f, func(o *O) error { got = o; return nil })
	cmd.PersistentFlags().String("repo", "networks", "")
	cmd.SetArgs(args)
	cmd.SetOut(ios.Out)
	cmd.SetErr(ios.ErrOut)
	err := cmd.Execute()
	return got, err
}
