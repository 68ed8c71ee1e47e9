package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"
)

// The GitHub Action (action.yml at the root) as GitHub reads it: its
// metadata against a schema of GitHub's metadata syntax, its scripts taking
// every value through env:, and its steps run here in bash, in order, as a
// runner runs them, on a git repository of networks/.

const actionFile = "../../action.yml"

type action struct {
	Name        string            `yaml:"name"`
	Description string            `yaml:"description"`
	Branding    map[string]string `yaml:"branding"`
	Inputs      map[string]struct {
		Description string `yaml:"description"`
		Required    bool   `yaml:"required"`
		Default     string `yaml:"default"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Value string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string       `yaml:"using"`
		Steps []actionStep `yaml:"steps"`
	} `yaml:"runs"`
}

type actionStep struct {
	Name  string            `yaml:"name"`
	ID    string            `yaml:"id"`
	If    string            `yaml:"if"`
	Shell string            `yaml:"shell"`
	Run   string            `yaml:"run"`
	Uses  string            `yaml:"uses"`
	With  map[string]string `yaml:"with"`
	Env   map[string]string `yaml:"env"`
}

func readAction(t *testing.T) action {
	t.Helper()
	data, err := os.ReadFile(actionFile)
	if err != nil {
		t.Fatal(err)
	}
	var a action
	if err := yaml.Unmarshal(data, &a); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	return a
}

// TestActionSchema: action.yml holds only the keys GitHub reads for a
// composite action, each of the right kind (a run: step has a shell:, an
// input a description, ...), and the schema refuses what GitHub would.
func TestActionSchema(t *testing.T) {
	f, err := os.Open("../../testdata/action/action.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	const id = "https://github.com/govctl/govctl/testdata/action/action.schema.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	schema, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	asJSON := func(yamlText []byte) any {
		var v any
		if err := yaml.Unmarshal(yamlText, &v); err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return inst
	}
	data, err := os.ReadFile(actionFile)
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(asJSON(data)); err != nil {
		t.Errorf("action.yml against GitHub's metadata syntax: %v", err)
	}
	for name, bad := range map[string]string{
		"a run step without a shell": "      - run: echo\n",
		"a step both runs and uses":  "      - run: echo\n        shell: bash\n        uses: actions/checkout@v4\n",
		"a misspelt key":             "      - run: echo\n        shell: bash\n        enviroment: {A: b}\n",
		"a uses without a ref":       "      - uses: actions/checkout\n",
	} {
		text := "name: x\ndescription: y\nruns:\n  using: composite\n  steps:\n" + bad
		if err := schema.Validate(asJSON([]byte(text))); err == nil {
			t.Errorf("%s: the schema accepts it", name)
		}
	}
}

// TestActionStructure: a composite action of bash steps, whose scripts
// interpolate nothing, whose expressions name inputs and steps that exist,
// and whose inputs are those the README documents.
func TestActionStructure(t *testing.T) {
	a := readAction(t)
	if a.Runs.Using != "composite" {
		t.Fatalf("runs.using = %q; want composite", a.Runs.Using)
	}
	if a.Name == "" || a.Description == "" || a.Branding["icon"] == "" || a.Branding["color"] == "" {
		t.Errorf("name %q, description %q, branding %v: the Marketplace shows them", a.Name, a.Description, a.Branding)
	}
	want := []string{"changed", "checks", "path", "sarif", "summary", "version"}
	if got := slices.Sorted(maps.Keys(a.Inputs)); !slices.Equal(got, want) {
		t.Errorf("inputs %v; want %v", got, want)
	}
	if got := readmeActionInputs(t); !slices.Equal(got, want) {
		t.Errorf("the README documents the inputs %v; the action has %v", got, want)
	}
	if a.Inputs["path"].Default != "networks" || a.Inputs["checks"].Default != "validate fmt generate" || a.Inputs["version"].Default != "" {
		t.Errorf("defaults: path %q, checks %q, version %q", a.Inputs["path"].Default, a.Inputs["checks"].Default, a.Inputs["version"].Default)
	}

	expr := regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`)
	ref := regexp.MustCompile(`\b(inputs|steps)\.([A-Za-z0-9_-]+)`)
	seen := map[string]bool{}
	check := func(where, text string) {
		for _, m := range expr.FindAllStringSubmatch(text, -1) {
			for _, r := range ref.FindAllStringSubmatch(m[1], -1) {
				if r[1] == "inputs" && a.Inputs[r[2]].Description == "" {
					t.Errorf("%s: %s names no input", where, m[0])
				}
				if r[1] == "steps" && !seen[r[2]] {
					t.Errorf("%s: %s names no earlier step", where, m[0])
				}
			}
		}
	}
	for i, s := range a.Runs.Steps {
		where := fmt.Sprintf("step %d (%s)", i+1, s.Name)
		if s.Run != "" {
			if s.Shell != "bash" {
				t.Errorf("%s: shell %q; want bash, on every runner", where, s.Shell)
			}
			if strings.Contains(s.Run, "${{") {
				t.Errorf("%s: run: holds an expression; pass it through env:", where)
			}
		}
		check(where+" if", "${{ "+s.If+" }}")
		for k, v := range s.Env {
			check(where+" env "+k, v)
		}
		for k, v := range s.With {
			check(where+" with "+k, v)
		}
		if s.ID != "" {
			seen[s.ID] = true
		}
	}
	for name, o := range a.Outputs {
		check("output "+name, o.Value)
	}
	for _, problem := range runExpressions(mustRead(t, actionFile)) {
		t.Error(problem)
	}
}

// readmeActionInputs are the inputs the README's table of the action's
// inputs lists.
func readmeActionInputs(t *testing.T) []string {
	t.Helper()
	text := string(mustRead(t, "../../README.md"))
	_, section, ok := strings.Cut(text, "\n### The GitHub Action\n")
	if !ok {
		t.Fatal("the README has no section ### The GitHub Action")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var out []string
	for _, m := range regexp.MustCompile("(?m)^\\| `([a-z-]+)` \\|").FindAllStringSubmatch(section, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return out
}

// TestWorkflowUsesTheAction: the repository's workflow is the example of
// using the action: a full checkout, then the action from this checkout
// with inputs it has; the README shows the same for another repository,
// with govctl/govctl@v1.
func TestWorkflowUsesTheAction(t *testing.T) {
	a := readAction(t)
	check := func(where string, data []byte, uses string) {
		var wf struct {
			Jobs map[string]struct {
				Steps []struct {
					Uses string         `yaml:"uses"`
					With map[string]any `yaml:"with"`
				} `yaml:"steps"`
			} `yaml:"jobs"`
		}
		if err := yaml.Unmarshal(data, &wf); err != nil {
			t.Fatalf("%s: %v", where, err)
		}
		found := false
		for _, job := range wf.Jobs {
			fullCheckout := false
			for _, s := range job.Steps {
				if strings.HasPrefix(s.Uses, "actions/checkout@") {
					fullCheckout = fmt.Sprint(s.With["fetch-depth"]) == "0"
				}
				if s.Uses != uses {
					continue
				}
				found = true
				if !fullCheckout {
					t.Errorf("%s: no actions/checkout with fetch-depth: 0 before the action (changed and summary read the base)", where)
				}
				for k := range s.With {
					if _, ok := a.Inputs[k]; !ok {
						t.Errorf("%s: with: %s, which the action has no input for", where, k)
					}
				}
			}
		}
		if !found {
			t.Errorf("%s: no step uses: %s", where, uses)
		}
	}
	check("govctl.yml", mustRead(t, "../../.github/workflows/govctl.yml"), "./")

	readme := string(mustRead(t, "../../README.md"))
	const marker = "# .github/workflows/govctl.yml in a governance repository\n"
	_, example, ok := strings.Cut(readme, marker)
	if !ok {
		t.Fatalf("the README has no example workflow (a yaml block starting %q)", marker)
	}
	example, _, _ = strings.Cut(example, "```")
	check("the README's example", []byte(example), "govctl/govctl@v1")
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// runner runs an action's steps as a GitHub runner does: each step's if:
// decides, its env: and with: are the values of their expressions, a run:
// script goes to bash with $GITHUB_OUTPUT, $GITHUB_PATH and
// $GITHUB_STEP_SUMMARY, and its outputs are read back for the next steps.
// A uses: step is not run; what it would be given is recorded.
type runner struct {
	t       *testing.T
	work    string            // the workspace, the folder steps run in
	env     []string          // the runner's environment
	inputs  map[string]string // the action's inputs, defaults filled in
	github  map[string]string // the github context
	fake    map[string]map[string]string
	outputs map[string]map[string]string
	outcome map[string]string
	failed  bool
	ran     []string                     // the steps run (or, for uses:, that would run)
	with    map[string]map[string]string // what each uses: step would be given
	logs    map[string]string            // each step's output
}

func newRunner(t *testing.T, a action, work string, with, github map[string]string) *runner {
	r := &runner{t: t, work: work, inputs: map[string]string{}, github: github,
		fake: map[string]map[string]string{}, outputs: map[string]map[string]string{}, outcome: map[string]string{},
		with: map[string]map[string]string{}, logs: map[string]string{}}
	for name, in := range a.Inputs {
		r.inputs[name] = in.Default
	}
	for k, v := range with {
		if _, ok := a.Inputs[k]; !ok {
			t.Fatalf("no input %s", k)
		}
		r.inputs[k] = v
	}
	tmp := t.TempDir()
	summary := filepath.Join(tmp, "summary.md")
	r.env = append(os.Environ(),
		"RUNNER_TEMP="+tmp, "GITHUB_STEP_SUMMARY="+summary, "GITHUB_PATH="+filepath.Join(tmp, "path"),
		"GITHUB_WORKSPACE="+work, "GITHUB_ACTION_PATH="+filepath.Dir(must(filepath.Abs(actionFile))),
		"GOVCTL_TODAY=2026-11-23", "NO_COLOR=1")
	return r
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// value is the value of a step's env: or with: entry: its text with each
// expression, naming an input, the github context or a step's output,
// replaced by its value.
func (r *runner) value(s string) string {
	return regexp.MustCompile(`\$\{\{\s*(.*?)\s*\}\}`).ReplaceAllStringFunc(s, func(e string) string {
		return r.context(strings.TrimSpace(e[3 : len(e)-2]))
	})
}

func (r *runner) context(path string) string {
	parts := strings.Split(path, ".")
	switch {
	case len(parts) == 2 && parts[0] == "inputs":
		return r.inputs[parts[1]]
	case len(parts) == 2 && parts[0] == "github":
		return r.github[parts[1]]
	case len(parts) == 4 && parts[0] == "steps" && parts[2] == "outputs":
		return r.outputs[parts[1]][parts[3]]
	case len(parts) == 3 && parts[0] == "steps" && parts[2] == "outcome":
		return r.outcome[parts[1]]
	}
	r.t.Fatalf("the test does not know the context %q", path)
	return ""
}

// cond is a step's if: the terms joined by &&, each !cancelled() or a
// comparison with a quoted string; without a status function, a step runs
// only when every earlier one succeeded (success()).
func (r *runner) cond(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return !r.failed
	}
	s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, "${{"), "}}"))
	status := false
	cmp := regexp.MustCompile(`^([A-Za-z0-9_.-]+) (==|!=) '([^']*)'$`)
	for _, term := range strings.Split(s, "&&") {
		term = strings.TrimSpace(term)
		if term == "!cancelled()" {
			status = true
			continue
		}
		m := cmp.FindStringSubmatch(term)
		if m == nil {
			r.t.Fatalf("the test does not know the condition %q", term)
		}
		if (r.context(m[1]) == m[3]) != (m[2] == "==") {
			return false
		}
	}
	return status || !r.failed
}

// run runs every step, in order.
func (r *runner) run(steps []actionStep) {
	for _, s := range steps {
		if !r.cond(s.If) {
			continue
		}
		r.ran = append(r.ran, s.Name)
		if outs, ok := r.fake[s.ID]; ok {
			r.outputs[s.ID], r.outcome[s.ID] = outs, "success"
			continue
		}
		if s.Uses != "" {
			w := map[string]string{}
			for k, v := range s.With {
				w[k] = r.value(v)
			}
			r.with[s.Name] = w
			continue
		}
		dir := r.t.TempDir()
		script, out := filepath.Join(dir, "script.sh"), filepath.Join(dir, "output")
		if err := os.WriteFile(script, []byte(s.Run), 0o644); err != nil {
			r.t.Fatal(err)
		}
		cmd := exec.Command("bash", "--noprofile", "--norc", "-eo", "pipefail", script)
		cmd.Dir = r.work
		cmd.Env = append(slices.Clone(r.env), "GITHUB_OUTPUT="+out)
		for k, v := range s.Env {
			cmd.Env = append(cmd.Env, k+"="+r.value(v))
		}
		log, err := cmd.CombinedOutput()
		r.logs[s.Name] = string(log)
		outcome := "success"
		if err != nil {
			outcome, r.failed = "failure", true
		}
		outs := map[string]string{}
		if data, err := os.ReadFile(out); err == nil {
			for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
				if k, v, ok := strings.Cut(line, "="); ok {
					outs[k] = v
				}
			}
		}
		if s.ID != "" {
			r.outputs[s.ID], r.outcome[s.ID] = outs, outcome
		}
	}
}

// gitRepo makes a git repository of a copy of networks/ in dir, with the
// commit as origin/main, and returns git to run in it.
func gitRepo(t *testing.T, dir string) func(args ...string) {
	t.Helper()
	if err := os.CopyFS(filepath.Join(dir, "networks"), os.DirFS("../../networks")); err != nil {
		t.Fatal(err)
	}
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.org", "-c", "commit.gpgsign=false"}, args...)...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("init", "-q", "-b", "work")
	git("add", ".")
	git("commit", "-qm", "base")
	git("update-ref", "refs/remotes/origin/main", "HEAD")
	return git
}

// recorder is a govctl that writes each command it is given (one argument
// a line, then "---") to log and runs the real one.
func recorder(t *testing.T) (path, log string) {
	t.Helper()
	govctl, err := exec.LookPath("govctl") // the test binary, set up by TestMain
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path, log = filepath.Join(dir, "govctl"), filepath.Join(dir, "log")
	script := fmt.Sprintf("#!/usr/bin/env bash\nprintf '%%s\\n' \"$@\" >> %q\necho --- >> %q\nexec %q \"$@\"\n", log, log, govctl)
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return path, log
}

func commands(t *testing.T, log string) []string {
	t.Helper()
	data, err := os.ReadFile(log)
	if os.IsNotExist(err) {
		return nil
	}
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, c := range strings.Split(strings.TrimSuffix(string(data), "---\n"), "---\n") {
		out = append(out, strings.Join(strings.Fields(c), " "))
	}
	return out
}

func needBash(t *testing.T) {
	t.Helper()
	for _, tool := range []string{"bash", "git"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
}

// TestActionChecks runs the action's checks on networks/ as the workflow
// runs it: on a push every check of the whole repository, on a pull request
// with changed: true those of the bodies it touches and its summary, each
// passing; and a base branch's name reaches govctl as one argument, as
// typed, running nothing.
func TestActionChecks(t *testing.T) {
	needBash(t)
	a := readAction(t)
	cases := []struct {
		name       string
		with       map[string]string
		baseRef    string
		wantFail   bool
		want       []string
		wantSteps  []string
		wantSARIF  bool
		wantInLogs string
	}{{
		name: "push",
		with: map[string]string{"path": "networks", "changed": "true"},
		want: []string{
			"validate --format github -- networks",
			"fmt --check -- networks",
			"generate --check -- networks",
		},
	}, {
		name:    "pull request, changed",
		with:    map[string]string{"path": "networks", "changed": "true"},
		baseRef: "main",
		want: []string{
			"validate --format github --changed origin/main...HEAD -- networks",
			"fmt --check -- networks",
			"generate --check --changed origin/main...HEAD -- networks",
			"diff -- origin/main networks",
		},
	}, {
		name:    "pull request, every body, no summary, validate alone",
		with:    map[string]string{"path": "networks", "checks": "validate", "summary": "false"},
		baseRef: "main",
		want:    []string{"validate --format github -- networks"},
	}, {
		name:      "SARIF",
		with:      map[string]string{"path": "networks", "checks": "fmt", "sarif": "true"},
		want:      []string{"validate --format sarif -- networks", "fmt --check -- networks"},
		wantSARIF: true,
	}, {
		name:       "a base branch's name with shell in it",
		with:       map[string]string{"path": "networks", "checks": "validate", "changed": "true"},
		baseRef:    `main$(touch pwned)";touch pwned;"` + "`touch pwned`",
		wantFail:   true,
		want:       []string{"validate --format github --changed origin/main$(touch pwned)\";touch pwned;\"`touch pwned`...HEAD -- networks", "diff -- origin/main$(touch pwned)\";touch pwned;\"`touch pwned` networks"},
		wantInLogs: "pwned",
	}, {
		name:       "checks misspelt",
		with:       map[string]string{"checks": "validate,lint", "changed": "yes"},
		wantFail:   true,
		wantSteps:  []string{"Read the inputs"},
		wantInLogs: "::error title=govctl action::checks: unknown check; want validate, fmt or generate\n::error title=govctl action::changed: want true or false",
	}}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			work := t.TempDir()
			git := gitRepo(t, work)
			if c.baseRef != "" {
				// The pull request: a member's name, and so the body's
				// generated page.
				path := filepath.Join(work, "networks/sts-omg/members.yaml")
				data := mustRead(t, path)
				if err := os.WriteFile(path, bytes.Replace(data, []byte("name: "), []byte("name: Dr "), 1), 0o644); err != nil {
					t.Fatal(err)
				}
				govctl, err := exec.LookPath("govctl")
				if err != nil {
					t.Fatal(err)
				}
				cmd := exec.Command(govctl, "generate", "networks")
				cmd.Dir, cmd.Env = work, append(os.Environ(), "GOVCTL_TODAY=2026-11-23")
				if out, err := cmd.CombinedOutput(); err != nil {
					t.Fatalf("generate: %v\n%s", err, out)
				}
				git("add", ".")
				git("commit", "-qm", "a member's title")
			}
			govctl, log := recorder(t)
			r := newRunner(t, a, work, c.with, map[string]string{"base_ref": c.baseRef, "action_ref": ""})
			r.fake["install"] = map[string]string{"govctl": govctl}
			r.run(a.Runs.Steps)

			if r.failed != c.wantFail {
				t.Errorf("failed: %v; want %v\n%s", r.failed, c.wantFail, r.logs)
			}
			if got := commands(t, log); !slices.Equal(got, c.want) {
				t.Errorf("govctl ran\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(c.want, "\n  "))
			}
			if c.wantSteps != nil && !slices.Equal(r.ran, c.wantSteps) {
				t.Errorf("steps run: %q; want %q", r.ran, c.wantSteps)
			}
			if c.wantInLogs != "" && !strings.Contains(fmt.Sprint(r.logs), c.wantInLogs) {
				t.Errorf("the logs do not say %q:\n%s", c.wantInLogs, r.logs)
			}
			if _, err := os.Stat(filepath.Join(work, "pwned")); err == nil {
				t.Error("a base branch's name ran a command")
			}
			summary, _ := os.ReadFile(filepath.Join(r.envValue("RUNNER_TEMP"), "summary.md"))
			if wantSummary := slices.Contains(c.want, "diff -- origin/main networks"); wantSummary != strings.Contains(string(summary), "## Governance changes") {
				t.Errorf("the job summary, wanted: %v; holds:\n%s", wantSummary, summary)
			}
			inputsRead := r.outcome["inputs"] == "success"
			if setup, ok := r.with["Set up Go"]; ok != inputsRead || ok && setup["go-version-file"] != filepath.Join(r.envValue("GITHUB_ACTION_PATH"), "go.mod") {
				t.Errorf("actions/setup-go given %v (run: %v); want the action's go.mod", setup, ok)
			}
			upload, uploaded := r.with["Upload the findings to code scanning"]
			if uploaded != c.wantSARIF {
				t.Errorf("SARIF uploaded: %v; want %v", uploaded, c.wantSARIF)
			}
			if uploaded {
				var log struct {
					Version string `json:"version"`
					Runs    []struct {
						Results []any `json:"results"`
					} `json:"runs"`
				}
				if err := json.Unmarshal(mustRead(t, upload["sarif_file"]), &log); err != nil || log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) == 0 {
					t.Errorf("the SARIF uploaded (%v, %q): version %q, runs %v", err, upload["sarif_file"], log.Version, log.Runs)
				}
				if upload["category"] != "govctl" {
					t.Errorf("upload-sarif given %v", upload)
				}
			}
		})
	}
}

func (r *runner) envValue(k string) string {
	for _, kv := range slices.Backward(r.env) {
		if v, ok := strings.CutPrefix(kv, k+"="); ok {
			return v
		}
	}
	return ""
}

// TestActionInstall runs the action's install step with a go command that
// records what it is asked and writes a govctl that says so: by default it
// builds the action's own source, stamped with git describe in a checkout or
// else the ref the workflow names; a version is installed with go install;
// either way govctl goes on the job's PATH and into the step's output.
func TestActionInstall(t *testing.T) {
	needBash(t)
	a := readAction(t)
	var install actionStep
	for _, s := range a.Runs.Steps {
		if s.ID == "install" {
			install = s
		}
	}
	if install.Run == "" {
		t.Fatal("no step install")
	}
	fakeGo := `#!/usr/bin/env bash
{ echo "dir=$PWD"; echo "GOBIN=${GOBIN:-}"; echo "CGO_ENABLED=${CGO_ENABLED:-}"; printf '%s\n' "$@"; echo ---; } >> "$GO_LOG"
case "$1" in
env) echo "" ;;
build) out=; while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done; printf '#!/bin/sh\necho govctl built\n' > "$out"; chmod +x "$out" ;;
install) printf '#!/bin/sh\necho govctl installed\n' > "$GOBIN/govctl"; chmod +x "$GOBIN/govctl" ;;
esac
`
	checkout := t.TempDir() // the action's files, as uses: ./ has them: a git checkout with a tag
	tagged := func(t *testing.T) string {
		git := gitRepo(t, checkout)
		git("tag", "v1.2.3")
		return checkout
	}
	for _, c := range []struct {
		name, version, actionRef string
		actionPath               func(t *testing.T) string
		want                     string
		says                     string
	}{
		{"uses: ./", "", "", tagged, "build -trimpath -ldflags -X main.version=v1.2.3 -o BIN/govctl ./cmd/govctl", "govctl built"},
		{"govctl/govctl@v1", "", "v1", func(t *testing.T) string { return t.TempDir() }, "build -trimpath -ldflags -X main.version=v1 -o BIN/govctl ./cmd/govctl", "govctl built"},
		{"a ref with shell in it", "", `v1"; touch pwned; "`, func(t *testing.T) string { return t.TempDir() }, "build -trimpath -ldflags -X main.version=dev -o BIN/govctl ./cmd/govctl", "govctl built"},
		{"version: v1.2.4", "v1.2.4", "v1", func(t *testing.T) string { return t.TempDir() }, "install github.com/govctl/govctl/cmd/govctl@v1.2.4", "govctl installed"},
	} {
		t.Run(c.name, func(t *testing.T) {
			bin := t.TempDir()
			if err := os.WriteFile(filepath.Join(bin, "go"), []byte(fakeGo), 0o755); err != nil {
				t.Fatal(err)
			}
			goLog := filepath.Join(t.TempDir(), "go.log")
			work := t.TempDir()
			actionPath := c.actionPath(t)
			r := newRunner(t, a, work, map[string]string{"version": c.version}, map[string]string{"action_ref": c.actionRef})
			r.env = append(r.env, "PATH="+bin+string(os.PathListSeparator)+os.Getenv("PATH"), "GO_LOG="+goLog, "GITHUB_ACTION_PATH="+actionPath)
			r.run([]actionStep{install})
			if r.failed {
				t.Fatalf("the step failed:\n%s", r.logs)
			}
			govctlBin := filepath.Join(r.envValue("RUNNER_TEMP"), "govctl", "bin")
			var calls []string
			for _, call := range strings.Split(strings.TrimSuffix(string(mustRead(t, goLog)), "---\n"), "---\n") {
				lines := strings.Split(strings.TrimSpace(call), "\n")
				if lines[3] == "env" {
					continue
				}
				dir, gobin, cgo := strings.TrimPrefix(lines[0], "dir="), strings.TrimPrefix(lines[1], "GOBIN="), strings.TrimPrefix(lines[2], "CGO_ENABLED=")
				got := strings.ReplaceAll(strings.Join(lines[3:], " "), govctlBin, "BIN")
				calls = append(calls, got)
				if lines[3] == "build" && (dir != actionPath || cgo != "0") {
					t.Errorf("go build in %s with CGO_ENABLED=%q; want in the action's folder %s, with 0", dir, cgo, actionPath)
				}
				if lines[3] == "install" && gobin != govctlBin {
					t.Errorf("go install with GOBIN=%q; want %s", gobin, govctlBin)
				}
			}
			if len(calls) != 1 || calls[0] != c.want {
				t.Errorf("go ran %q; want %q", calls, c.want)
			}
			if got := r.outputs["install"]["govctl"]; got != filepath.Join(govctlBin, "govctl") {
				t.Errorf("output govctl = %q", got)
			}
			if got := strings.TrimSpace(string(mustRead(t, r.envValue("GITHUB_PATH")))); got != govctlBin {
				t.Errorf("GITHUB_PATH holds %q; want %s", got, govctlBin)
			}
			if !strings.Contains(r.logs[install.Name], c.says) {
				t.Errorf("the step did not run govctl --version:\n%s", r.logs[install.Name])
			}
			if _, err := os.Stat(filepath.Join(actionPath, "pwned")); err == nil {
				t.Error("the ref ran a command")
			}
		})
	}
}
