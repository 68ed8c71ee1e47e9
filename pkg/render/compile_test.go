package render_test

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/report"
)

var templateNames = []string{"agenda.md.tmpl", "minutes.md.tmpl", "network.md.tmpl", "index.md.tmpl", "decisions.md.tmpl"}

// TestTemplatesCompile: every page is rendered by its compiled template, not
// by text/template (which a template using what compile does not know
// falls back to, more slowly).
func TestTemplatesCompile(t *testing.T) {
	for _, name := range templateNames {
		if err := render.Compile(name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		if ok, err := render.Compiled(name); !ok || err != nil {
			t.Errorf("%s is not compiled (%v)", name, err)
		}
	}
}

// bothWays renders data with the compiled template and with text/template,
// and reports any difference.
func bothWays(t *testing.T, what, name string, data any) {
	t.Helper()
	got, gotErr := render.Execute(name, data)
	want, wantErr := render.Interpret(name, data)
	if (gotErr != nil) != (wantErr != nil) {
		t.Fatalf("%s: compiled: %v; text/template: %v", what, gotErr, wantErr)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s: the compiled template writes\n%s\ntext/template\n%s\nfirst difference at byte %d", what, got, want, firstDiff(got, want))
	}
}

func firstDiff(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

// everyPage renders every page of the repository in dir both ways.
func everyPage(t *testing.T, dir string) int {
	t.Helper()
	res, err := check.OpenSound(dir, nil, func() time.Time { return today })
	if err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	pages := 0
	asOf := model.Date{Date: date.New(2026, 12, 7)}
	for _, nx := range res.Nets() {
		in := render.Inputs{Net: nx, Calendar: res.Calendar, Location: res.Location, Today: res.Today}
		for i, hasAgenda := range []func(*model.Meeting) bool{nil, func(m *model.Meeting) bool { return m.Status != "held" }} {
			bothWays(t, nx.N.ID+" network page", "network.md.tmpl", render.NetworkData(in, asOf, hasAgenda))
			bothWays(t, nx.N.ID+" network page, no date", "network.md.tmpl", render.NetworkData(in, model.Date{}, hasAgenda))
			pages += 2
			if i > 0 {
				break
			}
		}
		bothWays(t, nx.N.ID+" decision register", "decisions.md.tmpl", render.RegisterData(in))
		pages++
		// One Writer renders every paper of the body in turn, reusing its
		// memory: each as rendered alone.
		var w render.Writer
		for _, m := range nx.N.MeetingList {
			bothWays(t, nx.N.ID+" agenda of "+m.File, "agenda.md.tmpl", render.AgendaData(in, m))
			bothWays(t, nx.N.ID+" minutes of "+m.File, "minutes.md.tmpl", render.MinutesData(in, m))
			pages += 2
			for _, paper := range []struct {
				name   string
				reused func(render.Inputs, *model.Meeting) ([]byte, error)
				alone  func(render.Inputs, *model.Meeting) ([]byte, error)
			}{{"agenda", w.Agenda, render.Agenda}, {"minutes", w.Minutes, render.Minutes}} {
				got, err := paper.reused(in, m)
				if err != nil {
					t.Fatal(err)
				}
				want, err := paper.alone(in, m)
				if err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got, want) {
					t.Fatalf("%s %s of %s: a Writer reused writes\n%s\nrendered alone\n%s", nx.N.ID, paper.name, m.File, got, want)
				}
			}
		}
	}
	rows := report.Networks(res.Nets(), dir, nil, res.Diagnostics, asOf).Networks
	bothWays(t, dir+" index", "index.md.tmpl", render.IndexData(rows, asOf))
	bothWays(t, dir+" index, no date", "index.md.tmpl", render.IndexData(rows, model.Date{}))
	return pages + 2
}

// TestCompiledAsInterpreted renders every page of the test repositories,
// the seeded networks/, a synthetic corpus and the hostile repositories
// with the compiled templates and with text/template: byte for byte the
// same.
func TestCompiledAsInterpreted(t *testing.T) {
	dirs := []string{repoDir, filepath.Join("..", "..", "networks")}
	synthetic := t.TempDir()
	if err := corpus.Write(synthetic, corpus.Options{Bodies: 4, Years: 2, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	dirs = append(dirs, synthetic)
	for i := range hostileNames {
		dirs = append(dirs, hostileRepo(t, func(j int) string { return hostileNames[(i+j)%len(hostileNames)] }))
	}
	pages := 0
	for _, dir := range dirs {
		pages += everyPage(t, dir)
	}
	if pages < 100 {
		t.Errorf("only %d pages compared", pages)
	}
}

// TestCompiledAsInterpretedRandom renders views filled at random (every
// field, every branch of the templates) both ways.
func TestCompiledAsInterpretedRandom(t *testing.T) {
	views := map[string]reflect.Type{
		"agenda.md.tmpl":    reflect.TypeFor[render.AgendaView](),
		"minutes.md.tmpl":   reflect.TypeFor[render.MinutesView](),
		"network.md.tmpl":   reflect.TypeFor[render.NetworkView](),
		"index.md.tmpl":     reflect.TypeFor[render.IndexView](),
		"decisions.md.tmpl": reflect.TypeFor[render.RegisterView](),
	}
	r := rand.New(rand.NewPCG(1, 2))
	for _, name := range templateNames {
		for i := range 300 {
			v := reflect.New(views[name]).Elem()
			fill(v, r, 0)
			bothWays(t, name+" random view "+string(rune('0'+i%10)), name, v.Interface())
		}
	}
}

// texts are the strings random views hold: empty, blank, words the
// templates compare with, markup and line breaks.
var texts = append([]string{"", " ", "\t", "cancelled", "planned", "held", "agreed", "not-agreed", "x",
	"Two words", "a\n\nb", "  padded  ", "1. item", "- item", "\u00a0", "line\r\nbreak", "**bold**"}, hostileNames...)

// fill sets every field of v at random.
func fill(v reflect.Value, r *rand.Rand, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(texts[r.IntN(len(texts))])
	case reflect.Bool:
		v.SetBool(r.IntN(2) == 0)
	case reflect.Int:
		v.SetInt(int64(r.IntN(4)))
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i), r, depth)
			}
		}
	case reflect.Slice:
		n := r.IntN(4)
		if depth > 2 {
			n = 0
		}
		s := reflect.MakeSlice(v.Type(), n, n)
		for i := range n {
			fill(s.Index(i), r, depth+1)
		}
		if n > 0 || r.IntN(2) == 0 {
			v.Set(s)
		}
	case reflect.Pointer:
		if r.IntN(3) == 0 || depth > 2 {
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), r, depth+1)
		v.Set(p)
	}
}

// oldTidy is tidy as it was before it worked in place, for comparison.
func oldTidy(b []byte) []byte {
	lines := strings.Split(string(b), "\n")
	var out []string
	blank := false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			l = ""
		}
		if l == "" {
			if blank || len(out) == 0 {
				continue
			}
			blank = true
		} else {
			blank = false
		}
		out = append(out, l)
	}
	return []byte(strings.TrimRight(strings.Join(out, "\n"), "\n") + "\n")
}

func TestTidy(t *testing.T) {
	cases := []string{"", "\n", "\n\n\n", "a", "a\n", "a\n\n\nb\n\n", " \t\n\na\n \n\u00a0\nb", "a\r\n\r\nb\r\n",
		"\n\na \n\n", "x\n\n", "a\nb\nc", "  a  \n  \n  b  "}
	r := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString([]string{"a", " ", "\n", "\n", "\t", "\r", "\u00a0", "bc", "\u2028"}[r.IntN(9)])
		}
		cases = append(cases, b.String())
	}
	for _, c := range cases {
		want := oldTidy([]byte(c))
		if got := render.Tidy([]byte(c)); !bytes.Equal(got, want) {
			t.Errorf("tidy(%q) = %q, want %q", c, got, want)
		}
	}
}
