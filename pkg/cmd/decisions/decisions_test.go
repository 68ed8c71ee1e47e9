package decisions

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/register"
)

// referrals is a chain of bodies that refer business to one another: omg
// refers to jmb, which refers the budget on to jc (see its govctl.yaml).
const referrals = "../../../testdata/referrals"

func TestNewCmdDecisionsFlags(t *testing.T) {
	for _, tc := range []struct {
		args              []string
		want              Options
		from, until       string
		flagErr, otherErr string
	}{
		{args: nil, want: Options{Dir: "networks", Format: "table"}},
		{args: []string{"omg", "jmb", "--outcome", "referred", "--format", "json"}, want: Options{Dir: "networks", Networks: []string{"omg", "jmb"}, Outcome: "referred", Format: "json"}},
		{args: []string{"--from", "2026-04-01", "--until", "2027-03-31", "--format", "markdown"}, want: Options{Dir: "networks", Format: "markdown"}, from: "2026-04-01", until: "2027-03-31"},
		{args: []string{"--outcome", "carried"}, flagErr: `--outcome "carried": want agreed, not-agreed, deferred or referred`},
		{args: []string{"--format", "csv"}, flagErr: `--format "csv": want table, markdown or json`},
		{args: []string{"--from", "2026-02-30"}, flagErr: "--from"},
		{args: []string{"--from", "2026-05-01", "--until", "2026-04-30"}, flagErr: "--until 2026-04-30 is before --from 2026-05-01"},
		{args: []string{"--nope"}, otherErr: "unknown flag"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdDecisions, tc.args...)
			if cmdtest.WantErr(t, err, tc.flagErr, tc.otherErr) {
				return
			}
			if strings.Join(got.Networks, ",") != strings.Join(tc.want.Networks, ",") || got.Dir != tc.want.Dir || got.Outcome != tc.want.Outcome || got.Format != tc.want.Format {
				t.Errorf("got %+v; want %+v", *got, tc.want)
			}
			if tc.from != "" && (got.From.String() != tc.from || got.Until.String() != tc.until) {
				t.Errorf("from %s until %s; want %s to %s", got.From, got.Until, tc.from, tc.until)
			}
		})
	}
}

func run(t *testing.T, opts Options) (string, error) {
	t.Helper()
	ios, _, out, _ := iostreams.Test()
	opts.IO, opts.Now = ios, cmdtest.Clock("2026-12-10")
	if opts.Dir == "" {
		opts.Dir = referrals
	}
	err := decisionsRun(&opts)
	return out.String(), err
}

func entries(t *testing.T, opts Options) map[string]register.Entry {
	t.Helper()
	opts.Format = "json"
	out, err := run(t, opts)
	if err != nil {
		t.Fatal(err)
	}
	var list []register.Entry
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	byID := map[string]register.Entry{}
	for _, e := range list {
		byID[e.ID] = e
	}
	return byID
}

// TestDecisionsTravel: each referral's state, its answers, and what an
// answer answers, as the JSON gives them.
func TestDecisionsTravel(t *testing.T) {
	all := entries(t, Options{})
	if len(all) != 7 {
		t.Fatalf("%d decisions, want 7: %+v", len(all), all)
	}
	budget := all["D-2026-11-17-1"]
	if budget.Referral != register.Answered || budget.ReferredTo == nil || budget.ReferredTo.Network != "jmb" || len(budget.Answers) != 1 ||
		budget.Answers[0].ID != "J-2026-12-02-1" || budget.Answers[0].ReferredTo == nil || budget.Answers[0].ReferredTo.Network != "jc" {
		t.Errorf("the budget, referred on by jmb: %+v", budget)
	}
	if budget.Votes != "For: Brent, Lewisham, Southwark. Against: none. Abstained: none." {
		t.Errorf("votes in words: %q", budget.Votes)
	}
	contract := all["D-2026-11-17-3"]
	if contract.Referral != register.Waiting || contract.Text != "taken in private (Schedule 12A, paragraph 3)" || contract.Private != "Schedule 12A, paragraph 3" || contract.Item != "a private item" ||
		len(contract.Answers) != 1 || contract.Answers[0].Outcome != "deferred" {
		t.Errorf("the private contract, deferred: %+v", contract)
	}
	if d := all["D-2026-11-17-4"]; d.Referral != register.Outside || d.ReferredTo != nil {
		t.Errorf("referred outside the repository: %+v", d)
	}
	if d := all["D-2026-11-17-2"]; d.Referral != "" || d.ReferredTo != nil || d.RespondsTo != nil || len(d.Answers) != 0 {
		t.Errorf("an agreed decision: %+v", d)
	}
	answer := all["J-2026-12-02-1"]
	if answer.RespondsTo == nil || answer.RespondsTo.Network != "omg" || answer.RespondsTo.ID != "D-2026-11-17-1" || answer.RespondsTo.Text != "Recommend the 2027/28 budget to the Joint Management Board" ||
		answer.Referral != register.Waiting || answer.ReferredTo.Network != "jc" {
		t.Errorf("jmb's answer, referred on to jc and waiting: %+v", answer)
	}
	if d := all["J-2026-12-02-2"]; d.RespondsTo == nil || d.RespondsTo.Text != "taken in private (Schedule 12A, paragraph 3)" {
		t.Errorf("the answer to a private referral shows its text: %+v", d)
	}
}

// TestDecisionsOneBody: a body named alone still sees the bodies its
// decisions refer to and answer.
func TestDecisionsOneBody(t *testing.T) {
	jmb := entries(t, Options{Networks: []string{"jmb"}})
	if len(jmb) != 2 {
		t.Fatalf("%d decisions of jmb, want 2", len(jmb))
	}
	if a := jmb["J-2026-12-02-1"]; a.RespondsTo == nil || a.RespondsTo.Name != "Operational Management Group" || a.Referral != register.Waiting {
		t.Errorf("jmb alone: %+v", a)
	}
	omg := entries(t, Options{Networks: []string{"omg"}})
	if b := omg["D-2026-11-17-1"]; b.Referral != register.Answered || len(b.Answers) != 1 || b.Answers[0].ReferredTo == nil || b.Answers[0].ReferredTo.Name != "Joint Committee" {
		t.Errorf("omg alone: its answer's own referral needs jc too: %+v", b)
	}
}

func TestDecisionsFilters(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts Options
		want string
	}{
		{"referred", Options{Outcome: "referred"}, "J-2026-12-02-1 D-2026-11-17-1 D-2026-11-17-3 D-2026-11-17-4"},
		{"deferred", Options{Outcome: "deferred"}, "J-2026-12-02-2"},
		{"from", Options{From: cmdtest.Date(t, "2026-11-18")}, "J-2026-12-02-1 J-2026-12-02-2"},
		{"until", Options{Until: cmdtest.Date(t, "2026-11-17")}, "C-2026-10-14-1 D-2026-11-17-1 D-2026-11-17-2 D-2026-11-17-3 D-2026-11-17-4"},
		{"a day", Options{From: cmdtest.Date(t, "2026-10-14"), Until: cmdtest.Date(t, "2026-10-14")}, "C-2026-10-14-1"},
		{"none", Options{Outcome: "not-agreed"}, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.opts.Format = "json"
			out, err := run(t, tc.opts)
			if err != nil {
				t.Fatal(err)
			}
			var list []register.Entry
			if err := json.Unmarshal([]byte(out), &list); err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, e := range list {
				ids = append(ids, e.ID)
			}
			if got := strings.Join(ids, " "); got != tc.want {
				t.Errorf("got %q; want %q", got, tc.want)
			}
		})
	}
}

func TestDecisionsTableAndMarkdown(t *testing.T) {
	out, err := run(t, Options{Format: "table", Networks: []string{"omg"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"NETWORK\tID\tDATE\tITEM\tDECISION\tOUTCOME\tVOTES\tREFERRAL\n",
		"omg\tD-2026-11-17-1\t2026-11-17\tBudget 2027/28\tRecommend the 2027/28 budget to the Joint Management Board\treferred\tFor: Brent, Lewisham, Southwark. Against: none. Abstained: none.\treferred to Joint Management Board (jmb): referred on to Joint Committee (jc) on 2026-12-02 by J-2026-12-02-1\n",
		"omg\tD-2026-11-17-3\t2026-11-17\ta private item\ttaken in private (Schedule 12A, paragraph 3)\treferred\t\treferred to Joint Management Board (jmb): deferred on 2026-12-02 by J-2026-12-02-2, not yet settled\n",
		"\treferred outside the repository\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
	out, err = run(t, Options{Format: "markdown"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"# Decision register\n",
		"\n## Joint Management Board (jmb)\n\n| Date | Decision | Item | What was decided | Outcome | Votes | Referral |\n",
		"| 2026-12-02 | J-2026-12-02-2 | Referrals from other bodies | Defer until the legal advice is received | deferred | not recorded | answers omg/D-2026-11-17-3 (Operational Management Group, 2026-11-17) |\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	if out, err := run(t, Options{Format: "markdown", Outcome: "not-agreed"}); err != nil || out != "# Decision register\n\nNo decisions match.\n" {
		t.Errorf("no match: %q, %v", out, err)
	}
}

// TestDecisionsAnswerWithoutText: an answer with no text of its own says
// what was referred.
func TestDecisionsAnswerWithoutText(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: Alpha}\n",
		"omg/network.yaml":   "id: omg\nname: Group\nmeetings:\n  ordinary: {}\n",
		"jmb/network.yaml":   "id: jmb\nname: Board\nmeetings:\n  ordinary: {}\n",
		"omg/meetings/2026-11-17.yaml": "date: 2026-11-17\nkind: ordinary\nstatus: held\n" +
			"decisions:\n  - {id: D-1, text: Recommend the budget, outcome: referred, refer_to: jmb}\n",
		"jmb/meetings/2026-12-02.yaml": "date: 2026-12-02\nkind: ordinary\nstatus: held\n" +
			"decisions:\n  - {id: J-1, responds_to: omg/D-1, outcome: agreed}\n",
	})
	out, err := run(t, Options{Dir: dir, Format: "table", Networks: []string{"jmb"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := "jmb\tJ-1\t2026-12-02\t\tAs referred: Recommend the budget\tagreed\t\tanswers omg/D-1 (Group, 2026-11-17)\n"; !strings.Contains(out, want) {
		t.Errorf("table lacks %q:\n%s", want, out)
	}
}

// TestDecisionsLeftOut: a body whose referral names no body is left out,
// the others listed, and the command ends with its error.
func TestDecisionsLeftOut(t *testing.T) {
	dir := cmdtest.WriteTree(t, map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: Alpha}\n",
		"omg/network.yaml":   "id: omg\nname: Group\nmeetings:\n  ordinary: {}\n",
		"jmb/network.yaml":   "id: jmb\nname: Board\nmeetings:\n  ordinary: {}\n",
		"omg/meetings/2026-11-17.yaml": "date: 2026-11-17\nkind: ordinary\nstatus: held\n" +
			"decisions:\n  - {id: D-1, text: Recommend the budget, outcome: referred, refer_to: jnb}\n",
		"jmb/meetings/2026-12-02.yaml": "date: 2026-12-02\nkind: ordinary\nstatus: held\n" +
			"decisions:\n  - {id: J-1, text: Approve the plan, outcome: agreed}\n",
	})
	out, err := run(t, Options{Dir: dir, Format: "table"})
	var fe *check.FindingsError
	if !errors.As(err, &fe) || strings.Join(fe.LeftOut, ",") != "omg" {
		t.Fatalf("err = %v; want omg left out", err)
	}
	if !strings.Contains(out, "jmb\tJ-1\t") || strings.Contains(out, "D-1") {
		t.Errorf("output:\n%s", out)
	}
}
