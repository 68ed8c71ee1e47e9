package rules

import "github.com/govctl/govctl/pkg/diag"

// DuplicateKey is a key written twice in one mapping.
const DuplicateKey ID = "duplicate-key"

// duplicateKey is reported by the loader (package load), as it reads each file.
var duplicateKey = &Rule{
	ID:       DuplicateKey,
	Title:    "a key appears twice in one mapping",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
YAML tools disagree about which of two equal keys wins, so govctl rejects the
second. The message gives the line of the first.
`,
}
