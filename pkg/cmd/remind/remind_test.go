package remind

import (
	"bytes"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/remind"
)

// repo is the repository the tests of package remind run on: the Board
// and the Operations Group, with ann on both.
const repo = "../../../testdata/remind"

func TestNewCmdRemindFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    Options
		asOf    string
		flagErr string
	}{
		{args: []string{"--out", "out"}, want: Options{Dir: "networks", Out: "out"}},
		{args: []string{"board", "--member", "ann", "--as-of", "2026-12-04"}, want: Options{Dir: "networks", Networks: []string{"board"}, Member: "ann"}, asOf: "2026-12-04"},
		{args: []string{"--out", "o", "--from", "Governance <gov@example.org>", "--contacts", "c.yaml", "--identity", "k.txt"}, want: Options{Dir: "networks", Out: "o", From: "Governance <gov@example.org>"}},
		{args: nil, flagErr: "give --out DIR"},
		{args: []string{"--out", "o", "--member", "ann"}, flagErr: "--out and --member"},
		{args: []string{"--out", "o", "--as-of", "2026-02-30"}, flagErr: "--as-of"},
		{args: []string{"--out", "o", "--from", "not an address"}, flagErr: "--from: expected an e-mail address"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdRemind, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, "") {
				return
			}
			if strings.Join(got.Networks, ",") != strings.Join(tc.want.Networks, ",") || got.Dir != tc.want.Dir || got.Out != tc.want.Out || got.Member != tc.want.Member || got.From != tc.want.From {
				t.Errorf("got %+v; want %+v", *got, tc.want)
			}
			if tc.asOf != "" && got.AsOf.String() != tc.asOf {
				t.Errorf("as of %s; want %s", got.AsOf, tc.asOf)
			}
			if slices.Contains(tc.args, "--contacts") && (got.Contacts.File != "c.yaml" || got.Contacts.Identity != "k.txt") {
				t.Errorf("contacts %+v", got.Contacts)
			}
		})
	}
}

// run runs remind on the test repository with the clock on today; it
// returns stdout, stderr and the error.
func run(t *testing.T, opts Options, today string) (string, string, error) {
	t.Helper()
	ios, _, out, errOut := iostreams.Test()
	opts.IO, opts.Now = ios, cmdtest.Clock(today)
	if opts.Dir == "" {
		opts.Dir = repo
	}
	err := remindRun(&opts)
	return out.String(), errOut.String(), err
}

// files are the names of the files in dir, sorted.
func files(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	return out
}

func TestRemindWrites(t *testing.T) {
	out := filepath.Join(t.TempDir(), "reminders")
	stdout, stderr, err := run(t, Options{Out: out}, "2026-12-04")
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ann.md", "bob.md", "dan.md", "eve.md"}
	if got := files(t, out); !slices.Equal(got, want) {
		t.Fatalf("files %v; want %v", got, want)
	}
	var paths []string
	for _, f := range want {
		paths = append(paths, filepath.Join(out, f))
	}
	if stdout != strings.Join(paths, "\n")+"\n" {
		t.Errorf("stdout:\n%s", stdout)
	}
	if stderr != "4 digests for the fortnight from Friday 4 December 2026 to Friday 18 December 2026: 4 written, 0 unchanged, 0 removed\n" {
		t.Errorf("stderr:\n%s", stderr)
	}
	ann := cmdtest.ReadFile(t, filepath.Join(out, "ann.md"))
	if !strings.HasPrefix(ann, remind.MarkdownMarker+"\n# Reminders for Ann Archer\n") || !strings.Contains(ann, "A-1: Write the plan.") {
		t.Errorf("ann.md:\n%s", ann)
	}
	if fi, err := os.Stat(filepath.Join(out, "ann.md")); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("ann.md: %v, mode %v; want 0600", err, fi.Mode().Perm())
	}

	// Again the same day: the same bytes, nothing written.
	before := cmdtest.ReadFile(t, filepath.Join(out, "bob.md"))
	_, stderr, err = run(t, Options{Out: out}, "2026-12-04")
	if err != nil || !strings.HasSuffix(stderr, ": 0 written, 4 unchanged, 0 removed\n") {
		t.Fatalf("a second run: %v\n%s", err, stderr)
	}
	if after := cmdtest.ReadFile(t, filepath.Join(out, "bob.md")); after != before {
		t.Errorf("bob.md changed:\n%s\n---\n%s", before, after)
	}
}

// TestRemindKeepsOthersFiles: a run replaces and removes the digests a run
// wrote, and nothing else: a file of the same name that it did not write
// stops it before it writes anything.
func TestRemindKeepsOthersFiles(t *testing.T) {
	out := t.TempDir()
	notes := filepath.Join(out, "notes.md")
	other := filepath.Join(out, "zed.eml")
	for p, text := range map[string]string{notes: "# My notes\n", other: "From: someone\r\n\r\nhello\r\n", filepath.Join(out, "keep.txt"): remind.MarkdownMarker + "\n"} {
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := run(t, Options{Out: out}, "2026-12-04"); err != nil {
		t.Fatal(err)
	}
	// Three weeks on, dan and eve have nothing due: their digests go, the
	// others' files stay as they were.
	_, stderr, err := run(t, Options{Out: out, AsOf: cmdtest.Date(t, "2026-12-24")}, "2026-12-24")
	if err != nil {
		t.Fatal(err)
	}
	if got, want := files(t, out), []string{"ann.md", "bob.md", "keep.txt", "notes.md", "zed.eml"}; !slices.Equal(got, want) {
		t.Errorf("files %v; want %v", got, want)
	}
	for _, want := range []string{"removed " + filepath.Join(out, "dan.md") + ": nothing is due for them\n", "2 digests for the fortnight from Thursday 24 December 2026 to Thursday 7 January 2027: 2 written, 0 unchanged, 2 removed\n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if got := cmdtest.ReadFile(t, notes); got != "# My notes\n" {
		t.Errorf("notes.md changed: %q", got)
	}

	// A file named as a digest that a run did not write: refused, and
	// nothing written or removed.
	if err := os.WriteFile(filepath.Join(out, "ann.md"), []byte("# Ann's own notes\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bob := cmdtest.ReadFile(t, filepath.Join(out, "bob.md"))
	_, _, err = run(t, Options{Out: out, AsOf: cmdtest.Date(t, "2026-12-04")}, "2026-12-04")
	var h *exit.Hinted
	if !errors.As(err, &h) || h.Code != exit.Usage || !strings.Contains(err.Error(), "ann.md was not written by govctl remind: it is left as it is, and nothing was written") {
		t.Fatalf("err = %v; want a refusal", err)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(out, "ann.md")); got != "# Ann's own notes\n" {
		t.Errorf("ann.md overwritten: %q", got)
	}
	if got := cmdtest.ReadFile(t, filepath.Join(out, "bob.md")); got != bob {
		t.Errorf("bob.md rewritten before the refusal")
	}
	if got := files(t, out); slices.Contains(got, "dan.md") {
		t.Errorf("dan.md written before the refusal: %v", got)
	}
}

// TestRemindLinks: a link in the folder named as a digest is not followed,
// whatever it leads to.
func TestRemindLinks(t *testing.T) {
	out, elsewhere := t.TempDir(), t.TempDir()
	target := filepath.Join(elsewhere, "target.md")
	if err := os.WriteFile(target, []byte(remind.MarkdownMarker+"\nmine\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, filepath.Join(out, "eve.md")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	if err := os.Symlink(target, filepath.Join(out, "stale.md")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, Options{Out: out}, "2026-12-04"); err == nil || !strings.Contains(err.Error(), "eve.md was not written by govctl remind") {
		t.Fatalf("err = %v; want eve.md refused", err)
	}
	if err := os.Remove(filepath.Join(out, "eve.md")); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, Options{Out: out}, "2026-12-04"); err != nil {
		t.Fatal(err)
	}
	if got := cmdtest.ReadFile(t, target); got != remind.MarkdownMarker+"\nmine\n" {
		t.Errorf("the link's target changed: %q", got)
	}
	if _, err := os.Lstat(filepath.Join(out, "stale.md")); err != nil {
		t.Errorf("a link was removed as a stale digest: %v", err)
	}
}

func TestRemindRefusesInsideRepository(t *testing.T) {
	dir := cmdtest.Board(t)
	for _, out := range []string{filepath.Join(dir, "reminders"), dir} {
		_, _, err := run(t, Options{Dir: dir, Out: out}, "2026-12-04")
		var h *exit.Hinted
		if !errors.As(err, &h) || h.Code != exit.Usage || !strings.Contains(err.Error(), "digests are written only outside the repository") {
			t.Errorf("--out %s: err = %v; want a refusal", out, err)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "reminders")); err == nil {
		t.Errorf("the folder was made inside the repository")
	}
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, Options{Dir: dir, Out: file}, "2026-12-04"); err == nil || !strings.Contains(err.Error(), "is not a folder") {
		t.Errorf("--out a file: err = %v", err)
	}
}

func TestRemindMember(t *testing.T) {
	stdout, _, err := run(t, Options{Member: "ann", AsOf: cmdtest.Date(t, "2026-12-04")}, "2030-01-01")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(stdout, remind.MarkdownMarker+"\n# Reminders for Ann Archer\n") || !strings.Contains(stdout, "fortnight from Friday 4 December 2026") {
		t.Errorf("stdout:\n%s", stdout)
	}
	stdout, stderr, err := run(t, Options{Member: "cat"}, "2026-12-04")
	if err != nil || stdout != "" || stderr != "cat has nothing due in the fortnight from Friday 4 December 2026 to Friday 18 December 2026\n" {
		t.Errorf("cat: %v\n%s%s", err, stdout, stderr)
	}
	if _, _, err := run(t, Options{Member: "zed"}, "2026-12-04"); err == nil || !strings.Contains(err.Error(), "--member zed: no body lists a member of that id") {
		t.Errorf("zed: err = %v", err)
	}
	// Narrowed to the Operations Group: its business alone, with the
	// referral the Board (read for it) made.
	stdout, _, err = run(t, Options{Networks: []string{"ops"}, Member: "ann"}, "2026-12-04")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(stdout, "**Board**") || !strings.Contains(stdout, "- **Operations Group**: Ordinary meeting, Wednesday 16 December 2026") || !strings.Contains(stdout, "D-1 from Board") {
		t.Errorf("ann in ops alone:\n%s", stdout)
	}
	if _, _, err := run(t, Options{Networks: []string{"nosuch"}, Member: "ann"}, "2026-12-04"); err == nil {
		t.Errorf("an unknown network: no error")
	}
}

// TestRemindDeterministic: one as-of date gives the same bytes whatever the
// clock says.
func TestRemindDeterministic(t *testing.T) {
	contacts := writeContacts(t)
	a, b := t.TempDir(), t.TempDir()
	asOf := cmdtest.Date(t, "2026-12-04")
	if _, _, err := run(t, Options{Out: a, AsOf: asOf, Contacts: contactsFlag(contacts)}, "2026-12-04"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := run(t, Options{Out: b, AsOf: asOf, Contacts: contactsFlag(contacts)}, "2027-05-01"); err != nil {
		t.Fatal(err)
	}
	names := files(t, a)
	if !slices.Equal(names, files(t, b)) || len(names) != 4 {
		t.Fatalf("%v and %v", names, files(t, b))
	}
	for _, n := range names {
		if x, y := cmdtest.ReadFile(t, filepath.Join(a, n)), cmdtest.ReadFile(t, filepath.Join(b, n)); x != y {
			t.Errorf("%s differs:\n%s\n---\n%s", n, x, y)
		}
	}
}

// writeContacts writes a contacts file outside the repository with ann's
// and bob's addresses and the Operations Group's own for ann, and returns
// its path.
func writeContacts(t *testing.T) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "contacts.yaml")
	text := `people:
  ann:
    email: ann@example.org
  ops/ann:
    email: ann.ops@example.org
  bob:
    email: bob@example.org
    name: Robert Baker
`
	if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func contactsFlag(file string) cmdutil.Contacts { return cmdutil.Contacts{File: file} }

// copyDir copies the tree at from into to.
func copyDir(from, to string) error {
	return filepath.WalkDir(from, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
}

// message reads an .eml written by remind: its marker header, then an
// RFC 5322 message with a plain text and an HTML part.
func message(t *testing.T, path string) (header mail.Header, text, html string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !remind.Written(filepath.Base(path), data) {
		t.Errorf("%s does not begin with its marker:\n%.80s", path, data)
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/mixed" {
		t.Fatalf("Content-Type %q: %v", msg.Header.Get("Content-Type"), err)
	}
	mixed := multipart.NewReader(msg.Body, params["boundary"])
	p, err := mixed.NextPart()
	if err != nil {
		t.Fatal(err)
	}
	_, aparams, err := mime.ParseMediaType(p.Header.Get("Content-Type"))
	if err != nil {
		t.Fatal(err)
	}
	alt := multipart.NewReader(p, aparams["boundary"])
	for {
		part, err := alt.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(part) // quoted-printable is decoded by NextPart
		if err != nil {
			t.Fatal(err)
		}
		switch ct, _, _ := mime.ParseMediaType(part.Header.Get("Content-Type")); ct {
		case "text/plain":
			text = string(body)
		case "text/html":
			html = string(body)
		}
	}
	return msg.Header, text, html
}

func TestRemindEmail(t *testing.T) {
	out := t.TempDir()
	contacts := writeContacts(t)
	// A first run without contacts: markdown for all.
	if _, _, err := run(t, Options{Out: out}, "2026-12-04"); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, err := run(t, Options{Out: out, Contacts: contactsFlag(contacts)}, "2026-12-04")
	if err != nil {
		t.Fatal(err)
	}
	// ann and bob have addresses: their markdown goes, an e-mail comes.
	if got, want := files(t, out), []string{"ann.eml", "bob.eml", "dan.md", "eve.md"}; !slices.Equal(got, want) {
		t.Fatalf("files %v; want %v", got, want)
	}
	for _, want := range []string{"removed " + filepath.Join(out, "ann.md"), "warning: no address for dan and eve in the contacts file " + contacts + ": their digests are markdown\n"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stdout+stderr, "@example.org") {
		t.Errorf("an address was printed:\n%s%s", stdout, stderr)
	}

	h, text, html := message(t, filepath.Join(out, "bob.eml"))
	// Ann chairs the Board, which has no secretary: she sends it.
	for key, want := range map[string]string{
		"X-Govctl-Remind": "bob",
		"From":            `"Ann Archer" <ann@example.org>`,
		"To":              `"Robert Baker" <bob@example.org>`,
		"Date":            "Fri, 04 Dec 2026 07:00:00 +0000",
	} {
		if got := h.Get(key); got != want {
			t.Errorf("%s: %q; want %q", key, got, want)
		}
	}
	if subject, err := new(mime.WordDecoder).DecodeHeader(h.Get("Subject")); err != nil || subject != "govctl: your reminders for the fortnight from Friday 4 December 2026" {
		t.Errorf("Subject %q (%v)", subject, err)
	}
	if id := h.Get("Message-ID"); !strings.HasPrefix(id, "<") || !strings.HasSuffix(id, ".govctl@example.org>") {
		t.Errorf("Message-ID %q", id)
	}
	if !strings.Contains(text, "Reminders for Bob Baker\r\n") || !strings.Contains(text, "* Board, A-3: Draft the budget.") {
		t.Errorf("text:\n%s", text)
	}
	if !strings.Contains(html, "<strong>Board</strong>, A-3: Draft the budget.") || strings.Contains(html, "govctl remind: a digest") {
		t.Errorf("html:\n%s", html)
	}
	// ann's address for the Operations Group is her own there: the first
	// of her bodies, the Board, gives her plain entry.
	if h, _, _ := message(t, filepath.Join(out, "ann.eml")); h.Get("To") != `"Ann Archer" <ann@example.org>` {
		t.Errorf("ann's To: %q", h.Get("To"))
	}

	// --from names the sender; a digest with no sender says so.
	if _, _, err := run(t, Options{Out: out, Contacts: contactsFlag(contacts), From: "Governance Team <governance@example.org>"}, "2026-12-04"); err != nil {
		t.Fatal(err)
	}
	if h, _, _ := message(t, filepath.Join(out, "bob.eml")); h.Get("From") != `"Governance Team" <governance@example.org>` {
		t.Errorf("From with --from: %q", h.Get("From"))
	}
	onlyBob := filepath.Join(t.TempDir(), "bob.yaml")
	if err := os.WriteFile(onlyBob, []byte("people:\n  bob: {email: bob@example.org}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, stderr, err = run(t, Options{Out: out, Contacts: contactsFlag(onlyBob)}, "2026-12-04")
	if err != nil || !strings.Contains(stderr, "warning: no sender for the e-mails to bob: the contacts file has no address for a secretary or chair of their bodies; give --from ADDRESS, or add one\n") {
		t.Errorf("no sender: %v\n%s", err, stderr)
	}
	if h, _, _ := message(t, filepath.Join(out, "bob.eml")); h.Get("From") != "" || h.Get("To") != `"Bob Baker" <bob@example.org>` {
		t.Errorf("with no sender: From %q, To %q", h.Get("From"), h.Get("To"))
	}
}

// TestRemindPagesURL: with pages_url set, agendas and minutes are linked
// there.
func TestRemindPagesURL(t *testing.T) {
	dir := t.TempDir()
	if err := copyDir(repo, dir); err != nil {
		t.Fatal(err)
	}
	settings := filepath.Join(dir, "govctl.yaml")
	if err := os.WriteFile(settings, []byte(cmdtest.ReadFile(t, settings)+"pages_url: https://gov.example.org/record/\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	stdout, _, err := run(t, Options{Dir: dir, Member: "eve", AsOf: cmdtest.Date(t, "2026-12-04")}, "2026-12-04")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stdout, "Agenda: <https://gov.example.org/record/ops/meetings/2026-12-16.agenda.md>.") || !strings.Contains(stdout, "Minutes: <https://gov.example.org/record/board/meetings/2026-11-17.minutes.md>.") {
		t.Errorf("stdout:\n%s", stdout)
	}
}

// TestRemindMonth runs the command daily for 30 days into one folder, as
// scheduled CI would: after each run the folder holds a digest for each
// person with something due that day and no other digest, the files a run
// did not write untouched; a second run the same day changes nothing.
func TestRemindMonth(t *testing.T) {
	out := t.TempDir()
	mine := filepath.Join(out, "README.md")
	if err := os.WriteFile(mine, []byte("Reminders, written daily.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := check.OpenReferred(repo, nil, cmdtest.Clock("2026-11-20"))
	if err != nil {
		t.Fatal(err)
	}
	in := remind.Inputs{Nets: res.Nets(), Calendar: res.Calendar, Location: res.Location}
	start := cmdtest.Date(t, "2026-11-20")
	seen := map[string]bool{}
	for i := range 30 {
		day := start.Add(date.PeriodOfDays(i))
		if _, _, err := run(t, Options{Out: out}, day.String()); err != nil {
			t.Fatalf("%s: %v", day, err)
		}
		want := []string{"README.md"}
		for _, d := range remind.Digests(in, day) {
			want = append(want, d.Slug+".md")
			if got := cmdtest.ReadFile(t, filepath.Join(out, d.Slug+".md")); got != string(d.Markdown()) {
				t.Errorf("%s: %s.md is not the digest of the day:\n%s", day, d.Slug, got)
			}
			seen[d.Member] = true
		}
		slices.Sort(want)
		if got := files(t, out); !slices.Equal(got, want) {
			t.Errorf("%s: files %v; want %v", day, got, want)
		}
		_, stderr, err := run(t, Options{Out: out}, day.String())
		if err != nil || !strings.Contains(stderr, ": 0 written, ") || !strings.HasSuffix(stderr, " unchanged, 0 removed\n") {
			t.Errorf("%s: a second run: %v\n%s", day, err, stderr)
		}
	}
	if got := cmdtest.ReadFile(t, mine); got != "Reminders, written daily.\n" {
		t.Errorf("README.md changed: %q", got)
	}
	// The month saw everyone come and go: cat (to the end of November),
	// dan (from December) and the rest.
	for _, id := range []string{"ann", "bob", "cat", "dan", "eve"} {
		if !seen[id] {
			t.Errorf("%s had no digest all month", id)
		}
	}
}
