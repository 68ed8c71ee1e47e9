package cmdutil

import (
	"fmt"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/govctl/govctl/pkg/contacts"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// ContactsEnv is the environment variable naming the contacts file when
// --contacts does not.
const ContactsEnv = "GOVCTL_CONTACTS"

// contactsHint says where contacts may be kept.
const contactsHint = "keep contacts in a file outside the repository (--contacts FILE, or " + ContactsEnv + "=FILE), " +
	"or encrypted with age in it (age -R recipients.txt -o contacts.yaml.age contacts.yaml; contacts: contacts.yaml.age in govctl.yaml; --identity KEY); see the README, Contacts"

// Contacts are the flags and setting naming a contacts file: --contacts,
// --identity (for an encrypted one), and the environment variable
// GOVCTL_CONTACTS as the command read it.
type Contacts struct {
	File     string
	Identity string
	// Env is GOVCTL_CONTACTS (the command reads it; tests set it).
	Env string
}

// AddFlags adds --contacts and --identity to fs.
func (c *Contacts) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&c.File, "contacts", "", "the contacts file: YAML outside the repository, or encrypted with age (default: $"+ContactsEnv+", else contacts in govctl.yaml)")
	fs.StringVar(&c.Identity, "identity", "", "your age key or SSH private key, to open an encrypted contacts file")
}

// LoadContacts reads the contacts file the flags or settings name: --contacts,
// else GOVCTL_CONTACTS, else govctl.yaml's contacts (a path relative to the
// repository in dir). A file encrypted with age (told by its header, not its
// name) is opened with the key --identity names, wherever it is; a file in
// clear is refused inside the repository or its git working tree, where it
// could be committed and published. It returns nil and no error when
// nothing names a file, and with the book the file's path as given.
// Neither an address nor the key is ever in an error.
func LoadContacts(dir string, settings model.Settings, c Contacts) (*contacts.Book, string, error) {
	path, from := c.File, "--contacts"
	switch {
	case path != "":
	case c.Env != "":
		path, from = c.Env, ContactsEnv
	case settings.Contacts != "":
		path, from = filepath.Join(dir, filepath.FromSlash(settings.Contacts)), "contacts in "+filepath.ToSlash(filepath.Join(dir, "govctl.yaml"))
	default:
		return nil, "", nil
	}
	shown := words.Quote(filepath.ToSlash(path))
	data, err := safefile.Read(path, 4<<20)
	if err != nil {
		return nil, "", &exit.Hinted{Err: fmt.Errorf("reading the contacts file %s (%s): %v", shown, from, err), Hint: contactsHint, Code: exit.Usage}
	}
	name := filepath.ToSlash(path)
	if _, err := private.Header(data); err == nil {
		if c.Identity == "" {
			return nil, "", &exit.Hinted{
				Err:  fmt.Errorf("the contacts file %s is encrypted: give --identity, the key that opens it", shown),
				Hint: "give --identity the file holding your age key or SSH private key (one of the recipients the contacts file was encrypted to)",
				Code: exit.Usage,
			}
		}
		ids, err := Identities(c.Identity)
		if err != nil {
			return nil, "", err
		}
		clear, err := private.Decrypt(data, ids)
		if err != nil {
			return nil, "", &exit.Hinted{Err: fmt.Errorf("the contacts file %s: %v", shown, err), Hint: "give --identity a key the contacts file was encrypted to", Code: exit.Usage}
		}
		data = clear
	} else if _, in := workspace.Inside(dir, path); in {
		return nil, "", &exit.Hinted{
			Err:  fmt.Errorf("the contacts file %s (%s) is inside the repository or its git working tree, and not encrypted: e-mail addresses are personal data, and a file there could be committed and published", shown, from),
			Hint: contactsHint,
			Code: exit.Usage,
		}
	}
	book, err := contacts.Parse(name, data)
	if err != nil {
		return nil, "", &exit.Hinted{Err: err, Hint: "each entry is a member id (or NETWORK/MEMBER) with email: and optionally name:; see docs/format.md, Contacts", Code: exit.Usage}
	}
	return book, name, nil
}
