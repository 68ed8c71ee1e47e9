package meeting

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/generate"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/suggest"
	"github.com/govctl/govctl/pkg/workspace"
	"github.com/govctl/govctl/pkg/yamlfmt"
)

// What the commands that change a meeting's record share (meeting cancel,
// meeting move, agenda sent).

// Find is the meeting named by ref (a date, or a file name such as
// 2026-12-08-2). An unknown one is an error whose hint names the meeting
// probably meant and the planned meetings from today.
func Find(ws *workspace.Workspace, ref string) (*model.Meeting, error) {
	m, err := ws.Meeting(ref, "")
	if err != nil {
		return nil, cmdutil.FlagErrorf("%v", err)
	}
	if m != nil {
		return m, nil
	}
	id := ws.Net.N.ID
	var stems, planned []string
	for _, o := range ws.Net.N.MeetingList {
		stems = append(stems, o.File)
		if o.Status == "planned" && !o.Date.Before(ws.Today.Date) {
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
	return nil, cmdutil.Errorf(strings.Join(hint, " "), "%s has no meeting on %s", id, ref)
}

// Rewrite edits the file at path (of the kind of file given) and writes it
// back in fmt's canonical layout, atomically.
func Rewrite(ws *workspace.Workspace, path string, kind layout.Kind, edit func([]byte) ([]byte, error)) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	edited, err := edit(data)
	if err != nil {
		return fmt.Errorf("%s: %w", filepath.ToSlash(path), err)
	}
	out, err := canonical(edited, kind, path)
	if err != nil {
		return err
	}
	return ws.WriteGenerated(path, out)
}

// canonical puts an edited file of the kind given in fmt's layout.
func canonical(data []byte, kind layout.Kind, path string) ([]byte, error) {
	out, err := yamlfmt.Format(data, kind.Type())
	if err != nil {
		return nil, fmt.Errorf("%s: the edited file cannot be laid out as govctl fmt would (%v); nothing is written", filepath.ToSlash(path), err)
	}
	return out, nil
}

// RefreshAgenda writes meeting m's agenda again, keeping its custom
// section, when one was written before (a changed record makes it stale).
// It returns the agenda's path, or "" when there is none.
func RefreshAgenda(ws *workspace.Workspace, m *model.Meeting) (string, error) {
	old, err := os.ReadFile(ws.PathOf(m, ".agenda.md"))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	} else if err != nil {
		return "", err
	}
	return writeAgenda(ws, m, old)
}

// writeAgenda writes meeting m's agenda, with the custom section of old.
func writeAgenda(ws *workspace.Workspace, m *model.Meeting, old []byte) (string, error) {
	data, err := render.Agenda(ws.Inputs(), m)
	if err != nil {
		return "", err
	}
	if old != nil {
		data = generate.KeepCustom(data, old)
	}
	path := ws.PathOf(m, ".agenda.md")
	return path, ws.WriteGenerated(path, data)
}
