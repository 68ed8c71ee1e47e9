package remind_test

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/remind"
)

// TestAMonthOfDailyRuns runs the digests as scheduled CI would, once a day
// for 30 days (20 November to 19 December 2026), and checks each run
// against what the test repository's records say, worked out here from
// the fixture by hand rather than by the package: each thing appears from
// 14 days before its day, stays while it is open or to come, and goes once
// it is done or past; nobody with nothing due has a digest.
func TestAMonthOfDailyRuns(t *testing.T) {
	d := func(s string) date.Date { return cmdtest.Date(t, s) }
	in := inputs(t, repo)

	// The Board's members on a day: cat to 30 November, dan from 10
	// December. The Operations Group's: ann and eve.
	boardOn := func(day date.Date) []string {
		out := []string{"ann", "bob"}
		if !day.After(d("2026-11-30")) {
			out = append(out, "cat")
		}
		if !day.Before(d("2026-12-10")) {
			out = append(out, "dan")
		}
		return out
	}
	opsOn := func(date.Date) []string { return []string{"ann", "eve"} }
	member := func(on func(date.Date) []string, id string, day date.Date) bool { return slices.Contains(on(day), id) }

	type action struct {
		id, owner string
		due       func(asOf date.Date) date.Date // zero: none
		closed    date.Date                      // zero: open throughout
	}
	fixed := func(s string) func(date.Date) date.Date { return func(date.Date) date.Date { return d(s) } }
	actions := []action{
		{"A-1", "ann", fixed("2026-11-20"), date.Date{}},
		{"A-2", "bob", fixed("2026-12-10"), d("2026-11-17")},
		{"A-3", "bob", fixed("2026-12-18"), date.Date{}},
		{"A-4", "bob", func(asOf date.Date) date.Date {
			if asOf.Before(d("2026-11-17")) {
				return d("2026-12-19")
			}
			return d("2026-12-20") // moved at the meeting of 17 November
		}, date.Date{}},
		{"A-5", "cat", fixed("2026-12-10"), date.Date{}},
		{"A-6", "ann", fixed("2026-12-05"), date.Date{}},
		{"A-7", "ann", func(date.Date) date.Date { return date.Date{} }, date.Date{}},
	}
	type meeting struct {
		body, file string
		on         func(date.Date) []string
	}
	meetings := []meeting{
		{"board", "2026-11-03", boardOn}, {"board", "2026-11-17", boardOn}, {"board", "2026-12-08", boardOn},
		{"board", "2026-12-15", boardOn}, {"board", "2027-01-12", boardOn}, {"ops", "2026-12-16", opsOn},
	}
	type paper struct {
		presenter, body, file, item, deadline string
		on                                    func(date.Date) []string
	}
	papers := []paper{
		{"ann", "board", "2026-12-08", "Budget 2027", "2026-12-01", boardOn},
		{"bob", "board", "2026-12-08", "a private item", "2026-12-01", boardOn},
		{"bob", "board", "2027-01-12", "Plan for 2027", "2027-01-05", boardOn},
		{"eve", "ops", "2026-12-16", "Costing the shared service", "2026-12-09", opsOn},
	}

	start := d("2026-11-20")
	for i := range 30 {
		asOf := start.Add(date.PeriodOfDays(i))
		until := asOf.Add(14) // the fortnight, counted here, not taken from the package
		in14 := func(day date.Date) bool { return !day.Before(asOf) && !day.After(until) }
		want := map[string]map[string]bool{}
		add := func(who, what string) {
			if want[who] == nil {
				want[who] = map[string]bool{}
			}
			want[who][what] = true
		}
		overdue := map[string]bool{}
		for _, a := range actions {
			due := a.due(asOf)
			open := a.closed.IsZero() || asOf.Before(a.closed)
			if due.IsZero() || !open || due.After(until) || !member(boardOn, a.owner, asOf) {
				continue
			}
			add(a.owner, "A:board/"+a.id)
			overdue[a.id] = due.Before(asOf)
		}
		for _, m := range meetings {
			if day := d(m.file); in14(day) {
				for _, who := range m.on(day) {
					add(who, "M:"+m.body+"/"+m.file)
				}
			}
		}
		for _, p := range papers {
			day, deadline := d(p.file), d(p.deadline)
			if !asOf.After(day) && !deadline.After(until) && member(p.on, p.presenter, day) {
				add(p.presenter, "P:"+p.body+"/"+p.file+"/"+p.item)
			}
		}
		// The chair's term ends on 10 December and Ann stays in the chair;
		// the vice-chair's holding ends with its term on the 18th.
		if !d("2026-12-10").After(until) {
			add("ann", "O:board/chair")
		}
		if end := d("2026-12-18"); in14(end) {
			add("bob", "O:board/vice-chair")
		}
		// The referral of 17 November waits for the Operations Group's
		// meeting of 16 December.
		if in14(d("2026-12-16")) {
			for _, who := range opsOn(d("2026-12-16")) {
				add(who, "R:ops/board/D-1")
			}
		}

		ds := remind.Digests(in, asOf)
		got := map[string]map[string]bool{}
		for _, dg := range ds {
			if dg.Empty() {
				t.Errorf("%s: %s has an empty digest", asOf, dg.Member)
			}
			got[dg.Member] = tokens(summary([]remind.Digest{dg}))
			for _, a := range dg.Actions {
				if a.Overdue != overdue[a.ID] {
					t.Errorf("%s: %s overdue %v; want %v", asOf, a.ID, a.Overdue, overdue[a.ID])
				}
				if md := string(dg.Markdown()); strings.Contains(md, a.ID+":") && a.Overdue != strings.Contains(lineOf(md, "**Board**, "+a.ID+":"), "**overdue**") {
					t.Errorf("%s: %s's line says overdue wrongly:\n%s", asOf, a.ID, md)
				}
			}
		}
		if !slices.IsSortedFunc(ds, func(a, b remind.Digest) int { return strings.Compare(a.Slug, b.Slug) }) {
			t.Errorf("%s: digests out of order", asOf)
		}
		for _, who := range slices.Sorted(maps.Keys(union(want, got))) {
			w, g := slices.Sorted(maps.Keys(want[who])), slices.Sorted(maps.Keys(got[who]))
			if !slices.Equal(w, g) {
				t.Errorf("as of %s, %s:\n got %q\nwant %q", asOf, who, g, w)
			}
		}
	}
}

// tokens are the entries of one line of summary: "ann: A:board/A-1 P:board/2026-12-08/Budget 2027 ..."
// split before each kind's letter and colon.
func tokens(line string) map[string]bool {
	_, rest, _ := strings.Cut(line, ": ")
	out := map[string]bool{}
	cur := ""
	for _, f := range strings.Split(rest, " ") {
		if len(f) > 2 && f[1] == ':' && strings.ContainsRune("APMOR", rune(f[0])) {
			if cur != "" {
				out[cur] = true
			}
			cur = f
			continue
		}
		cur += " " + f
	}
	if cur != "" {
		out[cur] = true
	}
	return out
}

func union(a, b map[string]map[string]bool) map[string]bool {
	out := map[string]bool{}
	for k := range a {
		out[k] = true
	}
	for k := range b {
		out[k] = true
	}
	return out
}

// lineOf is the line of text holding s, or "".
func lineOf(text, s string) string {
	for _, l := range strings.Split(text, "\n") {
		if strings.Contains(l, s) {
			return l
		}
	}
	return ""
}
