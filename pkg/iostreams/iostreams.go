// Package iostreams holds the input and output streams of a command and
// what is known about them (whether stdout is a terminal, whether to colour),
// so that commands can be run by tests without a terminal.
package iostreams

import (
	"bytes"
	"io"
)

// IOStreams are a command's standard streams.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer

	// InTTY is true when In is a terminal: commands may prompt.
	InTTY bool
	// OutTTY is true when Out is a terminal: output may then be aligned and
	// coloured. Piped output is plain and stable.
	OutTTY bool
	// Color is true when colour is wanted on Out (a terminal, NO_COLOR unset).
	Color bool
}

// Test returns streams backed by buffers: in, out and errOut.
func Test() (*IOStreams, *bytes.Buffer, *bytes.Buffer, *bytes.Buffer) {
	in, out, errOut := &bytes.Buffer{}, &bytes.Buffer{}, &bytes.Buffer{}
	return &IOStreams{In: in, Out: out, ErrOut: errOut}, in, out, errOut
}

// Colorize wraps s in the ANSI colour code when colour is on.
func (s *IOStreams) Colorize(code, text string) string {
	if !s.Color {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

// Colour codes for Colorize.
const (
	Red    = "31"
	Yellow = "33"
	Green  = "32"
	Bold   = "1"
	Dim    = "2"
)
