package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/cli"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
)

// TestHooksPass runs the pre-commit hooks' entries on the committed
// networks/ (the workflow's commands are run by TestActionChecks): each must
// exit 0.
func TestHooksPass(t *testing.T) {
	var hooks []struct {
		Entry string `yaml:"entry"`
	}
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	if len(hooks) != 3 {
		t.Fatalf("%d hooks; want validate, fmt and generate", len(hooks))
	}
	for _, h := range hooks {
		args := strings.Fields(strings.TrimPrefix(h.Entry, "govctl "))
		if args[0] == "fmt" || args[0] == "generate" {
			args = append(args, "--check") // the hooks rewrite; here only check
		}
		for i, a := range args {
			if a == "networks" {
				args[i] = "../../networks"
			}
		}
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			ios, _, out, errOut := iostreams.Test()
			f := &cmdutil.Factory{IOStreams: ios, Now: func() time.Time { return time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC) }, Version: "test"}
			if code := cli.Main(f, args); code != 0 {
				t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, errOut)
			}
		})
	}
}

// TestWorkflowRunLinesInterpolateNothing: no run: line of a workflow holds
// a ${{ ... }} expression. GitHub pastes an expression's value into the
// script before the shell reads it, so a branch name, a title or a path a
// pull request controls would run as commands; values reach the shell
// through env: instead.
func TestWorkflowRunLinesInterpolateNothing(t *testing.T) {
	files, err := filepath.Glob("../../.github/workflows/*.y*ml")
	if err != nil || len(files) == 0 {
		t.Fatalf("no workflows: %v", err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, problem := range runExpressions(data) {
			t.Errorf("%s: %s", f, problem)
		}
	}
	// The check sees what it looks for, in a workflow and in an action.
	bad := []byte("jobs:\n  j:\n    steps:\n      - run: |\n          echo ok\n          govctl diff \"origin/${{ github.base_ref }}\"\n      - env: {B: \"${{ github.base_ref }}\"}\n        run: echo \"$B\"\n")
	if got := runExpressions(bad); len(got) != 1 || !strings.Contains(got[0], "github.base_ref") {
		t.Errorf("runExpressions(bad) = %q, want the one run: line with an expression", got)
	}
	badAction := []byte("runs:\n  using: composite\n  steps:\n    - shell: bash\n      run: govctl validate ${{ inputs.path }}\n")
	if got := runExpressions(badAction); len(got) != 1 || !strings.Contains(got[0], "inputs.path") {
		t.Errorf("runExpressions(badAction) = %q, want the one run: line with an expression", got)
	}
}

// runExpressions lists the run: scripts of a workflow's steps, or of a
// composite action's (runs.steps), that hold a ${{ ... }} expression.
func runExpressions(data []byte) []string {
	type steps []struct {
		Name string `yaml:"name"`
		Run  string `yaml:"run"`
	}
	var wf struct {
		Jobs map[string]struct {
			Steps steps `yaml:"steps"`
		} `yaml:"jobs"`
		Runs struct {
			Steps steps `yaml:"steps"`
		} `yaml:"runs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		return []string{err.Error()}
	}
	var out []string
	check := func(where string, ss steps) {
		for i, s := range ss {
			if strings.Contains(s.Run, "${{") {
				out = append(out, fmt.Sprintf("%s, step %d (%s): run: holds an expression, pass it through env: %q", where, i+1, s.Name, s.Run))
			}
		}
	}
	for job, j := range wf.Jobs {
		check("job "+job, j.Steps)
	}
	check("the action", wf.Runs.Steps)
	return out
}
