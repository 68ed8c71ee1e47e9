package terms_test

import (
	"slices"
	"testing"
)

// TestOrganisers: the secretary's holders first, then the chair's, then the
// facilitator's, each once and only while in office.
func TestOrganisers(t *testing.T) {
	rx := loadFiles(t, map[string]string{
		"organisations.yaml": "organisations:\n  - {id: a, name: Org A}\n",
		"n/network.yaml": `id: n
name: N
offices:
  Co-Chair: {count: 2}
  Lead: {}
  Clerk: {}
seats:
  - {organisations: [a], per_organisation: {min: 0, max: 9}, title: M}
meetings: {ordinary: {every: P1M}}
`,
		"n/members.yaml": `members:
  - {id: ann, name: Ann, organisation: a, seat: M}
  - {id: bob, name: Bob, organisation: a, seat: M}
  - {id: cat, name: Cat, organisation: a, seat: M}
  - {id: dan, name: Dan, organisation: a, seat: M}
office_holders:
  - {office: Lead, member: dan}
  - {office: Co-Chair, member: bob}
  - {office: Co-Chair, member: ann}
  - {office: Lead, member: ann}
  - {office: Clerk, member: cat, until: 2026-06-30}
`,
	})
	nx := rx.Network(rx.Networks["n"])
	for _, tc := range []struct {
		day  string
		want []string
	}{
		{"2026-06-30", []string{"cat", "bob", "ann", "dan"}},
		{"2026-07-01", []string{"bob", "ann", "dan"}},
	} {
		if got := nx.Organisers(day(tc.day)); !slices.Equal(got, tc.want) {
			t.Errorf("on %s: %v; want %v", tc.day, got, tc.want)
		}
	}
}
