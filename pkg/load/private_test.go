package load_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
)

// TestPrivateFiles: the loader reads the header of each private file (no
// more of a long one), links it to the record beside it, notes one in
// clear anywhere under meetings/ without reading it or reporting it as a
// file it has no use for, and notes where each recipient is written.
func TestPrivateFiles(t *testing.T) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	// Longer than a file govctl reads whole: only its header is read.
	enc, err := private.Encrypt([]byte(strings.Repeat("minutes: x\n", 200_000)), []age.Recipient{id.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	const record = "date: 2026-11-17\nkind: ordinary\nstatus: held\n"
	dir := writeRepo(t, map[string]string{
		"organisations.yaml":                           orgs,
		"x/network.yaml":                               "id: x\nname: X Network\nprivate_recipients:\n  - " + id.Recipient().String() + "\n  # a comment\n  - ssh-ed25519 AAAA\n",
		"x/meetings/2026-11-17.yaml":                   record,
		"x/meetings/2026-11-24.private.yaml.age":       "not age",
		"x/meetings/2026-11-17.private.yaml":           "agenda: []\n",
		"x/meetings/old/drafts/2026-10-13.private.yml": "agenda: []\n",
	})
	if err := os.WriteFile(filepath.Join(dir, "x/meetings/2026-11-17.private.yaml.age"), enc, 0o644); err != nil {
		t.Fatal(err)
	}
	repo, ds := mustLoad(t, dir)
	expect(t, dir, ds) // what is wrong is for the rules
	n := repo.Networks[0]
	if len(n.RecipientsAt) != 2 || n.RecipientsAt[0].Line != 4 || n.RecipientsAt[1].Line != 6 {
		t.Errorf("RecipientsAt = %v, want lines 4 and 6", n.RecipientsAt)
	}
	byName := map[string]*model.PrivateFile{}
	for _, pf := range n.PrivateFiles {
		rel, _ := filepath.Rel(dir, pf.Pos.File)
		byName[filepath.ToSlash(rel)] = pf
	}
	if len(byName) != 4 {
		t.Fatalf("private files: %v", byName)
	}
	pf := byName["x/meetings/2026-11-17.private.yaml.age"]
	if pf == nil || !pf.Read || pf.NotAge != "" || !pf.HasRecord || len(pf.Stanzas) != 1 || pf.Stanzas[0].Type != "X25519" {
		t.Errorf("the encrypted file: %+v", pf)
	}
	if m := n.MeetingList[0]; m.PrivateFile != pf {
		t.Errorf("the record's private file: %p, want %p", m.PrivateFile, pf)
	}
	if pf := byName["x/meetings/2026-11-24.private.yaml.age"]; pf == nil || pf.NotAge == "" || pf.HasRecord {
		t.Errorf("the file that is not age, with no record: %+v", pf)
	}
	for _, clear := range []string{"x/meetings/2026-11-17.private.yaml", "x/meetings/old/drafts/2026-10-13.private.yml"} {
		if pf := byName[clear]; pf == nil || !pf.Clear || pf.Read || pf.HasRecord {
			t.Errorf("%s: %+v", clear, pf)
		}
	}
}
