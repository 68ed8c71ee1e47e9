package cmdutil_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"filippo.io/age"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
)

const contactsYAML = "people:\n  ann:\n    email: ann@example.org\n"

// contactsSetup is a repository folder, a folder outside it, and an age key
// file with its recipient.
func contactsSetup(t *testing.T) (repo, outside, key string, rcpt age.Recipient) {
	t.Helper()
	root := t.TempDir()
	repo = filepath.Join(root, "repo")
	outside = filepath.Join(root, "home")
	for _, d := range []string{repo, outside} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	key = filepath.Join(outside, "key.txt")
	write(t, key, id.String()+"\n")
	return repo, outside, key, id.Recipient()
}

func write(t *testing.T, path, s string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
		t.Fatal(err)
	}
}

func encrypt(t *testing.T, path, s string, r age.Recipient) {
	t.Helper()
	data, err := private.Encrypt([]byte(s), []age.Recipient{r})
	if err != nil {
		t.Fatal(err)
	}
	write(t, path, string(data))
}

func TestLoadContacts(t *testing.T) {
	repo, outside, key, rcpt := contactsSetup(t)
	clearOut := filepath.Join(outside, "contacts.yaml")
	write(t, clearOut, contactsYAML)
	clearIn := filepath.Join(repo, "contacts.yaml")
	write(t, clearIn, contactsYAML)
	encIn := filepath.Join(repo, "contacts.yaml.age")
	encrypt(t, encIn, contactsYAML, rcpt)
	badOut := filepath.Join(outside, "bad.yaml")
	write(t, badOut, "people:\n  ann:\n    email: not-an-address\n")
	other, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	otherKey := filepath.Join(outside, "other.txt")
	write(t, otherKey, other.String()+"\n")

	setting := model.Settings{Contacts: "contacts.yaml.age"}
	cases := []struct {
		name     string
		settings model.Settings
		c        cmdutil.Contacts
		found    bool   // ann@example.org is found
		err      string // or this error
	}{
		{"none", model.Settings{}, cmdutil.Contacts{}, false, ""},
		{"flag, outside", model.Settings{}, cmdutil.Contacts{File: clearOut}, true, ""},
		{"env, outside", model.Settings{}, cmdutil.Contacts{Env: clearOut}, true, ""},
		{"flag before env", model.Settings{}, cmdutil.Contacts{File: clearOut, Env: clearIn}, true, ""},
		{"clear inside", model.Settings{}, cmdutil.Contacts{File: clearIn}, false, "is inside"},
		{"clear inside, by env", model.Settings{}, cmdutil.Contacts{Env: clearIn}, false, "(GOVCTL_CONTACTS) is inside"},
		{"encrypted inside", model.Settings{}, cmdutil.Contacts{File: encIn, Identity: key}, true, ""},
		{"setting", setting, cmdutil.Contacts{Identity: key}, true, ""},
		{"setting without a key", setting, cmdutil.Contacts{}, false, "is encrypted: give --identity"},
		{"another's key", setting, cmdutil.Contacts{Identity: otherKey}, false, "contacts.yaml.age"},
		{"setting naming a clear file", model.Settings{Contacts: "contacts.yaml"}, cmdutil.Contacts{}, false, "not encrypted"},
		{"missing", model.Settings{}, cmdutil.Contacts{File: filepath.Join(outside, "nothing.yaml")}, false, "reading the contacts file"},
		{"bad entry", model.Settings{}, cmdutil.Contacts{File: badOut}, false, "bad.yaml:3: ann: email"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			book, name, err := cmdutil.LoadContacts(repo, c.settings, c.c)
			if c.err != "" {
				if err == nil || !strings.Contains(err.Error(), c.err) {
					t.Fatalf("err = %v, want %q", err, c.err)
				}
				if strings.Contains(err.Error(), "ann@") || strings.Contains(err.Error(), "not-an-address") {
					t.Errorf("the error quotes the file: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			a, ok := book.Lookup("board", "ann")
			if ok != c.found || c.found && (a.Address != "ann@example.org" || name == "") {
				t.Errorf("Lookup = %v, %v (file %q); want found %v", a, ok, name, c.found)
			}
		})
	}
}

// TestContactsInGitTree: a clear file in the git working tree above the
// repository folder is refused too.
func TestContactsInGitTree(t *testing.T) {
	root := t.TempDir()
	repo := filepath.Join(root, "networks")
	if err := os.MkdirAll(filepath.Join(root, ".git"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(repo, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(root, "contacts.yaml")
	write(t, path, contactsYAML)
	_, _, err := cmdutil.LoadContacts(repo, model.Settings{}, cmdutil.Contacts{File: path})
	if err == nil || !strings.Contains(err.Error(), "is inside") {
		t.Fatalf("err = %v, want a refusal", err)
	}
}
