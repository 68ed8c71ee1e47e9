// Package exit names govctl's exit statuses and the interface through which
// an error says which status it ends govctl with, and what hint follows its
// message. Errors anywhere in govctl implement it; the command line maps
// errors to statuses through it alone.
package exit

// Exit statuses of the contract.
const (
	OK       = 0
	Findings = 1 // the command ran and found errors (or refused to overwrite)
	Usage    = 2 // the command could not run
)

// Error is an error that knows the exit status it leads to and the hint
// printed after its message ("" for none).
type Error interface {
	error
	ExitCode() int
	ExitHint() string
}

// Detailed is an error with lines to print before its message: the
// findings that stopped a command.
type Detailed interface {
	Details() []string
}

// Hinted is an error with the exit status it leads to and a hint for the
// person who ran govctl.
type Hinted struct {
	Err  error
	Hint string
	Code int
}

func (e *Hinted) Error() string { return e.Err.Error() }
func (e *Hinted) Unwrap() error { return e.Err }

// ExitCode is Code.
func (e *Hinted) ExitCode() int { return e.Code }

// ExitHint is Hint.
func (e *Hinted) ExitHint() string { return e.Hint }
