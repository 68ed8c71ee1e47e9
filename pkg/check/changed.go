package check

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/load"
)

var reParent = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`(?m)^parent:\s*["']?([A-Za-z0-9._-]+)`) })

// Scope is what a change touches: the networks whose files changed and the
// networks that refer to them (their children), and what must be loaded to
// judge those (their ancestors too).
type Scope struct {
	All    bool     // a repository-wide file changed: check everything
	Report []string // networks whose findings are reported
	Load   []string // networks to load
}

// ChangeScope works out the scope of changed files (paths relative to dir).
func ChangeScope(dir string, changed []string) Scope {
	touched := map[string]bool{}
	for _, f := range changed {
		id, rest, ok := strings.Cut(filepath.ToSlash(f), "/")
		if !ok {
			if load.IsRepositoryFile(id) {
				return Scope{All: true}
			}
			continue
		}
		if strings.HasSuffix(rest, ".md") {
			continue // generated papers change no finding
		}
		touched[id] = true
	}
	parents := map[string]string{}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !e.IsDir() {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, e.Name(), load.NetworkFile))
		if err != nil {
			continue
		}
		if m := reParent().FindSubmatch(data); m != nil {
			parents[e.Name()] = string(m[1])
		}
	}
	report := map[string]bool{}
	for id := range touched {
		report[id] = true
	}
	for child, parent := range parents {
		if touched[parent] {
			report[child] = true
		}
	}
	loadSet := map[string]bool{}
	for id := range report {
		for cur, n := id, 0; cur != "" && !loadSet[cur] && n < 10000; cur, n = parents[cur], n+1 {
			loadSet[cur] = true
		}
	}
	s := Scope{}
	for id := range report {
		s.Report = append(s.Report, id)
	}
	for id := range loadSet {
		s.Load = append(s.Load, id)
	}
	slices.Sort(s.Report)
	slices.Sort(s.Load)
	return s
}

// Within keeps the findings in the files of the reported networks and in
// the repository-wide files.
func (s Scope) Within(dir string, ds []diag.Diagnostic) []diag.Diagnostic {
	if s.All {
		return ds
	}
	prefix := filepath.ToSlash(filepath.Clean(dir)) + "/"
	var out []diag.Diagnostic
	for _, d := range ds {
		rel := strings.TrimPrefix(d.Pos.File, prefix)
		id, _, nested := strings.Cut(rel, "/")
		if !nested || slices.Contains(s.Report, id) {
			out = append(out, d)
		}
	}
	return out
}
