package private

import (
	"bytes"
	"testing"

	"filippo.io/age"
)

// FuzzHeader: reading an age header without a key never fails on anything
// but an error, however the bytes are broken, and the header of a file
// encrypted to a key names one X25519 stanza for it.
func FuzzHeader(f *testing.F) {
	id, err := age.GenerateX25519Identity()
	if err != nil {
		f.Fatal(err)
	}
	good, err := Encrypt([]byte("agenda: []\n"), []age.Recipient{id.Recipient()})
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add(good[:len(good)/2])
	f.Add([]byte("age-encryption.org/v1\n-> X25519\n---\n"))
	f.Add([]byte("-----BEGIN AGE ENCRYPTED FILE-----\nYWdl\n-----END AGE ENCRYPTED FILE-----\n"))
	f.Add([]byte("agenda:\n  - title: in clear\n"))
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, data []byte) {
		st, err := Header(data)
		if err == nil && bytes.Equal(data, good) && (len(st) != 1 || st[0].Type != "X25519") {
			t.Fatalf("the header of a file encrypted to one key: %v", st)
		}
	})
}
