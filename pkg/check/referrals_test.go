package check_test

import (
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/check"
)

// chain is five bodies with no line of reporting: group refers to board,
// which passes it on to committee; panel refers to board too, in a flow
// mapping; forum has nothing to do with them. notes is a folder of papers,
// not a body.
var chain = map[string]string{
	"govctl.yaml":        "rules: {unscheduled: off, minutes-missing: off, time-missing: off}\n",
	"organisations.yaml": "organisations:\n  - {id: o, name: O}\n",
	"group/network.yaml": "id: group\nname: Group\nmeetings:\n  ordinary: {}\n",
	"group/meetings/2026-05-05.yaml": "date: 2026-05-05\nkind: ordinary\nstatus: held\n" +
		"decisions:\n  - id: A-1\n    text: Recommend it\n    outcome: referred\n    refer_to: board\n",
	"board/network.yaml": "id: board\nname: Board\nmeetings:\n  ordinary: {}\n",
	"board/meetings/2026-06-02.yaml": "date: 2026-06-02\nkind: ordinary\nstatus: held\n" +
		"decisions:\n  - {id: B-1, responds_to: group/A-1, text: Pass it on, outcome: referred, refer_to: committee}\n",
	"board/meetings/2026-07-07.yaml": "date: 2026-07-07\nkind: ordinary\nstatus: planned\n",
	"committee/network.yaml":         "id: committee\nname: Committee\nmeetings:\n  ordinary: {}\n",
	"panel/network.yaml":             "id: panel\nname: Panel\nmeetings:\n  ordinary: {}\n",
	"panel/meetings/2026-06-09.yaml": "date: 2026-06-09\nkind: ordinary\nstatus: held\n" +
		"decisions:\n  - {id: D-1, text: Ask for advice, outcome: referred, refer_to: board}\n",
	"forum/network.yaml":             "id: forum\nname: Forum\nmeetings:\n  ordinary: {}\n",
	"forum/meetings/2026-06-09.yaml": "date: 2026-06-09\nkind: ordinary\nstatus: held\n",
	"notes/readme.txt":               "refer_to: board\n",
}

func loaded(res *check.Result) []string {
	var out []string
	for _, n := range res.Repo.Networks {
		out = append(out, n.Folder)
	}
	return out
}

// TestScopedRunReadsReferrals: a run narrowed to one body reads the bodies
// its decisions refer to or answer, and theirs in turn; one that writes its
// agendas, the bodies that may refer business to it too. Either gives the
// named body alone in Nets.
func TestScopedRunReadsReferrals(t *testing.T) {
	dir := repo(t, chain)
	for _, tc := range []struct {
		name string
		open func(dir, id string, now func() time.Time) (*check.Result, error)
		id   string
		want []string
	}{
		// group refers to board, whose answer refers on to committee.
		{"group", check.OpenBody, "group", []string{"board", "committee", "group"}},
		// board answers group and refers to committee; its agendas need
		// panel, which refers to it.
		{"board", check.OpenBody, "board", []string{"board", "committee", "group"}},
		{"board's agendas", check.OpenBodyAgendas, "board", []string{"board", "committee", "group", "panel"}},
		// board refers to committee, answering group.
		{"committee's agendas", check.OpenBodyAgendas, "committee", []string{"board", "committee", "group"}},
		{"forum", check.OpenBodyAgendas, "forum", []string{"forum"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, err := tc.open(dir, tc.id, clock)
			if err != nil {
				t.Fatal(err)
			}
			if got := loaded(res); !slices.Equal(got, tc.want) {
				t.Errorf("loaded %v; want %v", got, tc.want)
			}
			if nets := res.Nets(); len(nets) != 1 || nets[0].N.ID != tc.id {
				t.Errorf("Nets: %d", len(nets))
			}
			if len(res.Diagnostics) != 0 {
				t.Errorf("findings: %v", res.Diagnostics)
			}
		})
	}
	// What waits for board at its meeting of 7 July: group's referral was
	// passed on; panel's waits, found though board does not report to it.
	res, err := check.OpenBodyAgendas(dir, "board", clock)
	if err != nil {
		t.Fatal(err)
	}
	nx, _ := res.Net("board")
	var waiting []string
	for _, r := range nx.Waiting(nx.N.MeetingList[1]) {
		waiting = append(waiting, r.Key())
	}
	if strings.Join(waiting, ",") != "panel/D-1" {
		t.Errorf("waiting for b: %v", waiting)
	}
}

// TestScopedRunJudgesReferralsAsAFullRun: a refer_to naming no body is
// found by a run narrowed to its body as by a full run, and a folder of
// papers is no body.
func TestScopedRunJudgesReferralsAsAFullRun(t *testing.T) {
	files := maps.Clone(chain)
	files["group/meetings/2026-05-05.yaml"] = strings.Replace(files["group/meetings/2026-05-05.yaml"], "refer_to: board", "refer_to: notes", 1)
	dir := repo(t, files)
	full, err := check.Run(dir, check.Options{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	scope := check.NamedScope(dir, []string{"group"})
	part, err := check.Run(dir, check.Options{Now: clock, Scope: &scope})
	if err != nil {
		t.Fatal(err)
	}
	pick := func(res *check.Result) []string {
		var out []string
		for _, d := range res.Diagnostics {
			if strings.Contains(d.Pos.File, "/group/") {
				out = append(out, d.String())
			}
		}
		return out
	}
	if f, p := pick(full), pick(part); len(f) != 1 || !strings.Contains(f[0], `referral-unknown: decision A-1: refer_to "notes" is not a network of this repository`) || !slices.Equal(f, p) {
		t.Errorf("full run %q; narrowed to group %q", f, p)
	}
}
