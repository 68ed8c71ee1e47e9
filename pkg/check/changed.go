package check

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/safefile"
)

// Scope is what a change touches: the networks whose files changed and the
// networks that refer to them (their children), and what must be loaded to
// judge those (their ancestors too).
type Scope struct {
	All    bool     // a repository-wide file changed: check everything
	Report []string // networks whose findings are reported
	Load   []string // networks to load
	// Referrers are networks loaded for what they refer to the reported
	// ones (Referrers): what their referrals say is drawn from the
	// bodies they refer to or answer, loaded with them.
	Referrers []string
}

// ChangeScope works out the scope of changed files (paths relative to dir).
// Every network.yaml is read, but the loader decodes only those that name a
// changed network, and those of the ancestors of what is reported.
func ChangeScope(dir string, changed []string) Scope {
	return changeScope(dir, changed, false)
}

// PageScope is the scope of changed files for the pages govctl generates
// (generate --changed): as ChangeScope's, but a network whose generated
// pages changed (its .md files, which generate --check compares) is
// touched too.
func PageScope(dir string, changed []string) Scope {
	return changeScope(dir, changed, true)
}

func changeScope(dir string, changed []string, pages bool) Scope {
	touched := map[string]bool{}
	for _, f := range changed {
		id, rest, ok := strings.Cut(filepath.ToSlash(f), "/")
		if !ok {
			if _, repoWide := layout.Named(layout.InRepository, id); repoWide {
				return Scope{All: true}
			}
			continue
		}
		if strings.HasSuffix(rest, ".md") && !pages {
			continue // generated papers change no finding
		}
		touched[id] = true
	}
	parentOf := parents(dir)
	report := map[string]bool{}
	for id := range touched {
		report[id] = true
	}
	ents, _ := os.ReadDir(dir)
	for _, e := range ents {
		if !e.IsDir() || touched[e.Name()] {
			continue
		}
		data, err := safefile.Read(filepath.Join(dir, e.Name(), layout.NetworkFile), load.MaxFileSize)
		if err == nil && mentions(data, touched) && touched[parentOf(e.Name())] {
			report[e.Name()] = true
		}
	}
	return scopeOf(report, parentOf)
}

// NamedScope is the scope of the networks ids: their findings, judged as a
// full run judges them, with their ancestors loaded.
func NamedScope(dir string, ids []string) Scope {
	report := map[string]bool{}
	for _, id := range ids {
		report[id] = true
	}
	return scopeOf(report, parents(dir))
}

// parents is a network's parent, read from its network.yaml once.
func parents(dir string) func(folder string) string {
	known := map[string]string{}
	return func(folder string) string {
		p, seen := known[folder]
		if !seen {
			if n, ok := load.Network(dir, folder); ok && n.Parent != nil {
				p = n.Parent.ID
			}
			known[folder] = p
		}
		return p
	}
}

// scopeOf reports the networks of report, loading them and their ancestors.
func scopeOf(report map[string]bool, parentOf func(string) string) Scope {
	loadSet := map[string]bool{}
	for id := range report {
		for cur, n := id, 0; cur != "" && !loadSet[cur] && n < 10000; cur, n = parentOf(cur), n+1 {
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

// mentions reports whether a network.yaml may name one of ids: it holds one
// of them, or an escape that could spell one.
func mentions(data []byte, ids map[string]bool) bool {
	if bytes.IndexByte(data, '\\') >= 0 {
		return true
	}
	for id := range ids {
		if bytes.Contains(data, []byte(id)) {
			return true
		}
	}
	return false
}

// Within keeps the findings in the files of the reported networks and in
// the repository-wide files.
func (s Scope) Within(dir string, ds []diag.Diagnostic) []diag.Diagnostic {
	if s.All {
		return ds
	}
	var out []diag.Diagnostic
	for _, d := range ds {
		if id, nested := networkOf(dir, d.Pos.File); !nested || slices.Contains(s.Report, id) {
			out = append(out, d)
		}
	}
	return out
}

// networkOf is the network folder a finding's file is in; false for a
// repository-wide file.
func networkOf(dir, file string) (string, bool) {
	rel := strings.TrimPrefix(file, filepath.ToSlash(filepath.Clean(dir))+"/")
	id, _, nested := strings.Cut(rel, "/")
	return id, nested
}
