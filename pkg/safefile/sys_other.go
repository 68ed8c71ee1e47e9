//go:build !unix

package safefile

import "os"

func openNoBlock(path string) (*os.File, error) { return os.Open(path) }

// lockDir does nothing where there are no advisory locks on folders; Replace
// still checks the file before it renames.
func lockDir(string) (func(), error) { return func() {}, nil }
