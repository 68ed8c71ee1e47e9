package workspace

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"strings"

	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/generate"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/suggest"
	"github.com/govctl/govctl/pkg/yamlfmt"
)

// What the commands that change a body's files share (minutes new, meeting
// cancel and move, agenda sent, work add and update).

// Find is the meeting named by ref (a date, or a file name such as
// 2026-12-08-2). An unknown one is an error whose hint names the meeting
// probably meant and the planned meetings from today.
func (w *Workspace) Find(ref string) (*model.Meeting, error) {
	m, err := w.Meeting(ref, "")
	if err != nil {
		return nil, &exit.Hinted{Err: err, Code: exit.Usage}
	}
	if m != nil {
		return m, nil
	}
	id := w.Net.N.ID
	var stems, planned []string
	for _, o := range w.Net.N.MeetingList {
		stems = append(stems, o.File)
		if o.Status == "planned" && !o.Date.Before(w.Today.Date) {
			planned = append(planned, o.File)
		}
	}
	var hint []string
	if near := suggest.Nearest(ref, stems); near != "" {
		hint = append(hint, "did you mean "+near+"?")
	}
	switch {
	case len(planned) > 8:
		hint = append(hint, fmt.Sprintf("the planned meetings of %s from today: %s, ... (%d in all)", id, strings.Join(planned[:8], ", "), len(planned)))
	case len(planned) > 0:
		hint = append(hint, fmt.Sprintf("the planned meetings of %s from today: %s", id, strings.Join(planned, ", ")))
	default:
		hint = append(hint, fmt.Sprintf("%s has no planned meeting from today; plan some with govctl schedule %s --count 12 --write", id, id))
	}
	return nil, &exit.Hinted{Err: fmt.Errorf("%s has no meeting on %s", id, ref), Hint: strings.Join(hint, " "), Code: exit.Usage}
}

// Read reads a file of the body for a command to change: a regular file
// within the loader's size limit.
func (w *Workspace) Read(path string) ([]byte, error) {
	return safefile.Read(path, load.MaxFileSize)
}

// Rewrite edits the file at path (of the kind of file given) and writes it
// back in fmt's canonical layout, atomically, and only over what it read:
// a file changed meanwhile (by a person, or another command) is left as it
// is, with an error saying to run the command again.
func (w *Workspace) Rewrite(path string, kind layout.Kind, edit func([]byte) ([]byte, error)) error {
	data, err := w.Read(path)
	if err != nil {
		return err
	}
	if err := Editable(data, path); err != nil {
		return err
	}
	edited, err := edit(data)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.ToSlash(path), err)
	}
	out, err := Canonical(data, edited, kind, path)
	if err != nil {
		return err
	}
	return w.Replace(path, data, out)
}

// Replace writes data over the file at path inside the repository if it
// still holds was.
func (w *Workspace) Replace(path string, was, data []byte) error {
	if err := safefile.Inside(w.Dir, path); err != nil {
		return err
	}
	if err := safefile.Replace(path, was, data); errors.Is(err, safefile.ErrChanged) {
		return &exit.Hinted{
			Err:  fmt.Errorf("%s changed while govctl was working on it: nothing was written", filepath.ToSlash(path)),
			Hint: "run the command again",
			Code: exit.Findings,
		}
	} else if err != nil {
		return fmt.Errorf("writing %s: %w", filepath.ToSlash(path), err)
	}
	return nil
}

// Editable refuses a file whose edit would lose what a person wrote: a
// comment where the YAML parser drops it (inside a flow collection, such as
// after the [ of [a, b]), which govctl fmt refuses too. data is the file as
// read (nil or empty for a file not yet written).
func Editable(data []byte, path string) error {
	if err := yamlfmt.CommentsKept(data, data); err != nil {
		return notKept(path, err)
	}
	return nil
}

// Canonical puts edited, a command's edit of was (the file as read; nil
// for a new file), in fmt's layout, written as was is written (its
// byte-order mark and CR LF line ends kept: yamlfmt.Encoding). Every
// comment of was must be in the result, or nothing is written.
func Canonical(was, edited []byte, kind layout.Kind, path string) ([]byte, error) {
	if err := Editable(was, path); err != nil {
		return nil, err
	}
	out, err := yamlfmt.Format(edited, kind.Type())
	if err != nil {
		return nil, fmt.Errorf("%s: the edited file cannot be laid out as govctl fmt would (%v); nothing is written", filepath.ToSlash(path), err)
	}
	out = yamlfmt.EncodingOf(was).Apply(out)
	if err := yamlfmt.CommentsKept(was, out); err != nil {
		return nil, notKept(path, err)
	}
	return out, nil
}

// notKept is the error of a file whose comments an edit cannot keep.
func notKept(path string, err error) error {
	where := filepath.ToSlash(path)
	hint := "put the comment on a line of its own (above the key it is about), then run the command again"
	var e *yamlfmt.Error
	if errors.As(err, &e) {
		if e.Line > 0 {
			where = fmt.Sprintf("%s:%d", where, e.Line)
		}
		err = errors.New(e.Msg)
		if e.Syntax {
			err = fmt.Errorf("not valid YAML: %s", e.Msg)
			hint = "fix the file (govctl validate shows what is wrong), then run the command again"
		}
	}
	return &exit.Hinted{
		Err:  fmt.Errorf("%s: %v; nothing was written", where, err),
		Hint: hint,
		Code: exit.Findings,
	}
}

// RefreshAgenda writes meeting m's agenda again, keeping its custom
// section, when one was written before (a changed record makes it stale).
// It returns the agenda's path, or "" when there is none.
func (w *Workspace) RefreshAgenda(m *model.Meeting) (string, error) {
	old, err := safefile.Read(w.PathOf(m, ".agenda.md"), generate.MaxPageSize)
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	} else if err != nil {
		return "", err
	}
	return w.WriteAgenda(m, old)
}

// WriteAgenda writes meeting m's agenda, with the custom section of old
// (nil: none).
func (w *Workspace) WriteAgenda(m *model.Meeting, old []byte) (string, error) {
	data, err := render.Agenda(w.Inputs(), m)
	if err != nil {
		return "", err
	}
	path := w.PathOf(m, ".agenda.md")
	if old != nil {
		if data, err = generate.KeepCustom(path, data, old); err != nil {
			return "", err
		}
	}
	return path, w.WriteGenerated(path, data)
}

// EditMeeting changes meeting m's record with edit (as Rewrite does), reads
// the body again, and writes its agenda again where one was written before
// (the record changed, the agenda would be stale). It returns the meeting as
// now recorded and the paths written: the record, and the agenda if any.
func (w *Workspace) EditMeeting(m *model.Meeting, edit func([]byte) ([]byte, error)) (*model.Meeting, []string, error) {
	path := w.PathOf(m, ".yaml")
	if err := w.Rewrite(path, layout.Meeting, edit); err != nil {
		return nil, nil, err
	}
	written := []string{path}
	stem := m.File
	if err := w.Reload(); err != nil {
		return nil, written, err
	}
	now, err := w.Meeting(stem, "")
	if err != nil || now == nil {
		return nil, written, fmt.Errorf("the meeting of %s is not found after changing its record: %v", stem, err)
	}
	agenda, err := w.RefreshAgenda(now)
	if err != nil {
		return now, written, err
	}
	if agenda != "" {
		written = append(written, agenda)
	}
	return now, written, nil
}
