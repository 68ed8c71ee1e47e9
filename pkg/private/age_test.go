package private_test

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/rsa"
	"encoding/pem"
	"strings"
	"testing"

	"filippo.io/age"
	"filippo.io/age/armor"
	"golang.org/x/crypto/ssh"

	"github.com/govctl/govctl/pkg/private"
)

// ageKey is a new age key: its key file's text and its public key.
func ageKey(t testing.TB) (keyFile, public string) {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	return "# created: 2026-12-04T10:00:00Z\n# public key: " + id.Recipient().String() + "\n" + id.String() + "\n", id.Recipient().String()
}

// sshKey is a new ssh-ed25519 key: its private key in OpenSSH format (as
// ssh-keygen writes it) and its public key as a line of a .pub file.
func sshKey(t testing.TB) (keyFile, public string) {
	t.Helper()
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	return sshFiles(t, pub, priv)
}

func sshFiles(t testing.TB, pub, priv any) (keyFile, public string) {
	t.Helper()
	block, err := ssh.MarshalPrivateKey(priv, "clerk@example.org")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	line := strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sp))) + " clerk@example.org"
	return string(pem.EncodeToMemory(block)), line
}

func recipients(t testing.TB, keys ...string) []age.Recipient {
	t.Helper()
	rs, err := private.ParseRecipients(keys)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func identities(t testing.TB, keyFile string) []age.Identity {
	t.Helper()
	ids, err := private.ParseIdentities([]byte(keyFile))
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

const secretText = "decisions:\n  - id: D-1\n    text: Award the contract to Supplier B at 4.2m\n"

func TestRoundTrip(t *testing.T) {
	ageFile, agePub := ageKey(t)
	sshFile, sshPub := sshKey(t)
	rsaKey, err := rsa.GenerateKey(rand.Reader, 2048)
	if err != nil {
		t.Fatal(err)
	}
	rsaFile, rsaPub := sshFiles(t, &rsaKey.PublicKey, rsaKey)
	otherFile, _ := ageKey(t)

	enc, err := private.Encrypt([]byte(secretText), recipients(t, agePub, sshPub, rsaPub))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(enc, []byte("Supplier B")) {
		t.Fatal("the clear text is in the encrypted file")
	}
	for name, key := range map[string]string{"age": ageFile, "ssh-ed25519": sshFile, "ssh-rsa": rsaFile} {
		got, err := private.Decrypt(enc, identities(t, key))
		if err != nil {
			t.Errorf("%s: %v", name, err)
		} else if string(got) != secretText {
			t.Errorf("%s: decrypted %q, want %q", name, got, secretText)
		}
	}
	if _, err := private.Decrypt(enc, identities(t, otherFile)); err == nil || !strings.Contains(err.Error(), "not one it was encrypted to") {
		t.Errorf("another key: err = %v, want one saying it is not a recipient", err)
	}

	hdr, err := private.Header(enc)
	if err != nil {
		t.Fatal(err)
	}
	var types []string
	for _, s := range hdr {
		types = append(types, s.Type)
	}
	if got := strings.Join(types, " "); got != "X25519 ssh-ed25519 ssh-rsa" {
		t.Errorf("header stanzas %q, want X25519 ssh-ed25519 ssh-rsa", got)
	}
}

func TestDecryptArmored(t *testing.T) {
	keyFile, pub := ageKey(t)
	var buf bytes.Buffer
	a := armor.NewWriter(&buf)
	w, err := age.Encrypt(a, recipients(t, pub)...)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := w.Write([]byte(secretText)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := a.Close(); err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{
		"armored":                buf.Bytes(),
		"armored, blank lines":   append([]byte("\n\n"), buf.Bytes()...),
		"armored, CR LF endings": bytes.ReplaceAll(buf.Bytes(), []byte("\n"), []byte("\r\n")),
	} {
		got, err := private.Decrypt(data, identities(t, keyFile))
		if err != nil || string(got) != secretText {
			t.Errorf("%s: got %q, %v", name, got, err)
		}
		if hdr, err := private.Header(data); err != nil || len(hdr) != 1 || hdr[0].Type != "X25519" {
			t.Errorf("%s: Header = %v, %v; want one X25519 stanza", name, hdr, err)
		}
	}
}

func TestDecryptDamaged(t *testing.T) {
	keyFile, pub := ageKey(t)
	enc, err := private.Encrypt([]byte(secretText), recipients(t, pub))
	if err != nil {
		t.Fatal(err)
	}
	ids := identities(t, keyFile)
	flipped := bytes.Clone(enc)
	flipped[len(flipped)-5] ^= 1
	for name, data := range map[string][]byte{
		"truncated":     enc[:len(enc)-10],
		"a bit flipped": flipped,
		"clear YAML":    []byte(secretText),
		"empty":         nil,
	} {
		if got, err := private.Decrypt(data, ids); err == nil {
			t.Errorf("%s: decrypted %q, want an error", name, got)
		}
	}
}

func TestHeaderOnOtherData(t *testing.T) {
	for name, data := range map[string]string{
		"clear YAML":       secretText,
		"empty":            "",
		"a PDF":            "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n",
		"only the version": "age-encryption.org/v1\n",
		"armor, no body":   "-----BEGIN AGE ENCRYPTED FILE-----\n-----END AGE ENCRYPTED FILE-----\n",
	} {
		if hdr, err := private.Header([]byte(data)); err == nil {
			t.Errorf("%s: Header = %v, want an error", name, hdr)
		} else if !strings.Contains(err.Error(), "not an age file") {
			t.Errorf("%s: err = %v, want it to say it is not an age file", name, err)
		}
	}
}

// noKey fails the test when s holds the key, or a run of 12 characters of
// it after its type (an error quoting part of a key).
func noKey(t *testing.T, what, s, key string) {
	t.Helper()
	key = strings.TrimPrefix(strings.TrimSpace(key), "AGE-SECRET-KEY-1")
	for i := 0; i+12 <= len(key); i++ {
		if strings.Contains(s, key[i:i+12]) {
			t.Errorf("%s: %q quotes the key (%q)", what, s, key[i:i+12])
			return
		}
	}
}

func TestParseRecipient(t *testing.T) {
	ageFile, agePub := ageKey(t)
	secret := strings.TrimSpace(ageFile[strings.Index(ageFile, "AGE-SECRET-KEY-"):])
	sshFile, sshPub := sshKey(t)
	bare := strings.Join(strings.Fields(sshPub)[:2], " ")
	ecKey := "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTYAAABBBEmKSENjQEezOmxkZMy7opKgwFB9nkt5YRrYMjNuG5N87uRgg6CLrbo5wAdT/y6v0mKV0U2w0WZ2YB/++Tpockg= ec"

	for _, ok := range []string{agePub, "  " + agePub + "\n", sshPub, bare} {
		if _, err := private.ParseRecipient(ok); err != nil {
			t.Errorf("ParseRecipient(%q): %v", ok, err)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"", "empty"},
		{secret, "a secret key, not a public one"},
		{strings.ToLower(secret), "a secret key, not a public one"},
		{sshFile, "an SSH private key, not a public one"},
		{agePub[:len(agePub)-1] + "q", "not an age public key"},
		{"age1yubikey1qwt50d05nh5vutpdzmlg5wn80xq5negm4uj9ghv0snvdd3yysf5yw3rhl3t", "plugin"},
		{ecKey, "an SSH key of type ecdsa-sha2-nistp256"},
		{"ssh-ed25519 AAAAnotbase64!!", "not an SSH public key"},
		{"alice@example.org", "not a recipient"},
	} {
		_, err := private.ParseRecipient(c.in)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseRecipient(%.30q...): err = %v, want %q", c.in, err, c.want)
			continue
		}
		noKey(t, "ParseRecipient", err.Error(), secret)
		noKey(t, "ParseRecipient", err.Error(), sshFile[40:])
	}

	_, err := private.ParseRecipients([]string{agePub, secret})
	if err == nil || !strings.HasPrefix(err.Error(), "private_recipients entry 2: a secret key") {
		t.Errorf("ParseRecipients: err = %v, want entry 2 named", err)
	} else {
		noKey(t, "ParseRecipients", err.Error(), secret)
	}
	if _, err := private.ParseRecipients(nil); err == nil || !strings.Contains(err.Error(), "no private_recipients") {
		t.Errorf("ParseRecipients(nil): err = %v", err)
	}
}

func TestParseIdentities(t *testing.T) {
	ageFile, pub := ageKey(t)
	secret := strings.TrimSpace(ageFile[strings.Index(ageFile, "AGE-SECRET-KEY-"):])
	enc, err := private.Encrypt([]byte(secretText), recipients(t, pub))
	if err != nil {
		t.Fatal(err)
	}
	windows := "\ufeff" + strings.ReplaceAll(ageFile, "\n", "\r\n")
	got, err := private.Decrypt(enc, identities(t, windows))
	if err != nil || string(got) != secretText {
		t.Errorf("a key file saved on Windows: %q, %v", got, err)
	}

	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKeyWithPassphrase(priv, "", []byte("correct horse"))
	if err != nil {
		t.Fatal(err)
	}
	damaged := strings.Replace(ageFile, secret, secret[:30]+"Q"+secret[31:], 1)
	for _, c := range []struct{ name, in, want string }{
		{"damaged", damaged, "line 3: a damaged age secret key"},
		{"a public key", "# mine\n" + pub + "\n", "line 2: not an age secret key"},
		{"comments only", "# public key: " + pub + "\n", "no key in it"},
		{"empty", "", "no key in it"},
		{"a plugin's", "AGE-PLUGIN-YUBIKEY-1QQQQQQ\n", "line 1: a key of an age plugin"},
		{"an SSH key with a passphrase", string(pem.EncodeToMemory(block)), "has a passphrase"},
		{"a damaged SSH key", "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n", "not an SSH private key"},
	} {
		_, err := private.ParseIdentities([]byte(c.in))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want %q", c.name, err, c.want)
			continue
		}
		noKey(t, c.name, err.Error(), secret)
	}
}
