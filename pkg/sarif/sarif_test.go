package sarif_test

import (
	"bytes"
	"encoding/json"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/rules"
	"github.com/govctl/govctl/pkg/sarif"
)

// schemaFile is the OASIS SARIF 2.1.0 schema (errata 01), as published in
// oasis-tcs/sarif-spec, Schemata/sarif-schema-2.1.0.json.
const schemaFile = "testdata/sarif-schema-2.1.0.json"

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(schemaFile)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const id = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	if err := c.AddResource(id, doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile(id)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// everyRule is one finding for each rule, at its own severity, in the
// shapes positions take: a whole file (line 0), and a line and column.
func everyRule() []diag.Diagnostic {
	var ds []diag.Diagnostic
	for i, r := range rules.All() {
		pos := model.Pos{File: "sts-omg/meetings/2026-12-08.yaml", Line: int32(i + 1), Col: 3}
		if i%2 == 0 {
			pos = model.Pos{File: "organisations.yaml"}
		}
		ds = append(ds, diag.Diagnostic{Pos: pos, Severity: r.Severity, Rule: string(r.ID), Message: `"quoted" & <odd> message for ` + string(r.ID)})
	}
	return ds
}

func write(t *testing.T, ds []diag.Diagnostic) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := sarif.Write(&b, "v1.2.3", ds); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteValidatesAgainstSARIFSchema(t *testing.T) {
	s := compileSchema(t)
	var odd []diag.Diagnostic
	for _, f := range oddFiles {
		odd = append(odd, diag.Diagnostic{Pos: model.Pos{File: f, Line: 1, Col: 1}, Severity: diag.Error, Rule: "unsafe-path", Message: "m"})
	}
	for name, ds := range map[string][]diag.Diagnostic{"no findings": nil, "every rule": everyRule(), "odd file names": odd} {
		t.Run(name, func(t *testing.T) {
			out := write(t, ds)
			v, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
			if err != nil {
				t.Fatal(err)
			}
			if err := s.Validate(v); err != nil {
				t.Errorf("not valid SARIF 2.1.0: %v", err)
			}
		})
	}
}

// The schema check can fail: a log that breaks the schema is refused.
func TestSARIFSchemaRefusesInvalidLog(t *testing.T) {
	s := compileSchema(t)
	for name, edit := range map[string]func(string) string{
		"unknown level": func(s string) string { return strings.Replace(s, `"level": "error"`, `"level": "fatal"`, 1) },
		"line 0":        func(s string) string { return strings.Replace(s, `"startLine": 1,`, `"startLine": 0,`, 1) },
		"wrong version": func(s string) string { return strings.Replace(s, `"version": "2.1.0"`, `"version": "2.0.0"`, 1) },
	} {
		t.Run(name, func(t *testing.T) {
			out := string(write(t, everyRule()))
			bad := edit(out)
			if bad == out {
				t.Fatal("the edit changed nothing")
			}
			v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
			if err != nil {
				t.Fatal(err)
			}
			if s.Validate(v) == nil {
				t.Error("an invalid log passed the schema")
			}
		})
	}
}

type log struct {
	Schema  string `json:"$schema"`
	Version string `json:"version"`
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID, Name         string
					ShortDescription struct{ Text string }
					FullDescription  struct{ Text string }
					Help             struct{ Text string }
					Default          struct{ Level string } `json:"defaultConfiguration"`
				}
			}
		}
		Results []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct{ URI string }
					Region           struct{ StartLine, StartColumn int }
				}
			}
		}
	} `json:"runs"`
}

func decode(t *testing.T, out []byte) log {
	t.Helper()
	var l log
	if err := json.Unmarshal(out, &l); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if len(l.Runs) != 1 {
		t.Fatalf("%d runs; want 1", len(l.Runs))
	}
	return l
}

func TestWriteDescribesEveryRule(t *testing.T) {
	l := decode(t, write(t, nil))
	if l.Version != "2.1.0" || l.Schema == "" {
		t.Errorf("version %q, $schema %q", l.Version, l.Schema)
	}
	d := l.Runs[0].Tool.Driver
	if d.Name != "govctl" || d.Version != "v1.2.3" || d.InformationURI == "" {
		t.Errorf("driver %q %q %q", d.Name, d.Version, d.InformationURI)
	}
	all := rules.All()
	if len(d.Rules) != len(all) {
		t.Fatalf("%d rules; want %d", len(d.Rules), len(all))
	}
	for i, r := range all {
		got := d.Rules[i]
		want := "error"
		if r.Severity == diag.Warning {
			want = "warning"
		}
		if got.ID != string(r.ID) || got.ShortDescription.Text != r.Title || got.FullDescription.Text != strings.Join(r.Paragraphs(), "\n\n") || got.Default.Level != want {
			t.Errorf("rule %d = %+v; want %s (%s) %q", i, got, r.ID, want, r.Title)
		}
		ex, err := r.Examples()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(got.Help.Text, "Fails:\n"+rules.ExampleText(ex.Fails)) || !strings.Contains(got.Help.Text, "Passes:\n"+rules.ExampleText(ex.Passes)) {
			t.Errorf("%s: help lacks the examples: %q", r.ID, got.Help.Text)
		}
	}
	if l.Runs[0].Results == nil {
		t.Error("results is null; want an empty array")
	}
}

// oddFiles are file names a repository may hold, each with characters that
// may not stand as they are in a URI.
var oddFiles = []string{
	"networks/HR Network/network.yaml",
	"networks/100%/meetings/2026-12-01.yaml",
	"networks/a#b?c/network.yaml",
	"networks/été-Ünïcödé/network.yaml",
	"networks/\"a\\n::error::b\"/network.yaml",
	"networks/raw\x1b[2J\n/network.yaml",
	"a:b/network.yaml",
	"networks/[x](y) {z} <w> `v` ^|\\/network.yaml",
	"networks/\xff/network.yaml",
}

// TestURI: an artifact's uri is its path percent-encoded as a URI
// reference, which reads back as the path.
func TestURI(t *testing.T) {
	for _, c := range []struct{ file, want string }{
		{"networks/sts-omg/network.yaml", "networks/sts-omg/network.yaml"},
		{"networks/HR Network/network.yaml", "networks/HR%20Network/network.yaml"},
		{"networks/100%/x#1?.yaml", "networks/100%25/x%231%3F.yaml"},
		{"networks/été/network.yaml", "networks/%C3%A9t%C3%A9/network.yaml"},
		{"a:b/network.yaml", "./a:b/network.yaml"},
		{"networks/x\n::error::y/network.yaml", "networks/x%0A::error::y/network.yaml"},
	} {
		if got := sarif.URI(c.file); got != c.want {
			t.Errorf("URI(%q) = %q, want %q", c.file, got, c.want)
		}
	}
	for _, f := range oddFiles {
		got := sarif.URI(f)
		u, err := url.Parse(got)
		if err != nil || u.Scheme != "" || strings.TrimPrefix(u.Path, "./") != f || u.RawQuery != "" || u.Fragment != "" {
			t.Errorf("URI(%q) = %q reads back as %+v, %v", f, got, u, err)
		}
		if strings.ContainsFunc(got, func(r rune) bool { return r <= ' ' || r >= 0x7f || strings.ContainsRune(`"<>\^`+"`"+`{|}`, r) }) {
			t.Errorf("URI(%q) = %q holds a character a URI may not", f, got)
		}
	}
}

func TestWriteResults(t *testing.T) {
	ds := everyRule()
	l := decode(t, write(t, ds))
	res := l.Runs[0].Results
	if len(res) != len(ds) {
		t.Fatalf("%d results; want %d", len(res), len(ds))
	}
	rs := l.Runs[0].Tool.Driver.Rules
	for i, d := range ds {
		r := res[i]
		if r.RuleID != string(d.Rule) || rs[r.RuleIndex].ID != r.RuleID {
			t.Errorf("result %d: rule %q at index %d (%q); want %q", i, r.RuleID, r.RuleIndex, rs[r.RuleIndex].ID, d.Rule)
		}
		if r.Level != string(d.Severity) || r.Message.Text != d.Message {
			t.Errorf("result %d: %s %q; want %s %q", i, r.Level, r.Message.Text, d.Severity, d.Message)
		}
		loc := r.Locations[0].PhysicalLocation
		wantLine, wantCol := int(d.Pos.Line), int(d.Pos.Col)
		if d.Pos.Line == 0 {
			wantLine, wantCol = 1, 1 // SARIF regions start at 1
		}
		if loc.ArtifactLocation.URI != sarif.URI(d.Pos.File) || loc.Region.StartLine != wantLine || loc.Region.StartColumn != wantCol {
			t.Errorf("result %d: at %+v; want %s:%d:%d", i, loc, d.Pos.File, wantLine, wantCol)
		}
	}
}
