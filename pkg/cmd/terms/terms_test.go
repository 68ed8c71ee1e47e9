package terms

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/yamlfmt"
)

func TestNewCmdAmendFlags(t *testing.T) {
	for _, tt := range []struct {
		args              []string
		want              Options
		flagErr, otherErr string
	}{
		{args: []string{"board", "--effective", "2027-04-01"}, want: Options{Network: "board", Effective: "2027-04-01", Dir: "networks"}},
		{args: []string{"board", "--effective", "2027-04-01", "--since", "2024-01-01"}, want: Options{Network: "board", Effective: "2027-04-01", Since: "2024-01-01", Dir: "networks"}},
		{args: []string{"board"}, flagErr: "--effective is required"},
		{args: []string{"board", "--effective", "April"}, flagErr: "--effective"},
		{args: []string{"board", "--effective", "2027-04-01", "--since", "then"}, flagErr: "--since"},
		{args: []string{"--effective", "2027-04-01"}, flagErr: "accepts 1 arg"},
	} {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdAmend, tt.args...)
			if cmdtest.WantErr(t, err, tt.flagErr, tt.otherErr) {
				return
			}
			if got.Network != tt.want.Network || got.Effective != tt.want.Effective || got.Since != tt.want.Since || got.Dir != tt.want.Dir {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func amend(t *testing.T, dir, effective, since string) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	err := amendRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Network: "board", Effective: effective, Since: since})
	return out.String(), err
}

// TestAmend keeps the terms in force byte for byte under terms/, stamps
// network.yaml, and the meetings held before are still judged by the old
// terms after an amendment that would change their verdict.
func TestAmend(t *testing.T) {
	dir := cmdtest.Board(t)
	netPath := filepath.Join(dir, "board", "network.yaml")
	before := cmdtest.ReadFile(t, netPath)

	// network.yaml says nothing of when its terms came into force.
	if _, err := amend(t, dir, "2027-01-01", ""); err == nil || !strings.Contains(err.Error(), "has no effective: date") {
		t.Fatalf("amend without --since: %v", err)
	}
	if _, err := amend(t, dir, "2023-01-01", "2024-01-01"); err == nil || !strings.Contains(err.Error(), "is not after 2024-01-01") {
		t.Fatalf("amend to before the terms in force: %v", err)
	}
	if cmdtest.ReadFile(t, netPath) != before {
		t.Fatal("a refused amendment changed network.yaml")
	}

	out, err := amend(t, dir, "2026-12-01", "2024-01-01")
	if err != nil {
		t.Fatal(err)
	}
	kept := filepath.Join(dir, "board", "terms", "2024-01-01.yaml")
	if out != filepath.ToSlash(kept)+"\n"+filepath.ToSlash(netPath)+"\n" {
		t.Errorf("stdout %q", out)
	}
	if got := cmdtest.ReadFile(t, kept); got != before {
		t.Errorf("the kept version differs from network.yaml as it was:\n%s", got)
	}
	// The date after the name, and the file in fmt's layout.
	want, err := yamlfmt.Format([]byte(strings.Replace(before, "name: Board\n", "name: Board\neffective: 2026-12-01\n", 1)), layout.Network.Type())
	if err != nil {
		t.Fatal(err)
	}
	if got := cmdtest.ReadFile(t, netPath); got != string(want) {
		t.Errorf("network.yaml:\n%s\nwant:\n%s", got, want)
	}

	// The amendment: a quorum of three, with a third seat filled from
	// December. The meetings of November (two present) stay quorate, judged
	// by the terms kept.
	members := filepath.Join(dir, "board", "members.yaml")
	grown := strings.Replace(cmdtest.ReadFile(t, members), "office_holders:", "  - {id: cal, name: Cal Cole, organisation: c, seat: Member, from: 2026-12-01}\noffice_holders:", 1)
	if err := os.WriteFile(members, []byte(grown), 0o644); err != nil {
		t.Fatal(err)
	}
	orgs := filepath.Join(dir, "organisations.yaml")
	if err := os.WriteFile(orgs, []byte(cmdtest.ReadFile(t, orgs)+"  - {id: c, name: Gamma Council}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	amended := strings.Replace(strings.Replace(cmdtest.ReadFile(t, netPath), "quorum:\n  members: 2\n", "quorum:\n  members: 3\n", 1), "organisations: [a, b]", "organisations: [a, b, c]", 1)
	if err := os.WriteFile(netPath, []byte(amended), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := check.Run(dir, check.Options{Now: cmdtest.Clock("2026-12-04")})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range res.Diagnostics {
		if d.Severity == "error" {
			t.Errorf("after the amendment: %s", d)
		}
	}
	nx := res.Index.Network(res.Index.Networks["board"])
	for _, m := range nx.N.MeetingList {
		if m.Status == "held" && !nx.Quorum(m).Quorate {
			t.Errorf("the meeting of %s became inquorate", m.Date)
		}
	}
	if q := nx.Current().N.Quorum; q == nil || q.Members != 3 {
		t.Errorf("the current quorum is not the amended one: %+v", q)
	}

	// Amending again keeps the version of 2026-12-01; the one of 2024 stays.
	if _, err := amend(t, dir, "2027-06-01", ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "board", "terms", "2026-12-01.yaml")); err != nil {
		t.Error(err)
	}
	// Dates out of order (network.yaml's effective set back to a day a
	// version is kept for) are terms-history's: nothing is written.
	now := strings.Replace(cmdtest.ReadFile(t, netPath), "effective: 2027-06-01", "effective: 2026-12-01", 1)
	if err := os.WriteFile(netPath, []byte(now), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = amend(t, dir, "2027-09-01", "")
	var fe *check.FindingsError
	if !errors.As(err, &fe) || !strings.Contains(strings.Join(fe.Details(), "\n"), "terms-history") {
		t.Errorf("amend with dates out of order: %v", err)
	}
	if cmdtest.ReadFile(t, netPath) != now {
		t.Error("network.yaml changed")
	}
}
