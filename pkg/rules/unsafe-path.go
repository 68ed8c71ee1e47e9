package rules

import "github.com/govctl/govctl/pkg/diag"

// UnsafePath is a symbolic link or id that would lead outside the repository.
const UnsafePath ID = "unsafe-path"

// unsafePath is reported by the loader (package load), as it reads each file.
var unsafePath = &Rule{
	ID:       UnsafePath,
	Title:    "a symbolic link or id leading outside the repository",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
govctl reads and writes only files inside the repository. A symbolic link that
leads outside it (or nowhere) is reported and not followed, and an id that
would lead outside it as a path (absolute, or with a ".." part) is reported
and not used: a network is then known by its folder name.
`,
}
