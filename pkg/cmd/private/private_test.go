package private

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"filippo.io/age"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/iostreams"
	priv "github.com/govctl/govctl/pkg/private"
)

// key is a member's age key: the file holding it (outside the repository)
// and its secret and public halves.
type key struct {
	path, secret, public string
}

func newKey(t *testing.T) key {
	t.Helper()
	id, err := age.GenerateX25519Identity()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "key.txt")
	text := "# public key: " + id.Recipient().String() + "\n" + id.String() + "\n"
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return key{path: path, secret: id.String(), public: id.Recipient().String()}
}

// privateRecord is the held meeting of 2026-11-17 with private business
// at every level, beside public business.
const privateRecord = `date: 2026-11-17
kind: ordinary
status: held
attendance: {present: [ann, bob]}
agenda:
  - title: Budget
  - title: Cloud backup contract award # tendered in June
    private: Commercially confidential
decisions:
  - id: D-2026-11-17-1
    item: Budget
    text: Agree the budget
    outcome: agreed
  - id: D-2026-11-17-2
    item: Cloud backup contract award
    outcome: agreed
    private: Commercially confidential
actions:
  - id: A-3
    owner: ann
    private: Commercially confidential
`

// filled is a companion document for privateRecord.
const filled = `agenda:
  - title: Cloud backup contract award
    minutes: Three bids were evaluated.
decisions:
  - id: D-2026-11-17-2
    text: Award the contract to Supplier B at 4.2m
actions:
  - id: A-3
    text: Notify the unsuccessful bidders
`

// board is cmdtest.Board with the members' keys listed as
// private_recipients (when given) and privateRecord.
func board(t *testing.T, recipients ...string) string {
	t.Helper()
	dir := cmdtest.Board(t)
	if len(recipients) > 0 {
		appendFile(t, filepath.Join(dir, "board", "network.yaml"), "private_recipients:\n  - "+strings.Join(recipients, "\n  - ")+"\n")
	}
	writeFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"), privateRecord)
	return dir
}

func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func appendFile(t *testing.T, path, text string) {
	t.Helper()
	writeFile(t, path, cmdtest.ReadFile(t, path)+text)
}

// run is a run of a private command on the repository in dir, its clear
// copies made in a temporary folder of its own (opts.TempDir).
type run struct {
	opts        *Options
	out, errOut *bytes.Buffer
	in          *bytes.Buffer
}

func newRun(t *testing.T, dir, action string) *run {
	t.Helper()
	ios, in, out, errOut := iostreams.Test()
	return &run{
		opts: &Options{
			IO: ios, Now: cmdtest.Clock("2026-12-04"), Action: action,
			Dir: dir, Network: "board", Date: "2026-11-17",
			TempDir: t.TempDir(), Editor: "false",
		},
		out: out, errOut: errOut, in: in,
	}
}

func (r *run) exec() error {
	switch r.opts.Action {
	case "edit":
		return editRun(r.opts)
	case "paper":
		return paperRun(r.opts)
	}
	return rekeyRun(r.opts)
}

// noClearCopy fails the test when the run left anything in its temporary
// folder.
func (r *run) noClearCopy(t *testing.T) {
	t.Helper()
	ents, err := os.ReadDir(r.opts.TempDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		t.Errorf("left in the temporary folder: %s", e.Name())
	}
}

// editor is a fake editor: a shell script (its body given) written to a
// file of the test, run as "sh SCRIPT" (an editor command with an
// argument, as EDITOR may be).
func editor(t *testing.T, body string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "editor.sh")
	if err := os.WriteFile(path, []byte(body), 0o755); err != nil {
		t.Fatal(err)
	}
	return "sh " + path
}

// writes is a fake editor that writes text over the file it is given,
// after keeping what it was given, and the modes of the file and its
// folder, in seen.
func writes(t *testing.T, text, seen string) string {
	return editor(t, fmt.Sprintf(`cp "$1" %q
ls -ld "$1" | cut -c1-10 >> %q
ls -ld "$(dirname "$1")" | cut -c1-10 >> %q
echo "$1" >> %q
cat > "$1" <<'EOF'
%sEOF
`, seen, seen+".modes", seen+".modes", seen+".modes", text))
}

func decrypt(t *testing.T, path string, k key) string {
	t.Helper()
	ids, err := priv.ParseIdentities([]byte(k.secret))
	if err != nil {
		t.Fatal(err)
	}
	got, err := priv.Decrypt([]byte(cmdtest.ReadFile(t, path)), ids)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return string(got)
}

func companionPath(dir string) string {
	return filepath.Join(dir, "board", "meetings", "2026-11-17"+priv.Suffix)
}

func wantCode(t *testing.T, err error, code int, contains string) {
	t.Helper()
	var e exit.Error
	if !errors.As(err, &e) || e.ExitCode() != code || !strings.Contains(err.Error(), contains) {
		t.Fatalf("err = %v; want exit status %d and %q", err, code, contains)
	}
}

func TestNewCmdPrivate(t *testing.T) {
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "nano -w")
	o, err := cmdtest.Parse(NewCmdPrivate, "edit", "board", "2026-11-17", "--identity", "k.txt")
	if err != nil {
		t.Fatal(err)
	}
	if o.Action != "edit" || o.Network != "board" || o.Date != "2026-11-17" || o.Identity != "k.txt" || o.Dir != "networks" || o.Editor != "nano -w" || o.TempDir != os.TempDir() {
		t.Errorf("edit: %+v", o)
	}
	t.Setenv("VISUAL", "code --wait")
	if o, _ := cmdtest.Parse(NewCmdPrivate, "edit", "board", "2026-11-17-2"); o == nil || o.Editor != "code --wait" || o.Date != "2026-11-17-2" {
		t.Errorf("VISUAL before EDITOR: %+v", o)
	}
	t.Setenv("VISUAL", "")
	t.Setenv("EDITOR", "")
	if o, _ := cmdtest.Parse(NewCmdPrivate, "edit", "board", "2026-11-17"); o == nil || o.Editor != "vi" {
		t.Errorf("no editor set: %+v", o)
	}

	o, err = cmdtest.Parse(NewCmdPrivate, "paper", "board", "2026-11-17", "--item", "Cloud backup", "bids.pdf", "--as", "b.pdf")
	if err != nil {
		t.Fatal(err)
	}
	if o.Action != "paper" || o.Item != "Cloud backup" || o.File != "bids.pdf" || o.As != "b.pdf" {
		t.Errorf("paper: %+v", o)
	}
	o, err = cmdtest.Parse(NewCmdPrivate, "rekey", "board", "-i", "k.txt")
	if err != nil {
		t.Fatal(err)
	}
	if o.Action != "rekey" || o.Network != "board" || o.Identity != "k.txt" {
		t.Errorf("rekey: %+v", o)
	}

	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"edit", "board"}, "accepts 2 arg(s)"},
		{[]string{"edit", "board", "17/11/2026"}, "is not a date: expected YYYY-MM-DD"},
		{[]string{"paper", "board", "2026-11-17", "bids.pdf"}, "--item is required"},
		{[]string{"paper", "board", "2026-11-17", "--item", "X", "bids.pdf", "--as", "../x.pdf"}, "give a file name, not a path"},
		{[]string{"rekey", "board"}, "--identity is required"},
	} {
		o, err := cmdtest.Parse(NewCmdPrivate, c.args...)
		if o != nil {
			t.Errorf("%v: ran", c.args)
		}
		cmdtest.WantErr(t, err, c.want, "")
	}
}

func TestEditNewCompanion(t *testing.T) {
	k := newKey(t)
	dir := board(t, k.public)
	record := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml"))
	r := newRun(t, dir, "edit")
	seen := filepath.Join(t.TempDir(), "seen")
	r.opts.Editor = writes(t, filled, seen)
	if err := r.exec(); err != nil {
		t.Fatal(err)
	}
	r.noClearCopy(t)
	path := companionPath(dir)
	if got := decrypt(t, path, k); got != filled {
		t.Errorf("the companion holds %q, want %q", got, filled)
	}
	if got := r.out.String(); got != filepath.ToSlash(path)+"\n" {
		t.Errorf("stdout %q", got)
	}
	if !strings.Contains(r.errOut.String(), "encrypted the private business of the meeting of 2026-11-17 to 1 recipient") {
		t.Errorf("stderr %q", r.errOut)
	}
	// The editor was given the outline of the meeting's private entries,
	// in a file only the user can read, in a folder of the temporary
	// folder (not the repository) only the user can open.
	given := cmdtest.ReadFile(t, seen)
	for _, want := range []string{"title: Cloud backup contract award\n    minutes: \"\"", "id: D-2026-11-17-2\n    text: \"\"", "id: A-3"} {
		if !strings.Contains(given, want) {
			t.Errorf("the editor was given no %q:\n%s", want, given)
		}
	}
	if strings.Contains(given, "Budget") {
		t.Errorf("the outline names public business:\n%s", given)
	}
	modes := strings.Fields(cmdtest.ReadFile(t, seen+".modes"))
	if len(modes) != 3 || modes[0] != "-rw-------" || modes[1] != "drwx------" || !strings.HasPrefix(modes[2], filepath.Join(r.opts.TempDir, clearPrefix)) {
		t.Errorf("the clear copy: modes and path %q; want -rw------- in drwx------ under %s", modes, r.opts.TempDir)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(dir, "board", "meetings", "2026-11-17.yaml")); got != record {
		t.Errorf("the public record changed:\n%s", got)
	}
}

func TestEditExistingCompanion(t *testing.T) {
	k, k2 := newKey(t), newKey(t)
	dir := board(t, k.public)
	enc, err := priv.Encrypt([]byte(filled), recipientsOf(t, k.public))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, companionPath(dir), string(enc))
	// A member joins: the next save is encrypted to them too.
	appendFile(t, filepath.Join(dir, "board", "network.yaml"), "  - "+k2.public+"\n")

	r := newRun(t, dir, "edit")
	err = r.exec()
	if cmdtest.WantErr(t, err, "exists: give --identity FILE", "") {
		r.noClearCopy(t)
	}

	r = newRun(t, dir, "edit")
	r.opts.Identity = k.path
	seen := filepath.Join(t.TempDir(), "seen")
	changed := strings.Replace(filled, "Three bids", "Four bids", 1)
	r.opts.Editor = writes(t, changed, seen)
	if err := r.exec(); err != nil {
		t.Fatal(err)
	}
	r.noClearCopy(t)
	if got := cmdtest.ReadFile(t, seen); got != filled {
		t.Errorf("the editor was given %q, want the decrypted %q", got, filled)
	}
	for _, who := range []key{k, k2} {
		if got := decrypt(t, companionPath(dir), who); got != changed {
			t.Errorf("opened with %s: %q, want %q", who.public, got, changed)
		}
	}

	// A key the file was not encrypted to.
	r = newRun(t, dir, "edit")
	r.opts.Identity = newKey(t).path
	wantCode(t, r.exec(), exit.Findings, "not one it was encrypted to")
	r.noClearCopy(t)
}

func recipientsOf(t *testing.T, keys ...string) []age.Recipient {
	t.Helper()
	rs, err := priv.ParseRecipients(keys)
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

func TestEditWritesNothing(t *testing.T) {
	k := newKey(t)
	bad := "agenda:\n  - title: Cloud backup contract award\n    minutes: x\n  - title: Pensions\n    minutes: y\n"
	for _, c := range []struct {
		name, editor string
		code         int
		want         string
		stderr       string
	}{
		{"unchanged", "true", 0, "", "unchanged: nothing was written"},
		{"editor fails", "exit 3", exit.Findings, "failed (exit status 3): nothing was written", ""},
		{"editor killed", "echo 'agenda: []' > \"$1\"; kill -9 $$", exit.Findings, "nothing was written, and the clear copy was removed", ""},
		{"no such editor", "no-such-editor-govctl \"$1\"", exit.Findings, "failed (exit status 127)", ""},
		{"emptied", ": > \"$1\"", exit.Findings, "the text was emptied", ""},
		{"removed", "rm \"$1\"", exit.Findings, "the editor removed the file", ""},
		{"problems", "cat > \"$1\" <<'EOF'\n" + bad + "EOF\n", exit.Findings, "was not saved: 1 problem in the text", ""},
		{"not YAML", "printf 'agenda:\\n  - title: [\\n' > \"$1\"", exit.Findings, "was not saved", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := board(t, k.public)
			r := newRun(t, dir, "edit")
			r.opts.Editor = editor(t, c.editor)
			err := r.exec()
			r.noClearCopy(t)
			if _, err := os.Stat(companionPath(dir)); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("a companion was written: %v", err)
			}
			if c.code == 0 {
				if err != nil {
					t.Fatal(err)
				}
			} else {
				wantCode(t, err, c.code, c.want)
			}
			if !strings.Contains(r.errOut.String(), c.stderr) {
				t.Errorf("stderr %q, want %q", r.errOut, c.stderr)
			}
			if r.out.Len() > 0 {
				t.Errorf("stdout %q", r.out)
			}
		})
	}

	// The problems are named with their lines.
	dir := board(t, k.public)
	r := newRun(t, dir, "edit")
	r.opts.Editor = editor(t, "cat > \"$1\" <<'EOF'\n"+bad+"EOF\n")
	err := r.exec()
	var d exit.Detailed
	if !errors.As(err, &d) || len(d.Details()) != 1 || !strings.HasPrefix(d.Details()[0], `line 4: the meeting's record has no item "Pensions"`) {
		t.Errorf("err = %v; want the problem at line 4 in its details", err)
	}
}

// On a terminal, a text with problems is offered back, the problems noted
// at its top with their lines as shown.
func TestEditAgainOnATerminal(t *testing.T) {
	k := newKey(t)
	dir := board(t, k.public)
	bad := "agenda:\n  - title: Cloud backup contract award\n    minutes: x\n  - title: Pensions\n    minutes: y\ndecisions:\n  - id: D-2026-11-17-1\n"
	seen := filepath.Join(t.TempDir(), "seen")
	script := fmt.Sprintf(`if grep -q '^# govctl:' "$1"; then
  cp "$1" %q
  cat > "$1" <<'EOF'
%sEOF
else
  cat > "$1" <<'EOF'
%sEOF
fi
`, seen, filled, bad)

	r := newRun(t, dir, "edit")
	r.opts.IO.InTTY = true
	r.in.WriteString("\n")
	r.opts.Editor = editor(t, script)
	if err := r.exec(); err != nil {
		t.Fatal(err)
	}
	r.noClearCopy(t)
	if got := decrypt(t, companionPath(dir), k); got != filled {
		t.Errorf("saved %q, want %q", got, filled)
	}
	if !strings.Contains(r.errOut.String(), "is not saved: 2 problems") || !strings.Contains(r.errOut.String(), "edit again? [Y/n]") {
		t.Errorf("stderr %q", r.errOut)
	}
	shown := strings.Split(cmdtest.ReadFile(t, seen), "\n")
	if len(shown) < 10 || !strings.HasPrefix(shown[0], "# govctl: not saved") {
		t.Fatalf("the text offered back:\n%s", strings.Join(shown, "\n"))
	}
	for _, note := range shown[1:3] {
		var n int
		if _, err := fmt.Sscanf(note, "# govctl: line %d:", &n); err != nil || n < 1 || n > len(shown) {
			t.Fatalf("note %q names no line of the text", note)
		}
		if strings.Contains(note, "Pensions") && shown[n-1] != "  - title: Pensions" ||
			strings.Contains(note, "D-2026-11-17-1") && shown[n-1] != "  - id: D-2026-11-17-1" {
			t.Errorf("note %q: line %d is %q", note, n, shown[n-1])
		}
	}
	if strings.Contains(decrypt(t, companionPath(dir), k), "govctl:") {
		t.Error("the notes were saved")
	}

	// Answered no: nothing is written.
	dir = board(t, k.public)
	r = newRun(t, dir, "edit")
	r.opts.IO.InTTY = true
	r.in.WriteString("n\n")
	r.opts.Editor = editor(t, script)
	wantCode(t, r.exec(), exit.Findings, "nothing was written")
	r.noClearCopy(t)
	if _, err := os.Stat(companionPath(dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a companion was written: %v", err)
	}
}

// Interrupted while the editor runs, govctl stops it, removes the clear
// copy and writes nothing.
func TestEditInterrupted(t *testing.T) {
	k := newKey(t)
	dir := board(t, k.public)
	r := newRun(t, dir, "edit")
	r.opts.Editor = editor(t, fmt.Sprintf(`echo 'agenda: []' > "$1"
kill -INT %d
i=0
while [ -e "$1" ] && [ $i -lt 200 ]; do sleep 0.05; i=$((i+1)); done
`, os.Getpid()))
	wantCode(t, r.exec(), exit.Findings, "interrupted: nothing was written")
	r.noClearCopy(t)
	if _, err := os.Stat(companionPath(dir)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a companion was written: %v", err)
	}
}

func TestEditRefuses(t *testing.T) {
	k := newKey(t)

	dir := board(t)
	r := newRun(t, dir, "edit")
	wantCode(t, r.exec(), exit.Usage, "no private_recipients")

	dir = board(t, k.public)
	r = newRun(t, dir, "edit")
	r.opts.Date = "2026-11-03"
	wantCode(t, r.exec(), exit.Findings, "has no private business in its record")

	dir = board(t, "AGE-SECRET-KEY-1QQQQQQ")
	r = newRun(t, dir, "edit")
	err := r.exec()
	wantCode(t, err, exit.Usage, "a secret key, not a public one")

	// A temporary folder inside the repository.
	dir = board(t, k.public)
	r = newRun(t, dir, "edit")
	r.opts.TempDir = filepath.Join(dir, "board", "tmp")
	r.opts.Editor = editor(t, "cat > \"$1\" <<'EOF'\n"+filled+"EOF\n")
	wantCode(t, r.exec(), exit.Usage, "is inside the repository: govctl writes no private text there")
	if _, err := os.Stat(r.opts.TempDir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the temporary folder was made: %v", err)
	}

	// A key inside the repository.
	dir = board(t, k.public)
	enc, err := priv.Encrypt([]byte(filled), recipientsOf(t, k.public))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, companionPath(dir), string(enc))
	inside := filepath.Join(dir, "board", "key.txt")
	writeFile(t, inside, cmdtest.ReadFile(t, k.path))
	r = newRun(t, dir, "edit")
	r.opts.Identity = inside
	wantCode(t, r.exec(), exit.Findings, "is inside the repository")
}

func TestWithClearCopyRemovesIt(t *testing.T) {
	tmp := t.TempDir()
	var seen string
	func() {
		defer func() {
			if recover() == nil {
				t.Error("the panic was lost")
			}
		}()
		_ = withClearCopy(tmp, "x.private.yaml", []byte("secret"), func(path string) error {
			seen = path
			panic("boom")
		})
	}()
	if seen == "" {
		t.Fatal("fn was not run")
	}
	if _, err := os.Stat(filepath.Dir(seen)); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("after a panic the clear copy's folder is there: %v", err)
	}
	err := withClearCopy(tmp, "x.private.yaml", []byte("secret"), func(path string) error { return errors.New("failed") })
	if err == nil || err.Error() != "failed" {
		t.Errorf("err = %v", err)
	}
	if ents, _ := os.ReadDir(tmp); len(ents) > 0 {
		t.Errorf("left: %v", ents)
	}
}

func TestSweepClear(t *testing.T) {
	tmp := t.TempDir()
	now := cmdtest.Clock("2026-12-04")()
	mk := func(name string, lock bool, age time.Duration) string {
		dir := filepath.Join(tmp, name)
		writeFile(t, filepath.Join(dir, "board-2026-11-17.private.yaml"), "secret")
		if lock {
			writeFile(t, filepath.Join(dir, lockName), "999999999\n")
		}
		when := now.Add(-age)
		if err := os.Chtimes(dir, when, when); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	killed := mk(clearPrefix+"killed", true, time.Minute)
	setup := mk(clearPrefix+"setup", false, 2*time.Hour)
	young := mk(clearPrefix+"young", false, time.Minute)
	other := mk("other-folder", true, 48*time.Hour)
	live, release, err := clearDir(tmp)
	if err != nil {
		t.Fatal(err)
	}
	defer release()
	if err := os.Symlink(other, filepath.Join(tmp, clearPrefix+"link")); err != nil {
		t.Fatal(err)
	}

	removed := sweepClear(tmp, now)
	want := map[string]bool{killed: true, setup: true}
	if len(removed) != len(want) {
		t.Errorf("removed %v, want %v", removed, want)
	}
	for _, d := range removed {
		if !want[d] {
			t.Errorf("removed %s", d)
		}
	}
	for _, d := range []string{young, other, live, filepath.Join(tmp, clearPrefix+"link")} {
		if _, err := os.Lstat(d); err != nil {
			t.Errorf("%s was removed: %v", d, err)
		}
	}
	release()
	if removed := sweepClear(tmp, now); len(removed) != 1 || removed[0] != live {
		t.Errorf("once its run released it: removed %v, want %s", removed, live)
	}
}
