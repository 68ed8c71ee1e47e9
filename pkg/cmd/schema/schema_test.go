package schema

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/schema"
)

func TestNewCmdSchemaFlags(t *testing.T) {
	tests := []struct {
		args    []string
		want    Options
		wantErr string
	}{
		{args: []string{}, want: Options{}},
		{args: []string{"--out", "schemas"}, want: Options{Out: "schemas"}},
		{args: []string{"--out", ""}, wantErr: "--out: want a folder"},
		{args: []string{"meeting"}, wantErr: "unknown command"},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdSchema, tt.args...)
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Out != tt.want.Out {
				t.Errorf("got %+v, want %+v", *got, tt.want)
			}
		})
	}
}

func TestSchemaRunStdout(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	if err := schemaRun(&Options{IO: ios}); err != nil {
		t.Fatal(err)
	}
	var all map[string]map[string]any
	if err := json.Unmarshal(out.Bytes(), &all); err != nil {
		t.Fatal(err)
	}
	for _, k := range schema.Kinds() {
		s, ok := all[k.Name]
		if !ok {
			t.Errorf("no %s schema", k.Name)
			continue
		}
		if s["$id"] != k.ID() || s["$schema"] != schema.Draft {
			t.Errorf("%s: $id %v, $schema %v", k.Name, s["$id"], s["$schema"])
		}
	}
	if len(all) != len(schema.Kinds()) {
		t.Errorf("%d schemas, want %d", len(all), len(schema.Kinds()))
	}
}

func TestSchemaRunOut(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "a", "schemas")
	for range 2 { // the second run replaces the files
		ios, _, out, _ := iostreams.Test()
		if err := schemaRun(&Options{IO: ios, Out: dir}); err != nil {
			t.Fatal(err)
		}
		var want []string
		for _, k := range schema.Kinds() {
			p := filepath.Join(dir, k.File)
			want = append(want, p)
			got, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := schema.JSON(k)
			if !bytes.Equal(got, b) {
				t.Errorf("%s differs from schema.JSON", p)
			}
		}
		if got := strings.Split(strings.TrimSpace(out.String()), "\n"); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("printed %q, want %q", got, want)
		}
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != len(schema.Kinds()) {
		t.Errorf("%d files in the folder, want %d (no temporary files left)", len(ents), len(schema.Kinds()))
	}
}

func TestSchemaRunOutNotAFolder(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(file, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	ios, _, _, _ := iostreams.Test()
	err := schemaRun(&Options{IO: ios, Out: file})
	if err == nil || !strings.Contains(err.Error(), "writing "+filepath.Join(file, "govctl.schema.json")) {
		t.Fatalf("err = %v", err)
	}
}
