package export

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/popolo"
)

func TestNewCmdExportFlags(t *testing.T) {
	for _, tc := range []struct {
		args              []string
		dir, format, out  string
		flagErr, otherErr string
	}{
		{args: nil, dir: "networks", format: "popolo"},
		{args: []string{"--format", "popolo"}, dir: "networks", format: "popolo"},
		{args: []string{"repo", "--format", "popolo", "--out", "x.json"}, dir: "repo", format: "popolo", out: "x.json"},
		{args: []string{"--format", "json"}, flagErr: `--format "json": want popolo`},
		{args: []string{"--out", ""}, flagErr: "--out: want a file"},
		{args: []string{"a", "b"}, flagErr: "accepts at most 1 arg"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdExport, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, tc.otherErr) {
				return
			}
			if got.Dir != tc.dir || got.Format != tc.format || got.Out != tc.out {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

func TestExportRun(t *testing.T) {
	dir := cmdtest.Board(t)
	ios, _, out, errOut := iostreams.Test()
	if err := exportRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Format: "popolo"}); err != nil {
		t.Fatal(err)
	}
	var doc popolo.Document
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if doc.Format != "popolo" || len(doc.Organizations) != 3 || len(doc.Persons) != 2 || len(doc.Events) != 3 || len(doc.Memberships) != 3 {
		t.Errorf("exported %d organisations, %d persons, %d events, %d memberships; want 3, 2, 3, 3:\n%s",
			len(doc.Organizations), len(doc.Persons), len(doc.Events), len(doc.Memberships), out)
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr: %s", errOut)
	}

	// --out writes the same bytes to the file, and says where.
	path := filepath.Join(t.TempDir(), "board.json")
	ios, _, out2, errOut := iostreams.Test()
	if err := exportRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Format: "popolo", Out: path}); err != nil {
		t.Fatal(err)
	}
	if got := cmdtest.ReadFile(t, path); got != out.String() {
		t.Errorf("--out wrote other bytes than stdout:\n%s", got)
	}
	if out2.Len() != 0 || !strings.Contains(errOut.String(), "wrote ") {
		t.Errorf("stdout %q, stderr %q", out2, errOut)
	}

	// A folder where the file should go.
	ios, _, _, _ = iostreams.Test()
	if err := exportRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Format: "popolo", Out: t.TempDir()}); err == nil || !strings.Contains(err.Error(), "writing ") {
		t.Errorf("--out a folder: err = %v", err)
	}

	// No such folder.
	ios, _, _, _ = iostreams.Test()
	err := exportRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: filepath.Join(dir, "nope"), Format: "popolo"})
	var nf *load.NotFoundError
	if !errors.As(err, &nf) {
		t.Errorf("err = %v; want a NotFoundError", err)
	}
}

// A body whose records cannot be read as meant is left out; the others are
// exported, and the command's error names the body's findings.
func TestExportLeavesOutABrokenBody(t *testing.T) {
	dir := cmdtest.Board(t)
	if err := os.MkdirAll(filepath.Join(dir, "broken"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "broken", "network.yaml"), []byte("id: broken\nname: Broken\nparent: nowhere\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, out, _ := iostreams.Test()
	err := exportRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: dir, Format: "popolo"})
	var fe *check.FindingsError
	if !errors.As(err, &fe) || len(fe.LeftOut) != 1 || fe.LeftOut[0] != "broken" {
		t.Fatalf("err = %v; want the findings of broken, left out", err)
	}
	if strings.Contains(out.String(), "govctl:network/broken") || !strings.Contains(out.String(), "govctl:network/board") {
		t.Errorf("the export:\n%s", out)
	}
}
