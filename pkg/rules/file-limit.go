package rules

import "github.com/govctl/govctl/pkg/diag"

// FileLimit is a file past a size, depth or alias limit, which is not read.
const FileLimit ID = "file-limit"

// fileLimit is reported by the loader (package load), as it reads each file.
var fileLimit = &Rule{
	ID:       FileLimit,
	Title:    "a file past a size, depth or alias limit",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
A file larger than 1 MiB, nested more than 64 levels deep, or reaching more
than 1,000 nodes through YAML aliases (an alias bomb) is not read. A
repository of more than 250,000 files is not read at all.
`,
}
