package rules

import "github.com/govctl/govctl/pkg/diag"

// UnknownField is a key the format does not define.
const UnknownField ID = "unknown-field"

// unknownField is reported by the loader (package load), as it reads each file.
var unknownField = &Rule{
	ID:       UnknownField,
	Title:    "a key the format does not define",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Every key must be one the format reference defines, so that a misspelt key is
never silently ignored. The message names the key that was probably meant.
`,
}
