// Package check opens a repository: the one way every command reads one. Run
// checks the networks a user named, loads the files, and gives the
// settings' timezone and business-day calendar, today's date, the indexed
// repository and the findings, the rules' among them unless the loader's
// alone were asked for. The errors it returns know their exit status
// (package exit).
package check

import (
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/rules"
	"github.com/govctl/govctl/pkg/terms"
)

// Options for Run.
type Options struct {
	// AsOf is the date time-dependent rules use; zero means today in the
	// repository's timezone, from Now.
	AsOf date.Date
	// Now is the clock that gives Today.
	Now func() time.Time
	// Networks are network ids a person named: each must be an id whose
	// folder holds network.yaml, and loading is narrowed to them (all when
	// none is named).
	Networks []string
	// Scope narrows loading and findings to what a change touches
	// (validate --changed); nil means the whole repository.
	Scope *Scope
	// LoadOnly keeps the loader's findings alone: the rules are not run (and
	// govctl.yaml's severities not applied), for commands that only need the
	// files to be sound.
	LoadOnly bool
}

// Result is an opened repository.
type Result struct {
	// Dir is the repository's folder, as given.
	Dir  string
	Repo *model.Repo
	// Index answers questions across the repository's files.
	Index    *terms.Repo
	Location *time.Location
	Calendar *calendar.Calendar
	// Today is the date in the repository's timezone (zero without a clock).
	Today model.Date
	// AsOf is the date the rules ran as of (zero when they did not run).
	AsOf model.Date
	// Diagnostics are sorted; when the rules ran, govctl.yaml's severities
	// are applied.
	Diagnostics []diag.Diagnostic
	// LeftOut, from OpenSound, is the networks left out for their errors,
	// with those errors; nil when none was.
	LeftOut *FindingsError
	// report, when set, is the networks Nets gives: those a scope reports
	// (their ancestors are loaded to judge them, not to be shown).
	report []string
}

// Run opens the repository in dir. The error is for a network id that is
// wrong or unknown, or a repository that cannot be read at all; every
// problem inside the files is a diagnostic.
func Run(dir string, opts Options) (*Result, error) {
	if err := checkNetworks(dir, opts.Networks); err != nil {
		return nil, err
	}
	only := opts.Networks
	if opts.Scope != nil && !opts.Scope.All {
		only = append(slices.Clip(opts.Scope.Load), "") // "" keeps the filter on when nothing changed
	}
	repo, ds, err := load.Load(dir, load.Options{Networks: only})
	if err != nil {
		return nil, err
	}
	if opts.Scope != nil && !opts.Scope.All {
		// The bodies the scope's decisions refer to or answer are read
		// too, to judge the referrals as a full run judges them.
		from := append(slices.Clip(opts.Scope.Report), opts.Scope.Referrers...)
		if ds, err = loadReferred(dir, repo, ds, from); err != nil {
			return nil, err
		}
	}
	loc, cal, err := setting(repo.Settings)
	if err != nil {
		return nil, err
	}
	res := &Result{Dir: dir, Repo: repo, Index: terms.NewRepo(repo), Location: loc, Calendar: cal}
	if opts.Now != nil {
		res.Today = model.Date{Date: today(opts.Now(), loc)}
	}
	if opts.LoadOnly {
		res.Diagnostics = diag.Cap(diag.Sort(ds), diag.PerFile)
		return res, nil
	}
	res.Diagnostics = ds
	asOf := opts.AsOf
	if asOf.IsZero() {
		if opts.Now == nil {
			return nil, fmt.Errorf("check: no as-of date and no clock")
		}
		asOf = res.Today.Date
	}
	res.Check(asOf)
	if opts.Scope != nil {
		res.Diagnostics = opts.Scope.Within(dir, res.Diagnostics)
		if !opts.Scope.All {
			res.report = opts.Scope.Report
		}
	}
	return res, nil
}

// OpenBody opens network id for a command that writes its records or
// papers: the body's files and the repository-wide ones are loaded and
// checked by every rule as of today (its ancestors loaded too, so that the
// body is judged as a full run judges it), and an error of a rule that
// refuses (a file that does not parse, a name that names nothing) stops the
// command (a *FindingsError). Another body's errors do not. The bodies its
// decisions refer to or answer are read too (loadReferred).
func OpenBody(dir, id string, now func() time.Time) (*Result, error) {
	return openBody(dir, id, now, false)
}

// OpenBodyAgendas is OpenBody for a command that writes the body's
// agendas: the bodies that may refer business to it are read too
// (Referrers), for its agendas to list what waits from them as a run over
// the whole repository lists it.
func OpenBodyAgendas(dir, id string, now func() time.Time) (*Result, error) {
	return openBody(dir, id, now, true)
}

func openBody(dir, id string, now func() time.Time, referrers bool) (*Result, error) {
	res, err := runNamed(dir, []string{id}, now, referrers)
	if err != nil {
		return nil, err
	}
	if err := res.Refuse(); err != nil {
		return nil, err
	}
	return res, nil
}

// OpenSound opens the networks ids (all when none is named) for a command
// that reads across bodies (actions, calendar, reports): every rule runs as
// of today, and a body whose files hold an error of a rule that refuses is
// left out (Nets skips it; LeftOut says which, with their errors, for the
// command to return after its output, exit 1). One body's errors are not
// every body's; an error in a repository-wide file, which every body
// reads, or errors in every body, refuse the whole (a *FindingsError).
func OpenSound(dir string, ids []string, now func() time.Time) (*Result, error) {
	return openSound(dir, ids, now, false)
}

// OpenReferred is OpenSound for a command that lists the referrals
// waiting for the bodies named (the forward plan): the bodies that refer
// business to them are read too (Referrers).
func OpenReferred(dir string, ids []string, now func() time.Time) (*Result, error) {
	return openSound(dir, ids, now, true)
}

func openSound(dir string, ids []string, now func() time.Time, referrers bool) (*Result, error) {
	res, err := runNamed(dir, ids, now, referrers)
	if err != nil {
		return nil, err
	}
	if err := res.LeaveOut(); err != nil {
		return nil, err
	}
	return res, nil
}

// runNamed runs every rule, as of today, over the bodies ids a person named
// (all when none is named), each judged as a full run judges it: its
// ancestors are loaded too, but only the named bodies' findings and
// networks are given.
//
// With referrers, the bodies whose decisions may be referred to those named
// are read too (Referrers), for the papers that list the referrals waiting
// for a body (its agendas) to list them as a full run does.
func runNamed(dir string, ids []string, now func() time.Time, referrers bool) (*Result, error) {
	if len(ids) == 0 {
		return Run(dir, Options{Now: now})
	}
	if err := checkNetworks(dir, ids); err != nil {
		return nil, err
	}
	scope := NamedScope(dir, ids)
	if referrers {
		scope.Referrers = Referrers(dir, ids, scope.Load)
		scope.Load = append(scope.Load, scope.Referrers...)
	}
	return Run(dir, Options{Now: now, Scope: &scope})
}

// LeaveOut leaves out of Nets the networks whose files hold an error of a
// rule that refuses, and names them in LeftOut. It refuses the whole (a
// *FindingsError) when a repository-wide file holds one, or when no network
// is left.
func (r *Result) LeaveOut() error {
	err := r.Refuse()
	if err == nil {
		return nil
	}
	fe := err.(*FindingsError)
	shared := false
	left := map[string]bool{}
	for _, d := range fe.Diagnostics {
		if id, nested := networkOf(r.Dir, d.Pos.File); nested {
			left[id] = true
		} else {
			shared = true
		}
	}
	sound := slices.ContainsFunc(r.Nets(), func(nx *terms.Net) bool { return !left[nx.N.Folder] })
	if shared || !sound {
		return fe // nothing sound to do
	}
	fe.LeftOut = slices.Sorted(maps.Keys(left))
	r.LeftOut = fe
	return nil
}

// Left is the error of the networks OpenSound left out, or nil: a command
// returns it after its output, so that it exits 1 with their findings.
func (r *Result) Left() error {
	if r.LeftOut == nil {
		return nil
	}
	return r.LeftOut
}

// Check runs every rule as of asOf, adding their findings to the loader's,
// and applies govctl.yaml's severities.
func (r *Result) Check(asOf date.Date) {
	r.check(asOf, nil)
}

// CheckRefusing is Check with only the rules that refuse: what Refuse and
// LeaveOut look at, for a command that needs to know which bodies are
// sound and shows no other finding (generate, whose pages count none).
func (r *Result) CheckRefusing(asOf date.Date) {
	r.check(asOf, func(rule *rules.Rule) bool { return rule.Refuses })
}

func (r *Result) check(asOf date.Date, keep func(*rules.Rule) bool) {
	r.AsOf = model.Date{Date: asOf}
	ds := append(r.Diagnostics, rules.RunOnly(r.Index, r.Calendar, r.AsOf, keep)...)
	r.Diagnostics = diag.Cap(diag.Sort(rules.Configure(r.Repo.Settings, ds)), diag.PerFile)
}

// Refuse is a *FindingsError holding the errors among the findings of the
// rules that refuse (every rule the loader reports among them), or nil when
// there is none: commands that write papers or reports refuse to go on
// while the files cannot be read as meant.
func (r *Result) Refuse() error {
	var errs []diag.Diagnostic
	for _, d := range r.Diagnostics {
		if rule, ok := rules.Lookup(d.Rule); d.Severity == diag.Error && (!ok || rule.Refuses) {
			errs = append(errs, d)
		}
	}
	if len(errs) > 0 {
		return &FindingsError{Diagnostics: errs}
	}
	return nil
}

// Nets are the networks loaded, indexed, in the repository's order: those
// a scope reports (not the ancestors loaded to judge them), less those
// OpenSound left out.
func (r *Result) Nets() []*terms.Net {
	nets := make([]*terms.Net, 0, len(r.Repo.Networks))
	for _, n := range r.Repo.Networks {
		if r.LeftOut != nil && slices.Contains(r.LeftOut.LeftOut, n.Folder) || r.report != nil && !slices.Contains(r.report, n.Folder) {
			continue
		}
		nets = append(nets, r.Index.Network(n))
	}
	return nets
}

// Net is network id, indexed; a *NetworkError when it was not loaded.
func (r *Result) Net(id string) (*terms.Net, error) {
	n, ok := r.Index.Networks[id]
	if !ok {
		return nil, &NetworkError{ID: id, Known: NetworkIDs(r.Dir)}
	}
	return r.Index.Network(n), nil
}

// setting gives the repository's timezone and business-day calendar
// (bank holidays and closures) from govctl.yaml. A holidays value the loader
// has already reported as wrong falls back to England and Wales.
func setting(s model.Settings) (*time.Location, *calendar.Calendar, error) {
	loc, err := time.LoadLocation(s.Timezone)
	if err != nil {
		return nil, nil, fmt.Errorf("timezone %q: %w", s.Timezone, err)
	}
	var closures []calendar.Closure
	for _, c := range s.Closures {
		if c.Date.Set() {
			closures = append(closures, calendar.Closure{Date: c.Date.Date, Name: c.Name})
		}
	}
	cal, err := calendar.New(s.Holidays, closures)
	if err != nil {
		cal, err = calendar.New(calendar.EnglandAndWales, closures)
	}
	return loc, cal, err
}

// today is the calendar date of t in loc.
func today(t time.Time, loc *time.Location) date.Date {
	y, m, d := t.In(loc).Date()
	return date.New(y, m, d)
}
