package rules

import "github.com/govctl/govctl/pkg/diag"

// UnreadableFile is a file or folder that exists but cannot be read.
const UnreadableFile ID = "unreadable-file"

// unreadableFile is reported by the loader (package load), as it reads each file.
var unreadableFile = &Rule{
	ID:       UnreadableFile,
	Title:    "a file that cannot be read",
	Severity: diag.Error,
	Refuses:  true,
	Doc: `
The file exists but could not be read (permissions, an I/O error, or a folder
where the file should be). A folder that cannot be listed is reported the same
way.
`,
}
