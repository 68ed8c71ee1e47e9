package rules

import "github.com/govctl/govctl/pkg/diag"

// YAMLSyntax is a file that does not parse as YAML.
const YAMLSyntax ID = "yaml-syntax"

// yamlSyntax is reported by the loader (package load), as it reads each file.
var yamlSyntax = &Rule{
	ID:       YAMLSyntax,
	Title:    "the file is not valid YAML",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
The file could not be parsed as YAML (or is not UTF-8 text, or holds more
than one YAML document). Nothing else in the file is checked until it parses.
Tabs may not indent YAML.
`,
}
