package agenda

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/private"
)

func TestEditionFlags(t *testing.T) {
	got, err := cmdtest.Parse(NewCmdAgenda, "new", "board", "--identity", "k.txt", "--out", "o.md")
	if err != nil || got.Edition != (cmdutil.Edition{Identity: "k.txt", Out: "o.md"}) {
		t.Fatalf("got %+v, %v", got, err)
	}
	_, err = cmdtest.Parse(NewCmdAgenda, "new", "board", "--out", "o.md")
	var he *exit.Hinted
	if !errors.As(err, &he) || he.Code != exit.Usage {
		t.Errorf("--out alone: err = %v, want a usage error", err)
	}
}

// TestAgendaRestricted: the restricted agenda of the next meeting carries
// the text of the last meeting's private decision, opened with the key;
// the public agenda says only that it was taken in private.
func TestAgendaRestricted(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	dir := cmdtest.Board(t)
	net := filepath.Join(dir, "board", "network.yaml")
	files := map[string]string{
		net: cmdtest.ReadFile(t, net) + "private_recipients: [" + id.Recipient().String() + "]\n",
		filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"): "date: 2026-11-17\nkind: ordinary\nstatus: held\nattendance: {present: [ann, bob]}\n" +
			"decisions:\n  - {id: D-1, private: Staffing matter, outcome: agreed}\n",
		filepath.Join(t.TempDir(), "key.txt"): id.String(),
	}
	var key string
	for p, c := range files {
		if strings.HasSuffix(p, "key.txt") {
			key = p
		}
		if err := os.WriteFile(p, []byte(c), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	enc, err := private.Encrypt([]byte("decisions:\n  - id: D-1\n    text: SECRET Appoint the new head of service\n"), []age.Recipient{id.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "board", "meetings", "2026-11-17.private.yaml.age"), enc, 0o644); err != nil {
		t.Fatal(err)
	}
	run := func(e cmdutil.Edition) (string, error) {
		ios, _, out, errOut := iostreams.Test()
		err := agendaRun(&Options{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: dir, Network: "board", Edition: e})
		if strings.Contains(out.String()+errOut.String(), "SECRET") {
			t.Errorf("printed the private text: %s%s", out, errOut)
		}
		return out.String(), err
	}
	if _, err := run(cmdutil.Edition{}); err != nil {
		t.Fatal(err)
	}
	public := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-12-08.agenda.md"))
	if !strings.Contains(public, "| D-1 |  | Taken in private (Staffing matter) | agreed |") || strings.Contains(public, "SECRET") {
		t.Errorf("the public agenda:\n%s", public)
	}
	out := filepath.Join(t.TempDir(), "agenda.md")
	if _, err := run(cmdutil.Edition{Identity: key, Out: out}); err != nil {
		t.Fatal(err)
	}
	if got := cmdtest.ReadFile(t, out); !strings.Contains(got, "| D-1 |  | Private (Staffing matter): SECRET Appoint the new head of service | agreed |") {
		t.Errorf("the restricted agenda:\n%s", got)
	}
	if again := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-12-08.agenda.md")); again != public {
		t.Error("the restricted edition changed the public agenda")
	}
}
