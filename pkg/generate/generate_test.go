package generate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

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
	// 1 index + per body: 1 page and 12 held meetings' minutes.
	if want := 1 + 5*(1+12); len(files) != want {
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
	gen := []byte("# T\n<!-- custom -->\n<!-- /custom -->\nbody\n")
	old := []byte("# Old\n<!-- custom -->\nmine\n<!-- /custom -->\nold body\n")
	if got := string(KeepCustom(gen, old)); got != "# T\n<!-- custom -->\nmine\n<!-- /custom -->\nbody\n" {
		t.Errorf("got %q", got)
	}
	if got := string(KeepCustom(gen, []byte("no markers"))); got != string(gen) {
		t.Errorf("without markers: %q", got)
	}
}

// The index draws each body's row as things stood on the date of the latest
// record: a planned meeting already past by then is not the next one, and
// the findings are counted however the folder is spelt.
func TestIndexAsOfLatestRecord(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"govctl.yaml":                    "timezone: Europe/London\nholidays: england-and-wales\n",
		"organisations.yaml":             "organisations:\n  - {id: a, name: Org A}\n",
		"board/network.yaml":             "id: board\nname: Board\noffices:\n  chair: {appointment: elected}\nmeetings:\n  ordinary: {every: P1M}\n",
		"board/members.yaml":             "members:\n  - {id: ann, name: Ann One, organisation: a}\noffice_holders:\n  - {office: chair, member: ann}\n",
		"board/meetings/2026-10-01.yaml": "date: 2026-10-01\nkind: ordinary\nstatus: planned\n",
		"board/meetings/2026-11-01.yaml": "date: 2026-11-01\nkind: ordinary\nstatus: held\nattendance: {present: [ann]}\n",
		"board/meetings/2026-12-01.yaml": "date: 2026-12-01\nkind: ordinary\nstatus: planned\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
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
