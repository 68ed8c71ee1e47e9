package render_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/workspace"
)

// referralsRepo is a chain of bodies that refer business to one another
// (see its govctl.yaml): omg refers to jmb, which refers the budget on to
// jc; one referral is private, one deferred, one goes outside.
const referralsRepo = "../../testdata/referrals"

func openBody(t *testing.T, id string) *workspace.Workspace {
	t.Helper()
	ws, err := workspace.OpenAgendas(referralsRepo, id, func() time.Time { return today })
	if err != nil {
		t.Fatalf("workspace.Open %s: %v", id, err)
	}
	return ws
}

// referralPages are the goldens of referrals: the agendas that list what
// waits, the minutes on both sides, and each body's register.
var referralPages = []struct {
	golden, body, date string
	render             func(render.Inputs, *workspace.Workspace, string) ([]byte, error)
}{
	{"referrals-agenda-jmb-2027-01-06.golden", "jmb", "2027-01-06", agendaOf},
	{"referrals-agenda-jc-2027-01-20.golden", "jc", "2027-01-20", agendaOf},
	{"referrals-minutes-omg-2026-11-17.golden", "omg", "2026-11-17", minutesOf},
	{"referrals-minutes-jmb-2026-12-02.golden", "jmb", "2026-12-02", minutesOf},
	{"referrals-register-omg.golden", "omg", "", registerOf},
	{"referrals-register-jmb.golden", "jmb", "", registerOf},
	{"referrals-register-jc.golden", "jc", "", registerOf},
}

func agendaOf(in render.Inputs, ws *workspace.Workspace, date string) ([]byte, error) {
	m, err := ws.Meeting(date, "")
	if err != nil {
		return nil, err
	}
	return render.Agenda(in, m)
}

func minutesOf(in render.Inputs, ws *workspace.Workspace, date string) ([]byte, error) {
	m, err := ws.Meeting(date, "")
	if err != nil {
		return nil, err
	}
	return render.Minutes(in, m)
}

func registerOf(in render.Inputs, _ *workspace.Workspace, _ string) ([]byte, error) {
	return render.Register(in)
}

func TestReferralGolden(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM))
	for _, p := range referralPages {
		t.Run(p.golden, func(t *testing.T) {
			ws := openBody(t, p.body)
			got, err := p.render(ws.Inputs(), ws, p.date)
			if err != nil {
				t.Fatal(err)
			}
			// The private referral's item and text never show.
			mustNotContain(t, p.golden, got, "Cloud backup contract", "Director appointment")
			for _, problem := range renderingProblems(md, got) {
				t.Errorf("%s: %s", p.golden, problem)
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

// TestReferralFacts: what each side says of a referral, and the links
// between the bodies' folders.
func TestReferralFacts(t *testing.T) {
	jmb := openBody(t, "jmb")
	agenda, err := agendaOf(jmb.Inputs(), jmb, "2027-01-06")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "jmb's agenda", agenda,
		"4. **Referrals from other bodies**<br>To consider what other bodies have referred to this one for an answer (below).\n",
		// Deferred at jmb's last meeting: it still waits. The budget,
		// referred on, does not.
		"| Operational Management Group | [Tuesday 17 November 2026](../../omg/meetings/2026-11-17.minutes.md) | D-2026-11-17-3 | a private item | taken in private (Schedule 12A, paragraph 3) |\n",
	)
	mustNotContain(t, "jmb's agenda", agenda, "D-2026-11-17-1 |")

	omg := openBody(t, "omg")
	minutes, err := minutesOf(omg.Inputs(), omg, "2026-11-17")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "omg's minutes", minutes,
		"Referred to the [Joint Management Board](../../jmb/decisions.md): referred on to the [Joint Committee](../../jc/decisions.md) on Wednesday 2 December 2026 ([J-2026-12-02-1](../../jmb/meetings/2026-12-02.minutes.md)).\n",
		"Referred to the [Joint Management Board](../../jmb/decisions.md): deferred on Wednesday 2 December 2026 ([J-2026-12-02-2](../../jmb/meetings/2026-12-02.minutes.md)); not yet settled.\n",
		"Referred to no body of this repository.\n",
	)
	minutes, err = minutesOf(jmb.Inputs(), jmb, "2026-12-02")
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "jmb's minutes", minutes,
		"Answers [D-2026-11-17-1](../../omg/meetings/2026-11-17.minutes.md), referred by the [Operational Management Group](../../omg/decisions.md) on Tuesday 17 November 2026: Recommend the 2027/28 budget to the Joint Management Board\n",
		"Referred to the [Joint Committee](../../jc/decisions.md): not yet answered.\n",
	)

	jc := openBody(t, "jc")
	register, err := render.Register(jc.Inputs())
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "jc's register", register,
		"## Referrals waiting for this body",
		"| Joint Management Board | [Wednesday 2 December 2026](../jmb/meetings/2026-12-02.minutes.md) | J-2026-12-02-1 |",
	)
	page, err := render.Network(jc.Inputs(), jc.Today, nil)
	if err != nil {
		t.Fatal(err)
	}
	mustContain(t, "jc's page", page, "The [decision register](decisions.md) lists every decision taken at the body's held meetings (1), with what was referred to other bodies and how it was answered. 1 referral from other bodies waits for an answer.\n")
}
