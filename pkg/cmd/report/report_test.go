package report

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/report"
)

func TestNewCmdWorkProgrammeFlags(t *testing.T) {
	for _, tc := range []struct {
		args     []string
		networks string
		asOf     string
		format   string
		flagErr  string // a FlagError containing this
		otherErr string // another error containing this
	}{
		{args: nil, format: "markdown"},
		{args: []string{"a", "b", "--as-of", "2027-01-31", "--format", "json"}, networks: "a,b", asOf: "2027-01-31", format: "json"},
		{args: []string{"--format", "table"}, format: "table"},
		{args: []string{"--format", "xml"}, flagErr: `--format "xml": want markdown, table or json`},
		{args: []string{"--as-of", "2026-02-29"}, flagErr: "not a real calendar date"},
		{args: []string{"--as-of", "tomorrow"}, flagErr: "--as-of"},
		{args: []string{"--nope"}, otherErr: "unknown flag"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdWorkProgramme, tc.args...)
			checkErr(t, err, tc.flagErr, tc.otherErr)
			if tc.flagErr != "" || tc.otherErr != "" {
				return
			}
			if strings.Join(got.Networks, ",") != tc.networks || got.Format != tc.format || got.Dir != "networks" {
				t.Errorf("got %+v", *got)
			}
			if s := dateOrEmpty(got.AsOf.IsZero(), got.AsOf.String()); s != tc.asOf {
				t.Errorf("as of %q; want %q", s, tc.asOf)
			}
		})
	}
}

func TestNewCmdAttendanceFlags(t *testing.T) {
	for _, tc := range []struct {
		args              []string
		from, until, by   string
		format            string
		flagErr, otherErr string
	}{
		{args: []string{"omg"}, by: "member", format: "markdown"},
		{args: []string{"omg", "--from", "2026-04-01", "--until", "2027-03-31", "--by", "organisation", "--format", "table"}, from: "2026-04-01", until: "2027-03-31", by: "organisation", format: "table"},
		{args: []string{"omg", "--from", "2026-04-01", "--until", "2026-04-01"}, from: "2026-04-01", until: "2026-04-01", by: "member", format: "markdown"},
		{args: []string{"omg", "--by", "seat"}, flagErr: `--by "seat": want member or organisation`},
		{args: []string{"omg", "--format", "csv"}, flagErr: `--format "csv"`},
		{args: []string{"omg", "--from", "2026-13-01"}, flagErr: "--from"},
		{args: []string{"omg", "--until", "01/04/2026"}, flagErr: "--until"},
		{args: []string{"omg", "--from", "2026-05-01", "--until", "2026-04-30"}, flagErr: "--until 2026-04-30 is before --from 2026-05-01"},
		{args: []string{}, otherErr: "accepts 1 arg"},
		{args: []string{"a", "b"}, otherErr: "accepts 1 arg"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdAttendance, tc.args...)
			checkErr(t, err, tc.flagErr, tc.otherErr)
			if tc.flagErr != "" || tc.otherErr != "" {
				return
			}
			if got.Network != "omg" || got.By != tc.by || got.Format != tc.format ||
				dateOrEmpty(got.From.IsZero(), got.From.String()) != tc.from || dateOrEmpty(got.Until.IsZero(), got.Until.String()) != tc.until {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

func dateOrEmpty(zero bool, s string) string {
	if zero {
		return ""
	}
	return s
}

func checkErr(t *testing.T, err error, flagErr, otherErr string) {
	t.Helper()
	var fe *cmdutil.FlagError
	switch {
	case flagErr != "":
		if !errors.As(err, &fe) || !strings.Contains(err.Error(), flagErr) {
			t.Fatalf("err = %v (%T); want a FlagError containing %q", err, err, flagErr)
		}
	case otherErr != "":
		if err == nil || !strings.Contains(err.Error(), otherErr) {
			t.Fatalf("err = %v; want %q", err, otherErr)
		}
	case err != nil:
		t.Fatal(err)
	}
}

const repoFiles = `
-- organisations.yaml --
organisations:
  - {id: a, name: Authority A}
  - {id: b, name: Borough B}
-- omg/network.yaml --
id: omg
name: Group
seats:
  - {organisations: [a, b], title: Member}
meetings:
  ordinary: {every: P1M}
-- omg/members.yaml --
members:
  - {id: a1, name: "Ann\tOne", organisation: a, seat: Member}
  - {id: b1, name: Bob One, organisation: b, seat: Member}
-- omg/meetings/2026-10-13.yaml --
date: 2026-10-13
kind: ordinary
status: held
attendance: {present: [a1]}
-- omg/work-programme.yaml --
items:
  - {id: wp-1, title: "Audit\tcodes", lead: a1, status: on-track, due: 2026-11-01}
`

func writeRepo(t *testing.T) string {
	t.Helper()
	files := map[string]string{}
	for _, p := range strings.Split(repoFiles, "\n-- ")[1:] {
		name, body, _ := strings.Cut(p, " --\n")
		files[name] = body
	}
	return cmdtest.WriteTree(t, files)
}

func TestRunFormats(t *testing.T) {
	dir := writeRepo(t)
	for _, tc := range []struct {
		name string
		run  func(ios *iostreams.IOStreams) error
		tty  bool
		want []string
	}{
		{"work-programme piped", func(ios *iostreams.IOStreams) error {
			return workProgrammeRun(&WorkProgrammeOptions{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: dir, Format: "table"})
		}, false, []string{
			"NETWORK\tID\tTITLE\tLEAD\tSTATUS\tDUE\tMILESTONES\tUPDATED\tLATEST UPDATE\tFLAGS\n",
			"omg\twp-1\tAudit codes\tAnn One\ton-track\t2026-11-01\t\t\t\toverdue\n\n",
			"NETWORK\tNOT STARTED\tON TRACK\tAT RISK\tOFF TRACK\tCOMPLETE\tTOTAL\nomg\t0\t1\t0\t0\t0\t1\n",
		}},
		{"work-programme terminal", func(ios *iostreams.IOStreams) error {
			return workProgrammeRun(&WorkProgrammeOptions{IO: ios, Now: cmdtest.Clock("2026-10-01"), Dir: dir, Format: "table"})
		}, true, []string{"│ Audit codes │ Ann One │", "ON TRACK"}},
		{"attendance piped", func(ios *iostreams.IOStreams) error {
			return attendanceRun(&AttendanceOptions{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: dir, Network: "omg", By: "member", Format: "table"})
		}, false, []string{
			"MEMBER\tNAME\tORGANISATION\tEXPECTED\tPRESENT\tSUBSTITUTE\tAPOLOGIES\tABSENT\tRATE\tFLAGS\n",
			"a1\tAnn One\tAuthority A\t1\t1\t0\t0\t0\t100%\t\n",
			"b1\tBob One\tBorough B\t1\t0\t0\t0\t1\t0%\t\n",
		}},
		{"attendance terminal", func(ios *iostreams.IOStreams) error {
			return attendanceRun(&AttendanceOptions{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: dir, Network: "omg", By: "organisation", Format: "table"})
		}, true, []string{"Borough B", "1 held meeting(s) counted."}},
		{"attendance json", func(ios *iostreams.IOStreams) error {
			return attendanceRun(&AttendanceOptions{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: dir, Network: "omg", By: "organisation", Format: "json"})
		}, false, []string{`"by": "organisation"`, `"rate": 0,`, `"rate": 100,`}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ios, _, out, _ := iostreams.Test()
			ios.OutTTY = tc.tty
			if err := tc.run(ios); err != nil {
				t.Fatal(err)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
		})
	}
}

func TestNewCmdForwardPlanFlags(t *testing.T) {
	for _, tc := range []struct {
		args              []string
		networks, asOf    string
		months            int
		format            string
		flagErr, otherErr string
	}{
		{args: nil, months: 4, format: "markdown"},
		{args: []string{"jc", "jmb", "--months", "6", "--as-of", "2027-01-01", "--format", "json"}, networks: "jc,jmb", months: 6, asOf: "2027-01-01", format: "json"},
		{args: []string{"--months", "0"}, flagErr: "--months 0: want 1 to 60"},
		{args: []string{"--months", "61"}, flagErr: "--months 61: want 1 to 60"},
		{args: []string{"--months", "two"}, otherErr: "invalid argument"},
		{args: []string{"--format", "csv"}, flagErr: `--format "csv"`},
		{args: []string{"--as-of", "2027-02-29"}, flagErr: "--as-of"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdForwardPlan, tc.args...)
			checkErr(t, err, tc.flagErr, tc.otherErr)
			if tc.flagErr != "" || tc.otherErr != "" {
				return
			}
			if strings.Join(got.Networks, ",") != tc.networks || got.Months != tc.months || got.Format != tc.format || dateOrEmpty(got.AsOf.IsZero(), got.AsOf.String()) != tc.asOf {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

// referrals is a chain of bodies that refer business to one another (see
// its govctl.yaml).
const referrals = "../../../testdata/referrals"

func forwardPlan(t *testing.T, opts ForwardPlanOptions) string {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	opts.IO, opts.Now, opts.Dir = ios, cmdtest.Clock("2026-12-10"), referrals
	if opts.Months == 0 {
		opts.Months = 4
	}
	if err := forwardPlanRun(&opts); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestForwardPlan(t *testing.T) {
	var r report.ForwardPlan
	if err := json.Unmarshal([]byte(forwardPlan(t, ForwardPlanOptions{Format: "json"})), &r); err != nil {
		t.Fatal(err)
	}
	if r.AsOf != "2026-12-10" || r.Until != "2027-04-10" || r.Months != 4 {
		t.Errorf("period: %s to %s, %d months", r.AsOf, r.Until, r.Months)
	}
	var got []string
	for _, m := range r.Meetings {
		s := m.Date + " " + m.Network + " papers by " + m.PapersDeadline + ":"
		for _, it := range m.Items {
			s += " [" + it.Title + "|" + it.Kind + "|" + it.Private + "]"
		}
		for _, e := range m.Referrals {
			s += " <" + e.From + "/" + e.ID + ": " + e.Text + " deferred " + e.Deferred + ">"
		}
		got = append(got, s)
	}
	want := []string{
		// jmb deferred the private contract: it is expected again.
		"2027-01-06 jmb papers by 2026-12-29: <omg/D-2026-11-17-3: taken in private (Schedule 12A, paragraph 3) deferred 2026-12-02>",
		"2027-01-19 omg papers by 2027-01-14: [Service plan 2027/28|decision|]",
		// Five clear business days: the deadline is the day before the
		// fifth counted back.
		"2027-01-20 jc papers by 2027-01-12: [a private item|decision|Schedule 12A, paragraph 1] [Annual governance statement|information|] <jmb/J-2026-12-02-1: Recommend the 2027/28 budget to the Joint Committee deferred >",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("meetings:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(r.Unplaced) != 0 {
		t.Errorf("unplaced: %+v", r.Unplaced)
	}

	// A month: jc's meeting is out of the period, and the referral waiting
	// for it is listed apart.
	if err := json.Unmarshal([]byte(forwardPlan(t, ForwardPlanOptions{Format: "json", Months: 1, Networks: []string{"jc"}})), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Meetings) != 0 || len(r.Unplaced) != 1 || r.Unplaced[0].To != "jc" || r.Unplaced[0].ID != "J-2026-12-02-1" {
		t.Errorf("jc for a month: %+v", r)
	}

	md := forwardPlan(t, ForwardPlanOptions{Format: "markdown", Networks: []string{"jc"}})
	for _, w := range []string{
		"# Forward plan, Thursday 10 December 2026 to Saturday 10 April 2027\n",
		"## Joint Committee: Ordinary meeting, Wednesday 20 January 2027\n",
		"| Papers deadline | Tuesday 12 January 2027 |\n",
		"- **A private item** (decision), to be taken in private (Schedule 12A, paragraph 1)\n",
		"- J-2026-12-02-1, referred by the Joint Management Board on Wednesday 2 December 2026 under “Budget 2027/28”: Recommend the 2027/28 budget to the Joint Committee\n",
	} {
		if !strings.Contains(md, w) {
			t.Errorf("markdown lacks %q:\n%s", w, md)
		}
	}
	if strings.Contains(md, "Director appointment") {
		t.Errorf("the plan names an unpublished title:\n%s", md)
	}
	table := forwardPlan(t, ForwardPlanOptions{Format: "table", Networks: []string{"jmb"}})
	if want := "DATE\tNETWORK\tTIME\tPAPERS BY\tBUSINESS\tKIND\tPRIVATE\n2027-01-06\tjmb\t14:00 to 15:00 (GMT)\t2026-12-29\treferral omg/D-2026-11-17-3 (2026-11-17): taken in private (Schedule 12A, paragraph 3) (deferred 2026-12-02)\treferral\t\n"; table != want {
		t.Errorf("table:\n%s\nwant:\n%s", table, want)
	}
}
