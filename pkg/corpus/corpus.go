// Package corpus writes synthetic governance repositories for benchmarks and
// scale tests: N bodies, each with members, a work programme and Y years of
// monthly meetings (attendance, decisions with votes, actions and updates).
// The output is deterministic for a seed and valid under govctl validate.
package corpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/schedule"
)

// Version names what Write writes. tools/benchrun keeps generated corpora
// between runs under names that include it, so it must change whenever the
// output for given Options does; TestVersionNamesTheOutput fails until it
// does.
const Version = 2

// Options size the repository.
type Options struct {
	Bodies int
	Years  int
	Seed   uint64
	// Start is the first meeting month; the default is January 2017.
	Start date.Date
	// Members per body (default 12: 4 organisations x 3).
	Orgs int
}

// Write creates the repository in dir (which must be empty or absent).
func Write(dir string, o Options) error {
	if o.Bodies <= 0 {
		o.Bodies = 1
	}
	if o.Years <= 0 {
		o.Years = 1
	}
	if o.Orgs <= 0 {
		o.Orgs = 4
	}
	if o.Start.IsZero() {
		o.Start = date.New(2017, 1, 1)
	}
	rng := rand.New(rand.NewPCG(o.Seed, o.Seed^0x9e3779b97f4a7c15))
	w := &writer{dir: dir}
	w.file("govctl.yaml", "timezone: Europe/London\nholidays: england-and-wales\nrules:\n  unscheduled: off\n  minutes-missing: off\n  papers-overdue: off\n  action-overdue: off\n  work-item-stale: off\n  milestone-overdue: off\n")
	var orgs strings.Builder
	orgs.WriteString("organisations:\n")
	for i := range o.Orgs {
		fmt.Fprintf(&orgs, "  - id: org-%d\n    name: Organisation %d\n    groups: [members]\n", i, i)
	}
	w.file("organisations.yaml", orgs.String())
	for b := range o.Bodies {
		w.body(b, o, rng)
	}
	return w.err
}

type writer struct {
	dir string
	err error
}

func (w *writer) file(rel, content string) {
	if w.err != nil {
		return
	}
	p := filepath.Join(w.dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(p, []byte(content), 0o644)
}

func (w *writer) body(b int, o Options, rng *rand.Rand) {
	id := fmt.Sprintf("body-%04d", b)
	parent := ""
	if b > 0 {
		parent = fmt.Sprintf("parent: body-%04d\n", (b-1)/10)
	}
	terms := fmt.Sprintf(`id: %s
name: Body %d
%spurpose: A synthetic body for benchmarks.
secretariat: org-0
offices:
  chair:
    appointment: elected
    term: P50Y
seats:
  - group: members
    per_organisation: 1
    title: Representative
    votes: 1
    substitute: allowed
quorum:
  members: 2
  fraction: 1/2
voting:
  basis: organisation
  method: majority
  base: cast
meetings:
  ordinary:
    every: P1M
    on: second Tuesday
    start: "10:00"
    duration: PT2H
    venue: online
    notice:
      business_days: 2
    standing_items: [Apologies for absence, Minutes of the last meeting]
`, id, b, parent)
	if b == 0 {
		// The first body's terms were amended after a year: its first
		// year is judged by the version kept under terms/.
		amended := o.Start.AddDate(1, 0, 0)
		w.file(id+"/terms/"+o.Start.String()+".yaml", strings.Replace(terms, "  members: 2\n", "  members: 3\n", 1))
		terms = strings.Replace(terms, "name: Body 0\n", "name: Body 0\neffective: "+amended.String()+"\n", 1)
	}
	w.file(id+"/network.yaml", terms)
	var m strings.Builder
	m.WriteString("members:\n")
	for i := range o.Orgs {
		fmt.Fprintf(&m, "  - id: m-%d\n    name: Representative of Organisation %d\n    organisation: org-%d\n    seat: Representative\n", i, i, i)
		fmt.Fprintf(&m, "  - id: d-%d\n    name: Deputy, Organisation %d\n    organisation: org-%d\n", i, i, i)
	}
	fmt.Fprintf(&m, "office_holders:\n  - office: chair\n    member: m-0\n    from: %s\n", o.Start)
	w.file(id+"/members.yaml", m.String())
	w.file(id+"/work-programme.yaml", fmt.Sprintf(`period: {from: %s, until: %s}
items:
  - id: wp-1
    title: Shared data standards
    lead: m-1
    status: on-track
    milestones:
      - {title: Survey, due: %s, done: %s}
    updates:
      - {date: %s, text: Survey returned}
`, o.Start, o.Start.AddDate(o.Years, 0, -1), o.Start.AddDate(0, 2, 0), o.Start.AddDate(0, 1, 0), o.Start.AddDate(0, 1, 0)))

	var prev string
	action := 0
	for i := range o.Years * 12 {
		first := o.Start.AddDate(0, i, 0)
		d := schedule.Ordinal{N: 2, Weekday: time.Tuesday}.In(first.Year(), first.Month())
		var r strings.Builder
		fmt.Fprintf(&r, "date: %s\nkind: ordinary\nstatus: held\nchair: m-0\npapers_sent: %s\n", d, d.Add(-7))
		present := []string{}
		var apologies []string
		for k := range o.Orgs {
			if k > 1 && rng.IntN(6) == 0 {
				apologies = append(apologies, fmt.Sprintf("m-%d", k))
			} else {
				present = append(present, fmt.Sprintf("m-%d", k))
			}
		}
		fmt.Fprintf(&r, "attendance:\n  present: [%s]\n  apologies: [%s]\n", strings.Join(present, ", "), strings.Join(apologies, ", "))
		r.WriteString("agenda:\n  - title: Apologies for absence\n  - title: Minutes of the last meeting\n  - title: Budget\n    kind: decision\n    presenter: m-0\n")
		if prev != "" {
			fmt.Fprintf(&r, "approves_minutes: [%s]\n", prev)
		}
		var voters []string
		for k := range o.Orgs {
			if slices.Contains(present, fmt.Sprintf("m-%d", k)) {
				voters = append(voters, fmt.Sprintf("org-%d", k))
			}
		}
		fmt.Fprintf(&r, "decisions:\n  - id: D-%d\n    item: Budget\n    text: Agree the budget\n    outcome: agreed\n    votes:\n      for: [%s]\n      against: []\n", i, strings.Join(voters, ", "))
		action++
		fmt.Fprintf(&r, "actions:\n  - id: A-%d\n    text: Report on item %d\n    owner: m-%d\n    due: %s\n", action, i, rng.IntN(o.Orgs), d.Add(20))
		if action > 1 {
			fmt.Fprintf(&r, "action_updates:\n  - action: A-%d\n    status: done\n    note: Reported\n", action-1)
		}
		w.file(fmt.Sprintf("%s/meetings/%s.yaml", id, d), r.String())
		prev = d.String()
	}
}
