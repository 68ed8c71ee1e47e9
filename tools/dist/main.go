// Command dist cross-builds govctl's release archives (make dist): for each
// platform an archive named govctl_VERSION_OS_ARCH (a .tar.gz, a .zip for
// Windows) holding one folder of that name with the binary, README.md and
// LICENSE (when the repository has one), and govctl_VERSION_checksums.txt,
// in sha256sum's format, for them all.
//
//	go run ./tools/dist -version v1.2.3 [-out dist] [-targets linux/amd64,windows/arm64] [-mtime UNIX]
//
// The builds are reproducible: CGO_ENABLED=0, -trimpath, no build id, no VCS
// stamp (the version says the commit), and nothing taken from the caller's
// GOFLAGS; the archives hold every file with the same time (the last
// commit's, or -mtime, or $SOURCE_DATE_EPOCH), owner root and fixed modes, so
// one commit built twice, on two machines with the same Go, gives the same
// bytes. The archives are written by archive/tar, archive/zip and
// compress/gzip, not by the tar or zip a machine may have.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Targets are the platforms of a release: Linux, macOS and Windows, each on
// amd64 and arm64.
var Targets = []Target{
	{"linux", "amd64"}, {"linux", "arm64"},
	{"darwin", "amd64"}, {"darwin", "arm64"},
	{"windows", "amd64"}, {"windows", "arm64"},
}

func main() {
	var cfg Config
	var targets, mtime string
	flag.StringVar(&cfg.Version, "version", "", "the version to stamp in and name the archives by (make dist: git describe --tags --always --dirty)")
	flag.StringVar(&cfg.Out, "out", "dist", "the folder to write the archives and checksums in")
	flag.StringVar(&cfg.Root, "root", ".", "the module's folder, holding README.md and LICENSE")
	flag.StringVar(&cfg.Package, "pkg", "./cmd/govctl", "the main package to build, from -root")
	flag.StringVar(&cfg.Name, "name", "govctl", "the name of the binary and of the archives")
	flag.StringVar(&targets, "targets", "", "OS/ARCH,... to build (default: every platform of a release)")
	flag.StringVar(&mtime, "mtime", "", "the time of every file in the archives, in seconds since 1970 (default: $SOURCE_DATE_EPOCH, else the last commit's)")
	flag.Parse()
	if flag.NArg() > 0 {
		fail(fmt.Errorf("unexpected arguments %q; every setting is a flag (-h lists them)", flag.Args()))
	}
	var err error
	if cfg.Targets, err = parseTargets(targets); err != nil {
		fail(err)
	}
	if cfg.Time, err = archiveTime(mtime, cfg.Root); err != nil {
		fail(err)
	}
	written, err := Run(context.Background(), cfg)
	for _, w := range written {
		fmt.Println(w)
	}
	if err != nil {
		fail(err)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "dist:", err)
	os.Exit(1)
}

// Target is one platform: GOOS and GOARCH.
type Target struct{ OS, Arch string }

func (t Target) String() string { return t.OS + "/" + t.Arch }

// parseTargets reads -targets: OS/ARCH pairs separated by commas, or every
// platform of a release when empty.
func parseTargets(s string) ([]Target, error) {
	if s == "" {
		return Targets, nil
	}
	var out []Target
	for _, f := range strings.Split(s, ",") {
		os, arch, ok := strings.Cut(strings.TrimSpace(f), "/")
		if !ok || os == "" || arch == "" {
			return nil, fmt.Errorf("-targets: %q is not OS/ARCH (for example linux/amd64)", f)
		}
		out = append(out, Target{os, arch})
	}
	return out, nil
}

// archiveTime is the time every file in the archives carries: -mtime, else
// $SOURCE_DATE_EPOCH (the reproducible-builds convention), else the time of
// the last commit in root.
func archiveTime(flagValue, root string) (time.Time, error) {
	from := "-mtime"
	s := flagValue
	if s == "" {
		from, s = "SOURCE_DATE_EPOCH", os.Getenv("SOURCE_DATE_EPOCH")
	}
	if s == "" {
		out, err := exec.Command("git", "-C", root, "log", "-1", "--format=%ct").Output()
		if err != nil {
			return time.Time{}, fmt.Errorf("no time for the files in the archives: not a git checkout (%v); give -mtime SECONDS or set SOURCE_DATE_EPOCH", err)
		}
		from, s = "the last commit", strings.TrimSpace(string(out))
	}
	sec, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return time.Time{}, fmt.Errorf("%s: %q is not a time in seconds since 1970", from, s)
	}
	return time.Unix(sec, 0).UTC(), nil
}

// Config is one run of dist.
type Config struct {
	Version string
	Out     string
	Root    string
	Package string
	Name    string
	Targets []Target
	Time    time.Time
}

// versionPattern is what a version may hold: it names files and is pasted
// into -ldflags, so no spaces, slashes or quotes.
var versionPattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$`)

// Run builds every target, writes its archive and then the checksums file,
// and returns the paths written.
func Run(ctx context.Context, cfg Config) ([]string, error) {
	if !versionPattern.MatchString(cfg.Version) {
		return nil, fmt.Errorf("-version %q: want letters, digits, '.', '_', '+' or '-' (at most 64, the first a letter or digit), as git describe gives (v1.2.3, v1.2.3-4-gabc1234-dirty)", cfg.Version)
	}
	if len(cfg.Targets) == 0 {
		return nil, fmt.Errorf("no targets to build")
	}
	docs, err := Docs(cfg.Root)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(cfg.Out, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "govctl-dist-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)

	var written []string
	sums := map[string][]byte{}
	for _, t := range cfg.Targets {
		bin := cfg.Name
		if t.OS == "windows" {
			bin += ".exe"
		}
		binPath := filepath.Join(tmp, t.OS+"_"+t.Arch, bin)
		if err := Build(ctx, cfg.Root, cfg.Package, cfg.Version, t, binPath); err != nil {
			return written, err
		}
		data, err := os.ReadFile(binPath)
		if err != nil {
			return written, err
		}
		files := append([]File{{Name: bin, Mode: 0o755, Data: data}}, docs...)
		base := fmt.Sprintf("%s_%s_%s_%s", cfg.Name, cfg.Version, t.OS, t.Arch)
		name := base + ".tar.gz"
		if t.OS == "windows" {
			name = base + ".zip"
		}
		sum, err := writeArchive(filepath.Join(cfg.Out, name), base, files, cfg.Time)
		if err != nil {
			return written, err
		}
		sums[name] = sum
		written = append(written, filepath.Join(cfg.Out, name))
	}
	list := filepath.Join(cfg.Out, fmt.Sprintf("%s_%s_checksums.txt", cfg.Name, cfg.Version))
	if err := writeAtomic(list, Checksums(sums)); err != nil {
		return written, err
	}
	return append(written, list), nil
}

// Docs are the documents every archive holds beside the binary: README.md,
// and LICENSE when root has one.
func Docs(root string) ([]File, error) {
	readme, err := os.ReadFile(filepath.Join(root, "README.md"))
	if err != nil {
		return nil, fmt.Errorf("the archives hold README.md: %w", err)
	}
	docs := []File{{Name: "README.md", Mode: 0o644, Data: readme}}
	switch license, err := os.ReadFile(filepath.Join(root, "LICENSE")); {
	case err == nil:
		docs = append(docs, File{Name: "LICENSE", Mode: 0o644, Data: license})
	case !errors.Is(err, fs.ErrNotExist):
		return nil, err
	}
	return docs, nil
}

// Build compiles pkg (a path from root) for target into out, with version
// stamped in as main.version, reproducibly: the environment decides nothing
// but where Go keeps its caches.
func Build(ctx context.Context, root, pkg, version string, target Target, out string) error {
	cmd := exec.CommandContext(ctx, "go", "build",
		"-trimpath", "-buildvcs=false",
		"-ldflags", "-s -w -buildid= -X main.version="+version,
		"-o", out, pkg)
	cmd.Dir = root
	// GOFLAGS is set, not emptied: an empty variable would let go env's
	// file decide (-race, -tags, ...). -mod=readonly is the default anyway.
	cmd.Env = append(os.Environ(),
		"GOOS="+target.OS, "GOARCH="+target.Arch, "CGO_ENABLED=0",
		"GOFLAGS=-mod=readonly", "GOAMD64=v1", "GOARM64=v8.0")
	cmd.Stdout = os.Stderr
	cmd.Stderr = os.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("building %s for %s: %w", pkg, target, err)
	}
	return nil
}
