// Package sarif writes findings as SARIF 2.1.0, with every rule's id, title
// and doc, for code-scanning tools.
package sarif

import (
	"encoding/json"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/rules"
)

type (
	log struct {
		Schema  string `json:"$schema"`
		Version string `json:"version"`
		Runs    []run  `json:"runs"`
	}
	run struct {
		Tool    tool     `json:"tool"`
		Results []result `json:"results"`
	}
	tool struct {
		Driver driver `json:"driver"`
	}
	driver struct {
		Name           string `json:"name"`
		Version        string `json:"version,omitempty"`
		InformationURI string `json:"informationUri"`
		Rules          []rule `json:"rules"`
	}
	rule struct {
		ID                   string  `json:"id"`
		Name                 string  `json:"name"`
		ShortDescription     message `json:"shortDescription"`
		FullDescription      message `json:"fullDescription"`
		Help                 message `json:"help"`
		DefaultConfiguration config  `json:"defaultConfiguration"`
	}
	config struct {
		Level string `json:"level"`
	}
	message struct {
		Text string `json:"text"`
	}
	result struct {
		RuleID    string     `json:"ruleId"`
		RuleIndex int        `json:"ruleIndex"`
		Level     string     `json:"level"`
		Message   message    `json:"message"`
		Locations []location `json:"locations"`
	}
	location struct {
		PhysicalLocation physical `json:"physicalLocation"`
	}
	physical struct {
		ArtifactLocation artifact `json:"artifactLocation"`
		Region           region   `json:"region"`
	}
	artifact struct {
		URI string `json:"uri"`
	}
	region struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
	}
)

// Write prints ds as one SARIF log. version is govctl's version.
func Write(w io.Writer, version string, ds []diag.Diagnostic) error {
	d := driver{Name: "govctl", Version: version, InformationURI: "https://github.com/govctl/govctl"}
	index := map[string]int{}
	for _, r := range rules.All() {
		ex, err := r.Examples()
		if err != nil {
			return err
		}
		doc := strings.Join(r.Paragraphs(), "\n\n")
		index[string(r.ID)] = len(d.Rules)
		d.Rules = append(d.Rules, rule{
			ID: string(r.ID), Name: string(r.ID),
			ShortDescription:     message{r.Title},
			FullDescription:      message{doc},
			Help:                 message{doc + "\n\nFails:\n" + rules.ExampleText(ex.Fails) + "\nPasses:\n" + rules.ExampleText(ex.Passes)},
			DefaultConfiguration: config{level(r.Severity)},
		})
	}
	results := []result{}
	for _, x := range ds {
		text := x.Message
		if x.More > 0 {
			text += "\n" + x.MoreLine()
		}
		results = append(results, result{
			RuleID: x.Rule, RuleIndex: index[x.Rule], Level: level(x.Severity), Message: message{text},
			Locations: []location{{physical{artifact{URI(x.Pos.File)}, region{int(max(x.Pos.Line, 1)), int(max(x.Pos.Col, 1))}}}},
		})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(log{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []run{{Tool: tool{Driver: d}, Results: results}},
	})
}

// URI is a finding's file as SARIF's artifactLocation.uri, a URI reference
// (RFC 3986): the path with '/' between its parts and every character that
// may not stand in a path percent-encoded (a space as %20, '%' as %25, '#'
// as %23, '?' as %3F, letters outside ASCII as their UTF-8 bytes, control
// characters), and "./" before a first part holding ':', which would
// otherwise read as a scheme.
func URI(file string) string {
	u := url.URL{Path: filepath.ToSlash(file)}
	return u.String()
}

func level(s diag.Severity) string {
	if s == diag.Warning {
		return "warning"
	}
	return "error"
}
