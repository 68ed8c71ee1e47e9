package rules

import "github.com/govctl/govctl/pkg/diag"

// IDMismatch is a network id or meeting date that differs from its path.
const IDMismatch ID = "id-mismatch"

// idMismatch is reported by the loader (package load), as it reads each file.
var idMismatch = &Rule{
	ID:       IDMismatch,
	Title:    "a network id differs from its folder, or a meeting date from its file name",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A network's id is its folder name, and a meeting's date is its file name, so
that paths and ids can never disagree.
`,
}
