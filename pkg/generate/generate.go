// Package generate works out every markdown file govctl keeps in a
// repository (the index, each network's page and decision register, agendas
// and minutes) and which of them are missing or out of date. Pages depend
// on the repository alone, never on the day they are generated, so that
// `govctl generate --check` gives the same answer on any day.
package generate

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/report"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
)

// File is one generated file and what it should hold.
type File struct {
	Path string
	Data []byte
	// Old is what the file held when it was compared (nil when missing):
	// a writer replaces it only if it still holds that.
	Old []byte
	// State is "ok", "missing", "stale", or "refused": the page on disk
	// has a custom section that cannot be found for certain (Err says
	// where), and is left as it is.
	State string
	Err   error
}

// Plan loads dir, checks it, and works out every generated file. A body
// whose files hold an error of a rule that refuses (check.Result.LeaveOut)
// gets no files; left names those bodies with their findings, for the
// command to report after its work (nil when none is left out). An error in
// a repository-wide file, or in every body, stops it (err, a
// *check.FindingsError).
func Plan(dir string) (files []File, left error, err error) {
	res, err := check.Run(dir, check.Options{LoadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	repo := res.Repo
	asOf := BasisDate(repo)
	checkDate := asOf.Date
	if !asOf.Set() {
		// No dated record at all: count only the findings that do not
		// depend on a date.
		checkDate = date.New(2000, 1, 1)
	}
	res.Check(checkDate)
	// The findings the index counts: with no dated record, errors only.
	counted := res.Diagnostics
	all := res.Nets() // the index lists every body, sound or not
	if !asOf.Set() {
		counted = slices.DeleteFunc(slices.Clone(counted), func(d diag.Diagnostic) bool { return d.Severity == diag.Warning })
	}
	if err := res.LeaveOut(); err != nil {
		return nil, nil, err
	}
	nets := res.Nets()
	// Each network's files are worked out (and compared with what is on
	// disk) in parallel; the order of the result is the networks' order.
	perNet := make([][]File, len(nets))
	errs := make([]error, len(nets))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(nets))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				in := render.Inputs{Net: nets[i], Calendar: res.Calendar, Location: res.Location}
				perNet[i], errs[i] = networkFiles(dir, in, asOf)
			}
		}()
	}
	for i := range nets {
		work <- i
	}
	close(work)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, nil, err
	}
	index, err := render.Index(report.Networks(all, dir, nil, counted, asOf).Networks, asOf)
	if err != nil {
		return nil, nil, err
	}
	files = []File{compare(File{Path: filepath.Join(dir, "README.md"), Data: index})}
	for _, fs := range perNet {
		files = append(files, fs...)
	}
	return files, res.Left(), nil
}

// networkFiles works out one network's page, decision register, agendas
// and minutes, each compared with the file on disk.
func networkFiles(dir string, in render.Inputs, asOf model.Date) ([]File, error) {
	n := in.Net.N
	var next *model.Meeting
	for _, m := range n.MeetingList {
		if m.Status == "planned" {
			next = m
			break
		}
	}
	base := func(m *model.Meeting) string { return filepath.Join(dir, n.Folder, layout.MeetingsDir, m.File) }
	hasAgenda := func(m *model.Meeting) bool { return m == next || exists(base(m)+".agenda.md") }
	page, err := render.Network(in, asOf, hasAgenda)
	if err != nil {
		return nil, err
	}
	decisions, err := render.Register(in)
	if err != nil {
		return nil, err
	}
	files := []File{
		compare(File{Path: filepath.Join(dir, n.Folder, "README.md"), Data: page}),
		compare(File{Path: filepath.Join(dir, n.Folder, render.RegisterFile), Data: decisions}),
	}
	for _, m := range n.MeetingList {
		if hasAgenda(m) {
			data, err := render.Agenda(in, m)
			if err != nil {
				return nil, err
			}
			files = append(files, compare(File{Path: base(m) + ".agenda.md", Data: data}))
		}
		if m.Status == "held" {
			data, err := render.Minutes(in, m)
			if err != nil {
				return nil, err
			}
			files = append(files, compare(File{Path: base(m) + ".minutes.md", Data: data}))
		}
	}
	return files, nil
}

// Write writes f's page: over the page Plan read, or as a new file. Another
// writer may have been at it since (agenda new, or a person adding to its
// custom section): the page is then read again, its custom section kept, and
// written over that, up to three times.
func Write(f File) error {
	old, data := f.Old, f.Data
	var err error
	for range 3 {
		if old == nil {
			err = safefile.Create(f.Path, data)
		} else {
			err = safefile.Replace(f.Path, old, data)
		}
		if !errors.Is(err, safefile.ErrExists) && !errors.Is(err, safefile.ErrChanged) {
			return err
		}
		cur, rerr := safefile.Read(f.Path, MaxPageSize)
		if rerr != nil {
			return err
		}
		var kerr error
		old, data = cur, nil
		if data, kerr = KeepCustom(f.Path, f.Data, cur); kerr != nil {
			return kerr
		}
		if bytes.Equal(cur, data) {
			return nil // the other writer wrote what this one would
		}
	}
	return err
}

// MaxPageSize bounds what is read of a generated page already there.
const MaxPageSize = 16 << 20

// compare sets f's state against the file on disk, keeping its custom
// section.
func compare(f File) File {
	old, err := safefile.Read(f.Path, MaxPageSize)
	switch {
	case err != nil:
		f.State = "missing"
	default:
		f.Old = old
		data, err := KeepCustom(f.Path, f.Data, old)
		if err != nil {
			f.State, f.Err = "refused", err
			return f
		}
		f.Data = data
		if bytes.Equal(old, f.Data) {
			f.State = "ok"
		} else {
			f.State = "stale"
		}
	}
	return f
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// KeepCustom puts the custom section of the page at path as a person wrote
// it (in old) into the generated page. The markers count only as whole lines (a
// name on the page holding one is escaped, and a marker inside a line of the
// custom section is text): in old, a start line, then an end line, each
// once. A page whose markers are not so is refused (*CustomError), never
// written over: what a person wrote there would be lost. A page with neither
// marker has no custom section to keep.
func KeepCustom(path string, generated, old []byte) ([]byte, error) {
	gs, ge := markerLines(generated)
	if len(gs) != 1 || len(ge) != 1 || ge[0].start < gs[0].end {
		return generated, nil // a page with no custom section (an agenda)
	}
	os, oe := markerLines(old)
	switch {
	case len(os) == 0 && len(oe) == 0:
		return generated, nil
	case len(os) == 1 && len(oe) == 1 && oe[0].start >= os[0].end:
		var b bytes.Buffer
		b.Grow(len(generated) + oe[0].start - os[0].end)
		b.Write(generated[:gs[0].end])
		b.Write(old[os[0].end:oe[0].start])
		b.Write(generated[ge[0].start:])
		return b.Bytes(), nil
	}
	e := &CustomError{Path: path}
	switch {
	case len(os) == 0:
		e.Line, e.Problem = oe[0].line, "an end marker "+render.CustomEnd+" with no "+render.CustomStart+" line before it"
	case len(oe) == 0:
		e.Line, e.Problem = os[0].line, "a start marker "+render.CustomStart+" with no "+render.CustomEnd+" line after it"
	case len(os) > 1:
		e.Line, e.Problem = os[1].line, "a second "+render.CustomStart+" line"
	case len(oe) > 1:
		e.Line, e.Problem = oe[1].line, "a second "+render.CustomEnd+" line"
	default:
		e.Line, e.Problem = oe[0].line, "the end marker "+render.CustomEnd+" before the start marker"
	}
	return nil, e
}

// CustomError is a page whose custom section cannot be found for certain.
type CustomError struct {
	Path    string
	Line    int
	Problem string
}

func (e *CustomError) Error() string {
	return fmt.Sprintf("%s:%d: %s; the page was left as it is, so that nothing written in its custom section is lost",
		words.Quote(filepath.ToSlash(e.Path)), e.Line, e.Problem)
}

// ExitCode: a page refused is a finding (exit 1).
func (e *CustomError) ExitCode() int { return exit.Findings }

// ExitHint says how to mend the page.
func (e *CustomError) ExitHint() string {
	return "put " + render.CustomStart + " and " + render.CustomEnd + " once each, on lines of their own, around what you wrote, then run govctl generate again"
}

// marker is a line of a page that is a custom marker: its first byte, the
// byte after its line end, and its line number.
type marker struct{ start, end, line int }

// markerLines finds the lines of page that are the custom start and end
// markers, spaces and a carriage return at the end aside.
func markerLines(page []byte) (starts, ends []marker) {
	line := 0
	for at := 0; at < len(page); {
		line++
		next := len(page)
		if i := bytes.IndexByte(page[at:], '\n'); i >= 0 {
			next = at + i + 1
		}
		// A marker line begins with "<!--": most lines are passed over on
		// their first byte.
		if page[at] == '<' {
			text := bytes.TrimRight(page[at:next], " \t\r\n")
			switch string(text) {
			case render.CustomStart:
				starts = append(starts, marker{at, next, line})
			case render.CustomEnd:
				ends = append(ends, marker{at, next, line})
			}
		}
		at = next
	}
	return starts, ends
}

// BasisDate is the date generated pages are drawn as at: the latest held
// meeting of the repository; else its earliest planned meeting; else the
// latest date a member or office holder started; else none.
func BasisDate(repo *model.Repo) model.Date {
	var held, planned, started model.Date
	for _, n := range repo.Networks {
		for _, m := range n.MeetingList {
			switch m.Status {
			case "held":
				if m.Date.After(held.Date) {
					held = m.Date
				}
			case "planned":
				if !planned.Set() || m.Date.Before(planned.Date) {
					planned = m.Date
				}
			}
		}
		if n.Members != nil {
			for _, m := range n.Members.Members {
				if m.From.After(started.Date) {
					started = m.From
				}
			}
			for _, h := range n.Members.OfficeHolders {
				if h.From.After(started.Date) {
					started = h.From
				}
			}
		}
	}
	for _, d := range []model.Date{held, planned, started} {
		if d.Set() {
			return model.Date{Date: d.Date}
		}
	}
	return model.Date{}
}
