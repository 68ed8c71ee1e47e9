// Package cmdtest helps test commands: it builds a command as the root would
// (with the inherited --repo flag) and returns the Options its run function
// was given, gives a fixed clock, and writes small repositories.
package cmdtest

import (
	"os"
	"path/filepath"
	"testing"
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

// Clock is a clock stopped at noon (UTC) on day, a YYYY-MM-DD date; it
// panics when day is not one, as a test's literal always is.
func Clock(day string) func() time.Time {
	t, err := time.Parse(time.DateOnly, day)
	if err != nil {
		panic("cmdtest.Clock: " + err.Error())
	}
	t = t.Add(12 * time.Hour)
	return func() time.Time { return t }
}

// WriteTree writes files (slash-separated paths relative to the folder, and
// their text) into a new temporary folder, and returns the folder.
func WriteTree(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}
