package terms_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// A small repository: organisations a, b and c (1 vote each under a seat)
// and d (a seat of its own, 2 votes, or none). Each network below judges one
// kind of quorum or one voting rule; meetings are named by date.
var testRepo = map[string]string{
	"organisations.yaml": `
organisations:
  - {id: a, name: Org A, short_name: A}
  - {id: b, name: Org B, short_name: B}
  - {id: c, name: Org C, short_name: C}
  - {id: d, name: Org D, short_name: D}
`,

	// Quorum: a voting member or substitute from each of a, b and c. b's
	// member changed on 1 October; c has a deputy with no seat; d's seat has
	// no vote.
	"q-orgs/network.yaml": `
id: q-orgs
name: Quorum by organisation
seats:
  - {organisations: [a, b, c], title: P}
  - {organisations: [d], title: O, votes: 0}
quorum: {each_organisation_of: [a, b, c]}
meetings: {ordinary: {duration: PT2H}}
`,
	"q-orgs/members.yaml":             orgsMembers,
	"q-orgs/meetings/2026-09-08.yaml": meeting("present: [a1, b-old, c1]"),
	"q-orgs/meetings/2026-09-22.yaml": meeting("present: [a1, b1, c1]"),
	"q-orgs/meetings/2026-10-06.yaml": meeting("present: [a1, b-old, c1, d1]"),
	"q-orgs/meetings/2026-10-13.yaml": meeting("present: [a1, b1]\n  substitutes: {c-sub: c1}"),
	"q-orgs/meetings/2026-10-20.yaml": meeting("present: [a1, b1, c-sub]"),
	"q-orgs/meetings/2026-10-27.yaml": "date: 2026-10-27\nkind: ordinary\nstatus: held\n",

	"q-nosubs/network.yaml": `
id: q-nosubs
name: Quorum by organisation, substitutes do not count
seats:
  - {organisations: [a, b, c], title: P}
  - {organisations: [d], title: O, votes: 0}
quorum: {each_organisation_of: [a, b, c], substitutes_count: false}
meetings: {ordinary: {duration: PT2H}}
`,
	"q-nosubs/members.yaml":             orgsMembers,
	"q-nosubs/meetings/2026-10-13.yaml": meeting("present: [a1, b1]\n  substitutes: {c-sub: c1}"),
	"q-nosubs/meetings/2026-10-14.yaml": meeting("present: [a1, b1, c1]"),

	// Quorum: at least 3 members present.
	"q-members/network.yaml": `
id: q-members
name: Quorum by count
seats:
  - {organisations: [a, b, c, d], per_organisation: {min: 1, max: 2}, title: M}
quorum: {members: 3}
meetings: {ordinary: {duration: PT2H}}
`,
	"q-members/members.yaml":             countMembers,
	"q-members/meetings/2026-10-06.yaml": meeting("present: [a1, b1, c1]"),
	"q-members/meetings/2026-10-07.yaml": meeting("present: [a1, a-old, b1]"),
	"q-members/meetings/2026-10-08.yaml": meeting("present: [a1, b1]\n  substitutes: {c-sub: c1}"),
	"q-members/meetings/2026-10-09.yaml": meeting("present: [a1, b1, d-obs]"),
	"q-members/meetings/2026-10-12.yaml": meeting("present: [a1, b1]\n  substitutes: {c-sub: a1}"),

	"q-members-nosubs/network.yaml": `
id: q-members-nosubs
name: Quorum by count, substitutes do not count
seats:
  - {organisations: [a, b, c, d], per_organisation: {min: 1, max: 2}, title: M}
quorum: {members: 3, substitutes_count: false}
meetings: {ordinary: {duration: PT2H}}
`,
	"q-members-nosubs/members.yaml":             countMembers,
	"q-members-nosubs/meetings/2026-10-08.yaml": meeting("present: [a1, b1]\n  substitutes: {c-sub: c1}"),

	// Quorum: half the voting members, rounded up. Four vote before
	// 1 October (b2 has votes: false, c2 joins then), five after.
	"q-fraction/network.yaml": `
id: q-fraction
name: Quorum by share
seats:
  - {organisations: [a, b, c], per_organisation: {min: 1, max: 2}, title: M}
  - {organisations: [d], title: O, votes: 0}
quorum: {fraction: 1/2}
meetings: {ordinary: {duration: PT2H}}
`,
	"q-fraction/members.yaml": `
members:
  - {id: a1, name: A1, organisation: a, seat: M}
  - {id: a2, name: A2, organisation: a, seat: M}
  - {id: b1, name: B1, organisation: b, seat: M}
  - {id: b2, name: B2, organisation: b, seat: M, votes: false}
  - {id: c1, name: C1, organisation: c, seat: M}
  - {id: c2, name: C2, organisation: c, seat: M, from: 2026-10-01}
  - {id: c-sub, name: C deputy, organisation: c}
  - {id: d1, name: D1, organisation: d, seat: O}
`,
	"q-fraction/meetings/2026-09-10.yaml": meeting("present: [a1, b1, b2, d1]"),
	"q-fraction/meetings/2026-10-08.yaml": meeting("present: [a1, b1, b2, d1]"),
	"q-fraction/meetings/2026-10-09.yaml": meeting("present: [a1, b1, c2]"),
	"q-fraction/meetings/2026-10-12.yaml": meeting("present: [a1, b1]\n  substitutes: {c-sub: c1}"),

	"q-none/network.yaml":             "id: q-none\nname: No quorum\nseats: [{organisations: [a], title: P}]\nmeetings: {ordinary: {duration: PT2H}}\n",
	"q-none/members.yaml":             "members:\n  - {id: a1, name: A1, organisation: a, seat: P}\n",
	"q-none/meetings/2026-10-06.yaml": "date: 2026-10-06\nkind: ordinary\nstatus: held\n",

	// Voting by organisation: a, b and c hold 1 vote each, d holds 2.
	"v-majority/network.yaml":                      orgVoting("v-majority", "majority", "cast"),
	"v-majority/members.yaml":                      orgVoters,
	"v-majority/meetings/2026-11-17.yaml":          votes(allOrgs),
	"v-thirds/network.yaml":                        orgVoting("v-thirds", "two-thirds", "cast"),
	"v-thirds/members.yaml":                        orgVoters,
	"v-thirds/meetings/2026-11-17.yaml":            votes(allOrgs),
	"v-unanimous/network.yaml":                     orgVoting("v-unanimous", "unanimous", "cast"),
	"v-unanimous/members.yaml":                     orgVoters,
	"v-unanimous/meetings/2026-11-17.yaml":         votes(allOrgs),
	"v-unanimous-present/network.yaml":             orgVoting("v-unanimous-present", "unanimous", "present"),
	"v-unanimous-present/members.yaml":             orgVoters,
	"v-unanimous-present/meetings/2026-11-17.yaml": votes(allOrgs),
	"v-consensus/network.yaml":                     orgVoting("v-consensus", "consensus", "cast"),
	"v-consensus/members.yaml":                     orgVoters,
	"v-consensus/meetings/2026-11-17.yaml":         votes(allOrgs),
	"v-org-present/network.yaml":                   orgVoting("v-org-present", "majority", "present"),
	"v-org-present/members.yaml":                   orgVoters,
	"v-org-present/meetings/2026-11-17.yaml":       votes("[a1, b1, d1]"),
	"v-org-membership/network.yaml":                orgVoting("v-org-membership", "majority", "membership"),
	"v-org-membership/members.yaml":                orgVoters,
	"v-org-membership/meetings/2026-11-17.yaml":    votes("[a1, b1]"),

	// Voting by member.
	"v-present/network.yaml": `
id: v-present
name: Majority of members present
seats:
  - {organisations: [a, b, c], per_organisation: {min: 1, max: 2}, title: M}
voting: {basis: member, method: majority, base: present}
meetings: {ordinary: {duration: PT2H}}
`,
	"v-present/members.yaml": `
members:
  - {id: a1, name: A1, organisation: a, seat: M}
  - {id: a2, name: A2, organisation: a, seat: M}
  - {id: b1, name: B1, organisation: b, seat: M}
  - {id: c1, name: C1, organisation: c, seat: M}
  - {id: c2, name: C2, organisation: c, seat: M}
  - {id: c-sub, name: C deputy, organisation: c}
`,
	"v-present/meetings/2026-11-17.yaml": votesWith("present: [a1, a2, b1]\n  apologies: [c1, c2]\n  substitutes: {c-sub: c1}"),
	"v-present/meetings/2026-11-18.yaml": "date: 2026-11-18\nkind: ordinary\nstatus: held\n" + memberDecisions,
	"v-membership/network.yaml": `
id: v-membership
name: Two-thirds of the membership
seats:
  - {organisations: [a, b, c], per_organisation: {min: 1, max: 3}, title: M}
voting: {basis: member, method: two-thirds, base: membership}
meetings: {ordinary: {duration: PT2H}}
`,
	"v-membership/members.yaml": `
members:
  - {id: a1, name: A1, organisation: a, seat: M}
  - {id: a2, name: A2, organisation: a, seat: M}
  - {id: a-old, name: A3, organisation: a, seat: M, until: 2026-10-31}
  - {id: b1, name: B1, organisation: b, seat: M}
  - {id: b-new, name: B2, organisation: b, seat: M, from: 2026-11-18}
  - {id: c1, name: C1, organisation: c, seat: M}
  - {id: c2, name: C2, organisation: c, seat: M}
  - {id: c-obs, name: C observer, organisation: c, seat: M, votes: false}
`,
	"v-membership/meetings/2026-11-17.yaml": votesWith("present: [a1, a2, b1, c1]"),
}

const orgsMembers = `
members:
  - {id: a1, name: A1, organisation: a, seat: P}
  - {id: b-old, name: B old, organisation: b, seat: P, until: 2026-09-30}
  - {id: b1, name: B1, organisation: b, seat: P, from: 2026-10-01}
  - {id: c1, name: C1, organisation: c, seat: P}
  - {id: c-sub, name: C deputy, organisation: c}
  - {id: d1, name: D1, organisation: d, seat: O}
`

const countMembers = `
members:
  - {id: a1, name: A1, organisation: a, seat: M}
  - {id: a-old, name: A old, organisation: a, seat: M, until: 2026-06-30}
  - {id: b1, name: B1, organisation: b, seat: M}
  - {id: c1, name: C1, organisation: c, seat: M}
  - {id: c-sub, name: C deputy, organisation: c}
  - {id: d-obs, name: D observer, organisation: d, seat: M, votes: false}
`

const orgVoters = `
members:
  - {id: a1, name: A1, organisation: a, seat: P}
  - {id: b1, name: B1, organisation: b, seat: P}
  - {id: c1, name: C1, organisation: c, seat: P}
  - {id: d1, name: D1, organisation: d, seat: Q}
`

const allOrgs = "[a1, b1, c1, d1]"

// Decisions by organisation, the same in every v- network (d holds 2 votes).
const orgDecisions = `
decisions:
  - {id: two-one, text: x, outcome: agreed, votes: {for: [a, b], against: [c]}}
  - {id: tie, text: x, outcome: agreed, votes: {for: [a], against: [b]}}
  - {id: weighted-tie, text: x, outcome: agreed, votes: {for: [a, b], against: [d]}}
  - {id: weighted, text: x, outcome: agreed, votes: {for: [d], against: [a]}}
  - {id: abstentions, text: x, outcome: agreed, votes: {for: [a], abstain: [b, c, d]}}
  - {id: three-two, text: x, outcome: agreed, votes: {for: [a, b, c], against: [d]}}
  - {id: four-one, text: x, outcome: agreed, votes: {for: [d, a, b], against: [c]}}
  - {id: all-for, text: x, outcome: agreed, votes: {for: [a, b, c, d]}}
  - {id: twice, text: x, outcome: agreed, votes: {for: [a, b], against: [a], abstain: [c, c]}}
  - {id: all-abstain, text: x, outcome: agreed, votes: {abstain: [a, b]}}
  - {id: none, text: x, outcome: agreed}
`

// Decisions by member.
const memberDecisions = `
decisions:
  - {id: two-of-four, text: x, outcome: agreed, votes: {for: [a1, b1], abstain: [a2, c-sub]}}
  - {id: three-of-four, text: x, outcome: agreed, votes: {for: [a1, b1, c-sub], against: [a2]}}
  - {id: three, text: x, outcome: agreed, votes: {for: [a1, a2, b1]}}
  - {id: four, text: x, outcome: agreed, votes: {for: [a1, a2, b1, c1]}}
  - {id: one-abstain, text: x, outcome: agreed, votes: {for: [a1], abstain: [a2]}}
`

func meeting(attendance string) string {
	return "kind: ordinary\nstatus: held\nattendance:\n  " + attendance + "\n"
}

func votes(present string) string {
	return meeting("present: "+present) + orgDecisions
}

func votesWith(attendance string) string {
	return meeting(attendance) + memberDecisions
}

func orgVoting(id, method, base string) string {
	return "id: " + id + "\nname: " + id + `
seats:
  - {organisations: [a, b, c], title: P, votes: 1}
  - {organisations: [d], title: Q, votes: 2}
voting: {basis: organisation, method: ` + method + ", base: " + base + "}\nmeetings: {ordinary: {duration: PT2H}}\n"
}

// loadTestRepo writes testRepo to a temporary folder (adding each meeting's
// date from its file name) and loads it; any finding of the loader fails the
// test, so that the fixtures say what they mean.
func loadTestRepo(t *testing.T) *terms.Repo {
	t.Helper()
	return loadFiles(t, testRepo)
}

// loadFiles writes files to a temporary folder and loads them, as
// loadTestRepo does testRepo.
func loadFiles(t *testing.T, files map[string]string) *terms.Repo {
	t.Helper()
	dir := t.TempDir()
	for name, text := range files {
		if strings.Contains(name, "/meetings/") && !strings.HasPrefix(text, "date:") {
			text = "date: " + strings.TrimSuffix(filepath.Base(name), ".yaml") + "\n" + text
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	repo, ds, err := load.Load(dir, load.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range ds {
		t.Errorf("loading the test repository: %s: %s %s", d.Pos, d.Rule, d.Message)
	}
	return terms.NewRepo(repo)
}

func lookup(t *testing.T, rx *terms.Repo, network, date string) (*terms.Net, *model.Meeting) {
	t.Helper()
	n, ok := rx.Networks[network]
	if !ok {
		t.Fatalf("no network %s", network)
	}
	nx := rx.Network(n)
	for _, m := range n.MeetingList {
		if m.File == date {
			return nx, m
		}
	}
	t.Fatalf("no meeting %s/%s", network, date)
	return nil, nil
}

func TestQuorum(t *testing.T) {
	rx := loadTestRepo(t)
	for _, tc := range []struct {
		network, meeting string
		quorate, defined bool
		unmet            []string // each a substring of one Unmet condition
	}{
		// each_organisation_of, judged on the membership on the day.
		{"q-orgs", "2026-09-08", true, true, nil},                                                // b-old still a member
		{"q-orgs", "2026-09-22", false, true, []string{"no voting member or substitute from B"}}, // b1 not yet joined
		{"q-orgs", "2026-10-06", false, true, []string{"from B"}},                                // b-old had left; d1 has no vote
		{"q-orgs", "2026-10-13", true, true, nil},                                                // c's deputy stood in
		{"q-orgs", "2026-10-20", false, true, []string{"from C"}},                                // the deputy came in their own right
		{"q-orgs", "2026-10-27", false, true, []string{"from A", "from B", "from C"}},            // no attendance
		{"q-nosubs", "2026-10-13", false, true, []string{"no voting member from C was present (substitutes do not count)"}},
		{"q-nosubs", "2026-10-14", true, true, nil},
		// members: 3.
		{"q-members", "2026-10-06", true, true, nil},
		{"q-members", "2026-10-07", false, true, []string{"2 present, at least 3 needed"}}, // a-old had left
		{"q-members", "2026-10-08", true, true, nil},                                       // a substitute counts
		{"q-members", "2026-10-09", true, true, nil},                                       // members without a vote are present
		{"q-members", "2026-10-12", false, true, []string{"2 present"}},                    // a substitute for someone present
		{"q-members-nosubs", "2026-10-08", false, true, []string{"2 present, at least 3 needed"}},
		// fraction: 1/2, rounded up.
		{"q-fraction", "2026-09-10", true, true, nil}, // 2 of 4
		{"q-fraction", "2026-10-08", false, true, []string{"2 of 5 voting members present, 1/2 (3) needed"}},
		{"q-fraction", "2026-10-09", true, true, nil}, // 3 of 5
		{"q-fraction", "2026-10-12", true, true, nil}, // 3 of 5, one a substitute
		// No quorum set.
		{"q-none", "2026-10-06", true, false, nil},
	} {
		t.Run(tc.network+"/"+tc.meeting, func(t *testing.T) {
			nx, m := lookup(t, rx, tc.network, tc.meeting)
			got := nx.Quorum(m)
			if got.Quorate != tc.quorate || got.Defined != tc.defined {
				t.Errorf("Quorate %v, Defined %v; want %v, %v (met %q, unmet %q)", got.Quorate, got.Defined, tc.quorate, tc.defined, got.Met, got.Unmet)
			}
			if len(got.Unmet) != len(tc.unmet) {
				t.Errorf("unmet %q; want %d conditions like %q", got.Unmet, len(tc.unmet), tc.unmet)
				return
			}
			for i, want := range tc.unmet {
				if !strings.Contains(got.Unmet[i], want) {
					t.Errorf("unmet[%d] = %q; want it to contain %q", i, got.Unmet[i], want)
				}
			}
		})
	}
}

func TestCount(t *testing.T) {
	rx := loadTestRepo(t)
	type tally struct {
		for_, against, abstain, base int
		carried, tie                 bool
	}
	for _, tc := range []struct {
		network, meeting, decision string
		want                       tally
		dups                       []string
		rule                       string // a substring of Rule, when given
	}{
		// Majority of votes cast: strictly more than half; a tie fails.
		{"v-majority", "2026-11-17", "two-one", tally{2, 1, 0, 3, true, false}, nil, "majority: more than half of 3 votes cast"},
		{"v-majority", "2026-11-17", "tie", tally{1, 1, 0, 2, false, true}, nil, ""},
		// d's seat holds 2 votes.
		{"v-majority", "2026-11-17", "weighted-tie", tally{2, 2, 0, 4, false, true}, nil, ""},
		{"v-majority", "2026-11-17", "weighted", tally{2, 1, 0, 3, true, false}, nil, ""},
		// Abstentions are never votes cast.
		{"v-majority", "2026-11-17", "abstentions", tally{1, 0, 4, 1, true, false}, nil, ""},
		{"v-majority", "2026-11-17", "all-abstain", tally{0, 0, 2, 0, false, false}, nil, ""},
		// A voter listed twice is counted once, where first listed.
		{"v-majority", "2026-11-17", "twice", tally{2, 0, 1, 2, true, false}, []string{"a", "c"}, ""},
		// Two-thirds is inclusive.
		{"v-thirds", "2026-11-17", "two-one", tally{2, 1, 0, 3, true, false}, nil, "two-thirds: at least two-thirds of 3 votes cast"},
		{"v-thirds", "2026-11-17", "three-two", tally{3, 2, 0, 5, false, false}, nil, ""},
		{"v-thirds", "2026-11-17", "four-one", tally{4, 1, 0, 5, true, false}, nil, ""},
		// Unanimous of votes cast: abstentions do not break it; of those
		// present they do.
		{"v-unanimous", "2026-11-17", "abstentions", tally{1, 0, 4, 1, true, false}, nil, ""},
		{"v-unanimous", "2026-11-17", "two-one", tally{2, 1, 0, 3, false, false}, nil, ""},
		{"v-unanimous-present", "2026-11-17", "abstentions", tally{1, 0, 4, 5, false, false}, nil, "unanimous: all 5 of the voters present"},
		{"v-unanimous-present", "2026-11-17", "all-for", tally{5, 0, 0, 5, true, false}, nil, ""},
		// Consensus: no vote against.
		{"v-consensus", "2026-11-17", "two-one", tally{2, 1, 0, 3, false, false}, nil, "consensus"},
		{"v-consensus", "2026-11-17", "abstentions", tally{1, 0, 4, 1, true, false}, nil, ""},
		{"v-consensus", "2026-11-17", "all-abstain", tally{0, 0, 2, 0, false, false}, nil, ""},
		// Base present, by organisation: a, b and d (2 votes) present.
		{"v-org-present", "2026-11-17", "two-one", tally{2, 1, 0, 4, false, false}, nil, "majority: more than half of 4 voters present"},
		{"v-org-present", "2026-11-17", "weighted", tally{2, 1, 0, 4, false, false}, nil, ""},
		// c voted though not recorded present: the base is at least those
		// who voted.
		{"v-org-present", "2026-11-17", "four-one", tally{4, 1, 0, 5, true, false}, nil, ""},
		// Base membership, by organisation: a, b, c and d's 2 = 5.
		{"v-org-membership", "2026-11-17", "two-one", tally{2, 1, 0, 5, false, false}, nil, "majority: more than half of 5 voting members"},
		{"v-org-membership", "2026-11-17", "three-two", tally{3, 2, 0, 5, true, false}, nil, ""},
		// Base present, by member: a1, a2, b1 and c1's substitute.
		{"v-present", "2026-11-17", "two-of-four", tally{2, 0, 2, 4, false, false}, nil, "majority: more than half of 4 voters present"},
		{"v-present", "2026-11-17", "three-of-four", tally{3, 1, 0, 4, true, false}, nil, ""},
		// With no attendance recorded, the base is those who voted.
		{"v-present", "2026-11-18", "one-abstain", tally{1, 0, 1, 2, false, false}, nil, ""},
		// Base membership, by member: a-old had left, b-new not joined,
		// c-obs has no vote: 5; two-thirds of 5 needs 4 (10/3 rounded up).
		{"v-membership", "2026-11-17", "three", tally{3, 0, 0, 5, false, false}, nil, "two-thirds: at least two-thirds of 5 voting members"},
		{"v-membership", "2026-11-17", "four", tally{4, 0, 0, 5, true, false}, nil, ""},
	} {
		t.Run(tc.network+"/"+tc.decision, func(t *testing.T) {
			nx, m := lookup(t, rx, tc.network, tc.meeting)
			i := slices.IndexFunc(m.Decisions, func(d model.Decision) bool { return d.ID == tc.decision })
			if i < 0 {
				t.Fatalf("no decision %s", tc.decision)
			}
			got := nx.Count(m, &m.Decisions[i])
			if !got.Recorded {
				t.Fatalf("Recorded is false")
			}
			if g := (tally{got.For, got.Against, got.Abstain, got.Base, got.Carried, got.Tie}); g != tc.want {
				t.Errorf("got %+v; want %+v (%s)", g, tc.want, got.Rule)
			}
			if d := model.IDs(got.Duplicates); !slices.Equal(d, tc.dups) {
				t.Errorf("duplicates %q; want %q", d, tc.dups)
			}
			if !strings.Contains(got.Rule, tc.rule) {
				t.Errorf("rule %q; want it to contain %q", got.Rule, tc.rule)
			}
		})
	}
	t.Run("no votes recorded", func(t *testing.T) {
		nx, m := lookup(t, rx, "v-majority", "2026-11-17")
		i := slices.IndexFunc(m.Decisions, func(d model.Decision) bool { return d.ID == "none" })
		if got := nx.Count(m, &m.Decisions[i]); got.Recorded {
			t.Errorf("Recorded is true for a decision with no votes: %+v", got)
		}
	})
}

func TestEntitled(t *testing.T) {
	rx := loadTestRepo(t)
	nx, m := lookup(t, rx, "v-majority", "2026-11-17")
	for id, want := range map[string]bool{"a": true, "d": true, "zz": false} {
		if got := nx.Entitled(m, id); got != want {
			t.Errorf("v-majority: Entitled(%s) = %v; want %v", id, got, want)
		}
	}
	nx, m = lookup(t, rx, "v-membership", "2026-11-17")
	for id, want := range map[string]bool{"a1": true, "a-old": false, "b-new": false, "c-obs": false} {
		if got := nx.Entitled(m, id); got != want {
			t.Errorf("v-membership: Entitled(%s) = %v; want %v", id, got, want)
		}
	}
	nx, m = lookup(t, rx, "v-present", "2026-11-17")
	if !nx.Entitled(m, "c-sub") {
		t.Errorf("v-present: a substitute standing in for a voting member is not entitled")
	}
	nx, m = lookup(t, rx, "v-present", "2026-11-18")
	if nx.Entitled(m, "c-sub") {
		t.Errorf("v-present: a substitute standing in for no one is entitled")
	}
}
