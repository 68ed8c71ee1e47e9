// Package private keeps a meeting's private business: the companion file
// meetings/<date>.private.yaml.age, a YAML document encrypted with age
// (filippo.io/age) to the body's private_recipients, holding the text the
// public record withholds (item minutes and papers, decision and action
// text). It encrypts and decrypts with age, reads recipients and identities
// as the age command does (age and SSH keys), tells an age file from
// anything else without a key, reads the companion document and checks it
// against the meeting's public record, and puts the private text into a copy
// of the meeting for the restricted edition.
//
// Nothing here writes a file or prints: keys and clear text stay in memory,
// and the commands decide where (if anywhere) they go.
package private

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"filippo.io/age"
	"filippo.io/age/agessh"
	"filippo.io/age/armor"
	"golang.org/x/crypto/ssh"
)

// Suffix is what a meeting record's companion file adds to its stem:
// meetings/2026-11-17.private.yaml.age beside meetings/2026-11-17.yaml.
const Suffix = ".private.yaml.age"

// ClearSuffix is the companion's name in clear: a file of that name in a
// repository is private business published by mistake.
const ClearSuffix = ".private.yaml"

// MaxSize bounds an encrypted file govctl reads (a companion or a paper).
const MaxSize = 64 << 20

// ParseRecipient reads one entry of private_recipients: an age public key
// (age1...), or an SSH public key as age accepts it (ssh-ed25519 or
// ssh-rsa, with or without its comment). An error never quotes s: what is
// pasted by mistake may be a secret key.
func ParseRecipient(s string) (age.Recipient, error) {
	s = strings.TrimSpace(s)
	upper := strings.ToUpper(s)
	switch {
	case s == "":
		return nil, errors.New("an empty recipient: expected an age public key (age1...) or an SSH public key (ssh-ed25519 ...)")
	case strings.HasPrefix(upper, "AGE-SECRET-KEY-"), strings.HasPrefix(upper, "AGE-PLUGIN-"):
		return nil, errors.New("a secret key, not a public one: remove it from the repository at once (and from its history: make a new key, the old one is published), and give the public key age-keygen -y prints")
	case strings.HasPrefix(s, "-----BEGIN"), strings.Contains(s, "PRIVATE KEY-----"):
		return nil, errors.New("an SSH private key, not a public one: remove it from the repository at once (and from its history: make a new key, the old one is published), and give the public key (the .pub file)")
	case strings.HasPrefix(s, "ssh-"), strings.HasPrefix(s, "ecdsa-"), strings.HasPrefix(s, "sk-"):
		pub, _, _, _, err := ssh.ParseAuthorizedKey([]byte(s))
		if err != nil {
			return nil, errors.New("not an SSH public key: expected a line of a .pub file (ssh-ed25519 AAAA... comment)")
		}
		if t := pub.Type(); t != ssh.KeyAlgoED25519 && t != ssh.KeyAlgoRSA {
			return nil, fmt.Errorf("an SSH key of type %s, which age cannot encrypt to: give an ssh-ed25519 or ssh-rsa key, or an age key (age-keygen)", t)
		}
		r, err := agessh.ParseRecipient(s)
		if err != nil {
			return nil, errors.New("not an SSH public key age can encrypt to (ssh-ed25519 or ssh-rsa)")
		}
		return r, nil
	case strings.HasPrefix(s, "age1pq1"):
		r, err := age.ParseHybridRecipient(s)
		if err != nil {
			return nil, errors.New("not an age public key: age1pq1... with a wrong letter or missing part (copy it again from age-keygen -y)")
		}
		return r, nil
	case strings.HasPrefix(s, "age1"):
		if hrp := s[:strings.LastIndex(s, "1")]; hrp != "age" {
			return nil, fmt.Errorf("a recipient of an age plugin (%s...), which govctl cannot encrypt to: give an age key (age-keygen) or an SSH key", hrp)
		}
		r, err := age.ParseX25519Recipient(s)
		if err != nil {
			return nil, errors.New("not an age public key: age1... with a wrong letter or missing part (copy it again from age-keygen -y)")
		}
		return r, nil
	}
	return nil, errors.New("not a recipient: expected an age public key (age1...) or an SSH public key (ssh-ed25519 ...)")
}

// ParseRecipients reads every entry, naming the first that is not a
// recipient by its place in the list (from 1).
func ParseRecipients(list []string) ([]age.Recipient, error) {
	if len(list) == 0 {
		return nil, errors.New("the body has no private_recipients: list its members' age or SSH public keys in network.yaml")
	}
	out := make([]age.Recipient, 0, len(list))
	var pq, classic int
	for i, s := range list {
		r, err := ParseRecipient(s)
		if err != nil {
			return nil, fmt.Errorf("private_recipients entry %d: %v", i+1, err)
		}
		if _, ok := r.(*age.HybridRecipient); ok {
			pq++
		} else {
			classic++
		}
		out = append(out, r)
	}
	if pq > 0 && classic > 0 {
		return nil, errors.New("private_recipients mixes post-quantum keys (age1pq1...) with classic ones (age1..., ssh-...), which age does not encrypt to together (the file would be only as safe as the classic keys): give every member a key of one kind (age-keygen for all, or age-keygen -pq for all)")
	}
	return out, nil
}

// ParseIdentities reads a key file as `age -d -i` does: age secret keys
// (AGE-SECRET-KEY-1..., one a line, # comments and blank lines skipped), or
// an SSH private key without a passphrase. A byte-order mark and CR LF line
// ends (a key file saved on Windows) are read too. Errors name a line, never
// what it holds, and never the library's detail (which may quote part of a
// key).
func ParseIdentities(data []byte) ([]age.Identity, error) {
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	trimmed := bytes.TrimSpace(data)
	if bytes.HasPrefix(trimmed, []byte("-----BEGIN")) {
		id, err := agessh.ParseIdentity(trimmed)
		var missing *ssh.PassphraseMissingError
		switch {
		case errors.As(err, &missing):
			return nil, errors.New("the SSH key has a passphrase, which govctl cannot ask for: make an age key for govctl (age-keygen -o key.txt) and add its public key to private_recipients")
		case err != nil:
			return nil, errors.New("not an SSH private key age can use (an unencrypted ssh-ed25519 or ssh-rsa key in OpenSSH or PEM format)")
		}
		return []age.Identity{id}, nil
	}
	var ids []age.Identity
	for n, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var (
			id  age.Identity
			err error
		)
		switch {
		case strings.HasPrefix(line, "AGE-SECRET-KEY-PQ-1"):
			id, err = age.ParseHybridIdentity(line)
		case strings.HasPrefix(line, "AGE-SECRET-KEY-1"):
			id, err = age.ParseX25519Identity(line)
		case strings.HasPrefix(line, "AGE-PLUGIN-"):
			return nil, fmt.Errorf("line %d: a key of an age plugin, which govctl cannot use: give an age key (age-keygen) or an SSH private key", n+1)
		default:
			return nil, fmt.Errorf("line %d: not an age secret key (AGE-SECRET-KEY-1...) nor a comment: expected the file age-keygen wrote, or an SSH private key", n+1)
		}
		if err != nil {
			return nil, fmt.Errorf("line %d: a damaged age secret key (a wrong letter or a missing part): copy the key file again", n+1)
		}
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil, errors.New("no key in it: expected the file age-keygen wrote (AGE-SECRET-KEY-1...), or an SSH private key")
	}
	return ids, nil
}

// Encrypt encrypts plain to recipients, as a binary age file (what `age -e`
// writes without -a).
func Encrypt(plain []byte, recipients []age.Recipient) ([]byte, error) {
	var buf bytes.Buffer
	w, err := age.Encrypt(&buf, recipients...)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(plain); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Decrypt opens an age file, binary or armored (`age -a`), with identities.
func Decrypt(data []byte, identities []age.Identity) ([]byte, error) {
	r, err := age.Decrypt(source(data), identities...)
	if err != nil {
		var none *age.NoIdentityMatchError
		if errors.As(err, &none) {
			return nil, errors.New("the key given is not one it was encrypted to (a newer key, or a member's who has left? run govctl private rekey with a key that opens it)")
		}
		return nil, fmt.Errorf("not a readable age file: %v", err)
	}
	out, err := io.ReadAll(io.LimitReader(r, MaxSize+1))
	if err != nil {
		return nil, fmt.Errorf("the age file is damaged: %v", err)
	}
	if len(out) > MaxSize {
		return nil, fmt.Errorf("more than %d MiB in clear", MaxSize>>20)
	}
	return out, nil
}

// source reads data, through the armor when it is armored.
func source(data []byte) io.Reader {
	if bytes.HasPrefix(bytes.TrimLeft(data, " \t\r\n"), []byte(armor.Header)) {
		return armor.NewReader(bytes.NewReader(data))
	}
	return bytes.NewReader(data)
}

// Stanza is one recipient stanza of an age header: its type ("X25519",
// "ssh-ed25519", "ssh-rsa", "scrypt") and arguments.
type Stanza struct {
	Type string
	Args []string
}

// Header reads the recipient stanzas of an age file without a key. An
// error means the data is not an age file (or its header is damaged).
func Header(data []byte) ([]Stanza, error) {
	hdr, err := age.ExtractHeader(source(data))
	if err != nil {
		return nil, errors.New("not an age file: it must be written by govctl private or the age command (age -e -R recipients.txt), not copied in clear or in another format")
	}
	var out []Stanza
	sc := bufio.NewScanner(bytes.NewReader(hdr))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "-> "); ok {
			f := strings.Fields(rest)
			if len(f) > 0 {
				out = append(out, Stanza{Type: f[0], Args: f[1:]})
			}
		}
	}
	return out, nil
}
