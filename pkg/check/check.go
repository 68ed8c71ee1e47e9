// Package check loads a repository and runs every rule over it: the work
// behind `govctl validate`, shared by every command that needs to know
// whether a repository is sound.
package check

import (
	"fmt"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/rules"
)

// Options for Run.
type Options struct {
	// AsOf is the date time-dependent rules use; zero means today in the
	// repository's timezone, from Now.
	AsOf date.Date
	Now  func() time.Time
	// Networks narrows loading to these networks (all when empty).
	Networks []string
}

// Result is a loaded and checked repository.
type Result struct {
	Repo     *model.Repo
	Location *time.Location
	Calendar *calendar.Calendar
	AsOf     model.Date
	// Diagnostics are sorted, with govctl.yaml's severities applied.
	Diagnostics []diag.Diagnostic
}

// Run loads dir and checks it. The error is for a repository that cannot be
// read at all; every problem inside it is a diagnostic.
func Run(dir string, opts Options) (*Result, error) {
	repo, ds, err := load.Load(dir, load.Options{Networks: opts.Networks})
	if err != nil {
		return nil, err
	}
	return Loaded(repo, ds, opts)
}

// Loaded checks a repository already loaded, with the loader's findings ds.
func Loaded(repo *model.Repo, ds []diag.Diagnostic, opts Options) (*Result, error) {
	loc, cal, err := Setting(repo.Settings)
	if err != nil {
		return nil, err
	}
	asOf := opts.AsOf
	if asOf.IsZero() {
		if opts.Now == nil {
			return nil, fmt.Errorf("check: no as-of date and no clock")
		}
		asOf = Today(opts.Now(), loc)
	}
	res := &Result{Repo: repo, Location: loc, Calendar: cal, AsOf: model.Date{Date: asOf}}
	ds = append(ds, rules.Run(repo, cal, res.AsOf)...)
	res.Diagnostics = diag.Sort(rules.Configure(repo.Settings, ds))
	return res, nil
}

// Setting gives the repository's timezone and business-day calendar
// (bank holidays and closures) from govctl.yaml. A holidays value the loader
// has already reported as wrong falls back to England and Wales.
func Setting(s model.Settings) (*time.Location, *calendar.Calendar, error) {
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

// Today is the calendar date of t in loc.
func Today(t time.Time, loc *time.Location) date.Date {
	y, m, d := t.In(loc).Date()
	return date.New(y, m, d)
}
