package actions

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
)

func TestNewCmdActionsFlags(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    Options
		flagErr string
	}{
		{args: nil, want: Options{Dir: "networks", Status: "open", Format: "table"}},
		{args: []string{"board", "other", "--status", "all", "--owner", "ann", "--overdue", "--format", "json"}, want: Options{Dir: "networks", Networks: []string{"board", "other"}, Status: "all", Owner: "ann", Overdue: true, Format: "json"}},
		{args: []string{"--as-of", "2026-12-01"}, want: Options{Dir: "networks", Status: "open", Format: "table"}},
		{args: []string{"--status", "closed"}, flagErr: `--status "closed": want open, done, dropped or all`},
		{args: []string{"--format", "csv"}, flagErr: `--format "csv": want table, markdown or json`},
		{args: []string{"--as-of", "2026-02-30"}, flagErr: "--as-of"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdActions, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, "") {
				return
			}
			if strings.Join(got.Networks, ",") != strings.Join(tc.want.Networks, ",") || got.Dir != tc.want.Dir || got.Status != tc.want.Status || got.Owner != tc.want.Owner || got.Overdue != tc.want.Overdue || got.Format != tc.want.Format {
				t.Errorf("got %+v; want %+v", *got, tc.want)
			}
			if len(tc.args) == 2 && tc.args[0] == "--as-of" && got.AsOf.String() != tc.args[1] {
				t.Errorf("as of %s; want %s", got.AsOf, tc.args[1])
			}
		})
	}
}

func run(t *testing.T, opts Options) string {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	opts.IO, opts.Now, opts.Dir = ios, cmdtest.Clock("2026-12-04"), cmdtest.Board(t)
	if err := actionsRun(&opts); err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestActionsRunJSON(t *testing.T) {
	var open []Entry
	if err := json.Unmarshal([]byte(run(t, Options{Status: "open", Format: "json"})), &open); err != nil {
		t.Fatal(err)
	}
	if len(open) != 1 || open[0].ID != "A-1" || open[0].Owner != "Ann Archer" || open[0].OwnerID != "ann" || !open[0].Overdue || open[0].Due != "2026-11-20" || open[0].Network != "board" || open[0].Raised != "2026-11-03" {
		t.Fatalf("open actions %+v; want A-1, Ann Archer's, overdue", open)
	}

	var all []Entry
	if err := json.Unmarshal([]byte(run(t, Options{Status: "all", Owner: "bob", Format: "json"})), &all); err != nil {
		t.Fatal(err)
	}
	if len(all) != 1 || all[0].ID != "A-2" || all[0].Status != "done" || all[0].Overdue {
		t.Fatalf("bob's actions %+v; want A-2, done", all)
	}
	h := all[0].History
	if len(h) != 2 || h[0] != (Event{Date: "2026-11-03", Status: "raised"}) || h[1] != (Event{Date: "2026-11-17", Status: "done"}) {
		t.Errorf("history %+v", h)
	}

	var none []Entry
	if err := json.Unmarshal([]byte(run(t, Options{Status: "dropped", Format: "json"})), &none); err != nil || none == nil || len(none) != 0 {
		t.Errorf("no dropped actions: %v %v; want []", none, err)
	}
}

func TestActionsRunAsOf(t *testing.T) {
	opts := Options{Status: "open", Overdue: true, Format: "json"}
	if out := run(t, opts); !strings.Contains(out, `"A-1"`) {
		t.Errorf("A-1 not overdue on 2026-12-04: %s", out)
	}
	opts.AsOf = cmdtest.Date(t, "2026-11-20")
	if out := strings.TrimSpace(run(t, opts)); out != "[]" {
		t.Errorf("overdue as of its due date: %s", out)
	}
}

// TestActionsRunAsOfIgnoresLaterUpdates: as of 10 November, A-2 was still
// open (it was done on the 17th), and an action raised later did not exist.
func TestActionsRunAsOfIgnoresLaterUpdates(t *testing.T) {
	var got []Entry
	if err := json.Unmarshal([]byte(run(t, Options{Status: "all", Owner: "bob", Format: "json", AsOf: cmdtest.Date(t, "2026-11-10")})), &got); err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || got[0].Status != "open" || len(got[0].History) != 1 {
		t.Errorf("A-2 as of 2026-11-10: %+v; want open, with only its raising", got)
	}
	if out := strings.TrimSpace(run(t, Options{Status: "all", Format: "json", AsOf: cmdtest.Date(t, "2026-11-02")})); out != "[]" {
		t.Errorf("as of 2026-11-02, before any was raised: %s", out)
	}
}

func TestActionsRunTableAndMarkdown(t *testing.T) {
	table := strings.Split(strings.TrimSpace(run(t, Options{Status: "all", Format: "table"})), "\n")
	if len(table) != 3 || table[0] != "NETWORK\tID\tACTION\tOWNER\tDUE\tSTATUS\tRAISED\tLATEST" {
		t.Fatalf("table %q", table)
	}
	if table[1] != "board\tA-1\tWrite the plan\tAnn Archer\t2026-11-20 (overdue)\topen\t2026-11-03\t" || !strings.HasPrefix(table[2], "board\tA-2\tBook the room\tBob Baker\t\tdone\t2026-11-03\t2026-11-17") {
		t.Errorf("rows %q", table[1:])
	}
	md := run(t, Options{Status: "open", Format: "markdown"})
	if !strings.HasPrefix(md, "# Action log\n\n| Network | Action |") || !strings.Contains(md, "| board | A-1 | Write the plan | Ann Archer | 2026-11-20 **overdue** | open | 2026-11-03: raised, due 2026-11-20 |") {
		t.Errorf("markdown:\n%s", md)
	}
	if md := run(t, Options{Status: "dropped", Format: "markdown"}); md != "# Action log\n\nNo actions match.\n" {
		t.Errorf("empty markdown %q", md)
	}
}

func TestActionsRunUnknownNetwork(t *testing.T) {
	ios, _, _, _ := iostreams.Test()
	err := actionsRun(&Options{IO: ios, Now: cmdtest.Clock("2026-12-04"), Dir: cmdtest.Board(t), Networks: []string{"bored"}, Status: "open", Format: "table"})
	var ne *check.NetworkError
	if !errors.As(err, &ne) || !strings.Contains(err.Error(), "bored") {
		t.Errorf("err = %v; want a NetworkError for bored", err)
	}
}
