package private

import (
	"testing"

	"filippo.io/age"
)

// TestSSHTag encrypts to an SSH key and finds the key's tag in the file's
// header, as the private-file rule does without a key.
func TestSSHTag(t *testing.T) {
	const pub = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIORJQnBWudPcLzPF6810cMXr7Pdx5jTmO2bfCYUR7vlp member1"
	const other = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAzTdLLTKyeqHQriIbe3iNiFSZYzZ8oHsZ6B3JUSBQL1 member2"
	r, err := ParseRecipient(pub)
	if err != nil {
		t.Fatal(err)
	}
	data, err := Encrypt([]byte("secret"), []age.Recipient{r})
	if err != nil {
		t.Fatal(err)
	}
	st, err := Header(data)
	if err != nil || len(st) != 1 || st[0].Type != "ssh-ed25519" || len(st[0].Args) == 0 {
		t.Fatalf("Header = %v, %v", st, err)
	}
	tag, typ, ok := SSHTag(pub)
	if !ok || typ != "ssh-ed25519" || tag != st[0].Args[0] {
		t.Errorf("SSHTag = %q %q %v, the stanza's tag is %q", tag, typ, ok, st[0].Args[0])
	}
	if tag2, _, _ := SSHTag(other); tag2 == tag {
		t.Errorf("two keys, one tag %q", tag)
	}
	if _, _, ok := SSHTag("age1uff036edlflu2aysz9833z3agtmmxxjzfxx54ugs75s4rch74pps2pc7ve"); ok {
		t.Error("an age key has no SSH tag")
	}
}
