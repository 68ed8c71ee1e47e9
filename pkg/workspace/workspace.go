// Package workspace is one network of a repository, opened through package
// check, with what the commands that work on a single body (schedule,
// agenda, minutes, report attendance) need: its meetings by date, the path
// of each record and paper, and the writing of planned records and papers
// inside the repository. It refuses to open a network whose files cannot
// be read as meant (package check, OpenBody).
package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/terms"
)

// Workspace is one network, loaded, with what papers need: the repository's
// Dir, Repo, Calendar, Location and Today come from the opened repository.
type Workspace struct {
	*check.Result
	Net *terms.Net

	clock func() time.Time
	// agendas: opened with OpenAgendas, and read again so.
	agendas bool
}

// Open loads network id from the repository in dir and checks it, refusing
// (a *check.FindingsError) while its files or the repository-wide ones hold
// an error of a rule that refuses: no record or paper is written from files
// that cannot be read as meant.
func Open(dir, id string, now func() time.Time) (*Workspace, error) {
	return open(dir, id, now, false)
}

// OpenAgendas is Open for a command that writes the body's agendas (agenda,
// meeting, a paper's link): the bodies whose meeting records may refer
// business to it are read too (check.OpenBodyAgendas), for its agendas to
// list what waits from them.
func OpenAgendas(dir, id string, now func() time.Time) (*Workspace, error) {
	return open(dir, id, now, true)
}

func open(dir, id string, now func() time.Time, agendas bool) (*Workspace, error) {
	opener := check.OpenBody
	if agendas {
		opener = check.OpenBodyAgendas
	}
	res, err := opener(dir, id, now)
	if err != nil {
		return nil, err
	}
	n, err := res.Net(id)
	if err != nil {
		return nil, err
	}
	return &Workspace{Result: res, Net: n, clock: now, agendas: agendas}, nil
}

// Inputs are the render inputs for this network.
func (w *Workspace) Inputs() render.Inputs {
	return render.Inputs{Net: w.Net, Calendar: w.Calendar, Location: w.Location, Today: w.Today}
}

// MeetingsDir is the network's meetings folder.
func (w *Workspace) MeetingsDir() string {
	return filepath.Join(w.Dir, w.Net.N.Folder, layout.MeetingsDir)
}

// MeetingOn returns the meeting of the given date (and kind, when given).
func (w *Workspace) MeetingOn(date, kind string) *model.Meeting {
	for _, m := range w.Net.N.MeetingList {
		if m.Date.String() == date && (kind == "" || m.Kind.ID == kind) {
			return m
		}
	}
	return nil
}

// DefaultKind is the kind to use when none is given: "ordinary" if the
// terms define it, else the first kind.
func (w *Workspace) DefaultKind() string {
	if _, ok := w.Net.Kinds["ordinary"]; ok {
		return "ordinary"
	}
	if len(w.Net.N.Meetings) > 0 {
		return w.Net.N.Meetings[0].Name
	}
	return ""
}

// FreeMeetingFile is the file name for a new meeting on date: <date>.yaml,
// or <date>-2.yaml (and so on) when that day already has a meeting.
func (w *Workspace) FreeMeetingFile(date string) string {
	taken := map[string]bool{}
	for _, m := range w.Net.N.MeetingList {
		taken[m.File] = true
	}
	name := date
	for i := 2; taken[name]; i++ {
		name = fmt.Sprintf("%s-%d", date, i)
	}
	return name + ".yaml"
}

// MeetingFiles lists the meeting file stems (dates) of network id, for
// completion; nothing when id is not a network id.
func MeetingFiles(dir, id string) []string {
	if !layout.IsID(id) {
		return nil
	}
	ents, _ := os.ReadDir(filepath.Join(dir, id, layout.MeetingsDir))
	var out []string
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !e.IsDir() {
			out = append(out, name)
		}
	}
	return out
}
