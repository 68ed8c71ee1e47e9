package popolo_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/popolo"
	"github.com/govctl/govctl/pkg/terms"
)

var update = flag.Bool("update", false, "rewrite testdata/repo.popolo.json from the current output")

// export loads testdata/repo and exports every body of it.
func export(t *testing.T) []byte {
	t.Helper()
	return exportDir(t, "testdata/repo")
}

// exportDir loads the repository in dir and exports every body of it.
func exportDir(t *testing.T, dir string) []byte {
	t.Helper()
	repo, ds, err := load.Load(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		t.Errorf("loading %s: %s: %s %s", dir, d.Pos, d.Rule, d.Message)
	}
	x := terms.NewRepo(repo)
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	b, err := popolo.Export(x, x.Nets(), popolo.Options{Location: loc}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// draft4 rewrites a Popolo schema, JSON Schema draft 03, as the draft 04
// schema that means the same: a property's "required": true becomes its
// object's "required" list, and $schema goes (the compiler is told the
// draft). Nothing else in the Popolo schemas differs between the drafts.
func draft4(v any) any {
	switch x := v.(type) {
	case map[string]any:
		out := map[string]any{}
		var required []any
		for k, val := range x {
			if k == "$schema" {
				continue
			}
			if k == "properties" {
				props := map[string]any{}
				for name, p := range val.(map[string]any) {
					if pm, ok := p.(map[string]any); ok && pm["required"] == true {
						required = append(required, name)
					}
					props[name] = draft4(p)
				}
				out[k] = props
				continue
			}
			if k == "required" {
				if _, ok := val.(bool); ok {
					continue
				}
			}
			out[k] = draft4(val)
		}
		if len(required) > 0 {
			sort.Slice(required, func(i, j int) bool { return required[i].(string) < required[j].(string) })
			out["required"] = required
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = draft4(e)
		}
		return out
	}
	return v
}

// schemas compiles the vendored Popolo schemas, formats asserted (a date-time
// must be one), by the name of their file.
func schemas(t *testing.T) map[string]*jsonschema.Schema {
	t.Helper()
	files, err := filepath.Glob("testdata/schemas/*.json")
	if err != nil || len(files) < 10 {
		t.Fatalf("the vendored schemas: %v (%d files)", err, len(files))
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft4)
	c.AssertFormat()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		if err := c.AddResource(schemaURL(filepath.Base(f)), draft4(doc)); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, f := range files {
		s, err := c.Compile(schemaURL(filepath.Base(f)))
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		out[strings.TrimSuffix(filepath.Base(f), ".json")] = s
	}
	return out
}

func schemaURL(file string) string { return "http://www.popoloproject.com/schemas/" + file }

// collections are the document's lists and the schema each object of one
// must satisfy.
var collections = map[string]string{
	"organizations": "organization",
	"persons":       "person",
	"posts":         "post",
	"memberships":   "membership",
	"events":        "event",
	"motions":       "motion",
	"vote_events":   "vote_event",
}

// TestExportIsPopolo checks every object of the export of testdata/repo,
// and of the seeded repository, against the Popolo schema of its kind, and
// that the check can fail.
func TestExportIsPopolo(t *testing.T) {
	ss := schemas(t)
	for _, dir := range []string{"testdata/repo", "../../networks"} {
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(exportDir(t, dir)))
		if err != nil {
			t.Fatal(err)
		}
		top := doc.(map[string]any)
		for coll, kind := range collections {
			list, ok := top[coll].([]any)
			if !ok {
				t.Errorf("%s: %s is not a list", dir, coll)
				continue
			}
			if len(list) == 0 && dir == "testdata/repo" {
				t.Errorf("%s: no %s exported", dir, coll)
			}
			for _, obj := range list {
				if err := ss[kind].Validate(obj); err != nil {
					t.Errorf("%s: %s %v is not a Popolo %s: %v", dir, coll, obj.(map[string]any)["id"], kind, err)
				}
			}
		}
	}
	// The schemas do judge: a vote event whose count has no value, a
	// membership whose start date is not a date and a motion whose date is
	// not a date-time fail.
	for kind, bad := range map[string]string{
		"vote_event": `{"counts": [{"option": "yes"}]}`,
		"membership": `{"start_date": "17 November 2026"}`,
		"motion":     `{"date": "2026-11-17"}`,
	} {
		v, err := jsonschema.UnmarshalJSON(strings.NewReader(bad))
		if err != nil {
			t.Fatal(err)
		}
		if ss[kind].Validate(v) == nil {
			t.Errorf("the %s schema accepts %s", kind, bad)
		}
	}
}

// TestExportGolden: the whole document, byte for byte, and the same on a
// second run.
func TestExportGolden(t *testing.T) {
	out := export(t)
	if again := export(t); !bytes.Equal(out, again) {
		t.Error("two exports of one repository differ")
	}
	path := filepath.Join("testdata", "repo.popolo.json")
	if *update {
		if err := os.WriteFile(path, out, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./pkg/popolo -update to write it)", err)
	}
	if !bytes.Equal(out, want) {
		t.Errorf("the export differs from %s (go test ./pkg/popolo -update rewrites it):\n%s", path, firstDiff(string(want), string(out)))
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, wl, gl)
		}
	}
	return ""
}

// TestExportFacts checks what the export says of the records.
func TestExportFacts(t *testing.T) {
	var doc popolo.Document
	if err := json.Unmarshal(export(t), &doc); err != nil {
		t.Fatal(err)
	}
	ids := func(n int, id func(int) string) []string {
		var out []string
		for i := range n {
			out = append(out, id(i))
		}
		return out
	}
	for name, list := range map[string][]string{
		"organizations": ids(len(doc.Organizations), func(i int) string { return doc.Organizations[i].ID }),
		"persons":       ids(len(doc.Persons), func(i int) string { return doc.Persons[i].ID }),
		"posts":         ids(len(doc.Posts), func(i int) string { return doc.Posts[i].ID }),
		"memberships":   ids(len(doc.Memberships), func(i int) string { return doc.Memberships[i].ID }),
		"events":        ids(len(doc.Events), func(i int) string { return doc.Events[i].ID }),
		"motions":       ids(len(doc.Motions), func(i int) string { return doc.Motions[i].ID }),
		"vote_events":   ids(len(doc.VoteEvents), func(i int) string { return doc.VoteEvents[i].ID }),
	} {
		if !slices.IsSorted(list) || len(slices.Compact(slices.Clone(list))) != len(list) {
			t.Errorf("%s: ids not sorted and unique: %q", name, list)
		}
	}
	org := map[string]popolo.Organization{}
	for _, o := range doc.Organizations {
		org[o.ID] = o
	}
	if o := org["govctl:network/omg"]; o.ParentID != "govctl:network/jmb" || o.Classification != "body" {
		t.Errorf("omg: %+v, want a body whose parent is jmb", o)
	}
	if o := org["govctl:network/jmb"]; o.FoundingDate != "2016" || o.SecretariatID != "govctl:organisation/sts" || !slices.Equal(o.Sponsors, []string{"govctl:organisation/brent", "Chief Executives' Group"}) ||
		o.Quorum == nil || !slices.Equal(o.Quorum.EachOrganisationOf, []string{"govctl:organisation/brent", "govctl:organisation/lewisham"}) ||
		o.Voting == nil || o.Voting.Basis != "organisation" || !o.Voting.CastingVote || o.WorkProgramme == nil || len(o.WorkProgramme.Items) != 1 {
		t.Errorf("jmb: %+v", o)
	}
	if o := org["govctl:organisation/brent"]; !slices.Equal(o.Groups, []string{"boroughs"}) || o.Classification != "organisation" {
		t.Errorf("brent: %+v", o)
	}

	ms := map[string]popolo.Membership{}
	for _, m := range doc.Memberships {
		ms[m.ID] = m
	}
	if m := ms["govctl:network/jmb/member/lewisham-cx/membership"]; m.OnBehalfOfID != "govctl:organisation/lewisham" || m.PostID != "govctl:network/jmb/seat/partner" || m.StartDate != "2025-04-01" || m.EndDate != "2026-08-31" || m.OrganizationID != "govctl:network/jmb" {
		t.Errorf("lewisham-cx's membership: %+v", m)
	}
	if m := ms["govctl:network/jmb/office-holder/2"]; m.PersonID != "govctl:network/jmb/member/lewisham-cx2" || m.PostID != "govctl:network/jmb/office/chair" || m.Role != "chair" || m.StartDate != "2026-09-01" {
		t.Errorf("the second chair: %+v", m)
	}
	if m := ms["govctl:network/omg/member/sts-lead/membership"]; m.Votes == nil || *m.Votes {
		t.Errorf("sts-lead votes: %+v", m)
	}

	motions := map[string]popolo.Motion{}
	for _, m := range doc.Motions {
		motions[m.ID] = m
	}
	if m := motions["govctl:network/jmb/decision/J-1"]; m.Text != "Recommend the budget to the councils" || m.Result != "pass" || m.Date != "2026-10-06T09:00:00Z" || m.LegislativeSessionID != "govctl:network/jmb/meeting/2026-10-06" {
		t.Errorf("J-1: %+v (10:00 in summer time is 09:00 UTC)", m)
	}
	if m := motions["govctl:network/omg/decision/O-2"]; m.Text != "taken in private (Schedule 12A, paragraph 3)" || m.Item != "a private item" || m.Result != "referred" {
		t.Errorf("O-2, private: %+v", m)
	}
	ve := map[string]popolo.VoteEvent{}
	for _, v := range doc.VoteEvents {
		ve[v.ID] = v
	}
	// Voting by organisation: the voters are organisations.
	if v := ve["govctl:network/jmb/decision/J-1/vote"]; len(v.Votes) != 2 || v.Votes[0].VoterID != "govctl:organisation/brent" || v.Counts[0] != (popolo.Count{Option: "yes", Value: 2}) {
		t.Errorf("J-1's vote: %+v", v)
	}
	// brent-it withdrew for the backup contract: the decision's quorum
	// leaves them out.
	if v := ve["govctl:network/omg/decision/O-1/vote"]; v.Quorum == nil || !v.Quorum.Quorate || v.Quorum.Present != 2 || !slices.Equal(v.Quorum.WithdrewIDs, []string{"govctl:network/omg/member/brent-it"}) || v.Votes[0].VoterID != "govctl:network/omg/member/lewisham-dep" {
		t.Errorf("O-1's vote: %+v", v)
	}
	if _, ok := ve["govctl:network/omg/decision/O-2/vote"]; ok {
		t.Error("a vote event for O-2, which recorded no votes")
	}

	ev := map[string]popolo.Event{}
	for _, e := range doc.Events {
		ev[e.ID] = e
	}
	e := ev["govctl:network/omg/meeting/2026-11-17"]
	if e.StartDate != "2026-11-17T09:30:00Z" || e.EndDate != "2026-11-17T10:30:00Z" || e.Status != "held" || e.Location != "Brent Civic Centre" || e.Quorum == nil || e.Quorum.Present != 3 {
		t.Errorf("omg 2026-11-17: %+v", e)
	}
	if len(e.Declarations) != 1 || !e.Declarations[0].Withdrew || e.Agenda[1].Title != "a private item" || e.Agenda[1].Paper != "" || !slices.Equal(e.Agenda[0].Concerns, []string{"govctl:organisation/capita"}) {
		t.Errorf("omg 2026-11-17: agenda %+v, declarations %+v", e.Agenda, e.Declarations)
	}
	if e := ev["govctl:network/omg/meeting/2026-12-22"]; e.Status != "cancelled" || e.CancelledReason != "No business" || e.StartDate != "2026-12-22" {
		t.Errorf("the cancelled meeting: %+v", e)
	}
	if e := ev["govctl:network/jmb/meeting/2026-10-06"]; e.Attendance == nil || len(e.Attendance.StandIns) != 1 || !e.Attendance.StandIns[0].Counted {
		t.Errorf("jmb 2026-10-06: the stand-in: %+v", e.Attendance)
	}
	acts := org["govctl:network/omg"].Actions
	if len(acts) != 1 || acts[0].Text != "taken in private (Schedule 12A, paragraph 3)" || acts[0].Status != "done" || len(acts[0].Updates) != 1 {
		t.Errorf("omg's actions: %+v", acts)
	}
	for _, p := range doc.Persons {
		if p.ID == "govctl:network/omg/member/brent-it" && (len(p.Interests) != 1 || p.Interests[0].OrganizationIDs[0] != "govctl:organisation/capita") {
			t.Errorf("brent-it's interests: %+v", p.Interests)
		}
	}
}

// TestExportKeepsPrivateBusinessOut: the title of a private item whose
// body does not publish it is in the records, and not in the export.
func TestExportKeepsPrivateBusinessOut(t *testing.T) {
	rec, err := os.ReadFile("testdata/repo/omg/meetings/2026-11-17.yaml")
	if err != nil {
		t.Fatal(err)
	}
	out := export(t)
	for _, s := range []string{"Zephyr Supplier Review", "2026-11-17-review.age"} {
		if !bytes.Contains(rec, []byte(s)) {
			t.Fatalf("the record lacks %q: the test cannot fail", s)
		}
		if bytes.Contains(out, []byte(s)) {
			t.Errorf("the export holds the private %q", s)
		}
	}
}
