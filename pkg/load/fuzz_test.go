package load_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/rules"
)

// fuzzFiles are the kinds of file FuzzLoad writes the fuzzed bytes as; the
// last choice writes them as every one of these at once.
var fuzzFiles = []string{
	"govctl.yaml",
	"organisations.yaml",
	"x/network.yaml",
	"x/members.yaml",
	"x/work-programme.yaml",
	"x/meetings/2026-11-17.yaml",
}

// fuzzBase is a small sound repository that the fuzzed file replaces part of,
// so that the rules have something to cross-check it against.
var fuzzBase = map[string]string{
	"govctl.yaml": "timezone: Europe/London\nholidays: england-and-wales\n",
	"organisations.yaml": `organisations:
  - {id: brent, name: London Borough of Brent, groups: [boroughs]}
  - {id: lewisham, name: London Borough of Lewisham, groups: [boroughs]}
  - {id: sts, name: Shared Technology Service}
`,
	"x/network.yaml": `id: x
name: X Network
offices:
  chair: {appointment: elected, term: P2Y, casting_vote: true}
seats:
  - {group: boroughs, title: Partner, votes: 1, substitute: named}
  - {organisations: [sts], title: Host, votes: 0}
quorum: {each_organisation_of: [brent, lewisham], members: 2, fraction: 1/2}
voting: {basis: organisation, method: majority, base: cast}
meetings:
  ordinary:
    every: P1M
    on: second Tuesday
    per_year: 9
    start: "10:00"
    duration: PT2H
    venue: {online: true, rotate: [brent, lewisham]}
    notice: {business_days: 2}
    standing_items: [Apologies for absence]
    review_work_programme: true
`,
	"x/members.yaml": `members:
  - {id: a, name: A, organisation: brent, seat: Partner, substitutes: [c]}
  - {id: b, name: B, organisation: lewisham, seat: Partner, substitutes: [c]}
  - {id: c, name: C, organisation: lewisham}
  - {id: d, name: D, organisation: sts, seat: Host}
office_holders:
  - {office: chair, member: a, from: 2025-04-01}
`,
	"x/work-programme.yaml": `period: {from: 2026-04-01, until: 2027-03-31}
items:
  - id: wp-1
    title: Audit
    lead: brent
    status: on-track
    milestones: [{title: Survey, due: 2026-12-31}]
    updates: [{date: 2026-11-10, text: Started}]
`,
	"x/meetings/2026-11-17.yaml": `date: 2026-11-17
start: "10:00"
kind: ordinary
status: held
papers_sent: 2026-11-12
chair: a
attendance: {present: [a, b], substitutes: {c: b}}
agenda:
  - {title: Apologies for absence}
  - {title: Work programme, kind: decision, presenter: a}
approves_minutes: [2026-10-13]
declarations: [{member: a, item: Work programme, interest: None}]
decisions:
  - {id: D-1, item: Work programme, text: Agree, outcome: agreed, votes: {for: [brent, lewisham]}}
actions: [{id: A-1, text: Do it, owner: a, due: 2026-12-01}]
action_updates: [{action: A-0, status: done}]
`,
	"x/meetings/2026-10-13.yaml": "date: 2026-10-13\nkind: ordinary\nstatus: held\nattendance: {present: [a, b]}\nactions: [{id: A-0, text: Earlier, owner: b}]\n",
	// A private file, not an age file, beside a record: its header is read.
	"x/meetings/2026-11-17.private.yaml.age": "-----BEGIN AGE ENCRYPTED FILE-----\nYWdlLWVuY3J5cHRpb24ub3JnL3YxCg==\n-----END AGE ENCRYPTED FILE-----\n",
}

func FuzzLoad(f *testing.F) {
	for i, name := range fuzzFiles {
		f.Add(uint8(i), []byte(fuzzBase[name]))
	}
	seeds := []string{
		"",
		"---\n",
		"---\na: 1\n---\nb: 2\n",
		"id: x\n\tname: tabbed\n",
		"a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n",
		strings.Repeat("[", 70) + strings.Repeat("]", 70) + "\n",
		"members: *nowhere\n",
		"<<: {id: x}\nname: X\n",
		"? [a, b]\n: c\n",
		"id: ../../etc\nname: X\nparent: x\n",
		"date: 2026-02-29\nkind: ordinary\nstatus: held\nstart: \"25:00\"\n",
		"meetings:\n  ordinary:\n    every: P0M\n    duration: monthly\n    start: 10:00\n",
		"members:\n  - {id: a, name: A}\n  - {id: a, name: A again}\n",
		"id: x\r\nname: CRLF\r\n",
		"\xef\xbb\xbfid: x\nname: BOM\n",
		"name: Caf\xe9\n",
		"name: a\x00b\n",
		"name: \"\\u0000\"\n",
		"organisations:\n  - id: brent\n    name: [Brent\n",
		"rules: {nonsense: off, unscheduled: ~, yaml-syntax: off}\ntimezone: Local\nholidays: wales\n",
		"items:\n  - {id: wp/1, title: T, status: done, milestones: {title: M}}\n",
		"a\rb: c\r",
		"id: x\rname: X\r---\rid: y\r",
		"id: x\nname: X\u2028---\u2028id: y\n",
		"name: x\u2028y: z\n",
		"decisions:\n  - id: D-1\n    text: T\n    outcome: agreed\n    votes: {for: [brent, brent], against: [sts], abstain: [nobody]}\n",
	}
	for _, s := range seeds {
		f.Add(uint8(len(fuzzFiles)), []byte(s))
		f.Add(uint8(3), []byte(s))
	}
	// Names a pull request controls (issue 16): kinds of meeting that are
	// no ids, and papers that are no links.
	f.Add(uint8(2), []byte("id: x\nname: \"X <!-- /custom --> ](javascript:alert(1))\\n\\e[2J\"\nmeetings:\n  \"<script>\": {every: P1M}\n  a|b: {every: P1M}\n  \"x\\ny\": {}\n  ordinary: {every: P1M}\n"))
	f.Add(uint8(5), []byte("date: 2026-11-17\nkind: ordinary\nstatus: held\nagenda:\n  - {title: A, paper: \"javascript:alert(1)\"}\n  - {title: B, paper: \"../../../../etc/passwd\"}\n  - {title: C, paper: \"papers/x.pdf\\r[a](javascript:alert(1))\"}\n  - {title: D, paper: \"https://a@b.example/x\"}\n  - {title: E, paper: \"papers/a (1) & b#c.pdf\"}\n  - {title: F, paper: \"javascript&#58;alert(1)\"}\n"))
	// Private business (issue 18): private items, decisions and actions,
	// with and without reasons, text where none belongs, and recipients
	// that are no keys.
	f.Add(uint8(5), []byte("date: 2026-11-17\nkind: ordinary\nstatus: held\nagenda:\n  - {title: Award, private: Schedule 12A, publish_title: true, paper: ../papers/private/a.age}\n  - {title: Pay, private: \"\", minutes: leaked, paper: papers/pay.pdf}\n  - {title: HR, private: ~, publish_title: yes}\n  - {title: Staff, private: [a, b]}\ndecisions:\n  - {id: D-1, item: Award, private: true, outcome: agreed}\n  - {id: D-2, item: pay, outcome: agreed}\n  - {id: D-3, private: x, text: leaked, outcome: agreed}\nactions:\n  - {id: A-1, private: no, owner: a}\n  - {id: A-2, owner: a}\n"))
	f.Add(uint8(2), []byte("id: x\nname: X\nprivate_recipients:\n  - age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n  - AGE-SECRET-KEY-1QQQQ\n  - ssh-ed25519 AAAA\n  - {a: b}\n  - ~\n  - age1pq1xyz\n"))
	f.Add(uint8(2), []byte("id: x\nname: X\nprivate_recipients: &r [age1x, *r]\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		if len(data) > load.MaxFileSize+1 {
			t.Skip()
		}
		dir := t.TempDir()
		files := map[string][]byte{}
		for name, content := range fuzzBase {
			files[name] = []byte(content)
		}
		if i := int(which) % (len(fuzzFiles) + 1); i < len(fuzzFiles) {
			files[fuzzFiles[i]] = data
		} else {
			for _, name := range fuzzFiles {
				files[name] = data
			}
		}
		for name, content := range files {
			p := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, content, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		asOf, _ := load.ParseDate("2026-11-23")
		type result struct {
			res *check.Result
			err error
		}
		done := make(chan result, 1)
		go func() {
			res, err := check.Run(dir, check.Options{AsOf: asOf})
			done <- result{res, err}
		}()
		var r result
		select {
		case r = <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("check.Run did not finish within 20s on %q", data)
		}
		if r.err != nil {
			t.Fatalf("check.Run: %v", r.err)
		}
		// A file of two YAML documents, or with anything after the end of
		// its first, is always a yaml-syntax error: the loader never reads
		// the first and ignores the rest.
		if utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 && documents(data) >= 2 {
			for name, content := range files {
				if !bytes.Equal(content, data) {
					continue
				}
				found := false
				for _, d := range r.res.Diagnostics {
					if d.Rule == "yaml-syntax" && filepath.ToSlash(d.Pos.File) == filepath.ToSlash(filepath.Join(dir, name)) {
						found = true
					}
				}
				if !found {
					t.Errorf("%s holds more than one YAML document, or something after the end of its first, and no yaml-syntax finding says so", name)
				}
			}
		}
		for _, d := range r.res.Diagnostics {
			where := fmt.Sprintf("%s:%d:%d %s %s", d.Pos.File, d.Pos.Line, d.Pos.Col, d.Rule, d.Message)
			if _, ok := rules.Lookup(d.Rule); !ok {
				t.Errorf("%s: unknown rule id %q", where, d.Rule)
			}
			if d.Severity != "error" && d.Severity != "warning" {
				t.Errorf("%s: severity %q", where, d.Severity)
			}
			rel, err := filepath.Rel(dir, filepath.FromSlash(d.Pos.File))
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
				t.Errorf("%s: not a file under the repository %s", where, dir)
				continue
			}
			if d.Pos.Line < 1 || d.Pos.Col < 1 {
				t.Errorf("%s: line and column must be at least 1", where)
			}
			if d.Message == "" {
				t.Errorf("%s: no message", where)
			}
			if content, ok := files[filepath.ToSlash(rel)]; ok {
				if n := maxLines(content); int(d.Pos.Line) > n {
					t.Errorf("%s: line %d of a file of %d lines", where, d.Pos.Line, n)
				}
			}
		}
	})
}

// heapBytes is the memory in live and not yet swept heap objects.
func heapBytes() uint64 {
	s := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

// documents counts the YAML documents in b as a streaming decoder reads
// them, up to the first error, which counts as one more.
func documents(b []byte) int {
	dec := yaml.NewDecoder(bytes.NewReader(b))
	n := 0
	for {
		var doc yaml.Node
		if err := dec.Decode(&doc); err != nil {
			if errors.Is(err, io.EOF) {
				return n
			}
			return n + 1 // a document that does not parse is one too
		}
		n++
	}
}

// maxLines is an upper bound on the lines a YAML parser can count in b:
// line feeds, carriage returns and the Unicode line breaks YAML 1.1 knew.
func maxLines(b []byte) int {
	n := 1 + bytes.Count(b, []byte("\n")) + bytes.Count(b, []byte("\r"))
	if utf8.Valid(b) {
		for _, r := range []string{"\u0085", "\u2028", "\u2029"} {
			n += bytes.Count(b, []byte(r))
		}
	}
	return n
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-17", "2026-02-29", "2024-02-29", "2026-13-01", "2026-11-31", "0000-01-01", "9999-12-31", "1970-01-01", "+2026-11-17", "2026-1-1", "2026-11-17T10:00", "２０２６-11-17", "20261117", "", "0999-12-31", "1000-01-01", "10000-01-01", "-2026-11-17"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := load.ParseDate(s)
		if err != nil {
			if err.Error() == "" {
				t.Errorf("ParseDate(%q): empty error", s)
			}
			return
		}
		if d.Before(layout.FirstDate()) || d.After(layout.LastDate()) {
			t.Errorf("ParseDate(%q) = %s, outside the years %d to %d", s, d, layout.FirstYear, layout.LastYear)
		}
		if got := d.String(); got != s {
			t.Errorf("ParseDate(%q).String() = %q", s, got)
		}
		if y, m, dd := d.Date(); fmt.Sprintf("%04d-%02d-%02d", y, m, dd) != s {
			t.Errorf("ParseDate(%q) = %04d-%02d-%02d", s, y, m, dd)
		}
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, s := range []string{"P1M", "P6W", "P2Y", "PT2H", "PT45M", "P1Y2M3DT4H5M", "P0M", "monthly", "P-1M", "P", "PT", "p1m", "P1.5M", "P100Y", "P101Y", "P1W2D", "PT0.5H", "P9999999999Y", "P1MT"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := load.ParsePeriod(s)
		if err != nil {
			return
		}
		if !p.IsPositive() {
			t.Errorf("ParsePeriod(%q) = %s, not positive", s, p)
		}
		if p.TotalDaysApprox() > 100*366 {
			t.Errorf("ParsePeriod(%q) = %s, longer than a hundred years", s, p)
		}
		// What was accepted is accepted again as written back, unchanged.
		again, err := load.ParsePeriod(p.String())
		if err != nil {
			t.Fatalf("ParsePeriod(%q) = %s, which does not parse again: %v", s, p, err)
		}
		if again != p {
			t.Errorf("ParsePeriod(%q) = %s, which parses again as %s", s, p, again)
		}
	})
}

func FuzzParseClock(f *testing.F) {
	for _, s := range []string{"10:00", "00:00", "23:59", "24:00", "25:00", "9:30", "09:60", "10.00", "1000", "10:00:00", " 10:00", "١٠:٠٠", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, err := load.ParseClock(s)
		if err != nil {
			return
		}
		if m < 0 || m >= 24*60 {
			t.Errorf("ParseClock(%q) = %d minutes, not within a day", s, m)
		}
		if got := fmt.Sprintf("%02d:%02d", m/60, m%60); got != s {
			t.Errorf("ParseClock(%q) = %d, which formats as %q", s, m, got)
		}
	})
}

// TestLoadMemoryBounded checks worst cases of a file just under the size
// limit, and that checking the repository stays within bounds: the result
// (the repository and its findings) holds at most 256 MiB; the heap grows by
// at most 512 MiB while it runs (sampled every millisecond); at most 1 GiB
// is allocated in all (the YAML parser's nodes, the decoded values, the
// findings and their messages, and what the collector takes back as it
// goes); and it ends within 30 seconds. Run with -v for the figures.
func TestLoadMemoryBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates a few hundred MiB in all")
	}
	const budget = 256 << 20
	// The heap's peak depends on the collector's pacing: fix it at the
	// default whatever GOGC says.
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	fill := func(head, unit, tail string) string {
		var b strings.Builder
		b.WriteString(head)
		for b.Len()+len(unit)+len(tail) < load.MaxFileSize {
			b.WriteString(unit)
		}
		b.WriteString(tail)
		return b.String()
	}
	deep := strings.Repeat("[", 60) + "x" + strings.Repeat("]", 60)
	var mb strings.Builder
	mb.WriteString("members:\n")
	for i := 0; mb.Len() < load.MaxFileSize-40; i++ {
		fmt.Fprintf(&mb, "  - {id: member-%d, name: M}\n", i)
	}
	members := mb.String()
	cases := []struct {
		name, file, data string
		also             map[string]string
	}{
		// 200,000 aliases in one flow sequence: the parser builds every
		// node; the alias limit stops the rest at the 1,001st.
		{"aliases", "x/network.yaml", fill("id: x\nname: &a X\naims: [*a", ", *a", "]\n"), nil},
		// Items nested 60 levels deep (within the limit of 64), each of
		// the wrong type: a finding for each.
		{"deep", "x/network.yaml", fill("id: x\nname: X\naims:\n", "  - "+deep+"\n", ""), nil},
		// A quarter of a million short texts.
		{"wide", "x/network.yaml", fill("id: x\nname: X\naims:\n", "  - a\n", ""), nil},
		// Unknown keys, each with a suggestion worked out.
		{"unknown-keys", "x/network.yaml", fill("id: x\nname: X\n", "purpse1234567: x\n", ""), nil},
		// A quarter of a million members of the wrong type.
		{"wrong-type", "x/members.yaml", fill("members:\n", "  - x\n", ""), nil},
		// Members that refer to nothing: a finding from a rule for each.
		{"dangling", "x/members.yaml", fill("members:\n", "  - {id: m, name: M, organisation: nowhere, seat: none}\n", ""), nil},
		// Attendance of 100,000 unknown members at one meeting.
		{"attendance", "x/meetings/2026-11-17.yaml", fill("date: 2026-11-17\nkind: ordinary\nstatus: held\nattendance:\n  present: [a", ", zz", "]\n"), nil},
		// Two files at the limit: 30,000 members, and a meeting naming
		// 100,000 others. Suggesting what each unknown id meant must not
		// compare every pair (three billion edit distances).
		{"unknown-among-many", "x/meetings/2026-11-17.yaml", func() string {
			var b strings.Builder
			b.WriteString("date: 2026-11-17\nkind: ordinary\nstatus: held\nattendance:\n  present: [")
			for i := 0; b.Len() < load.MaxFileSize-20; i++ {
				fmt.Fprintf(&b, "x%d, ", i)
			}
			b.WriteString("x]\n")
			return b.String()
		}(), map[string]string{"x/members.yaml": members}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if len(c.data) > load.MaxFileSize {
				t.Fatalf("%d bytes, over the limit", len(c.data))
			}
			dir := t.TempDir()
			files := map[string]string{
				"organisations.yaml": "organisations:\n  - {id: brent, name: London Borough of Brent}\n",
				"x/network.yaml":     "id: x\nname: X\nmeetings:\n  ordinary: {duration: PT2H}\n",
			}
			files[c.file] = c.data
			for name, content := range c.also {
				files[name] = content
			}
			for name, content := range files {
				p := filepath.Join(dir, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			asOf, _ := load.ParseDate("2026-11-23")
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			base := heapBytes()
			stop, peak := make(chan struct{}), make(chan uint64)
			go func() {
				top := base
				tick := time.NewTicker(time.Millisecond)
				defer tick.Stop()
				for {
					if h := heapBytes(); h > top {
						top = h
					}
					select {
					case <-stop:
						peak <- top
						return
					case <-tick.C:
					}
				}
			}()
			start := time.Now()
			res, err := check.Run(dir, check.Options{AsOf: asOf})
			elapsed := time.Since(start)
			close(stop)
			top := <-peak
			runtime.ReadMemStats(&after)
			if err != nil {
				t.Fatal(err)
			}
			// What the result holds: the heap after a collection, with the
			// result still in use.
			runtime.GC()
			held := max(int64(heapBytes())-int64(base), 0)
			runtime.KeepAlive(res)
			alloc := after.TotalAlloc - before.TotalAlloc
			growth := top - base
			t.Logf("%-18s %7d bytes %7d findings: %5.1f MiB held after; heap peak +%5.1f MiB; %5.1f MiB allocated in all (%d allocations); %s",
				c.name, len(c.data), len(res.Diagnostics), float64(held)/(1<<20), float64(growth)/(1<<20), float64(alloc)/(1<<20), after.Mallocs-before.Mallocs, elapsed.Round(time.Millisecond))
			if held > int64(budget) {
				t.Errorf("%s: the result of checking %d bytes holds %.1f MiB, more than %d MiB", c.name, len(c.data), float64(held)/(1<<20), budget>>20)
			}
			// The peak and the total depend on the collector's timing (the
			// peak of the worst case here ranges over 180 to 250 MiB from
			// run to run); these bounds catch a blow-up, not a drift.
			if growth > 2*budget {
				t.Errorf("%s: the heap grew by %.1f MiB checking %d bytes, more than %d MiB", c.name, float64(growth)/(1<<20), len(c.data), 2*budget>>20)
			}
			if alloc > 4*budget {
				t.Errorf("%s: allocated %.1f MiB in all checking %d bytes, more than %d MiB", c.name, float64(alloc)/(1<<20), len(c.data), 4*budget>>20)
			}
			// Time is judged against the floor of the same machine at the
			// same moment, in the same build (the race detector slows
			// both): parsing the file into yaml.Node, once. Linear work is
			// a few dozen times that; a cost in the square of the input is
			// thousands of times.
			floorStart := time.Now()
			var node yaml.Node
			_ = yaml.Unmarshal([]byte(c.data), &node)
			floor := time.Since(floorStart)
			if limit := 100 * max(floor, 10*time.Millisecond); elapsed > limit {
				t.Errorf("%s: took %s, more than 100 times the %s of parsing the file (%s)", c.name, elapsed.Round(time.Millisecond), floor.Round(time.Millisecond), limit.Round(time.Millisecond))
			}
		})
	}
}
