package rules

import (
	"fmt"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// PrivateFile is a private file, or a body's private_recipients, that
// govctl can tell is wrong without a key.
const PrivateFile ID = "private-file"

var privateFile = &Rule{
	ID:       PrivateFile,
	Title:    "a private file or recipient that is wrong, as far as can be told without a key",
	Severity: diag.Error,
	Doc: `
A meeting's private business is kept in meetings/<date>.private.yaml.age,
beside its record, encrypted with age to the body's private_recipients in
network.yaml: age public keys (age1...) or SSH public keys (ssh-ed25519 or
ssh-rsa, as members publish them). Without a key govctl can still read an age
file's header, and reports:

- a private file that is not an age file (copied in clear, or in another
  format, or damaged);
- a private file with no meeting record beside it (a misnamed file, or a
  record renamed or removed), or whose meeting has no private business (no
  item, decision or action marked private: the file would never be shown);
- private business at a body whose terms list no private_recipients: no
  one could be given the private file;
- a private_recipients entry that is not an age or SSH public key, at its
  line; an age secret key (AGE-SECRET-KEY-...) pasted in by mistake is
  reported without being repeated: it is published, so make a new key
  (age-keygen), give its public key, and remove the secret one from the
  repository and its history;
- as a warning, a private file encrypted to other keys than the current
  private_recipients: to an SSH key the list no longer holds (whoever holds
  it can still open the file), to fewer or more age keys than the list
  holds, or with a passphrase. govctl private rekey encrypts the body's
  files again to the current list.

Rekeying keeps a member who has left from opening the files as they are
from then on; it cannot take back what they could read before, nor the old
versions of the files in the repository's history.

Whether each private entry matches an item, decision or action of the
record takes a key: govctl private edit checks it.
`,
	Check: func(p *Pass) {
		for _, nx := range p.Nets {
			checkRecipients(p, nx.N)
			for _, v := range nx.N.Versions {
				checkRecipients(p, v)
			}
			checkPrivateFiles(p, nx)
		}
	},
}

// checkRecipients reports the private_recipients entries of one version
// of the terms that are not public keys.
func checkRecipients(p *Pass, n *model.Network) {
	for i, s := range n.PrivateRecipients {
		pos := n.KeyPos("private_recipients")
		if len(n.RecipientsAt) == len(n.PrivateRecipients) {
			pos = n.RecipientsAt[i]
		}
		if strings.HasPrefix(strings.ToUpper(strings.TrimSpace(s)), "AGE-SECRET-KEY-") {
			// Never repeated: the message may be printed and uploaded.
			p.Reportf(pos, "private_recipients entry %d is an age secret key, not a public key: the key is published; make a new one (age-keygen), list its public key (age1...) here, and remove the secret key from the repository and its history", i+1)
			continue
		}
		if _, err := private.ParseRecipient(s); err != nil {
			p.Reportf(pos, "private_recipients entry %d: %s", i+1, err) // private.ParseRecipient never quotes a key
		}
	}
}

// checkPrivateFiles judges network nx's private files as far as their
// headers go.
func checkPrivateFiles(p *Pass, nx *terms.Net) {
	n := nx.N
	if len(n.PrivateRecipients) == 0 {
		for _, mt := range n.MeetingList {
			if mt.HasPrivate() {
				p.Reportf(n.At, "%s has private business (the meeting of %s, first) but no private_recipients: list the age or SSH public keys of those who may read it", n.Folder, mt.Date.String())
				break
			}
		}
	}
	byFile := map[string]*model.Meeting{}
	for _, mt := range n.MeetingList {
		byFile[mt.File] = mt
	}
	want := currentKeys(n)
	for _, pf := range n.PrivateFiles {
		switch {
		case pf.Clear || !pf.Read:
			// private-leak's, or unreadable-file's.
		case pf.NotAge != "":
			p.Reportf(pf.Pos, "%s", pf.NotAge)
		case !pf.HasRecord:
			p.Reportf(pf.Pos, "no meeting record meetings/%s.yaml beside this private file: rename it for its meeting's record, or remove it", pf.Stem)
		case !byFile[pf.Stem].HasPrivate():
			p.Reportf(pf.Pos, "the meeting of %s has no private business (no item, decision or action marked private: REASON), so this private file is never shown: mark the business private in meetings/%s.yaml, or remove the file", byFile[pf.Stem].Date.String(), pf.Stem)
		default:
			if why := want.mismatch(pf.Stanzas); why != "" && len(n.PrivateRecipients) > 0 {
				p.Warnf(pf.Pos, "encrypted to other keys than private_recipients (%s): run govctl private rekey %s", why, n.Folder)
			}
		}
	}
}

// recipientKeys are what a header encrypted to the current recipients would show:
// a stanza for each SSH key (by tag) and each age key.
type recipientKeys struct {
	ssh      map[string]int // tag -> entry (from 1)
	x25519   int
	hybrid   int
	unparsed bool // an entry that is no key: counts cannot be compared
}

func currentKeys(n *model.Network) recipientKeys {
	k := recipientKeys{ssh: map[string]int{}}
	for i, s := range n.PrivateRecipients {
		s = strings.TrimSpace(s)
		if tag, _, ok := private.SSHTag(s); ok {
			k.ssh[tag] = i + 1
			continue
		}
		if _, err := private.ParseRecipient(s); err != nil {
			k.unparsed = true
			continue
		}
		if strings.HasPrefix(s, "age1pq1") {
			k.hybrid++
		} else {
			k.x25519++
		}
	}
	return k
}

// mismatch says how a header's stanzas differ from the current keys ("" when
// they do not, as far as a header shows).
func (k recipientKeys) mismatch(stanzas []model.Stanza) string {
	var why []string
	seen := map[string]bool{}
	x25519, hybrid := 0, 0
	for _, st := range stanzas {
		switch st.Type {
		case "ssh-ed25519", "ssh-rsa":
			if len(st.Args) == 0 {
				continue
			}
			seen[st.Args[0]] = true
			if _, ok := k.ssh[st.Args[0]]; !ok {
				why = append(why, "an SSH key the list no longer holds (tag "+st.Args[0]+")")
			}
		case "X25519":
			x25519++
		case "mlkem768x25519":
			hybrid++
		case "scrypt":
			why = append(why, "a passphrase, which members' keys do not open")
		}
	}
	var unseen []int
	for tag, entry := range k.ssh {
		if !seen[tag] {
			unseen = append(unseen, entry)
		}
	}
	slices.Sort(unseen)
	for _, entry := range unseen {
		why = append(why, fmt.Sprintf("not to the SSH key of entry %d, whose holder cannot open it", entry))
	}
	if !k.unparsed {
		if x25519 != k.x25519 {
			why = append(why, fmt.Sprintf("%s where the list has %d", words.Plural(x25519, "age key"), k.x25519))
		}
		if hybrid != k.hybrid {
			why = append(why, fmt.Sprintf("%s where the list has %d", words.Plural(hybrid, "post-quantum age key"), k.hybrid))
		}
	}
	return strings.Join(why, "; ")
}
