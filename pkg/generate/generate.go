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
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/report"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// File is one generated file and what it should hold.
type File struct {
	Path string
	// Data is what the file should hold, and Old what it held when it was
	// compared (nil when missing): a writer replaces it only if it still
	// holds that. Both are kept only for a file that is not ok, the one kind
	// a writer writes: at a thousand bodies the pages already up to date
	// are hundreds of megabytes.
	Data []byte
	Old  []byte
	// State is "ok", "missing", "stale", or "refused": the page on disk
	// has a custom section that cannot be found for certain (Err says
	// where), and is left as it is.
	State string
	Err   error
}

// Options narrow Plan to what a change touches.
type Options struct {
	// Scope, when set and not All, is what a change touches
	// (check.PageScope): only the agendas and minutes of the bodies it
	// reports are worked out, with every body's page and register and the
	// index, which depend on other bodies (a page names its body's parent
	// and lists its children, a register shows how other bodies answered
	// its referrals, and the index has a row for every body, drawn as at
	// the latest record of the repository). So the whole repository is
	// loaded all the same. Of the bodies left out, only those it reports
	// are named.
	Scope *check.Scope
}

// Plan loads dir, checks it, and works out every generated file (those
// opts narrows it to). A body whose files hold an error of a rule that
// refuses (check.Result.LeaveOut) gets no files; left names those bodies
// with their findings, for the command to report after its work (nil when
// none is left out). An error in a repository-wide file, or in every body,
// stops it (err, a *check.FindingsError).
func Plan(dir string, opts Options) (files []File, left error, err error) {
	res, err := check.Run(dir, check.Options{LoadOnly: true})
	if err != nil {
		return nil, nil, err
	}
	repo := res.Repo
	asOf := BasisDate(repo)
	checkDate := asOf.Date
	if !asOf.Set() {
		// No dated record at all: judge by the findings that do not depend
		// on a date.
		checkDate = date.New(2000, 1, 1)
	}
	// Only the rules that refuse decide anything here: which bodies are
	// left out. The pages count no findings.
	res.CheckRefusing(checkDate)
	all := res.Nets() // the index lists every body, sound or not
	if err := res.LeaveOut(); err != nil {
		return nil, nil, err
	}
	nets := res.Nets()
	scope := opts.Scope
	if scope != nil && scope.All {
		scope = nil
	}
	papers := func(nx *terms.Net) bool { return scope == nil || slices.Contains(scope.Report, nx.N.Folder) }
	// Each network's files are worked out (and compared with what is on
	// disk) in parallel, each worker reading files into a buffer of its
	// own; the order of the result is the networks' order.
	perNet := make([][]File, len(nets))
	errs := make([]error, len(nets))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(1, len(nets))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c comparer
			for i := range work {
				in := render.Inputs{Net: nets[i], Calendar: res.Calendar, Location: res.Location}
				perNet[i], errs[i] = c.networkFiles(dir, in, asOf, papers(nets[i]))
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
	index, err := render.Index(report.Networks(all, dir, nil, nil, asOf).Networks, asOf)
	if err != nil {
		return nil, nil, err
	}
	var c comparer
	n := 1
	for _, fs := range perNet {
		n += len(fs)
	}
	files = make([]File, 0, n)
	files = append(files, c.compare(File{Path: filepath.Join(dir, "README.md"), Data: index}))
	for _, fs := range perNet {
		files = append(files, fs...)
	}
	return files, leftIn(res.LeftOut, scope, dir), nil
}

// leftIn is the error of the bodies left out that scope reports (all when
// scope is nil), or nil when there is none.
func leftIn(left *check.FindingsError, scope *check.Scope, dir string) error {
	if left == nil {
		return nil
	}
	if scope == nil {
		return left
	}
	var names []string
	for _, id := range left.LeftOut {
		if slices.Contains(scope.Report, id) {
			names = append(names, id)
		}
	}
	if len(names) == 0 {
		return nil
	}
	return &check.FindingsError{Diagnostics: scope.Within(dir, left.Diagnostics), LeftOut: names}
}

// networkFiles works out one network's page and decision register and,
// with papers, its agendas and minutes, each compared with the file on disk.
// The register is worked out with the page, whatever the scope: it shows
// how other bodies answered this one's referrals.
func (c *comparer) networkFiles(dir string, in render.Inputs, asOf model.Date, papers bool) ([]File, error) {
	n := in.Net.N
	var next *model.Meeting
	for _, m := range n.MeetingList {
		if m.Status == "planned" {
			next = m
			break
		}
	}
	folder := filepath.Join(dir, n.Folder, layout.MeetingsDir)
	base := func(m *model.Meeting) string { return filepath.Join(folder, m.File) }
	agendas := existing(folder, agendaSuffix)
	hasAgenda := func(m *model.Meeting) bool { return m == next || agendas(m.File+agendaSuffix) }
	page, err := render.Network(in, NetworkBasisDate(n, asOf), hasAgenda)
	if err != nil {
		return nil, err
	}
	register, err := render.Register(in)
	if err != nil {
		return nil, err
	}
	files := make([]File, 0, 3+len(n.MeetingList))
	files = append(files,
		c.compare(File{Path: filepath.Join(dir, n.Folder, "README.md"), Data: page}),
		c.compare(File{Path: filepath.Join(dir, n.Folder, render.RegisterFile), Data: register}))
	if !papers {
		return files, nil
	}
	for _, m := range n.MeetingList {
		if hasAgenda(m) {
			data, err := c.w.Agenda(in, m)
			if err != nil {
				return nil, err
			}
			files = append(files, c.compare(File{Path: base(m) + agendaSuffix, Data: data}))
		}
		if m.Status == "held" {
			data, err := c.w.Minutes(in, m)
			if err != nil {
				return nil, err
			}
			files = append(files, c.compare(File{Path: base(m) + ".minutes.md", Data: data}))
		}
	}
	return files, nil
}

const agendaSuffix = ".agenda.md"

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

// comparer renders pages and reads the files on disk in memory it reuses
// from page to page; one a goroutine.
type comparer struct {
	w   render.Writer
	buf []byte
}

// compare sets f's state against the file on disk, keeping its custom
// section; an ok file keeps neither its Data nor its Old, and one that is
// not keeps copies of both (f.Data may be the Writer's memory).
func (c *comparer) compare(f File) File {
	old, err := safefile.ReadInto(f.Path, MaxPageSize, c.buf)
	if err != nil {
		f.State, f.Data = "missing", bytes.Clone(f.Data)
		return f
	}
	if cap(old) > cap(c.buf) {
		c.buf = old[:0]
	}
	data, kerr := KeepCustom(f.Path, f.Data, old)
	if kerr != nil {
		f.State, f.Data, f.Err = "refused", nil, kerr
		return f
	}
	f.Data = data
	if bytes.Equal(old, f.Data) {
		f.State, f.Data = "ok", nil
		return f
	}
	// Old is not nil: an empty file is there, not missing.
	f.State, f.Data, f.Old = "stale", bytes.Clone(f.Data), bytes.Clone(old)
	return f
}

// existing is whether a file of the folder's, with a name ending in
// suffix, exists (as os.Stat finds it: a link is followed), from one
// listing of the folder instead of a look at every name.
func existing(folder, suffix string) func(name string) bool {
	ents, err := os.ReadDir(folder)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return func(name string) bool { return exists(filepath.Join(folder, name)) }
	}
	found := map[string]bool{}
	for _, e := range ents {
		if name := e.Name(); strings.HasSuffix(name, suffix) {
			found[name] = e.Type().IsRegular() || exists(filepath.Join(folder, name))
		}
	}
	return func(name string) bool { return found[name] }
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

// NetworkBasisDate is the date network n's page is drawn as at, given
// the repository's BasisDate r: the latest day, up to r, on which n's
// records show something happen or change (a held meeting; a member, an
// office holder or an interest starting, or ending the day before; a
// version of its terms coming into force); r itself when all those days
// are after r; none when n's records hold no date at all, so that nothing
// on its page depends on one (the page then gives no date).
//
// Nothing the page shows changes between that day and r, so the page says
// what it would say as at r; but it changes with its own body's records,
// not whenever any body holds a meeting (which made every page of the
// repository stale, and every pull request touch every page).
func NetworkBasisDate(n *model.Network, r model.Date) model.Date {
	if !r.Set() {
		return r
	}
	var latest date.Date
	dated := false // whether any of n's records holds a date
	see := func(d date.Date) {
		dated = dated || !d.IsZero()
		if !d.IsZero() && !d.After(r.Date) && d.After(latest) {
			latest = d
		}
	}
	ends := func(until model.Date) {
		if until.Set() {
			see(until.AddDate(0, 0, 1))
		}
	}
	for _, m := range n.MeetingList {
		if m.Status == "held" {
			see(m.Date.Date)
		}
	}
	for _, v := range append([]*model.Network{n}, n.Versions...) {
		see(v.Effective.Date)
		see(v.From.Date)
		if v.Members == nil {
			continue
		}
		for _, m := range v.Members.Members {
			see(m.From.Date)
			ends(m.Until)
			for _, in := range m.Interests {
				see(in.From.Date)
				ends(in.Until)
			}
		}
		for _, h := range v.Members.OfficeHolders {
			see(h.From.Date)
			ends(h.Until)
		}
	}
	switch {
	case !latest.IsZero():
		return model.Date{Date: latest}
	case dated:
		return r // its dates are all after r
	default:
		return model.Date{} // nothing on its page depends on a date
	}
}

// BasisDate is the date the index (networks/README.md) is drawn as at, and
// the repository judged as at: the latest held meeting of the repository; else
// its earliest planned meeting; else the latest date a member or office
// holder started; else none.
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
