package rules

import "github.com/govctl/govctl/pkg/diag"

// UnknownFile is a YAML file, or a folder of them, that govctl does not read.
const UnknownFile ID = "unknown-file"

// unknownFile is reported by the loader (package load), as it reads each file.
var unknownFile = &Rule{
	ID:       UnknownFile,
	Title:    "a file govctl does not expect",
	Severity: diag.Warning,
	Refuses:  true,
	Doc: `
A YAML file govctl has no use for, such as a meeting file whose name is not a
date, or a folder of YAML files it does not read (a misspelt meetings folder).
They are not read, so what they say is not checked. Folders without YAML files
(papers) are left alone.
`,
}
