package workspace

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"

	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/safefile"
)

// Meeting finds the meeting named by ref: a date (YYYY-MM-DD, the first
// meeting that day of the kind, when kind is given) or a file stem
// (YYYY-MM-DD-2).
func (w *Workspace) Meeting(ref, kind string) (*model.Meeting, error) {
	if len(ref) < 10 {
		return nil, fmt.Errorf("%q is not a meeting date: expected YYYY-MM-DD", ref)
	}
	if _, err := load.ParseDate(ref[:10]); err != nil {
		return nil, err
	}
	for _, m := range w.Net.N.MeetingList {
		if m.File == ref && (kind == "" || m.Kind.ID == kind) {
			return m, nil
		}
	}
	if len(ref) == 10 {
		if m := w.MeetingOn(ref, kind); m != nil {
			return m, nil
		}
	}
	return nil, nil
}

// PathOf is the path of meeting m's record, with the suffix given
// (".yaml", ".agenda.md", ".minutes.md").
func (w *Workspace) PathOf(m *model.Meeting, suffix string) string {
	return filepath.Join(w.MeetingsDir(), m.File+suffix)
}

// CreateMeeting writes a planned record for date and kind, and reloads the
// network so that it is in the model. It refuses an unknown kind.
func (w *Workspace) CreateMeeting(date, kind string) (*model.Meeting, error) {
	k, ok := w.Net.Kinds[kind]
	if !ok {
		return nil, fmt.Errorf("%s has no meeting kind %q", w.Net.N.ID, kind)
	}
	if _, err := load.ParseDate(date); err != nil {
		return nil, err
	}
	path, _, err := w.WritePlanned(date, k.Name)
	if err != nil {
		return nil, err
	}
	if err := w.Reload(); err != nil {
		return nil, err
	}
	return w.Meeting(strings.TrimSuffix(filepath.Base(path), ".yaml"), "")
}

// WritePlanned creates a planned record for date and kind in the first free
// file name of that day, and returns its path. created is false, with no
// error, when a record appeared there since the network was loaded: it is
// left as it is.
func (w *Workspace) WritePlanned(date, kind string) (path string, created bool, err error) {
	path = filepath.Join(w.MeetingsDir(), w.FreeMeetingFile(date))
	if err := safefile.Inside(w.Dir, path); err != nil {
		return path, false, err
	}
	err = safefile.Create(path, record.Planned(date, kind, ""))
	switch {
	case errors.Is(err, safefile.ErrExists):
		return path, false, nil
	case err != nil:
		return path, false, fmt.Errorf("writing %s: %w", path, err)
	}
	return path, true, nil
}

// Reload reads the network again (after a record was written).
func (w *Workspace) Reload() error {
	fresh, err := open(w.Dir, w.Net.N.Folder, w.clock, w.agendas)
	if err != nil {
		return err
	}
	*w = *fresh
	return nil
}

// WriteGenerated writes a generated file inside the repository, atomically.
func (w *Workspace) WriteGenerated(path string, data []byte) error {
	if err := safefile.Inside(w.Dir, path); err != nil {
		return err
	}
	if err := safefile.Write(path, data); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}
