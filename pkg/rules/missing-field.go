package rules

import "github.com/govctl/govctl/pkg/diag"

// MissingField is a required field that is absent or empty.
const MissingField ID = "missing-field"

// missingField is reported by the loader (package load), as it reads each file.
var missingField = &Rule{
	ID:       MissingField,
	Title:    "a required field is absent",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A field the format requires is absent or empty. The finding points at the
mapping that lacks it.
`,
}
