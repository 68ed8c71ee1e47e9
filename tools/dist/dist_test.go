package main

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// entry is a file as read back from an archive.
type entry struct {
	name  string
	mode  fs.FileMode
	mtime time.Time
	data  []byte
}

// readTarGz opens a tar.gz written by TarGz back with archive/tar.
func readTarGz(t *testing.T, b []byte) []entry {
	t.Helper()
	gz, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if gz.Name != "" || !gz.ModTime.IsZero() {
		t.Errorf("gzip header names %q at %v; want no name and no time", gz.Name, gz.ModTime)
	}
	tr := tar.NewReader(gz)
	var out []entry
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
		if h.Uid != 0 || h.Gid != 0 || h.Uname != "" || h.Gname != "" {
			t.Errorf("%s: owner %d/%d %q/%q; want root and no names", h.Name, h.Uid, h.Gid, h.Uname, h.Gname)
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entry{h.Name, h.FileInfo().Mode(), h.ModTime.UTC(), data})
	}
	return out
}

// readZip opens a zip written by Zip back with archive/zip.
func readZip(t *testing.T, b []byte) []entry {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var out []entry
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, entry{f.Name, f.Mode(), f.Modified.UTC(), data})
	}
	return out
}

var (
	binary = []byte("\x7fELF a binary")
	readme = []byte("# govctl\n")
	lic    = []byte("a licence\n")
	when   = time.Date(2026, 12, 4, 9, 30, 0, 0, time.UTC)
)

func files(bin string) []File {
	return []File{{bin, 0o755, binary}, {"README.md", 0o644, readme}, {"LICENSE", 0o644, lic}}
}

// wantEntries checks an archive read back: the folder, then each file with
// its name, mode, time and bytes.
func wantEntries(t *testing.T, got []entry, dir, bin string, mtime time.Time) {
	t.Helper()
	want := []entry{
		{dir + "/", fs.ModeDir | 0o755, mtime, nil},
		{dir + "/" + bin, 0o755, mtime, binary},
		{dir + "/README.md", 0o644, mtime, readme},
		{dir + "/LICENSE", 0o644, mtime, lic},
	}
	if len(got) != len(want) {
		t.Fatalf("%d entries %v; want %d", len(got), got, len(want))
	}
	for i, w := range want {
		g := got[i]
		if g.name != w.name || g.mode != w.mode || !g.mtime.Equal(w.mtime) || !bytes.Equal(g.data, w.data) {
			t.Errorf("entry %d: %s %v %v %q; want %s %v %v %q", i, g.name, g.mode, g.mtime, g.data, w.name, w.mode, w.mtime, w.data)
		}
	}
}

// TestTarGz: the archive opens back with the folder, the binary executable
// and the documents readable, every file at the given time; the same input
// gives the same bytes, and another time other bytes.
func TestTarGz(t *testing.T) {
	var a, b, c bytes.Buffer
	dir := "govctl_v1.2.3_linux_amd64"
	for _, w := range []*bytes.Buffer{&a, &b} {
		if err := TarGz(w, dir, files("govctl"), when); err != nil {
			t.Fatal(err)
		}
	}
	wantEntries(t, readTarGz(t, a.Bytes()), dir, "govctl", when)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two archives of the same files differ")
	}
	if err := TarGz(&c, dir, files("govctl"), when.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("the archives of two times are the same: the time is not written")
	}
}

// TestZip: as TestTarGz, for Windows's zip, and a time before 1980 (which a
// zip cannot hold) written as 1980.
func TestZip(t *testing.T) {
	var a, b bytes.Buffer
	dir := "govctl_v1.2.3_windows_arm64"
	for _, w := range []*bytes.Buffer{&a, &b} {
		if err := Zip(w, dir, files("govctl.exe"), when); err != nil {
			t.Fatal(err)
		}
	}
	wantEntries(t, readZip(t, a.Bytes()), dir, "govctl.exe", when)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two archives of the same files differ")
	}
	var old bytes.Buffer
	if err := Zip(&old, dir, files("govctl.exe"), time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	wantEntries(t, readZip(t, old.Bytes()), dir, "govctl.exe", zipEpoch)
}

// TestChecksums: one "HEX  NAME" line an archive, in name order, which
// sha256sum -c accepts, and refuses once an archive changes.
func TestChecksums(t *testing.T) {
	dir := t.TempDir()
	sums := map[string][]byte{}
	for _, name := range []string{"govctl_v1_windows_amd64.zip", "govctl_v1_darwin_arm64.tar.gz"} {
		data := []byte("the archive " + name)
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
		s := sha256.Sum256(data)
		sums[name] = s[:]
	}
	list := Checksums(sums)
	want := "" +
		hex.EncodeToString(sums["govctl_v1_darwin_arm64.tar.gz"]) + "  govctl_v1_darwin_arm64.tar.gz\n" +
		hex.EncodeToString(sums["govctl_v1_windows_amd64.zip"]) + "  govctl_v1_windows_amd64.zip\n"
	if string(list) != want {
		t.Errorf("Checksums:\n%s\nwant:\n%s", list, want)
	}
	sha256sum, err := exec.LookPath("sha256sum")
	if err != nil {
		t.Skip("no sha256sum to check the list with")
	}
	if err := os.WriteFile(filepath.Join(dir, "checksums.txt"), list, 0o644); err != nil {
		t.Fatal(err)
	}
	check := func() ([]byte, error) {
		cmd := exec.Command(sha256sum, "-c", "checksums.txt")
		cmd.Dir = dir
		return cmd.CombinedOutput()
	}
	if out, err := check(); err != nil {
		t.Errorf("sha256sum -c: %v\n%s", err, out)
	}
	if err := os.WriteFile(filepath.Join(dir, "govctl_v1_windows_amd64.zip"), []byte("changed"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := check(); err == nil {
		t.Errorf("sha256sum -c passed a changed archive:\n%s", out)
	}
}

// TestDocs: README.md always, LICENSE when there is one.
func TestDocs(t *testing.T) {
	dir := t.TempDir()
	if _, err := Docs(dir); err == nil || !strings.Contains(err.Error(), "README.md") {
		t.Errorf("no README.md: err = %v", err)
	}
	write(t, dir, "README.md", "# x\n")
	names := func() []string {
		docs, err := Docs(dir)
		if err != nil {
			t.Fatal(err)
		}
		var n []string
		for _, d := range docs {
			n = append(n, d.Name)
		}
		return n
	}
	if got := names(); !slices.Equal(got, []string{"README.md"}) {
		t.Errorf("without a licence: %v", got)
	}
	write(t, dir, "LICENSE", "MIT\n")
	if got := names(); !slices.Equal(got, []string{"README.md", "LICENSE"}) {
		t.Errorf("with a licence: %v", got)
	}
}

// TestRunRefuses: a version that cannot name a file or go into -ldflags,
// and no targets, are refused before anything is built.
func TestRunRefuses(t *testing.T) {
	root := t.TempDir()
	write(t, root, "README.md", "# x\n")
	for _, v := range []string{"", "v1 2", "../v1", "v1/x", "-v1", `v1"`, strings.Repeat("v", 65)} {
		_, err := Run(context.Background(), Config{Version: v, Out: t.TempDir(), Root: root, Targets: Targets})
		if err == nil || !strings.Contains(err.Error(), "-version") {
			t.Errorf("version %q: err = %v", v, err)
		}
	}
	if _, err := Run(context.Background(), Config{Version: "v1", Out: t.TempDir(), Root: root}); err == nil {
		t.Error("no targets: no error")
	}
}

func TestParseTargets(t *testing.T) {
	got, err := parseTargets("linux/arm64, windows/amd64")
	if err != nil || !slices.Equal(got, []Target{{"linux", "arm64"}, {"windows", "amd64"}}) {
		t.Errorf("parseTargets = %v, %v", got, err)
	}
	if got, _ := parseTargets(""); len(got) != 6 {
		t.Errorf("every platform: %v", got)
	}
	for _, bad := range []string{"linux", "linux/", "/amd64", "linux/amd64,"} {
		if _, err := parseTargets(bad); err == nil {
			t.Errorf("parseTargets(%q): no error", bad)
		}
	}
}

func TestArchiveTime(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796376600")
	if got, err := archiveTime("", t.TempDir()); err != nil || !got.Equal(time.Unix(1796376600, 0)) {
		t.Errorf("from SOURCE_DATE_EPOCH: %v, %v", got, err)
	}
	if got, err := archiveTime("1700000000", t.TempDir()); err != nil || !got.Equal(time.Unix(1700000000, 0)) {
		t.Errorf("from -mtime: %v, %v", got, err)
	}
	if _, err := archiveTime("yesterday", t.TempDir()); err == nil {
		t.Error("-mtime yesterday: no error")
	}
	t.Setenv("SOURCE_DATE_EPOCH", "")
	if _, err := archiveTime("", t.TempDir()); err == nil || !strings.Contains(err.Error(), "-mtime") {
		t.Errorf("outside a git checkout, no time given: err = %v", err)
	}
}

// TestRunBuildsCrossTargets builds a small program, as make dist builds
// govctl, for this machine and for one other platform: each archive is
// named by version and platform and holds the binary of that platform with
// the version stamped in (this machine's runs and says it), the checksums
// file lists them with their right sums, and a second run gives the same
// bytes.
func TestRunBuildsCrossTargets(t *testing.T) {
	if testing.Short() {
		t.Skip("builds with the go command")
	}
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	root := t.TempDir()
	write(t, root, "go.mod", "module example.com/hello\n\ngo 1.26\n")
	write(t, root, "cmd/hello/main.go", "package main\n\nvar version = \"dev\"\n\nfunc main() { println(\"hello\", version) }\n")
	write(t, root, "README.md", "# hello\n")
	write(t, root, "LICENSE", "a licence\n")

	host := Target{runtime.GOOS, runtime.GOARCH}
	cross := Target{"windows", "arm64"}
	if host.OS == "windows" {
		cross = Target{"linux", "arm64"}
	}
	cfg := Config{Version: "v1.2.3-test", Root: root, Package: "./cmd/hello", Name: "hello", Targets: []Target{host, cross}, Time: when}
	var lists [][]byte
	for range 2 {
		cfg.Out = t.TempDir()
		written, err := Run(context.Background(), cfg)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, w := range written {
			names = append(names, filepath.Base(w))
		}
		want := []string{archiveName("hello_v1.2.3-test", host), archiveName("hello_v1.2.3-test", cross), "hello_v1.2.3-test_checksums.txt"}
		if !slices.Equal(names, want) {
			t.Fatalf("wrote %v; want %v", names, want)
		}
		list, err := os.ReadFile(written[2])
		if err != nil {
			t.Fatal(err)
		}
		lists = append(lists, list)
		line := regexp.MustCompile(`^([0-9a-f]{64})  (\S+)$`)
		lines := strings.Split(strings.TrimSuffix(string(list), "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("checksums:\n%s", list)
		}
		for _, l := range lines {
			m := line.FindStringSubmatch(l)
			if m == nil {
				t.Fatalf("checksums line %q is not HEX  NAME", l)
			}
			data, err := os.ReadFile(filepath.Join(cfg.Out, m[2]))
			if err != nil {
				t.Fatal(err)
			}
			if s := sha256.Sum256(data); hex.EncodeToString(s[:]) != m[1] {
				t.Errorf("%s: sum %s in the list, %x in fact", m[2], m[1], s)
			}
		}
	}
	if !bytes.Equal(lists[0], lists[1]) {
		t.Errorf("two runs gave different archives:\n%s\n%s", lists[0], lists[1])
	}

	for _, target := range []Target{host, cross} {
		name := archiveName("hello_v1.2.3-test", target)
		data, err := os.ReadFile(filepath.Join(cfg.Out, name))
		if err != nil {
			t.Fatal(err)
		}
		dir := "hello_v1.2.3-test_" + target.OS + "_" + target.Arch
		bin := "hello"
		var entries []entry
		if target.OS == "windows" {
			bin += ".exe"
			entries = readZip(t, data)
		} else {
			entries = readTarGz(t, data)
		}
		if len(entries) != 4 || entries[0].name != dir+"/" || entries[1].name != dir+"/"+bin || entries[1].mode != 0o755 ||
			entries[2].name != dir+"/README.md" || entries[3].name != dir+"/LICENSE" {
			t.Fatalf("%s holds %v", name, entries)
		}
		exe := entries[1].data
		if magic := executableMagic(target.OS); !bytes.HasPrefix(exe, magic) {
			t.Errorf("%s: the binary starts %q; a %s executable starts %q", name, exe[:min(4, len(exe))], target.OS, magic)
		}
		if !bytes.Contains(exe, []byte("v1.2.3-test")) {
			t.Errorf("%s: the version is not stamped in the binary", name)
		}
		if target == host {
			path := filepath.Join(t.TempDir(), bin)
			if err := os.WriteFile(path, exe, 0o755); err != nil {
				t.Fatal(err)
			}
			out, err := exec.Command(path).CombinedOutput()
			if err != nil || string(out) != "hello v1.2.3-test\n" {
				t.Errorf("the %s binary printed %q (%v); want the stamped version", host, out, err)
			}
		}
	}
}

func archiveName(base string, t Target) string {
	if t.OS == "windows" {
		return base + "_" + t.OS + "_" + t.Arch + ".zip"
	}
	return base + "_" + t.OS + "_" + t.Arch + ".tar.gz"
}

// executableMagic is how an executable of os begins: PE, Mach-O (64-bit,
// little-endian) or ELF.
func executableMagic(os string) []byte {
	switch os {
	case "windows":
		return []byte("MZ")
	case "darwin":
		return []byte{0xcf, 0xfa, 0xed, 0xfe}
	}
	return []byte("\x7fELF")
}

func write(t *testing.T, root, name, text string) {
	t.Helper()
	path := filepath.Join(root, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
