package private

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/govctl/govctl/pkg/exit"
)

// secrets are the forms in which a key could leak: runs of ten characters
// of an age secret key after its type, the lines of an SSH private key's
// body past its header, and its seed in hex and base64.
type secrets []string

func (s *secrets) ageKey(k key) {
	body := strings.TrimPrefix(k.secret, "AGE-SECRET-KEY-1")
	for i := 0; i+10 <= len(body); i += 5 {
		*s = append(*s, body[i:i+10])
	}
}

func (s *secrets) sshKey(pemText string, seed []byte) {
	lines := strings.Split(strings.TrimSpace(pemText), "\n")
	for _, l := range lines[3 : len(lines)-1] {
		*s = append(*s, l)
	}
	*s = append(*s, hex.EncodeToString(seed), base64.StdEncoding.EncodeToString(seed)[:40], base64.RawURLEncoding.EncodeToString(seed)[:40])
}

// in fails the test when text holds any of the secrets.
func (s secrets) in(t *testing.T, what, text string) {
	t.Helper()
	for _, x := range s {
		if strings.Contains(text, x) {
			t.Errorf("%s holds key material (%q):\n%s", what, x, text)
			return
		}
	}
}

// sshMember is a member's SSH key: its private key file (OpenSSH format),
// public line and seed.
func sshMember(t *testing.T) (path, public, pemText string, seed []byte) {
	t.Helper()
	pub, pk, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	block, err := ssh.MarshalPrivateKey(pk, "")
	if err != nil {
		t.Fatal(err)
	}
	sp, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	pemText = string(pem.EncodeToMemory(block))
	path = filepath.Join(t.TempDir(), "id_ed25519")
	if err := os.WriteFile(path, []byte(pemText), 0o600); err != nil {
		t.Fatal(err)
	}
	return path, strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sp))), pemText, pk.Seed()
}

// Every command, on the ways it succeeds and fails, prints no key and
// writes none into the repository.
func TestKeysNeverPrintedNorWritten(t *testing.T) {
	ann := newKey(t)
	sshPath, sshPub, sshPEM, seed := sshMember(t)
	var s secrets
	s.ageKey(ann)
	s.sshKey(sshPEM, seed)

	// A key file with one letter wrong, and a secret key pasted where the
	// public one belongs.
	damaged := filepath.Join(t.TempDir(), "damaged.txt")
	body := []byte(ann.secret)
	body[30] ^= 0x01
	writeFile(t, damaged, string(body)+"\n")
	damagedSSH := filepath.Join(t.TempDir(), "id_damaged")
	writeFile(t, damagedSSH, strings.Replace(sshPEM, "\n", "\nQ", 3))

	dir := board(t, ann.public, sshPub)
	stranger := newKey(t)
	s.ageKey(stranger)

	type step struct {
		name   string
		action string
		setup  func(r *run)
		ok     bool
	}
	steps := []step{
		{"edit: a new companion", "edit", func(r *run) { r.opts.Editor = editor(t, "cat > \"$1\" <<'EOF'\n"+filled+"EOF\n") }, true},
		{"edit: no --identity", "edit", nil, false},
		{"edit: with the SSH key", "edit", func(r *run) {
			r.opts.Identity = sshPath
			r.opts.Editor = editor(t, "sed -i 's/Three/Four/' \"$1\"")
		}, true},
		{"edit: a damaged key", "edit", func(r *run) { r.opts.Identity = damaged }, false},
		{"edit: a damaged SSH key", "edit", func(r *run) { r.opts.Identity = damagedSSH }, false},
		{"edit: a stranger's key", "edit", func(r *run) { r.opts.Identity = stranger.path }, false},
		{"edit: problems", "edit", func(r *run) {
			r.opts.Identity = ann.path
			r.opts.Editor = editor(t, "echo '  - title: Pensions' >> \"$1\"")
		}, false},
		{"edit: problems on a terminal", "edit", func(r *run) {
			r.opts.Identity = ann.path
			r.opts.IO.InTTY = true
			r.in.WriteString("n\n")
			r.opts.Editor = editor(t, "echo 'surplus: x' >> \"$1\"")
		}, false},
		{"edit: the editor fails", "edit", func(r *run) {
			r.opts.Identity = ann.path
			r.opts.Editor = editor(t, "cat \"$1\" >/dev/null; exit 1")
		}, false},
		{"paper", "paper", func(r *run) {
			r.opts.Item, r.opts.File = "Cloud backup contract award", clearPaper(t, "bids.pdf")
		}, true},
		{"rekey", "rekey", func(r *run) { r.opts.Identity = ann.path }, true},
		{"rekey: with the SSH key", "rekey", func(r *run) { r.opts.Identity = sshPath }, true},
		{"rekey: a damaged key", "rekey", func(r *run) { r.opts.Identity = damaged }, false},
		{"rekey: a stranger's key", "rekey", func(r *run) { r.opts.Identity = stranger.path }, false},
	}
	for _, st := range steps {
		r := newRun(t, dir, st.action)
		if st.setup != nil {
			st.setup(r)
		}
		err := r.exec()
		if (err == nil) != st.ok {
			t.Errorf("%s: err = %v", st.name, err)
		}
		printed := r.out.String() + r.errOut.String()
		if err != nil {
			printed += err.Error()
			var e exit.Error
			if errors.As(err, &e) {
				printed += e.ExitHint()
			}
			var d exit.Detailed
			if errors.As(err, &d) {
				printed += strings.Join(d.Details(), "\n")
			}
		}
		s.in(t, st.name, printed)
		r.noClearCopy(t)
	}

	// Keys pasted into private_recipients are refused, and not repeated.
	for _, pasted := range []string{ann.secret, strings.TrimSpace(sshPEM)} {
		d := board(t, ann.public)
		net := filepath.Join(d, "board", "network.yaml")
		text := strings.Replace(readText(t, net), "  - "+ann.public, "  - |\n    "+strings.ReplaceAll(pasted, "\n", "\n    "), 1)
		writeFile(t, net, text)
		r := newRun(t, d, "paper")
		r.opts.Item, r.opts.File = "Cloud backup contract award", clearPaper(t, "bids.pdf")
		err := r.exec()
		if err == nil {
			t.Fatal("a secret key in private_recipients was taken")
		}
		s.in(t, "a key pasted as a recipient", err.Error()+r.out.String()+r.errOut.String())
	}

	// Nothing in the repository holds a key.
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		s.in(t, path, readText(t, path))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
