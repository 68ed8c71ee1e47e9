// Package workspace opens one network of a repository for the commands that
// work on a single body (schedule, agenda, minutes): it loads only that
// network's files, refuses to go on when they have errors, and gives the
// calendar, timezone and today's date the papers need.
package workspace

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/suggest"
	"github.com/govctl/govctl/pkg/terms"
)

// Workspace is one network, loaded, with what papers need.
type Workspace struct {
	Dir      string
	Repo     *model.Repo
	Net      *terms.Net
	Calendar *calendar.Calendar
	Location *time.Location
	Today    model.Date

	clock func() time.Time
}

// FindingsError carries the errors that stop a command: the files must be
// fixed first.
type FindingsError struct {
	Diagnostics []diag.Diagnostic
}

func (e *FindingsError) Error() string {
	errs, _ := diag.Count(e.Diagnostics)
	if errs == 1 {
		return "the repository has an error to fix first (govctl validate lists it)"
	}
	return fmt.Sprintf("the repository has %d errors to fix first (govctl validate lists them)", errs)
}

// NetworkError is an unknown or unsafe network id.
type NetworkError struct {
	ID    string
	Known []string
}

func (e *NetworkError) Error() string {
	msg := fmt.Sprintf("no network %q", e.ID)
	if best := suggest.Nearest(e.ID, e.Known); best != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", best)
	}
	return msg
}

var reSafeID = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`) })

// Open loads network id from the repository in dir.
func Open(dir, id string, now func() time.Time) (*Workspace, error) {
	if !reSafeID().MatchString(id) || strings.Contains(id, "..") {
		return nil, fmt.Errorf("%q is not a network id: ids are letters, digits, '-', '_' and '.', with no '/' or '..'", id)
	}
	if fi, err := os.Stat(filepath.Join(dir, id, load.NetworkFile)); err != nil || fi.IsDir() {
		if _, err := os.Stat(dir); err != nil {
			return nil, &load.NotFoundError{Dir: dir, Err: fmt.Errorf("no such folder")}
		}
		return nil, &NetworkError{ID: id, Known: List(dir)}
	}
	repo, ds, err := load.Load(dir, load.Options{Networks: []string{id}})
	if err != nil {
		return nil, err
	}
	ds = diag.Sort(ds)
	if errs, _ := diag.Count(ds); errs > 0 {
		var only []diag.Diagnostic
		for _, d := range ds {
			if d.Severity == diag.Error {
				only = append(only, d)
			}
		}
		return nil, &FindingsError{Diagnostics: only}
	}
	loc, cal, err := check.Setting(repo.Settings)
	if err != nil {
		return nil, err
	}
	rx := terms.NewRepo(repo)
	n, ok := rx.Networks[id]
	if !ok {
		return nil, &NetworkError{ID: id, Known: List(dir)}
	}
	return &Workspace{Dir: dir, Repo: repo, Net: rx.Network(n), Calendar: cal, Location: loc, Today: model.Date{Date: check.Today(now(), loc)}, clock: now}, nil
}

// List names the network folders of dir, for suggestions and completion.
func List(dir string) []string {
	ents, _ := os.ReadDir(dir)
	var out []string
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") {
			if _, err := os.Stat(filepath.Join(dir, e.Name(), load.NetworkFile)); err == nil {
				out = append(out, e.Name())
			}
		}
	}
	slices.Sort(out)
	return out
}

// Inputs are the render inputs for this network.
func (w *Workspace) Inputs() render.Inputs {
	return render.Inputs{Net: w.Net, Calendar: w.Calendar, Location: w.Location, Today: w.Today}
}

// MeetingsDir is the network's meetings folder.
func (w *Workspace) MeetingsDir() string {
	return filepath.Join(w.Dir, w.Net.N.Folder, load.MeetingsDir)
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

// Networks loads the named networks (all when none are named) for the
// commands that read across bodies; errors in their files stop the command.
func Networks(dir string, ids []string, now func() time.Time) (*terms.Repo, []*terms.Net, model.Date, error) {
	for _, id := range ids {
		if !reSafeID().MatchString(id) || strings.Contains(id, "..") {
			return nil, nil, model.Date{}, fmt.Errorf("%q is not a network id", id)
		}
		if _, err := os.Stat(filepath.Join(dir, id, load.NetworkFile)); err != nil {
			if _, err := os.Stat(dir); err != nil {
				return nil, nil, model.Date{}, &load.NotFoundError{Dir: dir, Err: fmt.Errorf("no such folder")}
			}
			return nil, nil, model.Date{}, &NetworkError{ID: id, Known: List(dir)}
		}
	}
	repo, ds, err := load.Load(dir, load.Options{Networks: ids})
	if err != nil {
		return nil, nil, model.Date{}, err
	}
	var errs []diag.Diagnostic
	for _, d := range diag.Sort(ds) {
		if d.Severity == diag.Error {
			errs = append(errs, d)
		}
	}
	if len(errs) > 0 {
		return nil, nil, model.Date{}, &FindingsError{Diagnostics: errs}
	}
	loc, err := time.LoadLocation(repo.Settings.Timezone)
	if err != nil {
		return nil, nil, model.Date{}, err
	}
	rx := terms.NewRepo(repo)
	var nets []*terms.Net
	for _, n := range repo.Networks {
		nets = append(nets, rx.Network(n))
	}
	return rx, nets, model.Date{Date: check.Today(now(), loc)}, nil
}

// MeetingFiles lists the meeting file stems (dates) of network id, for
// completion; nothing when the id is not a safe name.
func MeetingFiles(dir, id string) []string {
	if !reSafeID().MatchString(id) || strings.Contains(id, "..") {
		return nil
	}
	ents, _ := os.ReadDir(filepath.Join(dir, id, load.MeetingsDir))
	var out []string
	for _, e := range ents {
		if name, ok := strings.CutSuffix(e.Name(), ".yaml"); ok && !e.IsDir() {
			out = append(out, name)
		}
	}
	return out
}
