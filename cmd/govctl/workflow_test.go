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

// TestWorkflowCommandsPass runs every govctl command of the repository's
// GitHub workflow (as the workflow runs it) on the committed networks/, and
// the pre-commit hooks' entries: each must exit 0.
func TestWorkflowCommandsPass(t *testing.T) {
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Name string `yaml:"name"`
				Run  string `yaml:"run"`
				If   string `yaml:"if"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	data, err := os.ReadFile("../../.github/workflows/govctl.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	var commands [][]string
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			if !strings.HasPrefix(s.Run, "./bin/govctl ") || s.If != "" && s.If != onPush {
				continue // builds, and the steps that need a pull request's base
			}
			commands = append(commands, strings.Fields(strings.TrimPrefix(s.Run, "./bin/govctl ")))
		}
	}
	var hooks []struct {
		Entry string `yaml:"entry"`
	}
	data, err = os.ReadFile("../../.pre-commit-hooks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &hooks); err != nil {
		t.Fatal(err)
	}
	for _, h := range hooks {
		args := strings.Fields(strings.TrimPrefix(h.Entry, "govctl "))
		if args[0] == "fmt" || args[0] == "generate" {
			args = append(args, "--check") // the hooks rewrite; here only check
		}
		commands = append(commands, args)
	}
	if len(commands) < 5 {
		t.Fatalf("found only %d govctl commands in the workflow and hooks", len(commands))
	}
	for _, args := range commands {
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

// onPush is the condition of a step that runs on a push, not on a pull
// request.
const onPush = "github.event_name != 'pull_request'"

// TestWorkflowGenerateChanged: on a pull request the workflow checks the
// generated pages its commits can have changed, from the base branch given
// through env:, and on a push every page.
func TestWorkflowGenerateChanged(t *testing.T) {
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Run string            `yaml:"run"`
				If  string            `yaml:"if"`
				Env map[string]string `yaml:"env"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	data, err := os.ReadFile("../../.github/workflows/govctl.yml")
	if err != nil {
		t.Fatal(err)
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		t.Fatal(err)
	}
	var onPR, all bool
	for _, job := range wf.Jobs {
		for _, s := range job.Steps {
			switch {
			case s.Run == "./bin/govctl generate networks --check" && s.If == onPush:
				all = true
			case strings.HasPrefix(s.Run, "./bin/govctl generate networks --check --changed ") && s.If == "github.event_name == 'pull_request'":
				onPR = s.Run == `./bin/govctl generate networks --check --changed "origin/$BASE_REF...HEAD"` && s.Env["BASE_REF"] == "${{ github.base_ref }}"
				if !onPR {
					t.Errorf("the pull request's check: run %q, env %v", s.Run, s.Env)
				}
			}
		}
	}
	if !onPR || !all {
		t.Errorf("generate --check on pushes: %v; generate --check --changed on pull requests: %v", all, onPR)
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
	// The check sees what it looks for.
	bad := []byte("jobs:\n  j:\n    steps:\n      - run: |\n          echo ok\n          govctl diff \"origin/${{ github.base_ref }}\"\n      - env: {B: \"${{ github.base_ref }}\"}\n        run: echo \"$B\"\n")
	if got := runExpressions(bad); len(got) != 1 || !strings.Contains(got[0], "github.base_ref") {
		t.Errorf("runExpressions(bad) = %q, want the one run: line with an expression", got)
	}
}

// runExpressions lists the run: scripts of a workflow's steps that hold a
// ${{ ... }} expression.
func runExpressions(data []byte) []string {
	var wf struct {
		Jobs map[string]struct {
			Steps []struct {
				Name string `yaml:"name"`
				Run  string `yaml:"run"`
			} `yaml:"steps"`
		} `yaml:"jobs"`
	}
	if err := yaml.Unmarshal(data, &wf); err != nil {
		return []string{err.Error()}
	}
	var out []string
	for job, j := range wf.Jobs {
		for i, s := range j.Steps {
			if strings.Contains(s.Run, "${{") {
				out = append(out, fmt.Sprintf("job %s, step %d (%s): run: holds an expression, pass it through env: %q", job, i+1, s.Name, s.Run))
			}
		}
	}
	return out
}
