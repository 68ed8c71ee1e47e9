// Package tableout prints a table the way a reader of the output wants it:
// aligned (through tablewriter) on a terminal, tab-separated values when the
// output is piped, so that `govctl networks | cut -f1` works and piped output
// is plain and stable. Tabs and line breaks inside cells become spaces, and
// other control characters (an escape that would drive the terminal) their
// escapes (words.Printable): a name from the repository prints as text.
package tableout

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"

	"github.com/govctl/govctl/pkg/words"
)

var flatten = strings.NewReplacer("\t", " ", "\r\n", " ", "\n", " ", "\r", " ")

// Write prints header and rows: aligned when tty, else as TSV. On a terminal
// an empty table prints the empty message instead (when it is not "").
func Write(out io.Writer, tty bool, header []string, rows [][]string, empty string) error {
	flat := make([][]string, len(rows))
	for i, r := range rows {
		flat[i] = make([]string, len(r))
		for j, c := range r {
			flat[i][j] = words.Printable(flatten.Replace(c))
		}
	}
	if !tty {
		if _, err := fmt.Fprintln(out, strings.Join(header, "\t")); err != nil {
			return err
		}
		for _, r := range flat {
			if _, err := fmt.Fprintln(out, strings.Join(r, "\t")); err != nil {
				return err
			}
		}
		return nil
	}
	if len(rows) == 0 && empty != "" {
		_, err := fmt.Fprintln(out, empty)
		return err
	}
	t := tablewriter.NewWriter(out)
	t.Header(header)
	if err := t.Bulk(flat); err != nil {
		return err
	}
	return t.Render()
}
