package load

import (
	"errors"
	"fmt"
	"os"

	"github.com/govctl/govctl/pkg/exit"
)

// NotFoundError is returned when the folder does not exist or is not a folder.
type NotFoundError struct {
	Dir string
	Err error
}

func (e *NotFoundError) Error() string {
	return fmt.Sprintf("cannot read repository %s: %v", e.Dir, e.Err)
}

func (e *NotFoundError) Unwrap() error { return e.Err }

// ExitCode is exit.Usage: the command could not run.
func (e *NotFoundError) ExitCode() int { return exit.Usage }

// ExitHint says what folder to give.
func (e *NotFoundError) ExitHint() string {
	return "give the repository's folder (the one holding organisations.yaml), e.g. govctl validate networks"
}

// NotFound is the error for a repository in dir that cannot be read, and why.
func NotFound(dir, why string) *NotFoundError {
	return &NotFoundError{Dir: dir, Err: errors.New(why)}
}

// CheckDir returns a *NotFoundError unless dir is a folder.
func CheckDir(dir string) error {
	info, err := os.Stat(dir)
	if err != nil {
		return &NotFoundError{Dir: dir, Err: unwrapPathError(err)}
	}
	if !info.IsDir() {
		return NotFound(dir, "not a folder")
	}
	return nil
}
