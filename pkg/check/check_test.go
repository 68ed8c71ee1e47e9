package check_test

import (
	"errors"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rickb777/date"
	"github.com/rogpeppe/go-internal/txtar"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/load"
)

// repo writes a repository of files (path: content) and returns its folder.
func repo(t *testing.T, files map[string]string) string {
	t.Helper()
	fsys := fstest.MapFS{}
	for name, body := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(body)}
	}
	dir := t.TempDir()
	if err := os.CopyFS(dir, fsys); err != nil {
		t.Fatal(err)
	}
	return dir
}

// family is a body a (with no meeting planned: a rule's finding) with two
// children: b names its parent in quotes, c in a folded block, which a
// line-by-line reading would miss. d is b's child.
var family = map[string]string{
	"govctl.yaml":        "timezone: Europe/London\n",
	"organisations.yaml": "organisations:\n  - {id: o, name: O}\n",
	"a/network.yaml":     "id: a\nname: A\nmeetings:\n  ordinary: {every: P1M}\n",
	"b/network.yaml":     "id: b\nname: B\nparent: \"a\"\n",
	"c/network.yaml":     "id: c\nname: C\nparent: >-\n  a\n",
	"d/network.yaml":     "id: d\nname: D\nparent: b\n",
}

// clock is 23:30 UTC on 30 June 2026: 1 July in London (BST).
func clock() time.Time { return time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC) }

func TestRunGivesWhatCommandsNeed(t *testing.T) {
	dir := repo(t, family)
	res, err := check.Run(dir, check.Options{Now: clock, LoadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Dir != dir || res.Location.String() != "Europe/London" || res.Calendar == nil {
		t.Errorf("dir %q, location %v, calendar %v", res.Dir, res.Location, res.Calendar)
	}
	if got := res.Today.String(); got != "2026-07-01" {
		t.Errorf("today = %s, want 2026-07-01 (the date in the repository's timezone)", got)
	}
	if res.AsOf.Set() {
		t.Errorf("as of %s: the rules ran when only the loader's findings were asked for", res.AsOf)
	}
	var ids []string
	for _, n := range res.Nets() {
		ids = append(ids, n.N.ID)
	}
	if !slices.Equal(ids, []string{"a", "b", "c", "d"}) {
		t.Errorf("nets = %v", ids)
	}
	if n, err := res.Net("c"); err != nil || n.N.Parent.ID != "a" {
		t.Errorf("Net(c) = %v, %v", n, err)
	}
	if err := res.Refuse(); err != nil {
		t.Errorf("Refuse() = %v on sound files", err)
	}

	withRules, err := check.Run(dir, check.Options{AsOf: date.New(2026, 7, 1)})
	if err != nil {
		t.Fatal(err)
	}
	if withRules.AsOf.String() != "2026-07-01" || len(withRules.Diagnostics) <= len(res.Diagnostics) {
		t.Errorf("with the rules: as of %s, %d findings beside the loader's %d", withRules.AsOf, len(withRules.Diagnostics), len(res.Diagnostics))
	}
	if _, err := check.Run(dir, check.Options{}); err == nil {
		t.Error("rules run with no date and no clock")
	}
}

func TestRunChecksNetworkIDs(t *testing.T) {
	dir := repo(t, family)
	for _, id := range []string{"abc-", "-a", "../a", "a/b", ".a", ""} {
		_, err := check.Run(dir, check.Options{Networks: []string{id}, Now: clock})
		if err == nil || !strings.Contains(err.Error(), "is not a network id") {
			t.Errorf("%q: err = %v, want not a network id", id, err)
		}
	}
	_, err := check.Run(dir, check.Options{Networks: []string{"a", "bb"}, Now: clock})
	var ne *check.NetworkError
	if !errors.As(err, &ne) || ne.ID != "bb" || err.Error() != `no network "bb" (did you mean "b"?)` {
		t.Fatalf("err = %v, want no network bb", err)
	}
	if ne.ExitCode() != exit.Usage || ne.ExitHint() != "the networks are: a, b, c, d" {
		t.Errorf("exit %d, hint %q", ne.ExitCode(), ne.ExitHint())
	}
	_, err = check.Run(filepath.Join(dir, "nosuch"), check.Options{Networks: []string{"a"}, Now: clock})
	var nf *load.NotFoundError
	if !errors.As(err, &nf) || nf.ExitCode() != exit.Usage || !strings.HasSuffix(err.Error(), ": no such folder") {
		t.Errorf("err = %v, want a NotFoundError", err)
	}
	res, err := check.Run(dir, check.Options{Networks: []string{"b"}, Now: clock, LoadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Repo.Networks) != 1 {
		t.Errorf("%d networks loaded, want b alone", len(res.Repo.Networks))
	}
	if _, err := res.Net("a"); !errors.As(err, &ne) {
		t.Errorf("Net(a) of what was not loaded: %v", err)
	}
}

func TestRefuseHoldsTheErrors(t *testing.T) {
	files := maps.Clone(family)
	files["b/network.yaml"] = "id: bee\nname: B\n"
	dir := repo(t, files)
	res, err := check.Run(dir, check.Options{Now: clock, LoadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if res, err := check.OpenSound(dir, []string{"a"}, clock); err != nil || res.Left() != nil {
		t.Errorf("OpenSound(a) = %v, %v: the error is in b, which a does not need", err, res.Left())
	}
	if res, err := check.OpenSound(dir, nil, clock); err != nil || !errors.As(res.Left(), new(*check.FindingsError)) {
		t.Errorf("OpenSound(all) = %v; want b left out for its error", err)
	}
	refused := res.Refuse()
	var fe *check.FindingsError
	if !errors.As(refused, &fe) {
		t.Fatalf("Refuse() = %v", refused)
	}
	for _, d := range fe.Diagnostics {
		if d.Severity != diag.Error {
			t.Errorf("a %s among the errors: %s", d.Severity, d)
		}
	}
	if fe.ExitCode() != exit.Findings || len(fe.Details()) != len(fe.Diagnostics) || fe.Details()[0] != fe.Diagnostics[0].String() {
		t.Errorf("exit %d, details %q", fe.ExitCode(), fe.Details())
	}
	if refused.Error() != "the repository has an error to fix first (govctl validate lists it)" {
		t.Errorf("message %q", refused)
	}
}

func TestChangeScope(t *testing.T) {
	dir := repo(t, family)
	for _, tc := range []struct {
		changed      []string
		report, load []string
	}{
		{[]string{"a/network.yaml"}, []string{"a", "b", "c"}, []string{"a", "b", "c"}},
		{[]string{"b/meetings/2026-01-01.yaml"}, []string{"b", "d"}, []string{"a", "b", "d"}},
		{[]string{"d/members.yaml"}, []string{"d"}, []string{"a", "b", "d"}},
		{[]string{"a/README.md"}, nil, nil},
	} {
		s := check.ChangeScope(dir, tc.changed)
		if s.All || !slices.Equal(s.Report, tc.report) || !slices.Equal(s.Load, tc.load) {
			t.Errorf("%v: report %v, load %v; want %v, %v", tc.changed, s.Report, s.Load, tc.report, tc.load)
		}
	}
	if s := check.ChangeScope(dir, []string{"govctl.yaml"}); !s.All {
		t.Errorf("a repository-wide file changed: %+v", s)
	}
}

// A page's change touches its network for generate, not for validate.
func TestPageScope(t *testing.T) {
	dir := repo(t, family)
	for _, tc := range []struct {
		changed      []string
		report, load []string
	}{
		{[]string{"a/README.md"}, []string{"a", "b", "c"}, []string{"a", "b", "c"}},
		{[]string{"d/meetings/2026-01-01.minutes.md"}, []string{"d"}, []string{"a", "b", "d"}},
		{[]string{"README.md"}, nil, nil},
	} {
		s := check.PageScope(dir, tc.changed)
		if s.All || !slices.Equal(s.Report, tc.report) || !slices.Equal(s.Load, tc.load) {
			t.Errorf("%v: report %v, load %v; want %v, %v", tc.changed, s.Report, s.Load, tc.report, tc.load)
		}
	}
	for _, f := range []string{"govctl.yaml", "organisations.yaml"} {
		if s := check.PageScope(dir, []string{"d/README.md", f}); !s.All {
			t.Errorf("%s changed: %+v", f, s)
		}
	}
}

func TestRunWithinScope(t *testing.T) {
	files := maps.Clone(family)
	files["a/network.yaml"] = "id: a\nname: A\nwhat: 1\n"
	files["d/network.yaml"] = "id: d\nname: D\nparent: b\nwhat: 1\n"
	dir := repo(t, files)
	s := check.ChangeScope(dir, []string{"d/network.yaml"})
	res, err := check.Run(dir, check.Options{AsOf: date.New(2026, 7, 1), Scope: &s})
	if err != nil {
		t.Fatal(err)
	}
	var inD bool
	for _, d := range res.Diagnostics {
		rel := strings.TrimPrefix(d.Pos.File, filepath.ToSlash(dir)+"/")
		if strings.HasPrefix(rel, "a/") {
			t.Errorf("a finding outside the scope: %s", d)
		}
		inD = inD || strings.HasPrefix(rel, "d/")
	}
	if !inD {
		t.Errorf("no finding in d: %v", res.Diagnostics)
	}
}

// TestOpenSound: the bodies whose files hold a refusing error are left out
// and named; the others are given; an error only in a verdict rule (a
// missing meeting: unscheduled, a warning) leaves nobody out; a named body
// is judged with its ancestors loaded (b's parent a), and only it is given.
func TestOpenSound(t *testing.T) {
	files := maps.Clone(family)
	files["c/members.yaml"] = "members:\n  - {id: m, name: M, organisation: nowhere}\n"
	dir := repo(t, files)
	res, err := check.OpenSound(dir, nil, clock)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, nx := range res.Nets() {
		got = append(got, nx.N.ID)
	}
	if !slices.Equal(got, []string{"a", "b", "d"}) {
		t.Errorf("Nets() = %v, want a, b and d (c left out)", got)
	}
	var fe *check.FindingsError
	if !errors.As(res.Left(), &fe) || !slices.Equal(fe.LeftOut, []string{"c"}) || len(fe.Diagnostics) != 1 || fe.Diagnostics[0].Rule != "unknown-organisation" {
		t.Fatalf("Left() = %v, want c left out for its unknown organisation", res.Left())
	}
	if want := "c left out, the other bodies done: its files have 1 error to fix (govctl validate lists it)"; fe.Error() != want {
		t.Errorf("message %q, want %q", fe.Error(), want)
	}

	res, err = check.OpenSound(dir, []string{"b"}, clock)
	if err != nil || res.Left() != nil {
		t.Fatalf("OpenSound(b) = %v, %v; want b, judged with a loaded", err, res.Left())
	}
	if nets := res.Nets(); len(nets) != 1 || nets[0].N.ID != "b" {
		t.Errorf("OpenSound(b).Nets() = %d networks, want b alone", len(nets))
	}

	if _, err := check.OpenSound(dir, []string{"c"}, clock); !errors.As(err, new(*check.FindingsError)) {
		t.Errorf("OpenSound(c) = %v: with c alone named, nothing is sound: want a refusal", err)
	}
}

// TestCheckRefusingAsCheck: running only the rules that refuse finds what
// running every rule finds to refuse, on every rule's fixture and every
// broken repository of the tests.
func TestCheckRefusingAsCheck(t *testing.T) {
	fixtures, _ := filepath.Glob(filepath.Join("..", "rules", "*.txtar"))
	broken, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "broken", "*.txtar"))
	refused := 0
	for _, name := range append(fixtures, broken...) {
		arch, err := txtar.ParseFile(name)
		if err != nil {
			t.Fatal(err)
		}
		files := map[string]string{}
		for _, f := range arch.Files {
			files[f.Name] = string(f.Data)
		}
		dir := repo(t, files)
		var got [2][]diag.Diagnostic
		for i := range got {
			res, err := check.Run(dir, check.Options{LoadOnly: true})
			if err != nil {
				continue // a repository check.Run refuses as a whole
			}
			if i == 0 {
				res.Check(date.New(2026, 11, 23))
			} else {
				res.CheckRefusing(date.New(2026, 11, 23))
			}
			if fe, ok := res.Refuse().(*check.FindingsError); ok {
				got[i] = fe.Diagnostics
			}
		}
		if !slices.Equal(got[0], got[1]) {
			t.Errorf("%s: every rule refuses for\n%v\nthe rules that refuse for\n%v", name, got[0], got[1])
		}
		if len(got[0]) > 0 {
			refused++
		}
	}
	if refused < 10 {
		t.Errorf("only %d repositories refused: the test compares too little", refused)
	}
}
