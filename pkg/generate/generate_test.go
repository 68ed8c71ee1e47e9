package generate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/govctl/govctl/internal/testtree"
	"github.com/govctl/govctl/pkg/corpus"
)

func TestPlanWriteCheck(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 5, Years: 1, Seed: 3}); err != nil {
		t.Fatal(err)
	}
	files, errs, err := Plan(dir, Options{})
	if err != nil || errs != nil {
		t.Fatal(err, errs)
	}
	// 1 index + per body: 1 page, its decision register and 12 held
	// meetings' minutes.
	if want := 1 + 5*(2+12); len(files) != want {
		t.Fatalf("%d files, want %d", len(files), want)
	}
	for _, f := range files {
		if f.State != "missing" {
			t.Fatalf("%s: %s before writing", f.Path, f.State)
		}
		if err := os.WriteFile(f.Path, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	again, _, err := Plan(dir, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range again {
		if f.State != "ok" || f.Path != files[i].Path {
			t.Errorf("%s: %s after writing (order or content not stable)", f.Path, f.State)
		}
	}
}

func TestKeepCustom(t *testing.T) {
	gen := "# T\n<!-- custom -->\n<!-- /custom -->\nbody\n"
	for _, c := range []struct{ name, old, want, err string }{
		{"kept", "# Old\n<!-- custom -->\nmine\n<!-- /custom -->\nold body\n",
			"# T\n<!-- custom -->\nmine\n<!-- /custom -->\nbody\n", ""},
		{"CRLF and trailing spaces on the marker lines", "# Old\r\n<!-- custom -->  \r\nmine\r\n<!-- /custom -->\r\n",
			"# T\n<!-- custom -->\nmine\r\n<!-- /custom -->\nbody\n", ""},
		{"no markers: nothing to keep", "no markers", gen, ""},
		{"a marker inside a line is text", "<!-- custom -->\nsee <!-- /custom --> here\n<!-- /custom -->\n",
			"# T\n<!-- custom -->\nsee <!-- /custom --> here\n<!-- /custom -->\nbody\n", ""},
		{"end missing", "x\n<!-- custom -->\nmine\n", "", `^p.md:2: a start marker <!-- custom --> with no <!-- /custom --> line after it;`},
		{"start missing", "mine\n<!-- /custom -->\n", "", `^p.md:2: an end marker <!-- /custom --> with no <!-- custom --> line before it;`},
		{"two ends", "<!-- custom -->\na\n<!-- /custom -->\nb\n<!-- /custom -->\n", "", `^p.md:5: a second <!-- /custom --> line;`},
		{"two starts", "<!-- custom -->\n<!-- custom -->\n<!-- /custom -->\n", "", `^p.md:2: a second <!-- custom --> line;`},
		{"out of order", "<!-- /custom -->\nmine\n<!-- custom -->\n", "", `^p.md:1: the end marker <!-- /custom --> before the start marker;`},
	} {
		got, err := KeepCustom("p.md", []byte(gen), []byte(c.old))
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err == "" && string(got) != c.want:
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		case c.err != "" && (err == nil || !regexp.MustCompile(c.err).MatchString(err.Error())):
			t.Errorf("%s: error %v, want %s", c.name, err, c.err)
		}
	}
	// A page govctl writes with no custom section (an agenda) takes none.
	agenda := "# Agenda\n"
	if got, err := KeepCustom("a.md", []byte(agenda), []byte("<!-- custom -->\n")); err != nil || string(got) != agenda {
		t.Errorf("agenda: %q, %v", got, err)
	}
}

// The index draws each body's row as things stood on the date of the latest
// record: a planned meeting already past by then is not the next one, and
// the findings are counted however the folder is spelt.
func TestIndexAsOfLatestRecord(t *testing.T) {
	dir := testtree.New(t, map[string]string{
		"govctl.yaml":                    "timezone: Europe/London\nholidays: england-and-wales\n",
		"organisations.yaml":             "organisations:\n  - {id: a, name: Org A}\n",
		"board/network.yaml":             "id: board\nname: Board\noffices:\n  chair: {appointment: elected}\nmeetings:\n  ordinary: {every: P1M}\n",
		"board/members.yaml":             "members:\n  - {id: ann, name: Ann One, organisation: a}\noffice_holders:\n  - {office: chair, member: ann}\n",
		"board/meetings/2026-10-01.yaml": "date: 2026-10-01\nkind: ordinary\nstatus: planned\n",
		"board/meetings/2026-11-01.yaml": "date: 2026-11-01\nkind: ordinary\nstatus: held\nattendance: {present: [ann]}\n",
		"board/meetings/2026-12-01.yaml": "date: 2026-12-01\nkind: ordinary\nstatus: planned\n",
	})
	var index []string
	for _, d := range []string{dir, dir + string(filepath.Separator)} {
		files, errs, err := Plan(d, Options{})
		if err != nil || errs != nil {
			t.Fatal(err, errs)
		}
		index = append(index, string(files[0].Data))
	}
	row := regexp.MustCompile(`(?m)^\| \[Board\].*$`).FindString(index[0])
	if !strings.Contains(row, "| 2026-12-01 (ordinary meeting) |") {
		t.Errorf("next meeting: want 1 December, the first planned on or after 1 November:\n%s", row)
	}
	if strings.Contains(row, "| 0 errors, 0 warnings |") {
		t.Errorf("the past planned meeting's warning is not counted:\n%s", row)
	}
	if index[0] != index[1] {
		t.Errorf("the index differs with a trailing separator:\n%s\n%s", index[0], index[1])
	}
}

// TestPageAsOfItsBody: a body's page is drawn as at the latest day, up to
// the repository's latest record, on which its own records show a change
// (NetworkBasisDate), so that recording one body's meeting leaves the other
// bodies' pages as they are, and says what it would say as at the
// repository's date. The index is drawn as at the latest record of any body.
func TestPageAsOfItsBody(t *testing.T) {
	files := map[string]string{
		"govctl.yaml":        "timezone: Europe/London\n",
		"organisations.yaml": "organisations:\n  - {id: a, name: Org A}\n",
		// The board met last on 3 November.
		"board/network.yaml":             "id: board\nname: Board\nmeetings:\n  ordinary: {every: P1M}\n",
		"board/members.yaml":             "members:\n  - {id: ann, name: Ann Board, organisation: a}\n",
		"board/meetings/2026-11-03.yaml": "date: 2026-11-03\nkind: ordinary\nstatus: held\nattendance: {present: [ann]}\n",
		"board/meetings/2026-12-01.yaml": "date: 2026-12-01\nkind: ordinary\nstatus: planned\n",
		// The panel met on 6 October; Bob left on 31 October, after it.
		"panel/network.yaml":             "id: panel\nname: Panel\nmeetings:\n  ordinary: {every: P1M}\n",
		"panel/members.yaml":             "members:\n  - {id: pat, name: Pat Panel, organisation: a}\n  - {id: bob, name: Bob Panel, organisation: a, until: 2026-10-31}\n  - {id: kim, name: Kim Panel, organisation: a, from: 2027-01-01}\n",
		"panel/meetings/2026-10-06.yaml": "date: 2026-10-06\nkind: ordinary\nstatus: held\nattendance: {present: [pat, bob]}\n",
		// The forum's records hold no date that bears on its page.
		"forum/network.yaml": "id: forum\nname: Forum\n",
		"forum/members.yaml": "members:\n  - {id: fay, name: Fay Forum, organisation: a}\n",
	}
	dir := testtree.New(t, files)
	pages := func() map[string]string {
		t.Helper()
		out, errs, err := Plan(dir, Options{})
		if err != nil || errs != nil {
			t.Fatal(err, errs)
		}
		m := map[string]string{}
		for _, f := range out {
			m[filepath.ToSlash(strings.TrimPrefix(f.Path, dir+string(filepath.Separator)))] = string(f.Data)
		}
		return m
	}
	before := pages()
	for page, want := range map[string]string{
		"board/README.md": "Membership and offices as they stood on Tuesday 3 November 2026.",
		// The day Bob was no longer a member, not the panel's meeting.
		"panel/README.md": "Membership and offices as they stood on Sunday 1 November 2026.",
		"README.md":       "as they stood on Tuesday 3 November 2026, the date of the latest record.",
	} {
		if !strings.Contains(before[page], want) {
			t.Errorf("%s lacks %q:\n%s", page, want, before[page])
		}
	}
	if p := before["panel/README.md"]; !strings.Contains(p, "Pat Panel") || strings.Contains(p, "Bob Panel") || strings.Contains(p, "Kim Panel") {
		t.Errorf("the panel's page does not list its members as at 3 November (Pat alone):\n%s", p)
	}
	if p := before["forum/README.md"]; strings.Contains(p, "as they stood on") || !strings.Contains(p, "Fay Forum") {
		t.Errorf("the forum's page gives a date, or lacks its member:\n%s", p)
	}

	// The board holds its December meeting: its page and the index move,
	// the panel's and the forum's do not.
	if err := os.WriteFile(filepath.Join(dir, "board", "meetings", "2026-12-01.yaml"), []byte("date: 2026-12-01\nkind: ordinary\nstatus: held\nattendance: {present: [ann]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	after := pages()
	for _, page := range []string{"board/README.md", "README.md"} {
		if !strings.Contains(after[page], "as they stood on Tuesday 1 December 2026") {
			t.Errorf("%s is not drawn as at the board's new meeting:\n%s", page, after[page])
		}
	}
	for _, page := range []string{"panel/README.md", "forum/README.md"} {
		if after[page] != before[page] {
			t.Errorf("%s changed with the board's meeting", page)
		}
	}
}

// FuzzKeepCustom: whatever a person left on a page, the page written keeps
// every byte between its markers, or the page is refused; nothing of the
// generated page outside the section is lost.
func FuzzKeepCustom(f *testing.F) {
	f.Add("<!-- custom -->\nmine\n<!-- /custom -->\n")
	f.Add("<!-- custom -->\nmine\n")
	f.Add("x <!-- /custom -->\n<!-- custom -->\r\n<!-- /custom -->")
	f.Add("<!-- /custom -->\n<!-- custom -->\n")
	gen := []byte("# T\n<!-- custom -->\n<!-- /custom -->\nbody\n")
	f.Fuzz(func(t *testing.T, old string) {
		got, err := KeepCustom("p.md", gen, []byte(old))
		if err != nil {
			return // refused: the page is left as it is
		}
		if !strings.HasPrefix(string(got), "# T\n<!-- custom -->\n") || !strings.HasSuffix(string(got), "<!-- /custom -->\nbody\n") {
			t.Fatalf("generated parts lost: %q", got)
		}
		mine := strings.TrimSuffix(strings.TrimPrefix(string(got), "# T\n<!-- custom -->\n"), "<!-- /custom -->\nbody\n")
		if !strings.Contains(old, mine) {
			t.Fatalf("kept %q, which is not in the page %q", mine, old)
		}
	})
}
