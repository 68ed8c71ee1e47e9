package calendar

import (
	"errors"
	"strings"
	"testing"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/corpus"
	"github.com/govctl/govctl/pkg/iostreams"
)

func TestNewCmdCalendarFlags(t *testing.T) {
	tests := []struct {
		args     []string
		want     Options
		wantErr  string
		flagErr  bool
		networks []string
	}{
		{args: nil, want: Options{Dir: "networks"}},
		{args: []string{"sts-omg", "sts-jmb", "--from", "2027-01-01", "--until", "2027-12-31", "--deadlines"},
			want:     Options{Dir: "networks", From: date.New(2027, 1, 1), Until: date.New(2027, 12, 31), Deadlines: true},
			networks: []string{"sts-omg", "sts-jmb"}},
		{args: []string{"--from", "2027-01-01", "--until", "2027-01-01"}, want: Options{Dir: "networks", From: date.New(2027, 1, 1), Until: date.New(2027, 1, 1)}},
		{args: []string{"--from", "2027-02-29"}, wantErr: "--from: ", flagErr: true},
		{args: []string{"--until", "tomorrow"}, wantErr: "--until: ", flagErr: true},
		{args: []string{"--from", "2027-02-01", "--until", "2027-01-31"}, wantErr: "--until 2027-01-31 is before --from 2027-02-01", flagErr: true},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdCalendar, tt.args...)
			if tt.wantErr != "" {
				var fe *cmdutil.FlagError
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) || (tt.flagErr && !errors.As(err, &fe)) {
					t.Fatalf("err = %v, want a flag error with %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Dir != tt.want.Dir || got.From != tt.want.From || got.Until != tt.want.Until || got.Deadlines != tt.want.Deadlines || strings.Join(got.Networks, ",") != strings.Join(tt.networks, ",") {
				t.Errorf("got %+v, want %+v with networks %v", *got, tt.want, tt.networks)
			}
		})
	}
}

func TestCalendarRun(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Options{Bodies: 2, Years: 1, Seed: 1, Start: date.New(2027, 1, 1)}); err != nil {
		t.Fatal(err)
	}
	run := func(o Options) (string, error) {
		ios, _, out, _ := iostreams.Test()
		o.IO, o.Now, o.Dir = ios, cmdtest.Clock("2027-06-01"), dir
		err := calendarRun(&o)
		return out.String(), err
	}

	all, err := run(Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(all, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(all, "END:VCALENDAR\r\n") {
		t.Fatalf("not a calendar:\n%s", all)
	}
	if n := strings.Count(all, "BEGIN:VEVENT"); n != 24 {
		t.Errorf("%d events for two bodies meeting monthly for a year, want 24", n)
	}
	if !strings.Contains(all, "X-WR-CALNAME:Governance meetings\r\n") {
		t.Errorf("no calendar name for the whole repository")
	}
	// The clock does not change the output.
	later, _ := run(Options{})
	if all != later {
		t.Errorf("two runs differ")
	}

	one, err := run(Options{Networks: []string{"body-0001"}, From: date.New(2027, 3, 1), Until: date.New(2027, 3, 31), Deadlines: true})
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(one, "BEGIN:VEVENT"); n != 2 {
		t.Errorf("%d events for one March meeting with --deadlines, want 2:\n%s", n, one)
	}
	for _, want := range []string{"X-WR-CALNAME:Body 1\r\n", "UID:body-0001-2027-03-09@govctl\r\n", "UID:body-0001-2027-03-09-papers@govctl\r\n", "DTSTART;TZID=Europe/London:20270309T100000\r\n", "DTSTART;VALUE=DATE:20270305\r\n"} {
		if !strings.Contains(one, want) {
			t.Errorf("no %q in\n%s", want, one)
		}
	}

	_, err = run(Options{Networks: []string{"body-9"}})
	var ne *check.NetworkError
	if !errors.As(err, &ne) || ne.ID != "body-9" {
		t.Errorf("err = %v, want no network body-9", err)
	}
	if _, err = run(Options{Networks: []string{"../body-0000"}}); err == nil || !strings.Contains(err.Error(), "not a network id") {
		t.Errorf("err = %v, want not a network id", err)
	}
}

func TestCalendarRunMissingRepo(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	err := calendarRun(&Options{IO: ios, Now: cmdtest.Clock("2027-06-01"), Dir: t.TempDir() + "/nowhere"})
	if err == nil {
		t.Fatal("no error for a missing repository")
	}
	if out.Len() != 0 {
		t.Errorf("output on error: %q", out.String())
	}
}
