package main

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestREADMEExamples runs the README's examples, so that they cannot drift
// from what govctl prints. Each ```console block is run in a copy of
// networks/ committed to a fresh git repository, on 4 December 2026, as on
// a terminal (GOVCTL_FORCE_TTY) without colour. A line "$ COMMAND" is run
// by the shell (a trailing "# comment" dropped), standard output and error
// together; the lines after it, to the next "$", are what it must print,
// exactly, or up to a line "..." when they end with one. A command with no
// lines after it is run but not checked, and one that is not govctl's (an
// editor) is left out. An HTML comment "<!-- example setup: COMMAND -->"
// just before a block is run first, unseen by readers: the change `govctl
// diff` then describes, say; "<!-- example today: DATE -->" runs the block
// on another day (after a meeting, say). A ```yaml block just after
// "<!-- example file: PATH -->" is written to PATH for the next console
// block, after its setup: the record a secretary has just edited, as the
// reader sees it.
func TestREADMEExamples(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	blocks := readmeBlocks(string(readme))
	if len(blocks) < 3 {
		t.Fatalf("%d console blocks in README.md, want at least 3", len(blocks))
	}
	for i, b := range blocks {
		name := filepath.Join(dir, fmt.Sprintf("block-%02d-line-%d.txtar", i+1, b.line))
		if err := os.WriteFile(name, []byte(b.script()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	networks, err := filepath.Abs("../../networks")
	if err != nil {
		t.Fatal(err)
	}
	p := scriptParams(dir)
	p.UpdateScripts = false
	p.Cmds["startswith"] = startsWith
	setup := p.Setup
	p.Setup = func(env *testscript.Env) error {
		if err := setup(env); err != nil {
			return err
		}
		env.Setenv("GOVCTL_TODAY", "2026-12-04")
		env.Setenv("GOVCTL_FORCE_TTY", "1")
		return copyTree(networks, filepath.Join(env.WorkDir, "networks"))
	}
	testscript.Run(t, p)
}

// example is one command of a console block and what it must print.
type example struct {
	command string
	want    []string
	prefix  bool // want ends with "...": the output need only start so
}

type block struct {
	line     int
	setup    []string
	today    string
	files    []file
	examples []example
}

// file is a file a console block runs with: written to path.
type file struct {
	path, content string
}

func readmeBlocks(readme string) []block {
	lines := strings.Split(readme, "\n")
	var out []block
	var files []file // for the next console block
	for i := 0; i < len(lines); i++ {
		if path, ok := strings.CutPrefix(lines[i], "<!-- example file: "); ok && i+1 < len(lines) && lines[i+1] == "```yaml" {
			f := file{path: strings.TrimSuffix(path, " -->")}
			for i += 2; i < len(lines) && lines[i] != "```"; i++ {
				f.content += lines[i] + "\n"
			}
			files = append(files, f)
			continue
		}
		if lines[i] != "```console" {
			continue
		}
		b := block{line: i + 1, files: files}
		files = nil
		for j := i - 1; j >= 0 && strings.HasPrefix(lines[j], "<!-- example "); j-- {
			c := strings.TrimSuffix(lines[j], " -->")
			if cmd, ok := strings.CutPrefix(c, "<!-- example setup: "); ok {
				b.setup = append([]string{cmd}, b.setup...)
			} else if day, ok := strings.CutPrefix(c, "<!-- example today: "); ok {
				b.today = day
			}
		}
		for i++; i < len(lines) && lines[i] != "```"; i++ {
			switch line := lines[i]; {
			case strings.HasPrefix(line, "$ "):
				cmd := line[2:]
				if k := strings.Index(cmd, " #"); k >= 0 {
					cmd = cmd[:k]
				}
				b.examples = append(b.examples, example{command: strings.TrimSpace(cmd)})
			case len(b.examples) > 0 && line == "...":
				b.examples[len(b.examples)-1].prefix = true
			case len(b.examples) > 0 && !b.examples[len(b.examples)-1].prefix:
				e := &b.examples[len(b.examples)-1]
				e.want = append(e.want, line)
			}
		}
		out = append(out, b)
	}
	return out
}

// script is the block as a testscript.
func (b block) script() string {
	var s, files strings.Builder
	s.WriteString("[!exec:git] skip 'needs git'\n")
	s.WriteString("exec sh -c 'git init -q && git add -A && git -c user.name=t -c user.email=t@example.org commit -qm base'\n")
	if b.today != "" {
		fmt.Fprintf(&s, "env GOVCTL_TODAY=%s\n", b.today)
	}
	for _, c := range b.setup {
		fmt.Fprintf(&s, "exec sh -c %s\n", scriptQuote(c))
	}
	for n, f := range b.files {
		// Written beside networks/, which Setup copies over the archive's
		// files, then copied into place.
		name := fmt.Sprintf("file-%d.txt", n+1)
		fmt.Fprintf(&s, "cp %s %s\n", name, f.path)
		fmt.Fprintf(&files, "-- %s --\n%s", name, f.content)
	}
	for n, e := range b.examples {
		if !strings.HasPrefix(e.command, "govctl ") {
			continue // an editor, or another tool: the reader's own step
		}
		fmt.Fprintf(&s, "exec sh -c %s\n", scriptQuote(e.command+" 2>&1; exit 0"))
		if len(e.want) == 0 {
			continue
		}
		want := fmt.Sprintf("want-%d.txt", n+1)
		if e.prefix {
			fmt.Fprintf(&s, "startswith stdout %s\n", want)
		} else {
			fmt.Fprintf(&s, "cmp stdout %s\n", want)
		}
		fmt.Fprintf(&files, "-- %s --\n%s\n", want, strings.Join(e.want, "\n"))
	}
	return s.String() + "\n" + files.String()
}

// scriptQuote quotes s as one argument of a testscript command (in which
// ” stands for a quote).
func scriptQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// startsWith is "startswith stdout FILE": the command's output begins with
// FILE's lines.
func startsWith(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 || args[0] != "stdout" {
		ts.Fatalf("usage: startswith stdout FILE")
	}
	got, want := ts.ReadFile("stdout"), ts.ReadFile(args[1])
	if !strings.HasPrefix(got, want) {
		ts.Fatalf("stdout does not start with %s:\n--- got\n%s--- want\n%s", args[1], got, want)
	}
}

func copyTree(from, to string) error {
	return filepath.WalkDir(from, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, path)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(to, rel), 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(to, rel), data, 0o644)
	})
}
