package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/workspace"
)

// privateRepo has private business at every level (see its govctl.yaml).
const privateRepo = "../../testdata/private"

// privateDocs are the private files of privateRepo's Joint Committee, in
// clear, as govctl private edit would keep them.
var privateDocs = map[string]string{
	"2026-10-13": `agenda:
  - title: Zephyr Backup Tender
    minutes: |
      Three bids were evaluated against the published criteria.

      - Supplier A: too dear
      - Supplier B: best value
  - title: Pay award 2027
    minutes: The pay offer was agreed.
decisions:
  - id: D-2
    text: Award the contract to Supplier B at 4.2m
  - id: D-3
    text: Offer 3.5 per cent
actions:
  - id: A-2
    text: Notify the unsuccessful bidders
  - id: A-3
    text: Write to the unions
`,
	"2026-11-10": `agenda:
  - title: Harrow Redundancy Case
    minutes: The panel's recommendation was accepted.
decisions:
  - id: D-5
    text: Accept the panel's recommendation
actions:
  - id: A-5
    text: Confirm the outcome in writing
`,
}

// secretTexts are what the public papers must never show: every text of
// the private files, and the titles not published.
var secretTexts = []string{
	"Three bids", "Supplier", "pay offer", "3.5 per cent", "unsuccessful bidders", "unions",
	"panel's recommendation", "outcome in writing",
	"Zephyr Backup Tender", "Harrow Redundancy Case", "Zephyr Phase Two",
}

func openPrivate(t *testing.T) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.Open(privateRepo, "jc", func() time.Time { return today })
	if err != nil {
		t.Fatalf("workspace.Open: %v", err)
	}
	return ws
}

// restricted are the inputs of the restricted edition, the private files
// applied.
func restricted(t *testing.T, ws *workspace.Workspace) render.Inputs {
	t.Helper()
	docs := map[string]*private.Doc{}
	for file, text := range privateDocs {
		d, err := private.Parse([]byte(text))
		if err != nil {
			t.Fatal(err)
		}
		m := meeting(t, ws, file)
		if errs := private.Check(d, m); len(errs) > 0 {
			t.Fatalf("%s: %v", file, errs)
		}
		docs[file] = d
	}
	return ws.Restricted(docs)
}

// TestPrivateGolden: the public papers of private business, and the
// restricted edition of the same.
func TestPrivateGolden(t *testing.T) {
	ws := openPrivate(t)
	rin := restricted(t, ws)
	net, err := render.Network(ws.Inputs(), ws.Today, nil)
	if err != nil {
		t.Fatal(err)
	}
	type page struct {
		golden string
		out    func() ([]byte, error)
	}
	pages := []page{
		{"private-network.golden", func() ([]byte, error) { return net, nil }},
	}
	for _, date := range []string{"2026-10-13", "2026-11-10"} {
		pages = append(pages,
			page{"private-minutes-" + date + ".golden", func() ([]byte, error) { return render.Minutes(ws.Inputs(), meeting(t, ws, date)) }},
			page{"restricted-minutes-" + date + ".golden", func() ([]byte, error) { return render.Minutes(rin, workspace.MeetingIn(rin, date)) }},
		)
	}
	pages = append(pages,
		page{"private-agenda-2026-12-08.golden", func() ([]byte, error) { return render.Agenda(ws.Inputs(), meeting(t, ws, "2026-12-08")) }},
		page{"restricted-agenda-2026-12-08.golden", func() ([]byte, error) { return render.Agenda(rin, workspace.MeetingIn(rin, "2026-12-08")) }},
	)
	for _, p := range pages {
		t.Run(p.golden, func(t *testing.T) {
			got, err := p.out()
			if err != nil {
				t.Fatal(err)
			}
			public := strings.HasPrefix(p.golden, "private-")
			if public {
				mustNotContain(t, p.golden, got, secretTexts...)
				mustNotContain(t, p.golden, got, "Restricted edition")
			} else {
				mustContain(t, p.golden, got, "Restricted edition: private business")
			}
			path := filepath.Join("testdata", p.golden)
			if *update {
				if err := os.WriteFile(path, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./pkg/render/ -update to write it)", err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("%s differs from the golden file (go test ./pkg/render/ -update rewrites it):\n%s", p.golden, diff(string(want), string(got)))
			}
		})
	}
}

// TestPrivateFacts: what the public and the restricted papers say of each
// kind of private business.
func TestPrivateFacts(t *testing.T) {
	ws := openPrivate(t)
	out, err := render.Minutes(ws.Inputs(), meeting(t, ws, "2026-10-13"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "public minutes of 2026-10-13", out,
		"3. **A private item**, taken in private (Schedule 12A, paragraph 3)<br>Presenter: Cllr Ben Lewis<br>Paper: a private paper (encrypted, for members)\n",
		"4. **Pay award 2027**, taken in private (Schedule 12A, paragraph 4)\n",
		"- Cllr Cat South declared an interest in a private item: Spouse works for a bidder (withdrew for the item)\n",
		"Cllr Cat South withdrew for a private item; the decision was taken with 2 present.<br>\n",
		"### D-2: a private item\n\nTaken in private (Schedule 12A, paragraph 3)\n",
		"### D-3: Pay award 2027\n\nTaken in private (Schedule 12A, paragraph 4)\n",
		"| A-2 | Taken in private (Schedule 12A, paragraph 3) | Cllr Ben Lewis | 2026-11-30 |\n",
		"| A-4 | Circulate the budget to the councils |",
	)
	mustNotContain(t, "public minutes of 2026-10-13", out, "2026-10-13-bids.age")

	rin := restricted(t, ws)
	out, err = render.Minutes(rin, workspace.MeetingIn(rin, "2026-10-13"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "restricted minutes of 2026-10-13", out,
		"3. **Zephyr Backup Tender**, private (Schedule 12A, paragraph 3)<br>Presenter: Cllr Ben Lewis<br>Paper: jc/papers/private/2026-10-13-bids.age in the repository (encrypted: open it with age -d -i YOUR-KEY)\n\n   Three bids were evaluated",
		"- Cllr Cat South declared an interest in “Zephyr Backup Tender”: Spouse works for a bidder (withdrew for the item)\n",
		"### D-2: Zephyr Backup Tender\n\nPrivate (Schedule 12A, paragraph 3): Award the contract to Supplier B at 4.2m\n",
		"| A-3 | Private (Schedule 12A, paragraph 4): Write to the unions | Cllr Ada Brent | 2026-11-01 |\n",
	)
	// The workspace's own meetings stay the public record.
	if m := meeting(t, ws, "2026-10-13"); m.Decisions[0].Text != "" || m.Agenda[0].Minutes != "" {
		t.Errorf("the restricted edition changed the public record: %+v", m.Decisions[0])
	}

	// Updates at a later meeting to private actions, and matters arising.
	out, err = render.Minutes(ws.Inputs(), meeting(t, ws, "2026-11-10"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "public minutes of 2026-11-10", out,
		"3. **A private item** (urgent business), taken in private (Individual staffing matter)\n",
		"| A-3 | Taken in private (Schedule 12A, paragraph 4) | done |",
	)
	out, err = render.Agenda(ws.Inputs(), meeting(t, ws, "2026-12-08"))
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "public agenda of 2026-12-08", out,
		// The register of interests is public: the prompt is shown, the
		// title is not.
		"4. **A private item**, taken in private (Commercially confidential)<br>Paper: a private paper (encrypted, for members)<br>Concerns: Capita. Interests registered by members, to consider declaring: Cllr Cat South (Southwark): Spouse works for Capita.\n",
		"| A-2 | Taken in private (Schedule 12A, paragraph 3)<br>Latest: In hand |",
		"| D-5 | a private item | Taken in private (Individual staffing matter) | referred |\n",
	)
}

// TestPrivateNeverPublished: a record that wrongly holds private text (which
// private-leak reports, and which stops papers being written) still never
// has it on a public paper: a page is made from the public record alone.
func TestPrivateNeverPublished(t *testing.T) {
	ws := openPrivate(t)
	m := meeting(t, ws, "2026-10-13")
	leaky := *m
	leaky.Agenda = append([]model.AgendaItem(nil), m.Agenda...)
	leaky.Decisions = append([]model.Decision(nil), m.Decisions...)
	leaky.Actions = append([]model.Action(nil), m.Actions...)
	leaky.Agenda[0].Minutes = "LEAK minutes of the tender"
	leaky.Agenda[0].Paper = "papers/LEAK-bids.pdf"
	leaky.Agenda[1].Minutes = "LEAK minutes of the pay award"
	leaky.Decisions[0].Text = "LEAK award to Supplier B"
	leaky.Decisions[1].Text = "LEAK offer"
	leaky.Decisions[2].Item = "Zephyr Backup Tender" // public, under a private item
	leaky.Decisions[2].Text = "LEAK decision under the private item"
	leaky.Actions[0].Text = "LEAK notify bidders"
	out, err := render.Minutes(ws.Inputs(), &leaky)
	if err != nil {
		t.Fatal(err)
	}
	mustNotContain(t, "minutes of a leaky record", out, "LEAK", "Zephyr")
	mustContain(t, "minutes of a leaky record", out, "### D-4: a private item\n\nTaken in private (Schedule 12A, paragraph 3)\n")
}
