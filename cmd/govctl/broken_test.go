package main

import (
	"errors"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/govctl/govctl/pkg/rules"
)

// TestBroken runs the catalogue of broken repositories in testdata/broken:
// each script is a small repository that is wrong in one way (or a few
// related ways), the command run on it, its exact exit status and its exact
// findings. UPDATE_SCRIPTS=1 rewrites the expected output in the archives;
// read the diff before committing it.
func TestBroken(t *testing.T) {
	p := scriptParams("../../testdata/broken")
	// exits STATUS COMMAND [ARGS...]: run COMMAND as exec does and require
	// exactly that exit status, and that neither stdout nor stderr shows a
	// panic or a goroutine dump.
	p.Cmds["exits"] = func(ts *testscript.TestScript, neg bool, args []string) {
		if neg {
			ts.Fatalf("unsupported: ! exits")
		}
		if len(args) < 2 {
			ts.Fatalf("usage: exits STATUS COMMAND [ARGS...]")
		}
		want, err := strconv.Atoi(args[0])
		ts.Check(err)
		got := 0
		if err := ts.Exec(args[1], args[2:]...); err != nil {
			var ee *exec.ExitError
			if !errors.As(err, &ee) {
				ts.Fatalf("%s: %v", args[1], err)
			}
			got = ee.ExitCode()
		}
		if got != want {
			ts.Fatalf("%s exited with status %d, want %d", args[1], got, want)
		}
		for _, name := range []string{"stdout", "stderr"} {
			out := ts.ReadFile(name)
			for _, bad := range []string{"panic", "goroutine ", "runtime error", "[recovered]"} {
				if strings.Contains(out, bad) {
					ts.Fatalf("%s shows %q:\n%s", name, bad, out)
				}
			}
		}
	}
	testscript.Run(t, p)
}

var (
	reWantRule = regexp.MustCompile(`"rule": "([a-z0-9-]+)"|(?m)^\S+:\d+:\d+: (?:error|warning) ([a-z0-9-]+): `)
	reExits    = regexp.MustCompile(`(?m)^exits [0-2] govctl `)
	reCheck    = regexp.MustCompile(`(?m)^(cmp std(out|err) |! stderr \.|stderr |stdout )`)
)

// TestBrokenCatalogue checks the catalogue itself: enough cases, each runs
// govctl through exits and checks what it printed, and together their
// expected findings name every rule `govctl rules` lists.
func TestBrokenCatalogue(t *testing.T) {
	files, err := filepath.Glob("../../testdata/broken/*.txtar")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 60 {
		t.Errorf("%d cases in testdata/broken, want at least 60", len(files))
	}
	seen := map[string][]string{}
	for _, f := range files {
		arch, err := txtar.ParseFile(f)
		if err != nil {
			t.Fatal(err)
		}
		name := strings.TrimSuffix(filepath.Base(f), ".txtar")
		script := string(arch.Comment)
		if !reExits.MatchString(script) {
			t.Errorf("%s: runs no govctl through exits STATUS", name)
		}
		if !reCheck.MatchString(script) {
			t.Errorf("%s: checks neither stdout nor stderr", name)
		}
		for _, af := range arch.Files {
			if !strings.HasPrefix(filepath.Base(af.Name), "want") {
				continue
			}
			for _, m := range reWantRule.FindAllStringSubmatch(string(af.Data), -1) {
				id := m[1] + m[2]
				seen[id] = append(seen[id], name)
			}
		}
	}
	ids := rules.IDs()
	for _, id := range ids {
		if len(seen[id]) == 0 {
			t.Errorf("rule %s: no case in testdata/broken expects it", id)
		}
	}
	var unknown []string
	for id := range seen {
		if _, ok := rules.Lookup(id); !ok {
			unknown = append(unknown, id)
		}
	}
	sort.Strings(unknown)
	if len(unknown) > 0 {
		t.Errorf("expected output names rules govctl does not have: %v", unknown)
	}
}
