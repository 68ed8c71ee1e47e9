package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/workspace"
)

// TestInterestsGolden: the register of interests on the network page, the
// interests registered against the items of an agenda that concern an
// organisation, and the minutes of a meeting where members withdrew.
func TestInterestsGolden(t *testing.T) {
	ws, err := workspace.Open("testdata/interests", "jc", func() time.Time { return today })
	if err != nil {
		t.Fatalf("workspace.Open: %v", err)
	}
	pages := []struct {
		golden string
		out    func() ([]byte, error)
	}{
		{"interests-network.golden", func() ([]byte, error) { return render.Network(ws.Inputs(), ws.Today, nil) }},
		{"interests-agenda-2026-12-15.golden", func() ([]byte, error) { return render.Agenda(ws.Inputs(), meeting(t, ws, "2026-12-15")) }},
		{"interests-minutes-2026-11-17.golden", func() ([]byte, error) { return render.Minutes(ws.Inputs(), meeting(t, ws, "2026-11-17")) }},
	}
	got := map[string][]byte{}
	for _, p := range pages {
		t.Run(p.golden, func(t *testing.T) {
			out, err := p.out()
			if err != nil {
				t.Fatal(err)
			}
			got[p.golden] = out
			// The private items' titles are not published; the register is.
			mustNotContain(t, p.golden, out, "Zephyr")
			path := filepath.Join("testdata", p.golden)
			if *update {
				if err := os.WriteFile(path, out, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test ./pkg/render/ -update to write it)", err)
			}
			if !bytes.Equal(out, want) {
				t.Errorf("%s differs from the golden file (go test ./pkg/render/ -update rewrites it):\n%s", p.golden, diff(string(want), string(got[p.golden])))
			}
		})
	}

	// The network page: the interests registered on its date, 10 December
	// (Ben Lewis's Veolia directorship ended in June; Eve Lewis's
	// governorship began on 1 December).
	mustContain(t, "network page", got["interests-network.golden"],
		"## Registered interests\n",
		"| Cllr Ada Brent | Spouse employed by Capita | Capita | Sunday 1 June 2025 |\n",
		"| Cllr Ben Lewis (Lewisham) | Shareholder in Serco and Capita | Serco, Capita |  |\n",
		"| Cllr Eve Lewis (Lewisham) | Governor of a school whose catering Serco provides | Serco | Tuesday 1 December 2026 |\n")
	mustNotContain(t, "network page", got["interests-network.golden"], "Veolia")

	// The agenda: each item that concerns an organisation, with the
	// interests the members expected on 15 December have registered in it;
	// a private item's prompt without its title.
	mustContain(t, "agenda", got["interests-agenda-2026-12-15.golden"],
		"**Waste collection contract**<br>Concerns: Veolia. No member has registered a related interest.\n",
		"**Catering and facilities**<br>Concerns: Serco and Capita. Interests registered by members, to consider declaring: Cllr Ada Brent: Spouse employed by Capita; Cllr Ben Lewis (Lewisham): Shareholder in Serco and Capita; Cllr Eve Lewis (Lewisham): Governor of a school whose catering Serco provides.\n",
		"**A private item**, taken in private (Commercially confidential)<br>Concerns: Capita. Interests registered by members, to consider declaring: Cllr Ada Brent: Spouse employed by Capita; Cllr Ben Lewis (Lewisham): Shareholder in Serco and Capita.\n")

	// The minutes: who withdrew, and with how many present each decision
	// was taken.
	mustContain(t, "minutes", got["interests-minutes-2026-11-17.golden"],
		"- Cllr Ben Lewis declared an interest in “Revenues and benefits contract”: Shareholder in Capita (withdrew for the item)\n",
		"- Cllr Ben Lewis declared an interest in a private item: Shareholder in Serco (withdrew for the item)\n",
		"Cllr Ben Lewis withdrew for “Revenues and benefits contract”; the decision was taken with 2 present.",
		"> **Warning:** taken without a quorum once Cllr Ben Lewis withdrew: 2 present, at least 3 needed.",
		"Cllr Ben Lewis withdrew for a private item; the decision was taken with 2 present.",
		"> **Warning:** votes recorded from Cllr Ben Lewis, withdrawn for the item, are not counted.",
		"The meeting was quorate.")
	if n := bytes.Count(got["interests-minutes-2026-11-17.golden"], []byte("withdrew for")); n != 4 {
		t.Errorf("the minutes say %d times who withdrew, want 4 (two declarations, two decisions)", n)
	}
}
