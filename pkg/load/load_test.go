package load_test

import (
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/govctl/govctl/internal/testtree"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
)

// These cover what a rule's txtar fixture (pkg/rules) cannot hold: symbolic
// links, file permissions, bytes that are not UTF-8, and a file over the size
// limit.

// writeRepo writes files (path -> content) under a new folder and returns it.
func writeRepo(t *testing.T, files map[string]string) string {
	t.Helper()
	return testtree.New(t, files)
}

func mustLoad(t *testing.T, dir string) (*model.Repo, []diag.Diagnostic) {
	t.Helper()
	repo, ds, err := load.Load(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return repo, ds
}

// expect checks that ds holds exactly the findings described: each want is
// "FILE:LINE RULE: MESSAGE-REGEXP", FILE relative to dir.
func expect(t *testing.T, dir string, ds []diag.Diagnostic, wants ...string) {
	t.Helper()
	got := make([]string, len(ds))
	for i, d := range ds {
		rel, err := filepath.Rel(dir, filepath.FromSlash(d.Pos.File))
		if err != nil {
			rel = d.Pos.File
		}
		got[i] = filepath.ToSlash(rel) + ":" + strconv.Itoa(int(d.Pos.Line)) + " " + d.Rule + ": " + d.Message
	}
	used := make([]bool, len(got))
	for _, w := range wants {
		re := regexp.MustCompile("^" + w)
		found := false
		for i, g := range got {
			if !used[i] && re.MatchString(g) {
				used[i], found = true, true
				break
			}
		}
		if !found {
			t.Errorf("missing finding %q", w)
		}
	}
	for i, g := range got {
		if !used[i] {
			t.Errorf("unexpected finding %s", g)
		}
	}
}

const orgs = "organisations:\n  - id: brent\n    name: London Borough of Brent\n"

func symlink(t *testing.T, target, link string) {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		if runtime.GOOS == "windows" {
			t.Skipf("cannot make symbolic links here: %v", err)
		}
		t.Fatal(err)
	}
}

func TestSymlinkOutsideIsNotFollowed(t *testing.T) {
	outside := writeRepo(t, map[string]string{
		// Were either read, it would add a member or a network.
		"members.yaml":     "members:\n  - id: secret-member\n    name: Read from outside the repository\n",
		"net/network.yaml": "id: net\nname: A network outside the repository\n",
	})
	dir := writeRepo(t, map[string]string{
		"organisations.yaml": orgs,
		"x/network.yaml":     "id: x\nname: X Network\n",
		"y/network.yaml":     "id: y\nname: Y Network\n",
		"y/members.yaml":     "members:\n  - id: y-member\n    name: A member of Y\n",
	})
	symlink(t, filepath.Join(outside, "members.yaml"), filepath.Join(dir, "x", "members.yaml"))
	symlink(t, filepath.Join(outside, "net"), filepath.Join(dir, "outside-net"))
	symlink(t, filepath.Join(dir, "nowhere.yaml"), filepath.Join(dir, "x", "work-programme.yaml"))
	// A link inside the repository is followed: z is y under another name.
	symlink(t, filepath.Join(dir, "y"), filepath.Join(dir, "z"))

	repo, ds := mustLoad(t, dir)
	expect(t, dir, ds,
		`x/members.yaml:1 unsafe-path: symbolic link members.yaml leads outside the repository; it is not followed$`,
		`outside-net:1 unsafe-path: symbolic link outside-net leads outside the repository; it is not followed$`,
		`x/work-programme.yaml:1 unsafe-path: symbolic link work-programme.yaml cannot be followed`,
		`z/network.yaml:1 id-mismatch: network id "y" differs from its folder name "z"$`,
	)
	var ids []string
	for _, n := range repo.Networks {
		ids = append(ids, n.ID)
		if n.ID == "x" && n.Members != nil {
			t.Errorf("x has members read through a link leading outside: %+v", n.Members.Members)
		}
		if n.ID == "z" && (n.Members == nil || len(n.Members.Members) != 1) {
			t.Errorf("z: the link inside the repository was not followed")
		}
	}
	if got := strings.Join(ids, " "); got != "x y z" {
		t.Errorf("networks %q, want x y z (outside-net is not read)", got)
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root can read any file")
	}
	if runtime.GOOS == "windows" {
		t.Skip("no Unix permissions")
	}
	dir := writeRepo(t, map[string]string{
		"organisations.yaml":         orgs,
		"x/network.yaml":             "id: x\nname: X Network\n",
		"x/members.yaml":             "members:\n  - id: a\n    name: A\n",
		"y/network.yaml":             "id: y\nname: Y Network\n",
		"y/meetings/2026-11-17.yaml": "date: 2026-11-17\nkind: ordinary\nstatus: held\n",
		"z/network.yaml":             "id: z\nname: Z Network\n",
	})
	for _, p := range []string{"x/members.yaml", "y/meetings"} {
		p = filepath.Join(dir, filepath.FromSlash(p))
		if err := os.Chmod(p, 0); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { os.Chmod(p, 0o755) })
	}
	repo, ds := mustLoad(t, dir)
	expect(t, dir, ds,
		`x/members.yaml:1 unreadable-file: cannot read file: permission denied$`,
		`y/meetings:1 unreadable-file: cannot read folder: permission denied$`,
	)
	if len(repo.Networks) != 3 {
		t.Errorf("%d networks, want 3: an unreadable file leaves the rest of the repository read", len(repo.Networks))
	}
}

func TestTextThatIsNotYAML(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"organisations.yaml": orgs,
		// Latin-1 "Café" on line 2.
		"latin1/network.yaml": "id: latin1\nname: Caf\xe9\n",
		// UTF-16 with its byte order mark: not UTF-8 from the first byte.
		"utf16/network.yaml": "\xff\xfei\x00d\x00:\x00 \x00u\x00\n\x00",
		// A NUL byte on line 3.
		"nul/network.yaml": "id: nul\nname: NUL\npurpose: a\x00b\n",
		// Valid: a UTF-8 byte order mark, CRLF line ends, text beyond ASCII,
		// no newline at the end.
		"ok/network.yaml": "\xef\xbb\xbfid: ok\r\nname: Café — 東京 ✓\r\npurpose: Ends without a newline",
	})
	repo, ds := mustLoad(t, dir)
	expect(t, dir, ds,
		`latin1/network.yaml:2 yaml-syntax: the file is not valid UTF-8 text \(line 2\); save it as UTF-8$`,
		`utf16/network.yaml:1 yaml-syntax: the file is not valid UTF-8 text \(line 1\)`,
		`nul/network.yaml:3 yaml-syntax: the file holds a NUL byte \(line 3\); it is not text$`,
	)
	if len(repo.Networks) != 1 || repo.Networks[0].Name != "Café — 東京 ✓" {
		t.Errorf("networks %+v, want only ok, named with its accents", repo.Networks)
	}
}

func TestFileOverSizeLimit(t *testing.T) {
	line := "  " + strings.Repeat("x", 97) + "\n" // 100 bytes
	justUnder := "id: small\nname: Small\nnotes: |\n"
	justUnder += strings.Repeat(line, (load.MaxFileSize-len(justUnder))/len(line))
	big := strings.Replace(justUnder, "small", "big", 1) + line
	dir := writeRepo(t, map[string]string{
		"organisations.yaml": orgs,
		"big/network.yaml":   big,
		"small/network.yaml": justUnder,
	})
	if len(justUnder) > load.MaxFileSize || len(big) <= load.MaxFileSize {
		t.Fatalf("sizes %d and %d do not straddle the limit", len(justUnder), len(big))
	}
	repo, ds := mustLoad(t, dir)
	expect(t, dir, ds,
		`big/network.yaml:1 file-limit: the file is [0-9]+ bytes, more than the limit of 1048576; it is not read$`,
	)
	if len(repo.Networks) != 1 || repo.Networks[0].ID != "small" {
		t.Errorf("networks %+v, want only small", repo.Networks)
	}
}

func TestParseDateAndClock(t *testing.T) {
	for in, ok := range map[string]bool{
		"2026-11-17": true, "2028-02-29": true, "2026-02-29": false, "2026-13-01": false, "2026-00-10": false,
		"2026-04-31": false, "2026-1-13": false, "26-11-17": false, "2026/11/17": false, "": false, "2026-11-17T10:00": false,
		"０２６-11-17": false, "2100-02-29": false, "2000-02-29": true,
		"1000-01-01": true, "9999-12-31": true, "0999-12-31": false, "0000-01-01": false, "10000-01-01": false, "-2026-11-17": false, "+2026-11-17": false,
	} {
		d, err := load.ParseDate(in)
		if (err == nil) != ok {
			t.Errorf("ParseDate(%q) error = %v, want ok %v", in, err, ok)
		}
		if ok && d.String() != in {
			t.Errorf("ParseDate(%q) = %s", in, d)
		}
	}
	for in, want := range map[string]int{"00:00": 0, "09:30": 570, "23:59": 1439, "24:00": -1, "9:30": -1, "10:60": -1, "1000": -1, "10:0": -1, "": -1} {
		got, err := load.ParseClock(in)
		if (want < 0) != (err != nil) || (want >= 0 && got != want) {
			t.Errorf("ParseClock(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
}

func TestFileCountLimit(t *testing.T) {
	dir := t.TempDir()
	write := func(rel, body string) {
		p := filepath.Join(dir, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("organisations.yaml", "organisations: []\n")
	write("x/network.yaml", "id: x\nname: X\n")
	for _, d := range []string{"2026-01-13", "2026-02-10", "2026-03-10"} {
		write("x/meetings/"+d+".yaml", "date: "+d+"\nkind: ordinary\nstatus: held\n")
	}
	repo, ds, err := load.Load(dir, load.Options{MaxFiles: 4})
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 1 || ds[0].Rule != "file-limit" || !strings.Contains(ds[0].Message, "5 files, more than the limit of 4; none was read") {
		t.Fatalf("findings = %v", ds)
	}
	if len(repo.Networks) != 0 {
		t.Errorf("%d networks read past the limit", len(repo.Networks))
	}
	if _, ds, _ := load.Load(dir, load.Options{MaxFiles: 5}); len(ds) != 0 {
		t.Errorf("at the limit: %v", ds)
	}
}

// TestBoundsNotUsed: a value out of its field's bounds is reported at its
// line, saying the bound, and left out of the model, so that no rule or
// command works from it (a deadline a million business days back, a
// cadence of a minute).
func TestBoundsNotUsed(t *testing.T) {
	dir := writeRepo(t, map[string]string{
		"organisations.yaml": orgs,
		"x/network.yaml": `id: x
name: X
established: 999
offices:
  chair: {term: P1DT2H}
meetings:
  a: {every: PT1M, per_year: 366, duration: PT12H1M, notice: {business_days: 1000000}}
  b: {every: P5Y1D, on: Second Tuesdays, notice: {period: P1Y1D}}
  c: {every: P5Y, per_year: 365, duration: PT12H, notice: {business_days: 260}, on: 5th Monday}
  d: {every: P1D, notice: {period: P12M}}
`,
	})
	repo, ds := mustLoad(t, dir)
	expect(t, dir, ds,
		`x/network.yaml:3 wrong-type: established: 999 is less than 1000, the least govctl accepts here`,
		`x/network.yaml:5 bad-date: offices.chair.term: "P1DT2H" has hours or minutes`,
		`x/network.yaml:7 bad-date: meetings.a.every: "PT1M" has hours or minutes: give whole days, weeks, months or years \(from P1D to P5Y\)`,
		`x/network.yaml:7 wrong-type: meetings.a.per_year: 366 is more than 365`,
		`x/network.yaml:7 bad-date: meetings.a.duration: "PT12H1M" is longer than PT12H`,
		`x/network.yaml:7 wrong-type: meetings.a.notice.business_days: 1000000 is more than 260`,
		`x/network.yaml:8 bad-date: meetings.b.every: "P5Y1D" is longer than P5Y`,
		`x/network.yaml:8 bad-date: meetings.b.notice.period: "P1Y1D" is longer than P1Y`,
		`x/network.yaml:9 wrong-type: meetings.c.on: "5th Monday": "5th" is not first`,
	)
	n := repo.Networks[0]
	if n.Established != 0 || n.Offices[0].Term.Set() {
		t.Errorf("established %d, term %v: out of bounds, still used", n.Established, n.Offices[0].Term)
	}
	a, b, c, d := n.Meetings[0], n.Meetings[1], n.Meetings[2], n.Meetings[3]
	if a.Every.Set() || a.PerYear != 0 || a.Duration.Set() || a.Notice == nil || a.Notice.BusinessDays != nil {
		t.Errorf("kind a keeps a value out of bounds: %+v, notice %+v", a, a.Notice)
	}
	if b.Every.Set() || b.Notice.Period.Set() || b.On != "Second Tuesdays" {
		t.Errorf("kind b: every %v, notice %v, on %q", b.Every, b.Notice.Period, b.On)
	}
	if !c.Every.Set() || c.PerYear != 365 || !c.Duration.Set() || c.Notice.BusinessDays == nil || *c.Notice.BusinessDays != 260 || c.On != "" {
		t.Errorf("kind c: the bounds themselves are accepted, on is not: %+v", c)
	}
	if !d.Every.Set() || !d.Notice.Period.Set() {
		t.Errorf("kind d: P1D and P12M are within bounds: %+v", d)
	}
}
