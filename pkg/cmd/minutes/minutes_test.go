package minutes

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"

	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/iostreams"
)

func TestNewRunKeepsWhatAPersonWrote(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 1, Years: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	rec := filepath.Join(dir, "body-0000", "meetings", "2018-01-09.yaml")
	written := "# Set by the chair on 2 January.\ndate: 2018-01-09\nstart: \"14:00\"   # moved\nkind: ordinary\nstatus: planned\nnotes: |\n  Room 2 booked.\n"
	if err := os.WriteFile(rec, []byte(written), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	opts := &Options{IO: ios, Now: cmdtest.Clock("2018-01-10"), Dir: dir, Network: "body-0000", Date: "2018-01-09"}
	if err := newRun(opts); err != nil {
		t.Fatal(err)
	}
	got, _ := os.ReadFile(rec)
	for _, keep := range []string{"# Set by the chair on 2 January.", "start: \"14:00\" # moved", "Room 2 booked.", "status: held", "    - m-0", "  - title: Apologies for absence"} {
		if !strings.Contains(string(got), keep) {
			t.Errorf("record lacks %q:\n%s", keep, got)
		}
	}
	if !strings.HasSuffix(strings.TrimSpace(out.String()), "2018-01-09.yaml") {
		t.Errorf("stdout = %q", out.String())
	}
	// Again: refused, the file unchanged.
	if err := newRun(opts); err == nil {
		t.Fatal("a second minutes new succeeded without --force")
	}
	again, _ := os.ReadFile(rec)
	if string(again) != string(got) {
		t.Error("the record changed although the command was refused")
	}
}

// BenchmarkMinutesRender is `govctl minutes render` in process on a network
// with ten years of monthly meetings.
func BenchmarkMinutesRender(b *testing.B) {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 3, Years: 10, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	opts := &Options{IO: ios, Now: cmdtest.Clock("2027-01-01"), Dir: dir, Network: "body-0000", Date: "2026-12-08", Render: true}
	for b.Loop() {
		if err := renderRun(opts); err != nil {
			b.Fatal(err)
		}
	}
}
