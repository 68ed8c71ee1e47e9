package rules

import "github.com/govctl/govctl/pkg/diag"

// MissingFile is a network.yaml or organisations.yaml that is not there.
const MissingFile ID = "missing-file"

// missingFile is reported by the loader (package load), as it reads each file.
var missingFile = &Rule{
	ID:       MissingFile,
	Title:    "a network folder with no network.yaml, or a repository with no organisations.yaml",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
Every folder of the repository is a network and holds its terms of reference
in network.yaml; every repository lists its organisations in
organisations.yaml.
`,
}
