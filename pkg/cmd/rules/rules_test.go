package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/rules"
)

func TestNewCmdRulesArgs(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		explain string
		err     string
	}{
		{args: nil},
		{args: []string{"explain", "quorum-unreachable"}, explain: "quorum-unreachable"},
		{args: []string{"explain"}, err: "accepts 1 arg"},
		{args: []string{"explain", "a", "b"}, err: "accepts 1 arg"},
		{args: []string{"quorum"}, err: "unknown command"},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			got, err := cmdtest.Parse(NewCmdRules, tc.args...)
			if cmdtest.WantErr(t, err, "", tc.err) {
				return
			}
			if got.Explain != tc.explain {
				t.Errorf("explain %q; want %q", got.Explain, tc.explain)
			}
		})
	}
}

func TestRulesRunList(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	if err := rulesRun(&Options{IO: ios}); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	all := rules.All()
	if len(lines) != len(all) {
		t.Fatalf("%d lines; want one for each of %d rules", len(lines), len(all))
	}
	for i, r := range all {
		f := strings.Fields(lines[i])
		if len(f) < 3 || f[0] != string(r.ID) || f[1] != string(r.Severity) || !strings.HasSuffix(lines[i], "  "+r.Title) {
			t.Errorf("line %q; want %s %s %s", lines[i], r.ID, r.Severity, r.Title)
		}
	}
}

func TestRulesRunExplain(t *testing.T) {
	r := rules.All()[0]
	ios, _, out, _ := iostreams.Test()
	if err := rulesRun(&Options{IO: ios, Explain: string(r.ID)}); err != nil {
		t.Fatal(err)
	}
	got := out.String()
	head := string(r.ID) + " (" + string(r.Severity) + "): " + r.Title + "\n\n"
	if !strings.HasPrefix(got, head) {
		t.Errorf("does not start %q:\n%s", head, got)
	}
	fails, passes := strings.Index(got, "\nFails:\n\n    "), strings.Index(got, "\nPasses:\n\n    ")
	if fails < 0 || passes < fails {
		t.Fatalf("no indented Fails then Passes:\n%s", got)
	}
	for _, line := range strings.Split(strings.TrimRight(got[len(head):fails], "\n"), "\n") {
		if len(line) > 78 && strings.Contains(line, " ") {
			t.Errorf("doc line longer than 78: %q", line)
		}
	}
	doc := strings.Join(strings.Fields(r.Doc), " ")
	if r.Refuses {
		doc += " While a body's files hold an error of this rule, the commands that write its records and papers (schedule, agenda new, minutes new, minutes render) refuse to go on."
	}
	if strings.Join(strings.Fields(got[len(head):fails]), " ") != doc {
		t.Errorf("doc not printed whole:\n%s", got[len(head):fails])
	}
	ex, err := r.Examples()
	if err != nil {
		t.Fatal(err)
	}
	if first := "# " + ex.Fails[0].File; !strings.Contains(got[fails:passes], "    "+first+"\n") {
		t.Errorf("failing example lacks %q", first)
	}
	if first := "# " + ex.Passes[0].File; !strings.Contains(got[passes:], "    "+first+"\n") {
		t.Errorf("passing example lacks %q", first)
	}
}

func TestRulesRunExplainUnknown(t *testing.T) {
	id := string(rules.All()[0].ID)
	ios, _, out, _ := iostreams.Test()
	err := rulesRun(&Options{IO: ios, Explain: id + "x"})
	var ue *cmdutil.UserError
	if !errors.As(err, &ue) || ue.Code != cmdutil.ExitUsage || !strings.Contains(ue.Error(), `no rule "`+id+`x"`) || !strings.Contains(ue.Hint, `did you mean "`+id+`"?`) {
		t.Errorf("err = %v (%+v); want a usage error suggesting %s", err, ue, id)
	}
	if out.Len() != 0 {
		t.Errorf("printed %q", out)
	}
}

// TestRulesRunExplainLists: a list in a rule's doc prints one item a line,
// each item's further lines indented under its text, every line within 78
// columns.
func TestRulesRunExplainLists(t *testing.T) {
	ios, _, out, _ := iostreams.Test()
	if err := rulesRun(&Options{IO: ios, Explain: string(rules.PrivateLeak)}); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	for _, want := range []string{
		"fixed:\n\n- a private item with minutes in the public record;\n- a private item whose paper",
		"\n- a private decision or action with text in the public record;\n- a decision taken",
		"\n  meeting's folder,",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("explain private-leak lacks %q:\n%s", want, text)
		}
	}
	for _, line := range strings.Split(text, "\n") {
		if len(line) > 78 && !strings.HasPrefix(line, "    ") && !strings.HasPrefix(line, "private-leak (error)") {
			t.Errorf("line over 78 columns: %q", line)
		}
	}
}
