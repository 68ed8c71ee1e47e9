package main

import (
	"bytes"
	"io"
	"io/fs"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/govctl/govctl/pkg/cli"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/private"
)

// The private files of testdata/private, in clear: encrypted by the test
// with a key it generates, they are what no public output may hold.
var privateFiles = map[string]string{
	"jc/meetings/2026-10-13.private.yaml.age": `agenda:
  - title: Zephyr Backup Tender
    minutes: |
      QUOKKA-M1 Three bids were evaluated against the published criteria.

      - Supplier A: QUOKKA-M1B too dear
    paper: ../papers/private/2026-10-13-QUOKKA-P1-scores.age
  - title: Pay award 2027
    minutes: QUOKKA-M2 The pay offer was agreed.
decisions:
  - id: D-2
    text: QUOKKA-D2 Award the contract to Supplier B at 4.2m
  - id: D-3
    text: QUOKKA-D3 Offer 3.5 per cent
actions:
  - id: A-2
    text: QUOKKA-A2 Notify the unsuccessful bidders
  - id: A-3
    text: QUOKKA-A3 Write to the unions
`,
	"jc/meetings/2026-11-10.private.yaml.age": `agenda:
  - title: Harrow Redundancy Case
    minutes: QUOKKA-M3 The panel's recommendation was accepted.
decisions:
  - id: D-5
    text: QUOKKA-D5 Accept the panel's recommendation
actions:
  - id: A-5
    text: QUOKKA-A5 Confirm the outcome in writing
`,
	"jc/meetings/2026-12-08.private.yaml.age": `agenda:
  - title: Zephyr Phase Two
    minutes: QUOKKA-M4 To be taken in private.
`,
	// The encrypted papers the public records name.
	"jc/papers/private/2026-10-13-bids.age":      "QUOKKA-PAPER1 the bids, scored\n",
	"jc/papers/private/2026-12-08-phase-two.age": "QUOKKA-PAPER2 phase two costs\n",
}

// secrets are the strings no public output may hold: every text of the
// private files (each marked QUOKKA), and the titles of the private items
// whose titles are not published, which only the YAML records hold.
var (
	privateTexts = []string{"QUOKKA"}
	hiddenTitles = []string{"Zephyr Backup Tender", "Harrow Redundancy Case", "Zephyr Phase Two"}
)

// contactsFile is the repository's contacts, encrypted by the test like
// the private files: its addresses (each marked WOMBAT) may appear only in
// the message agenda email writes outside the repository.
const contactsFile = `people:
  brent-cllr:
    email: chair.WOMBAT@brent.example.org
  lewisham-cllr:
    email: cllr.WOMBAT@lewisham.example.org
    name: Cllr Lewisham
  southwark-cllr:
    email: cllr.WOMBAT@southwark.example.org
`

// fixedRecipient is the recipient testdata/private lists, replaced by the
// test's own.
const fixedRecipient = "age13ee792npu80a2utdag8usy2w0tcsfspx7lm8edqtvw95unrafcksqgeg4u"

// TestNoPrivateStringInPublicOutput decrypts nothing: on a repository with
// private business at every level, encrypted to a key made here, it runs
// every command of govctl that reads or writes the public record, and
// searches everything each prints and every file in the tree afterwards for
// the private text and the unpublished titles. Then, to show the search can
// find them, the restricted edition (with the key) must hold them, in the
// file it writes outside the repository and nowhere else.
func TestNoPrivateStringInPublicOutput(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git: govctl diff needs it")
	}
	work := t.TempDir()
	repo := filepath.Join(work, "networks")
	if err := copyTree("../../testdata/private", repo); err != nil {
		t.Fatal(err)
	}

	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	replaceIn(t, filepath.Join(repo, "jc/network.yaml"), fixedRecipient, id.Recipient().String())
	for name, clear := range privateFiles {
		data, err := private.Encrypt([]byte(clear), []age.Recipient{id.Recipient()})
		if err != nil {
			t.Fatal(err)
		}
		writeFile(t, filepath.Join(repo, filepath.FromSlash(name)), data)
	}
	key := filepath.Join(t.TempDir(), "key.txt")
	writeFile(t, key, []byte(id.String()+"\n"))
	// The contacts, encrypted in the repository, and where pages are
	// published.
	contacts, err := private.Encrypt([]byte(contactsFile), []age.Recipient{id.Recipient()})
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(repo, "contacts.yaml.age"), contacts)
	settings := readFile(t, filepath.Join(repo, "govctl.yaml"))
	writeFile(t, filepath.Join(repo, "govctl.yaml"), append(settings, "contacts: contacts.yaml.age\npages_url: https://example.org/gov/networks\n"...))

	// Two commits for diff: the base has the terms of October and the
	// meetings to October; the head adds the later meetings (a private
	// referral from jc to ops, and ops's answer) and a stricter voting
	// method, which changes the verdict on a private decision.
	later := []string{"jc/meetings/2026-11-10.yaml", "jc/meetings/2026-11-10.private.yaml.age", "jc/meetings/2026-12-08.yaml", "jc/meetings/2026-12-08.private.yaml.age", "ops/meetings/2026-11-17.yaml"}
	held := map[string][]byte{}
	for _, f := range later {
		held[f] = readFile(t, filepath.Join(repo, f))
		if err := os.Remove(filepath.Join(repo, f)); err != nil {
			t.Fatal(err)
		}
	}
	git(t, work, "init", "-q")
	git(t, work, "add", ".")
	git(t, work, "commit", "-q", "-m", "base")
	for f, data := range held {
		writeFile(t, filepath.Join(repo, f), data)
	}
	replaceIn(t, filepath.Join(repo, "jc/network.yaml"), "method: majority", "method: unanimous")
	git(t, work, "add", ".")
	git(t, work, "commit", "-q", "-m", "head")

	outside := t.TempDir()
	commands := [][]string{
		{"validate", repo},
		{"validate", repo, "--format", "json"},
		{"validate", repo, "--format", "github"},
		{"validate", repo, "--format", "sarif"},
		{"validate", repo, "--strict"},
		{"rules"},
		{"rules", "explain", "private-leak"},
		{"rules", "explain", "private-file"},
		{"rules", "explain", "private-reason-missing"},
		{"rules", "explain", "vote-while-conflicted"},
		{"rules", "explain", "referral-unknown"},
		{"rules", "explain", "referral-pending"},
		{"rules", "explain", "interest-undeclared"},
		{"schema"},
		{"networks", "-R", repo},
		{"networks", "-R", repo, "--format", "json"},
		{"actions", "-R", repo, "--status", "all"},
		{"actions", "-R", repo, "--status", "all", "--format", "markdown"},
		{"actions", "-R", repo, "--status", "all", "--format", "json"},
		{"actions", "jc", "-R", repo},
		{"calendar", "-R", repo, "--deadlines"},
		{"calendar", "jc", "-R", repo},
		{"report", "attendance", "jc", "-R", repo},
		{"report", "attendance", "jc", "-R", repo, "--format", "json"},
		{"report", "attendance", "jc", "-R", repo, "--format", "table", "--by", "organisation"},
		{"report", "work-programme", "-R", repo},
		{"report", "work-programme", "-R", repo, "--format", "json"},
		{"decisions", "-R", repo},
		{"decisions", "-R", repo, "--format", "markdown"},
		{"decisions", "-R", repo, "--format", "json"},
		{"decisions", "ops", "-R", repo, "--outcome", "deferred"},
		{"report", "forward-plan", "-R", repo},
		{"report", "forward-plan", "-R", repo, "--format", "json"},
		{"report", "forward-plan", "ops", "-R", repo, "--format", "table"},
		{"validate", repo, "--as-of", "2027-03-01"},
		{"minutes", "render", "ops", "2026-11-17", "-R", repo},
		{"diff", "HEAD~1", "HEAD", repo},
		{"diff", "HEAD~1", "HEAD", repo, "--format", "json"},
		{"generate", repo},
		{"generate", repo, "--check"},
		{"fmt", repo},
		{"fmt", repo, "--check"},
		{"agenda", "new", "jc", "-R", repo},
		{"agenda", "new", "jc", "-R", repo, "--date", "2026-12-08"},
		{"agenda", "new", "ops", "-R", repo},
		{"agenda", "email", "jc", "-R", repo, "--date", "2026-12-08", "--identity", key, "--out", filepath.Join(outside, "agenda.eml")},
		{"agenda", "email", "ops", "-R", repo, "--identity", key, "--out", filepath.Join(outside, "ops.eml")},
		{"remind", "-R", repo, "--identity", key, "--out", filepath.Join(outside, "reminders")},
		{"remind", "-R", repo, "--identity", key, "--out", filepath.Join(outside, "reminders-december"), "--as-of", "2026-12-04"},
		{"remind", "-R", repo, "--identity", key, "--out", filepath.Join(outside, "reminders-christmas"), "--as-of", "2026-12-17"},
		{"remind", "-R", repo, "--member", "brent-cllr", "--as-of", "2026-12-17"},
		{"remind", "ops", "-R", repo, "--member", "brent-it", "--as-of", "2026-12-04"},
		{"minutes", "render", "jc", "2026-10-13", "-R", repo},
		{"minutes", "render", "jc", "2026-11-10", "-R", repo},
		{"export", repo, "--format", "popolo"},
		{"export", repo, "--format", "popolo", "--out", filepath.Join(outside, "export.json")},
		{"schedule", "jc", "-R", repo, "--count", "3"},
		{"schedule", "jc", "-R", repo, "--count", "2", "--write"},
		{"agenda", "sent", "jc", "2026-12-08", "-R", repo, "--on", "2026-11-30"},
		{"minutes", "new", "jc", "2026-12-08", "-R", repo, "--force"},
		{"minutes", "render", "jc", "2026-12-08", "-R", repo},
		{"meeting", "move", "ops", "2026-12-15", "2026-12-16", "-R", repo},
		{"meeting", "cancel", "ops", "2026-12-16", "-R", repo, "--reason", "No business"},
		{"work", "update", "jc", "shared-backup", "-R", repo, "--note", "Contract let", "--date", "2026-11-20"},
		{"terms", "amend", "jc", "-R", repo, "--effective", "2026-12-01", "--since", "2026-01-01"},
		{"network", "new", "extra", "-R", repo, "--name", "Extra Group", "--parent", "jc"},
		{"generate", repo},
		{"validate", repo},
		{"export", repo, "--format", "popolo", "--out", filepath.Join(outside, "export-after.json")},
		{"init", filepath.Join(outside, "fresh")},
	}
	for _, args := range commands {
		out, errOut, code := run(t, args...)
		if code > 1 {
			t.Errorf("govctl %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		for _, stream := range []struct{ name, text string }{{"stdout", out}, {"stderr", errOut}} {
			if strings.Contains(stream.text, "WOMBAT") {
				t.Errorf("govctl %s: %s holds an e-mail address:\n%s", strings.Join(args, " "), stream.name, stream.text)
			}
			if s := leaked(stream.text); s != "" {
				t.Errorf("govctl %s: %s holds the private %q:\n%s", strings.Join(args, " "), stream.name, s, stream.text)
			}
		}
	}
	// Every file in the tree: only the YAML records may hold the titles,
	// and nothing the private text.
	for _, dir := range []string{work, outside} {
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == ".git" {
				return filepath.SkipDir
			}
			if d.IsDir() {
				return nil
			}
			data := string(readFile(t, p))
			if strings.Contains(data, "WOMBAT") && filepath.Ext(p) != ".eml" {
				t.Errorf("%s holds an e-mail address", p)
			}
			for _, s := range privateTexts {
				if strings.Contains(data, s) {
					t.Errorf("%s holds the private text %q", p, s)
				}
			}
			if filepath.Ext(p) == ".yaml" {
				return nil
			}
			for _, s := range hiddenTitles {
				if strings.Contains(data, s) {
					t.Errorf("%s holds the unpublished title %q", p, s)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	// The search finds the addresses where they are: in the messages, sent
	// from the chair to the other members.
	for _, name := range []string{"agenda.eml", "ops.eml"} {
		eml := string(readFile(t, filepath.Join(outside, name)))
		if name == "agenda.eml" && (!strings.Contains(eml, "From: \"Cllr Ada Brent\" <chair.WOMBAT@brent.example.org>") || !strings.Contains(eml, "\"Cllr Lewisham\" <cllr.WOMBAT@lewisham.example.org>")) {
			t.Errorf("the message lacks its sender or recipients:\n%s", eml)
		}
		if fi, err := os.Stat(filepath.Join(outside, name)); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, want mode 0600", name, err)
		}
	}
	// The reminders: decoded, the e-mails hold no private text either; a
	// private action and a private referral are shown as such.
	reminders := map[string]string{}
	for _, dir := range []string{"reminders", "reminders-december", "reminders-christmas"} {
		entries, err := os.ReadDir(filepath.Join(outside, dir))
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			p := filepath.Join(outside, dir, e.Name())
			text := string(readFile(t, p))
			if filepath.Ext(p) == ".eml" {
				text = decodedParts(t, p)
			}
			if s := leaked(text); s != "" {
				t.Errorf("%s holds the private %q:\n%s", p, s, text)
			}
			reminders[dir+"/"+e.Name()] = text
		}
	}
	if got := reminders["reminders-christmas/brent-cllr.eml"]; !strings.Contains(got, "A-5: a private action, taken in private (Individual staffing matter).") || !strings.Contains(got, "WOMBAT") {
		t.Errorf("brent-cllr's reminders lack the private action A-5, or the address:\n%s", got)
	}
	if got := reminders["reminders-december/brent-it.md"]; !strings.Contains(got, "D-5 from Joint Committee (Tuesday 10 November 2026, on a private item): taken in private (Individual staffing matter).") {
		t.Errorf("brent-it's reminders lack the private referral D-5:\n%s", got)
	}

	// A contacts file in clear inside the repository is refused, and an
	// encrypted one without the key.
	writeFile(t, filepath.Join(repo, "clear-contacts.yaml"), []byte(strings.ReplaceAll(contactsFile, "WOMBAT", "x")))
	if _, errOut, code := run(t, "agenda", "email", "jc", "-R", repo, "--contacts", filepath.Join(repo, "clear-contacts.yaml"), "--out", filepath.Join(outside, "x.eml")); code != 2 || !strings.Contains(errOut, "not encrypted") {
		t.Errorf("a clear contacts file in the repository: exit %d\n%s", code, errOut)
	}
	if _, errOut, code := run(t, "agenda", "email", "jc", "-R", repo, "--out", filepath.Join(outside, "x.eml")); code != 2 || !strings.Contains(errOut, "is encrypted: give --identity") {
		t.Errorf("the encrypted contacts without a key: exit %d\n%s", code, errOut)
	}
	if err := os.Remove(filepath.Join(repo, "clear-contacts.yaml")); err != nil {
		t.Fatal(err)
	}

	// The generated papers say what is private, and why.
	minutes := string(readFile(t, filepath.Join(repo, "jc/meetings/2026-10-13.minutes.md")))
	for _, want := range []string{"**A private item**, taken in private (Schedule 12A, paragraph 3)", "**Pay award 2027**, taken in private (Schedule 12A, paragraph 4)", "Taken in private (Schedule 12A, paragraph 3)", "a private paper (encrypted, for members)"} {
		if !strings.Contains(minutes, want) {
			t.Errorf("the public minutes lack %q:\n%s", want, minutes)
		}
	}

	// The private referral: ops's papers and the registers say it was
	// taken in private, and why.
	if out, errOut, code := run(t, "agenda", "new", "ops", "-R", repo, "--date", "2027-01-19"); code != 0 || leaked(out+errOut) != "" {
		t.Fatalf("agenda new ops: exit %d\n%s%s", code, out, errOut)
	}
	opsAgenda := string(readFile(t, filepath.Join(repo, "ops/meetings/2027-01-19.agenda.md")))
	if s := leaked(opsAgenda); s != "" {
		t.Errorf("ops's agenda holds the private %q:\n%s", s, opsAgenda)
	}
	if want := "| Joint Committee | [Tuesday 10 November 2026](../../jc/meetings/2026-11-10.minutes.md) | D-5 | a private item | taken in private (Individual staffing matter) |"; !strings.Contains(opsAgenda, want) {
		t.Errorf("ops's agenda lacks %q:\n%s", want, opsAgenda)
	}
	register := string(readFile(t, filepath.Join(repo, "jc/decisions.md")))
	if want := "| D-5 | a private item | taken in private (Individual staffing matter) | referred |"; !strings.Contains(register, want) {
		t.Errorf("jc's register lacks %q:\n%s", want, register)
	}
	out, _, _ := run(t, "diff", "HEAD~1", "HEAD", repo)
	for _, want := range []string{"referral made: D-5 of 2026-11-10 referred to Operations Group (ops): taken in private (Individual staffing matter)", "referral answered: O-1 answers jc/D-5 on 2026-11-17 (deferred)"} {
		if !strings.Contains(out, want) {
			t.Errorf("diff lacks %q:\n%s", want, out)
		}
	}

	// The search finds what is there: the restricted edition, with the key,
	// holds the private business, in the file it writes and nowhere else.
	editions := map[string][]string{
		"minutes.md": {"minutes", "render", "jc", "2026-10-13", "-R", repo, "--identity", key, "--out", filepath.Join(outside, "minutes.md")},
		"agenda.md":  {"agenda", "new", "jc", "-R", repo, "--date", "2026-12-08", "--identity", key, "--out", filepath.Join(outside, "agenda.md")},
	}
	for name, args := range editions {
		out, errOut, code := run(t, args...)
		if code != 0 {
			t.Fatalf("govctl %s: exit %d\n%s%s", strings.Join(args, " "), code, out, errOut)
		}
		if s := leaked(out + errOut); s != "" {
			t.Errorf("govctl %s printed the private %q:\n%s%s", strings.Join(args, " "), s, out, errOut)
		}
		edition := string(readFile(t, filepath.Join(outside, name)))
		if leaked(edition) == "" {
			t.Errorf("the restricted %s holds no private text: the search cannot fail\n%s", name, edition)
		}
	}
	edition := string(readFile(t, filepath.Join(outside, "minutes.md")))
	for _, want := range []string{"**Zephyr Backup Tender**, private (Schedule 12A, paragraph 3)", "QUOKKA-M1 Three bids", "Private (Schedule 12A, paragraph 3): QUOKKA-D2", "QUOKKA-A3 Write to the unions", "jc/papers/private/2026-10-13-QUOKKA-P1-scores.age in the repository (encrypted"} {
		if !strings.Contains(edition, want) {
			t.Errorf("the restricted minutes lack %q:\n%s", want, edition)
		}
	}
	agenda := string(readFile(t, filepath.Join(outside, "agenda.md")))
	for _, want := range []string{"**Zephyr Phase Two**, private (Commercially confidential)", "jc/papers/private/2026-12-08-phase-two.age in the repository (encrypted", "QUOKKA-A2", "QUOKKA-D5", "| Harrow Redundancy Case |"} {
		if !strings.Contains(agenda, want) {
			t.Errorf("the restricted agenda lacks %q:\n%s", want, agenda)
		}
	}
	if fi, err := os.Stat(filepath.Join(outside, "agenda.md")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("the restricted agenda: %v, mode %v, want 0600", err, fi.Mode().Perm())
	}
	git(t, work, "add", "-A")
	if out := git(t, work, "status", "--porcelain"); strings.Contains(out, "QUOKKA") {
		t.Errorf("a restricted paper is in the repository:\n%s", out)
	}
}

// decodedParts is the text of every part of the e-mail at path, decoded
// (quoted-printable may break a word across lines).
func decodedParts(t *testing.T, path string) string {
	t.Helper()
	msg, err := mail.ReadMessage(bytes.NewReader(readFile(t, path)))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var b strings.Builder
	for k, v := range msg.Header {
		b.WriteString(k + ": " + strings.Join(v, ", ") + "\n")
	}
	var walk func(r io.Reader, contentType string)
	walk = func(r io.Reader, contentType string) {
		mt, params, err := mime.ParseMediaType(contentType)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if !strings.HasPrefix(mt, "multipart/") {
			data, err := io.ReadAll(r)
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			b.Write(data)
			return
		}
		mr := multipart.NewReader(r, params["boundary"])
		for {
			p, err := mr.NextPart()
			if err == io.EOF {
				return
			}
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			walk(p, p.Header.Get("Content-Type"))
		}
	}
	walk(msg.Body, msg.Header.Get("Content-Type"))
	return b.String()
}

// leaked is the first private string s holds, or "".
func leaked(s string) string {
	for _, x := range append(append([]string{}, privateTexts...), hiddenTitles...) {
		if strings.Contains(s, x) {
			return x
		}
	}
	return ""
}

// run runs govctl in process on 23 November 2026.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	f := &cmdutil.Factory{IOStreams: ios, Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }, Version: "test"}
	code := cli.Main(f, args)
	return out.String(), errOut.String(), code
}

func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=Test", "-c", "user.email=test@example.org"}, args...)...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return string(out)
}

func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	data := readFile(t, path)
	if !bytes.Contains(data, []byte(old)) {
		t.Fatalf("%s has no %q", path, old)
	}
	writeFile(t, path, bytes.ReplaceAll(data, []byte(old), []byte(new)))
}

func readFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
