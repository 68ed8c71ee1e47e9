package private

import (
	"crypto/sha256"
	"encoding/base64"
	"strings"

	"golang.org/x/crypto/ssh"
)

// SSHTag is the tag by which an age file's ssh-ed25519 or ssh-rsa stanza
// names the key it was encrypted to (the first four bytes of the SHA-256 of
// the key in SSH wire format, in unpadded base64, as filippo.io/age/agessh
// writes it), for recipient s; ok is false when s is not an SSH public key.
// A header's tags can so be matched to the recipients without a key.
func SSHTag(s string) (tag, typ string, ok bool) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "ssh-") {
		return "", "", false
	}
	pk, _, _, _, err := ssh.ParseAuthorizedKey([]byte(s))
	if err != nil {
		return "", "", false
	}
	h := sha256.Sum256(pk.Marshal())
	return base64.RawStdEncoding.EncodeToString(h[:4]), pk.Type(), true
}
