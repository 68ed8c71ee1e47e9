package check

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/suggest"
	"github.com/govctl/govctl/pkg/words"
)

// FindingsError carries the errors that stop a command: the files must be
// fixed first.
type FindingsError struct {
	Diagnostics []diag.Diagnostic
	// LeftOut names the networks a command reading across bodies left out
	// for these findings, having done the others (OpenSound).
	LeftOut []string
}

func (e *FindingsError) Error() string {
	errs, _ := diag.Count(e.Diagnostics)
	if len(e.LeftOut) > 0 {
		whose, them := "its", "it"
		if len(e.LeftOut) > 1 {
			whose = "their"
		}
		if errs > 1 {
			them = "them"
		}
		return fmt.Sprintf("%s left out, the other bodies done: %s files have %s to fix (govctl validate lists %s)", words.List(e.LeftOut), whose, words.Plural(errs, "error"), them)
	}
	if errs == 1 {
		return "the repository has an error to fix first (govctl validate lists it)"
	}
	return fmt.Sprintf("the repository has %d errors to fix first (govctl validate lists them)", errs)
}

// ExitCode is exit.Findings.
func (e *FindingsError) ExitCode() int { return exit.Findings }

// ExitHint says to fix the files.
func (e *FindingsError) ExitHint() string { return "fix the files above, then run the command again" }

// Details are the findings, one a line, printed before the message.
func (e *FindingsError) Details() []string {
	lines := make([]string, len(e.Diagnostics))
	for i, d := range e.Diagnostics {
		lines[i] = diag.Printable(d).String()
	}
	return lines
}

// NetworkError is a network id that names no network of the repository.
type NetworkError struct {
	ID    string
	Known []string
}

func (e *NetworkError) Error() string {
	msg := fmt.Sprintf("no network %q", e.ID)
	if best := suggest.Nearest(e.ID, e.Known); best != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", best)
	}
	return msg
}

// ExitCode is exit.Usage.
func (e *NetworkError) ExitCode() int { return exit.Usage }

// ExitHint lists the networks there are.
func (e *NetworkError) ExitHint() string { return "the networks are: " + strings.Join(e.Known, ", ") }

// CheckNetwork returns an error unless id is a network id (as the loader
// reads ids) whose folder in dir holds network.yaml: a *NetworkError for an
// id the repository lacks, a *load.NotFoundError when dir is no folder.
func CheckNetwork(dir, id string) error {
	if !layout.IsID(id) {
		return fmt.Errorf("%q is not a network id: ids are letters, digits, '-', '_' and '.', with no '/' or '..'", id)
	}
	if fi, err := os.Stat(filepath.Join(dir, id, layout.NetworkFile)); err != nil || fi.IsDir() {
		if _, err := os.Stat(dir); err != nil {
			return load.NotFound(dir, "no such folder")
		}
		return &NetworkError{ID: id, Known: NetworkIDs(dir)}
	}
	return nil
}

func checkNetworks(dir string, ids []string) error {
	for _, id := range ids {
		if err := CheckNetwork(dir, id); err != nil {
			return err
		}
	}
	return nil
}

// NetworkIDs names the network folders of dir (those holding network.yaml),
// for suggestions and completion.
func NetworkIDs(dir string) []string {
	ents, _ := os.ReadDir(dir)
	var out []string
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), layout.NetworkFile)); err == nil {
				out = append(out, e.Name())
			}
		}
	}
	slices.Sort(out)
	return out
}
