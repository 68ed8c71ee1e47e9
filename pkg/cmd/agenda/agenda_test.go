package agenda

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/iostreams"
)

func TestNewCmdAgendaFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: []string{"new", "sts-omg"}, want: Options{Network: "sts-omg", Dir: "networks"}},
		{args: []string{"new", "sts-omg", "--date", "2026-12-08", "--kind", "ordinary"}, want: Options{Network: "sts-omg", Dir: "networks", Date: "2026-12-08", Kind: "ordinary"}},
		{args: []string{"new", "sts-omg", "--date", "2026-02-29"}, wantErr: "not a real calendar date"},
		{args: []string{"new"}, wantErr: "accepts 1 arg"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdAgenda, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Network != tt.want.Network || got.Dir != tt.want.Dir || got.Date != tt.want.Date || got.Kind != tt.want.Kind {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestAgendaRunNoPlannedMeeting(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 1, Years: 1, Seed: 1}); err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	err := agendaRun(&Options{IO: ios, Now: cmdtest.Clock("2030-01-01"), Dir: dir, Network: "body-0000"})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || !strings.Contains(ue.Error(), "no planned meeting") || !strings.Contains(ue.Hint, "govctl schedule body-0000") {
		t.Fatalf("err = %v, want no planned meeting with a schedule hint", err)
	}
}

// TestAgendaRunHintNeverFails: with no planned meeting, the hint names a
// command that works for the body: schedule only where the kind has a
// cadence to plan from.
func TestAgendaRunHintNeverFails(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml":   "organisations: []\n",
		"none/network.yaml":    "id: none\nname: No Meetings\n",
		"adhoc/network.yaml":   "id: adhoc\nname: Ad Hoc\nmeetings:\n  ordinary: {duration: PT1H}\n",
		"monthly/network.yaml": "id: monthly\nname: Monthly\nmeetings:\n  ordinary: {every: P1M}\n  workshop: {per_year: 2}\n",
	})
	for _, tc := range []struct {
		network, kind, hint string
	}{
		{"none", "", "add a kind of meeting under meetings: in none/network.yaml, then give the date: govctl agenda new none --date YYYY-MM-DD"},
		{"adhoc", "", "ordinary meetings have no cadence to plan from: give the date, as in govctl agenda new adhoc --date YYYY-MM-DD"},
		{"monthly", "", "plan meetings with: govctl schedule monthly --count 12 --write (or give --date)"},
		{"monthly", "workshop", "plan meetings with: govctl schedule monthly --kind workshop --count 12 --write (or give --date)"},
	} {
		ios, _, _, _ := iostreams.Test()
		err := agendaRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Network: tc.network, Kind: tc.kind})
		var ue *cmdutil.UserError
		if !errors.As(err, &ue) || ue.Hint != tc.hint {
			t.Errorf("%s %s: err = %v (%+v); want the hint %q", tc.network, tc.kind, err, ue, tc.hint)
		}
	}
}

// tenYears is a network with ten years of monthly meetings, and a planned
// one after them.
func tenYears(b *testing.B) string {
	dir := b.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 3, Years: 10, Seed: 1}); err != nil {
		b.Fatal(err)
	}
	planned := "date: 2027-01-12\nkind: ordinary\nstatus: planned\n"
	if err := os.WriteFile(filepath.Join(dir, "body-0000", "meetings", "2027-01-12.yaml"), []byte(planned), 0o644); err != nil {
		b.Fatal(err)
	}
	return dir
}

// BenchmarkAgendaNew is `govctl agenda new` in process on a network with
// ten years of monthly meetings.
func BenchmarkAgendaNew(b *testing.B) {
	dir := tenYears(b)
	ios, _, out, _ := iostreams.Test()
	opts := &Options{IO: ios, Now: cmdtest.Clock("2027-01-01"), Dir: dir, Network: "body-0000"}
	for b.Loop() {
		out.Reset()
		if err := agendaRun(opts); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAgendaNewProcess is the whole `govctl agenda new` process.
func BenchmarkAgendaNewProcess(b *testing.B) {
	dir := tenYears(b)
	bin := filepath.Join(b.TempDir(), "govctl")
	build := exec.Command("go", "build", "-o", bin, "github.com/govctl/govctl/cmd/govctl")
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	for b.Loop() {
		cmd := exec.Command(bin, "-R", dir, "agenda", "new", "body-0000")
		cmd.Env = append(os.Environ(), "GOVCTL_TODAY=2027-01-01")
		if out, err := cmd.CombinedOutput(); err != nil {
			b.Fatalf("%v\n%s", err, out)
		}
	}
}
