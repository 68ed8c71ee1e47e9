// Package cmdutil holds what every command shares: the Factory of
// dependencies (streams, clock, version) and the errors that decide the exit
// status.
package cmdutil

import (
	"errors"
	"fmt"
	"time"

	"github.com/govctl/govctl/pkg/iostreams"
)

// Factory carries the dependencies commands take, so that tests can give a
// fixed clock and buffers for streams.
type Factory struct {
	IOStreams *iostreams.IOStreams
	// Now is the clock. Commands never call time.Now themselves.
	Now     func() time.Time
	Version string
}

// Exit statuses of the contract.
const (
	ExitOK       = 0
	ExitFindings = 1 // the command ran and found errors (or refused to overwrite)
	ExitUsage    = 2 // the command could not run
)

// FlagError is a bad flag or argument: usage is printed, exit 2.
type FlagError struct{ Err error }

func (e *FlagError) Error() string { return e.Err.Error() }
func (e *FlagError) Unwrap() error { return e.Err }

// FlagErrorf makes a FlagError.
func FlagErrorf(format string, args ...any) error {
	return &FlagError{Err: fmt.Errorf(format, args...)}
}

// ErrFindings means the command has printed its findings and must exit 1
// without another message.
var ErrFindings = errors.New("findings")

// UserError is an error with a hint printed on its own line, and the exit
// status it leads to.
type UserError struct {
	Err  error
	Hint string
	Code int
}

func (e *UserError) Error() string { return e.Err.Error() }
func (e *UserError) Unwrap() error { return e.Err }

// Errorf makes a UserError with exit status 2 (the command could not run).
func Errorf(hint string, format string, args ...any) error {
	return &UserError{Err: fmt.Errorf(format, args...), Hint: hint, Code: ExitUsage}
}
