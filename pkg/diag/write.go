package diag

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/govctl/govctl/pkg/words"
)

// Formats that Write accepts.
var Formats = []string{"text", "json", "github"}

// Write prints sorted findings in the given format. Text ends with a summary
// line; json is one object; github is one workflow command a finding. In
// text and github, a file name and a message holding a control character (a
// line break, an escape) are printed escaped (Printable), so that each
// finding is one line and drives no terminal.
func Write(w io.Writer, format string, ds []Diagnostic) error {
	errs, warns := Count(ds)
	switch format {
	case "text":
		for _, d := range ds {
			if _, err := fmt.Fprintln(w, Printable(d).String()); err != nil {
				return err
			}
		}
		_, err := fmt.Fprintln(w, Summary(errs, warns))
		return err
	case "json":
		type jd struct {
			File     string   `json:"file"`
			Line     int      `json:"line"`
			Column   int      `json:"column"`
			Severity Severity `json:"severity"`
			Rule     string   `json:"rule"`
			Message  string   `json:"message"`
			More     int      `json:"more,omitempty"`
		}
		out := struct {
			Diagnostics []jd `json:"diagnostics"`
			Errors      int  `json:"errors"`
			Warnings    int  `json:"warnings"`
		}{Diagnostics: []jd{}, Errors: errs, Warnings: warns}
		for _, d := range ds {
			out.Diagnostics = append(out.Diagnostics, jd{d.Pos.File, int(d.Pos.Line), int(d.Pos.Col), d.Severity, d.Rule, d.Message, d.More})
		}
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	case "github":
		for _, d := range ds {
			d = Printable(d)
			cmd := "error"
			if d.Severity == Warning {
				cmd = "warning"
			}
			if _, err := fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,title=%s::%s\n",
				cmd, ghProperty(d.Pos.File), d.Pos.Line, d.Pos.Col, ghProperty(d.Rule), ghData(d.Message)); err != nil {
				return err
			}
			if d.More > 0 {
				if _, err := fmt.Fprintf(w, "::%s file=%s,title=%s::%s\n", cmd, ghProperty(d.Pos.File), ghProperty(d.Rule), ghData(d.MoreLine())); err != nil {
					return err
				}
			}
		}
		return nil
	}
	return fmt.Errorf("unknown format %q: want one of %s", format, strings.Join(Formats, ", "))
}

// Printable is d fit to print on a terminal or in a log: its file quoted
// and its message escaped where they hold a control character
// (words.Quote, words.Printable). JSON and SARIF need not: their encoders
// escape every control character.
func Printable(d Diagnostic) Diagnostic {
	d.Pos.File = words.Quote(d.Pos.File)
	d.Rule = words.Printable(d.Rule)
	d.Message = words.Printable(d.Message)
	return d
}

// Summary is the closing line of the text format.
func Summary(errs, warns int) string {
	if errs == 0 && warns == 0 {
		return "no findings"
	}
	return fmt.Sprintf("%s, %s", words.Plural(errs, "error"), words.Plural(warns, "warning"))
}

// Escaping of workflow command data and properties, as the GitHub Actions
// toolkit does it.
var (
	ghDataEscaper     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghPropertyEscaper = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func ghData(s string) string     { return ghDataEscaper.Replace(s) }
func ghProperty(s string) string { return ghPropertyEscaper.Replace(s) }
