package rules

import (
	"embed"
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/rogpeppe/go-internal/txtar"
)

// The fixtures are compiled in: the examples `govctl rules explain` prints
// and SARIF carries are cut from them, so every example a user is shown is
// one the tests run (fixtures_test.go).
//
//go:embed *.txtar
var fixtures embed.FS

// Example is a piece of a rule's fixture shown to users: the path of a file
// in the fixture's repository and some of its lines, without the fixture's
// `# want` comments.
type Example struct {
	File string
	Text string
	// Wants are the rule ids the fixture expects on these lines.
	Wants []ID
}

// Examples are the parts of a rule's fixture that break the rule (Fails)
// and that keep it (Passes).
//
// In a fixture file, a line "# example: fails" or "# example: passes" starts
// an example, which runs to a line "# example: end" or the end of the file.
// A line "example fails: PATH" or "example passes: PATH" in the archive's
// comment makes the whole file PATH an example, for what a region cannot show
// (a file that is a folder, say). A whole file also wants what the archive's
// comment wants at a path beside it or at its folder that the archive holds
// no file for: a file missing beside it, or its folder where a file should be.
type Examples struct {
	Fails, Passes []Example
}

// Examples cuts the rule's examples from its fixture, <id>.txtar.
func (r *Rule) Examples() (Examples, error) {
	data, err := fixtures.ReadFile(string(r.ID) + ".txtar")
	if err != nil {
		return Examples{}, fmt.Errorf("rule %s has no fixture: %w", r.ID, err)
	}
	ex := parseExamples(txtar.Parse(data))
	return ex, nil
}

// The fixtures' syntax, compiled when examples are first asked for (not at
// every start of govctl).
var (
	reWantComment = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`\s*#\s*want(\s+"(?:[^"\\]|\\.)*")+\s*$`)
	})
	reWantRule = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`"([a-z0-9-]+):`) })
	reWantFile = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^want\s+(\S+):\d+((?:\s+"(?:[^"\\]|\\.)*")+)\s*$`)
	})
	reWholeFile = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^example (fails|passes):\s*(\S+)\s*$`) })
)

func parseExamples(a *txtar.Archive) Examples {
	var ex Examples
	add := func(kind string, e Example) {
		if kind == "fails" {
			ex.Fails = append(ex.Fails, e)
		} else {
			ex.Passes = append(ex.Passes, e)
		}
	}
	// Wants written in the archive's comment, by file, and the paths among
	// them that the archive holds no file for (a missing file, a folder).
	fileWants := map[string][]ID{}
	var absent []string
	for _, line := range strings.Split(string(a.Comment), "\n") {
		if m := reWantFile().FindStringSubmatch(strings.TrimSpace(line)); m != nil {
			_, seen := fileWants[m[1]]
			if !seen && !slices.ContainsFunc(a.Files, func(f txtar.File) bool { return f.Name == m[1] }) {
				absent = append(absent, m[1])
			}
			fileWants[m[1]] = append(fileWants[m[1]], wantedRules(m[2])...)
		}
	}
	for _, line := range strings.Split(string(a.Comment), "\n") {
		m := reWholeFile().FindStringSubmatch(strings.TrimSpace(line))
		if m == nil {
			continue
		}
		for _, f := range a.Files {
			if f.Name == m[2] {
				e := cut(f.Name, strings.Split(strings.TrimSuffix(string(f.Data), "\n"), "\n"))
				e.Wants = append(e.Wants, fileWants[f.Name]...)
				for _, p := range absent {
					folder := slices.ContainsFunc(a.Files, func(g txtar.File) bool { return strings.HasPrefix(g.Name, p+"/") })
					if folder && p == path.Dir(f.Name) || !folder && path.Dir(p) == path.Dir(f.Name) {
						e.Wants = append(e.Wants, fileWants[p]...)
					}
				}
				add(m[1], e)
			}
		}
	}
	for _, f := range a.Files {
		kind, start := "", 0
		lines := strings.Split(strings.TrimSuffix(string(f.Data), "\n"), "\n")
		for i, line := range lines {
			switch strings.TrimSpace(line) {
			case "# example: fails", "# example: passes":
				if kind != "" {
					add(kind, cut(f.Name, lines[start:i]))
				}
				kind, start = strings.TrimPrefix(strings.TrimSpace(line), "# example: "), i+1
			case "# example: end":
				if kind != "" {
					add(kind, cut(f.Name, lines[start:i]))
				}
				kind = ""
			}
		}
		if kind != "" {
			add(kind, cut(f.Name, lines[start:]))
		}
	}
	return ex
}

// cut makes an example of lines of file, dropping `# want` comments and
// noting the rules they name.
func cut(file string, lines []string) Example {
	e := Example{File: file}
	var b strings.Builder
	for _, line := range lines {
		if loc := reWantComment().FindStringIndex(line); loc != nil {
			e.Wants = append(e.Wants, wantedRules(line[loc[0]:])...)
			line = line[:loc[0]]
			if strings.TrimSpace(line) == "" {
				continue
			}
		}
		b.WriteString(line)
		b.WriteString("\n")
	}
	e.Text = b.String()
	return e
}

func wantedRules(quoted string) []ID {
	var ids []ID
	for _, m := range reWantRule().FindAllStringSubmatch(quoted, -1) {
		ids = append(ids, ID(m[1]))
	}
	return ids
}

// ExampleText writes examples as users read them: each file's path as a
// comment, then its lines.
func ExampleText(exs []Example) string {
	var b strings.Builder
	for _, e := range exs {
		if e.File != "" {
			fmt.Fprintf(&b, "# %s\n", e.File)
		}
		b.WriteString(e.Text)
	}
	return b.String()
}
