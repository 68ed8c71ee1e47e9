package networks

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
)

func TestNewCmdNetworksFlags(t *testing.T) {
	for _, tc := range []struct {
		args              []string
		format            string
		flagErr, otherErr string
	}{
		{args: nil, format: "table"},
		{args: []string{"--format", "json"}, format: "json"},
		{args: []string{"--format", "markdown"}, flagErr: `--format "markdown": want table or json`},
		{args: []string{"omg"}, otherErr: "unknown command"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdNetworks, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, tc.otherErr) {
				return
			}
			if got.Format != tc.format || got.Dir != "networks" {
				t.Errorf("got %+v", *got)
			}
		})
	}
}

func TestNetworksRun(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml":            "organisations:\n  - {id: a, name: A}\n",
		"zeta/network.yaml":             "id: zeta\nname: Zeta\nparent: alpha\nmeetings:\n  ordinary: {every: P6W, duration: PT1H}\n",
		"zeta/members.yaml":             "members:\n  - {id: z1, name: \"Zed\tOne\", organisation: a}\noffice_holders:\n  - {office: co-chair, member: z1}\n",
		"zeta/meetings/2026-12-01.yaml": "date: 2026-12-01\nkind: ordinary\nstatus: planned\n",
		"alpha/network.yaml":            "id: alpha\nname: Alpha\n",
	})
	ios, _, out, errOut := iostreams.Test()
	if err := networksRun(&Options{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: dir, Format: "json"}); err != nil {
		t.Fatal(err)
	}
	var rows []map[string]any
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(rows) != 2 || rows[0]["id"] != "alpha" || rows[1]["id"] != "zeta" {
		t.Fatalf("rows not sorted by id: %s", out)
	}
	keys := []string{"id", "name", "parent", "chairs", "cadence", "next_meeting", "open_actions", "errors", "warnings", "findings", "loaded"}
	for _, k := range keys {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("key %q missing: %v", k, rows[0])
		}
	}
	if len(rows[0]) != len(keys) {
		t.Errorf("keys %v; want exactly %v", rows[0], keys)
	}
	if rows[0]["next_meeting"] != nil || rows[0]["parent"] != "" {
		t.Errorf("alpha: %v", rows[0])
	}
	z := rows[1]
	if z["parent"] != "alpha" || z["cadence"] != "every 6 weeks" || z["chairs"].([]any)[0] != "Zed\tOne" {
		t.Errorf("zeta: %v", z)
	}
	if nm := z["next_meeting"].(map[string]any); nm["date"] != "2026-12-01" || nm["kind"] != "ordinary" {
		t.Errorf("zeta next meeting: %v", nm)
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr: %s", errOut)
	}

	// Piped: tab-separated, tabs in values turned into spaces.
	ios, _, out, _ = iostreams.Test()
	if err := networksRun(&Options{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: dir, Format: "table"}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if lines[0] != "ID\tNAME\tPARENT\tCHAIR\tCADENCE\tNEXT MEETING\tOPEN ACTIONS\tFINDINGS" {
		t.Errorf("header %q", lines[0])
	}
	if !strings.HasPrefix(lines[2], "zeta\tZeta\talpha\tZed One\tevery 6 weeks\t2026-12-01 ordinary\t0\t") {
		t.Errorf("zeta line %q", lines[2])
	}

	// No such folder.
	ios, _, _, _ = iostreams.Test()
	err := networksRun(&Options{IO: ios, Now: cmdtest.Clock("2026-11-23"), Dir: filepath.Join(dir, "nope"), Format: "table"})
	var nf *load.NotFoundError
	if !errors.As(err, &nf) {
		t.Errorf("err = %v; want a NotFoundError", err)
	}
}
