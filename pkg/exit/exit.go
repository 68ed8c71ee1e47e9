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
