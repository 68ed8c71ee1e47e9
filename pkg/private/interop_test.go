package private_test

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/private"
)

// AgeCommands builds the age and age-keygen commands from the module (they
// are tools of go.mod, in the module cache: nothing need be installed) into
// a folder of the test, and returns their paths.
func ageCommands(t *testing.T) (ageCmd, keygen string) {
	t.Helper()
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command builds age for this test: %v", err)
	}
	dir := t.TempDir()
	for _, name := range []string{"age", "age-keygen"} {
		out := filepath.Join(dir, name)
		cmd := exec.Command(goCmd, "build", "-o", out, "filippo.io/age/cmd/"+name)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("building the %s command from the module: %v\n%s", name, err, b)
		}
	}
	return filepath.Join(dir, "age"), filepath.Join(dir, "age-keygen")
}

// run runs a command, failing the test when it fails, and returns its
// standard output.
func run(t *testing.T, stdin []byte, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", filepath.Base(name), strings.Join(args, " "), err, errOut.Bytes())
	}
	return out.Bytes()
}

func writeFile(t *testing.T, path, text string) string {
	t.Helper()
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// TestInteropWithAgeCommand checks that govctl's files and the age
// command's are the same files: what govctl encrypts, age -d opens; what
// age -e writes (binary or armored, to age, post-quantum and SSH keys, from
// -r and -R), govctl opens.
func TestInteropWithAgeCommand(t *testing.T) {
	ageCmd, keygen := ageCommands(t)
	dir := t.TempDir()

	// A member's age key, made by age-keygen as the README says.
	ageKeyPath := filepath.Join(dir, "key.txt")
	run(t, nil, keygen, "-o", ageKeyPath)
	agePub := strings.TrimSpace(string(run(t, nil, keygen, "-y", ageKeyPath)))
	// A post-quantum one.
	pqKeyPath := filepath.Join(dir, "pq.txt")
	run(t, nil, keygen, "-pq", "-o", pqKeyPath)
	pqPub := strings.TrimSpace(string(run(t, nil, keygen, "-y", pqKeyPath)))
	// A member's SSH key, in OpenSSH format as ssh-keygen writes it.
	sshText, sshPub := sshKey(t)
	sshKeyPath := writeFile(t, filepath.Join(dir, "id_ed25519"), sshText)
	writeFile(t, sshKeyPath+".pub", sshPub+"\n")

	readKey := func(path string) []byte {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	clear := []byte(secretText)

	t.Run("govctl writes, age -d reads", func(t *testing.T) {
		enc, err := private.Encrypt(clear, recipients(t, agePub, sshPub))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "2026-11-17.private.yaml.age")
		if err := os.WriteFile(file, enc, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, key := range []string{ageKeyPath, sshKeyPath} {
			if got := run(t, nil, ageCmd, "-d", "-i", key, file); !bytes.Equal(got, clear) {
				t.Errorf("age -d -i %s: %q, want %q", filepath.Base(key), got, clear)
			}
		}
		// Post-quantum keys, which age will not mix with classic ones.
		pq, err := private.Encrypt(clear, recipients(t, pqPub))
		if err != nil {
			t.Fatal(err)
		}
		pqFile := writeFile(t, filepath.Join(dir, "pq.age"), string(pq))
		if got := run(t, nil, ageCmd, "-d", "-i", pqKeyPath, pqFile); !bytes.Equal(got, clear) {
			t.Errorf("age -d -i pq.txt: %q, want %q", got, clear)
		}
		// Through standard input too, as `age -d -i KEY < FILE`.
		if got := run(t, enc, ageCmd, "--decrypt", "--identity", ageKeyPath); !bytes.Equal(got, clear) {
			t.Errorf("age -d < file: %q", got)
		}
	})

	t.Run("age -e writes, govctl reads", func(t *testing.T) {
		recipientsFile := writeFile(t, filepath.Join(dir, "recipients.txt"), "# the board\n"+agePub+"\n"+sshPub+"\n")
		files := map[string][]byte{
			"-r age":            run(t, clear, ageCmd, "-e", "-r", agePub),
			"-r ssh":            run(t, clear, ageCmd, "-e", "-r", sshPub),
			"-R ssh.pub":        run(t, clear, ageCmd, "-e", "-R", sshKeyPath+".pub"),
			"-R recipients.txt": run(t, clear, ageCmd, "-e", "-R", recipientsFile),
			"-a -r age":         run(t, clear, ageCmd, "-e", "-a", "-r", agePub),
			"-a -R recipients":  run(t, clear, ageCmd, "--encrypt", "--armor", "-R", recipientsFile),
			"-e -i key.txt":     run(t, clear, ageCmd, "-e", "-i", ageKeyPath),
			"-r pq":             run(t, clear, ageCmd, "-e", "-r", pqPub),
		}
		if !bytes.HasPrefix(files["-a -r age"], []byte("-----BEGIN AGE ENCRYPTED FILE-----")) {
			t.Fatalf("age -a wrote no armor: %q", files["-a -r age"])
		}
		opens := map[string][]string{
			"-r age":            {ageKeyPath},
			"-r ssh":            {sshKeyPath},
			"-R ssh.pub":        {sshKeyPath},
			"-R recipients.txt": {ageKeyPath, sshKeyPath},
			"-a -r age":         {ageKeyPath},
			"-a -R recipients":  {ageKeyPath, sshKeyPath},
			"-e -i key.txt":     {ageKeyPath},
			"-r pq":             {pqKeyPath},
		}
		for name, enc := range files {
			if _, err := private.Header(enc); err != nil {
				t.Errorf("age %s: Header: %v", name, err)
			}
			for _, key := range opens[name] {
				got, err := private.Decrypt(enc, identities(t, string(readKey(key))))
				if err != nil || !bytes.Equal(got, clear) {
					t.Errorf("age %s, opened with %s: %q, %v", name, filepath.Base(key), got, err)
				}
			}
		}
		// A key it was not encrypted to is told apart from a damaged file.
		if _, err := private.Decrypt(files["-r age"], identities(t, string(readKey(sshKeyPath)))); err == nil || !strings.Contains(err.Error(), "not one it was encrypted to") {
			t.Errorf("age -r age, opened with the SSH key: err = %v", err)
		}
	})

	t.Run("what age refuses, govctl refuses", func(t *testing.T) {
		_, err := private.ParseRecipients([]string{agePub, pqPub})
		if err == nil || !strings.Contains(err.Error(), "post-quantum") {
			t.Errorf("post-quantum and classic keys together: err = %v, want it refused as age -e refuses it", err)
		}
		mixed := exec.Command(ageCmd, "-e", "-r", agePub, "-r", pqPub)
		mixed.Stdin = bytes.NewReader(clear)
		if err := mixed.Run(); err == nil {
			t.Error("age -e mixed post-quantum and classic keys: the test's premise is wrong")
		}

		enc, err := private.Encrypt(clear, recipients(t, agePub))
		if err != nil {
			t.Fatal(err)
		}
		damaged := bytes.Clone(enc)
		damaged[len(damaged)-1] ^= 1
		file := filepath.Join(dir, "damaged.age")
		if err := os.WriteFile(file, damaged, 0o644); err != nil {
			t.Fatal(err)
		}
		if err := exec.Command(ageCmd, "-d", "-i", ageKeyPath, file).Run(); err == nil {
			t.Error("age -d opened a damaged file")
		}
		if _, err := private.Decrypt(damaged, identities(t, string(readKey(ageKeyPath)))); err == nil {
			t.Error("govctl opened a damaged file")
		}
	})
}
