package cmdutil

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"

	"filippo.io/age"
	"github.com/spf13/pflag"

	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// Edition is the --identity and --out flags of a command that writes a
// paper (agenda new, minutes render): both for the restricted edition, with
// the meeting's private business, written outside the repository; neither
// for the public one.
type Edition struct {
	Identity string
	Out      string
}

// AddFlags adds --identity and --out to fs.
func (e *Edition) AddFlags(fs *pflag.FlagSet) {
	fs.StringVar(&e.Identity, "identity", "", "your age key or SSH private key: write the restricted edition, with the private business (with --out)")
	fs.StringVar(&e.Out, "out", "", "where to write the restricted edition: a file outside the repository (with --identity)")
}

// Check requires both flags or neither.
func (e *Edition) Check() error {
	const hint = "the restricted edition needs both: --identity KEY --out FILE (a file outside the repository); without them, the public edition is written in the repository"
	switch {
	case e.Identity != "" && e.Out == "":
		return &exit.Hinted{Err: errors.New("--identity without --out: the restricted edition is written only to a file you name, outside the repository"), Hint: hint, Code: exit.Usage}
	case e.Out != "" && e.Identity == "":
		return &exit.Hinted{Err: errors.New("--out without --identity: only the restricted edition is written elsewhere, and it needs your key"), Hint: hint, Code: exit.Usage}
	}
	return nil
}

// Restricted reports whether the restricted edition is asked for.
func (e *Edition) Restricted() bool { return e.Identity != "" }

// RestrictedInputs checks that e.Out lies outside the repository, then
// opens, with the key in file e.Identity, the private files
// a paper of meeting m can draw on: m's own and those of the meetings
// before it (whose private decisions and actions come up as matters
// arising and updates); checks each against its record, refusing one that
// does not match; and returns the render inputs of the restricted edition
// with m as it stands in them. An earlier meeting's file the key does not
// open is left out, its business shown as in public, and said in notes.
// Neither the key nor any private text is ever in an error or a note.
func RestrictedInputs(ws *workspace.Workspace, m *model.Meeting, e Edition) (render.Inputs, *model.Meeting, []string, error) {
	if err := ws.CheckOutside(e.Out); err != nil {
		return render.Inputs{}, nil, nil, outsideError(err)
	}
	ids, err := Identities(e.Identity)
	if err != nil {
		return render.Inputs{}, nil, nil, err
	}
	docs := map[string]*private.Doc{}
	var notes []string
	for _, o := range ws.Net.N.MeetingList {
		if o.Date.After(m.Date.Date) || o.PrivateFile == nil && o != m {
			continue
		}
		doc, err := openPrivate(ws, o, ids)
		switch {
		case err == nil:
			docs[o.File] = doc
		case o == m:
			return render.Inputs{}, nil, nil, err
		default:
			notes = append(notes, fmt.Sprintf("the private file of %s is left out (%v): its private business is shown as in public", o.File, err))
		}
	}
	if m.HasPrivate() && m.PrivateFile == nil {
		notes = append(notes, fmt.Sprintf("the meeting of %s has private business but no private file yet: write it with govctl private edit %s %s", m.File, ws.Net.N.Folder, m.File))
	}
	in := ws.Restricted(docs)
	return in, workspace.MeetingIn(in, m.File), notes, nil
}

// openPrivate decrypts and reads meeting m's private file, and checks it
// against m's record. A meeting with no private file has an empty one
// (its private business has no text yet).
func openPrivate(ws *workspace.Workspace, m *model.Meeting, ids []age.Identity) (*private.Doc, error) {
	if m.PrivateFile == nil {
		return &private.Doc{}, nil
	}
	path := ws.PrivatePath(m)
	hint := fmt.Sprintf("open it with govctl private edit %s %s to correct it", ws.Net.N.Folder, m.File)
	data, err := safefile.Read(path, private.MaxSize)
	if err != nil {
		return nil, &exit.Hinted{Err: fmt.Errorf("reading %s: %v", words.Quote(path), err), Hint: hint, Code: exit.Usage}
	}
	clear, err := private.Decrypt(data, ids)
	if err != nil {
		return nil, &exit.Hinted{Err: fmt.Errorf("%s: %v", words.Quote(path), err), Hint: "give --identity a key listed in private_recipients when the file was last written", Code: exit.Usage}
	}
	doc, err := private.Parse(clear)
	if err != nil {
		at := ""
		if l := lineOf(err); l != "" {
			at = " (at " + l + ")"
		}
		return nil, &exit.Hinted{Err: fmt.Errorf("%s is not a private document as govctl writes it%s", words.Quote(path), at), Hint: hint, Code: exit.Usage}
	}
	if errs := private.Check(doc, m); len(errs) > 0 {
		var lines []string
		for _, e := range errs {
			if l := lineOf(e); l != "" {
				lines = append(lines, l)
			}
		}
		at := ""
		if len(lines) > 0 {
			at = " (at " + words.List(lines) + ")"
		}
		return nil, &exit.Hinted{
			Err:  fmt.Errorf("%s does not match the meeting's record%s: an entry names no private item, decision or action of it, or one is given twice; nothing was written", words.Quote(path), at),
			Hint: hint, Code: exit.Usage,
		}
	}
	return doc, nil
}

var reLine = regexp.MustCompile(`\bline (\d+)`)

// lineOf is "line N" of an error about a private document, or ""; the
// error's own words may quote the private text, and are never printed.
func lineOf(err error) string {
	if m := reLine.FindStringSubmatch(err.Error()); m != nil {
		return "line " + m[1]
	}
	return ""
}

// WriteRestricted writes the restricted edition, data, to e.Out (outside
// the repository, readable by its owner alone), and prints its path, the
// notes (which name files, never private text) and a reminder of what it
// is.
func WriteRestricted(ws *workspace.Workspace, ios *iostreams.IOStreams, e Edition, data []byte, notes []string) error {
	if err := ws.WriteOutside(e.Out, data); err != nil {
		return outsideError(err)
	}
	for _, n := range notes {
		fmt.Fprintf(ios.ErrOut, "%s %s\n", ios.Colorize(iostreams.Yellow, "note:"), n)
	}
	fmt.Fprintln(ios.Out, filepath.ToSlash(e.Out))
	fmt.Fprintln(ios.ErrOut, "restricted edition: for the body's members only; do not publish it or add it to the repository")
	return nil
}

func outsideError(err error) error {
	return &exit.Hinted{Err: err, Hint: "give --out a file outside the repository, such as one in your home folder", Code: exit.Usage}
}
