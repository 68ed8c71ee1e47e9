package terms_test

import (
	"fmt"
	"testing"

	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/terms"
)

// fuzzVoters are the ids a fuzzed vote may name: organisations o0..o3,
// members m0..m5, the substitute s0, and ids that name nothing.
var fuzzVoters = []string{"o0", "o1", "o2", "o3", "m0", "m1", "m2", "m3", "m4", "m5", "s0", "zz", ""}

func fuzzDate(t *testing.T, s string) model.Date {
	d, err := load.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return model.Date{Date: d}
}

// FuzzCount builds a small network from the fuzzed bytes (three seats with
// their votes, six members in them or in none, the voting basis, method and
// base, who was present and who stood in) and a decision whose votes name
// voters from fuzzVoters, and checks the tally against the terms.
//
// A voter who holds no vote (an organisation no voting seat admits, a member
// who is not in a voting seat on the day, an id that names nothing) weighs
// nothing: vote-not-entitled reports them, and their vote must not change
// the outcome the terms give.
func FuzzCount(f *testing.F) {
	f.Add([]byte{1, 1, 2, 0, 0, 0}, []byte{0, 1}, []byte{2}, []byte{3})
	f.Add([]byte{1, 0, 1, 1, 1, 1, 0x3f}, []byte{4, 5}, []byte{6}, []byte{10})
	f.Add([]byte{2, 2, 2, 2, 2, 2, 0xff, 3}, []byte{0, 0, 1}, []byte{1}, []byte{})
	f.Add([]byte{0, 0, 0, 3, 1, 2}, []byte{}, []byte{}, []byte{2, 11, 12})
	f.Add([]byte{1, 1, 0, 1, 0, 2, 0x0f, 1, 5}, []byte{4, 5, 10}, []byte{7}, []byte{8, 9})
	f.Fuzz(func(t *testing.T, cfg, forIdx, againstIdx, abstainIdx []byte) {
		at := func(i int) int {
			if i < len(cfg) {
				return int(cfg[i])
			}
			return 0
		}
		votes := func(n int) *int { return &n }
		orgs := []model.Organisation{{ID: "o0", Name: "O0"}, {ID: "o1", Name: "O1"}, {ID: "o2", Name: "O2"}, {ID: "o3", Name: "O3"}}
		seats := []model.Seat{
			{Title: "S0", Organisations: []model.Ref{{ID: "o0"}, {ID: "o1"}}, Votes: votes(at(0) % 4)},
			{Title: "S1", Organisations: []model.Ref{{ID: "o2"}}, Votes: votes(at(1) % 4)},
			{Title: "S2", Organisations: []model.Ref{{ID: "o1"}, {ID: "o3"}}, Votes: votes(at(2) % 4)},
		}
		bases := []string{"cast", "present", "membership"}
		methods := []string{"majority", "two-thirds", "unanimous", "consensus"}
		basisOf := []string{"organisation", "member"}
		voting := &model.Voting{Basis: basisOf[at(3)%2], Method: methods[at(4)%4], Base: bases[at(5)%3]}

		meetingDay := fuzzDate(t, "2026-11-17")
		var members []model.Member
		for i := range 6 {
			m := model.Member{ID: fmt.Sprintf("m%d", i), Name: "M", Organisation: &model.Ref{ID: orgs[i%4].ID}}
			// One byte a member: its seat (or none), votes: false, and
			// whether it left before the meeting.
			b := at(6 + i)
			if s := b % 4; s < 3 {
				m.Seat = &model.Ref{ID: seats[s].Title}
			}
			if b&4 != 0 {
				no := false
				m.Votes = &no
			}
			if b&8 != 0 {
				m.Until = fuzzDate(t, "2026-10-31") // left before the meeting
			}
			members = append(members, m)
		}
		members = append(members, model.Member{ID: "s0", Name: "Substitute", Organisation: &model.Ref{ID: "o2"}})
		var present []model.Ref
		mask := at(12)
		for i := range 6 {
			if mask&(1<<i) != 0 {
				present = append(present, model.Ref{ID: fmt.Sprintf("m%d", i)})
			}
		}
		att := &model.Attendance{Present: present}
		if mask&(1<<6) != 0 {
			att.Substitutes = []model.SubstituteFor{{Substitute: model.Ref{ID: "s0"}, For: model.Ref{ID: fmt.Sprintf("m%d", at(13)%6)}}}
		}
		if mask&(1<<7) != 0 {
			att = nil // no attendance recorded
		}
		refs := func(idx []byte) []model.Ref {
			var out []model.Ref
			for _, i := range idx {
				out = append(out, model.Ref{ID: fuzzVoters[int(i)%len(fuzzVoters)]})
			}
			return out
		}
		dec := &model.Decision{ID: "D-1", Text: "T", Outcome: "agreed", Votes: &model.Votes{For: refs(forIdx), Against: refs(againstIdx), Abstain: refs(abstainIdx)}}
		mt := &model.Meeting{File: "2026-11-17", Date: meetingDay, Kind: model.Ref{ID: "ordinary"}, Status: "held", Attendance: att, Decisions: []model.Decision{*dec}}
		n := &model.Network{ID: "x", Folder: "x", Name: "X", Seats: seats, Voting: voting,
			Quorum:      &model.Quorum{EachOrganisationOf: []model.Ref{{ID: "o0"}, {ID: "o2"}}, Members: at(14) % 5, Fraction: model.Fraction{Num: 1, Den: 1 + at(15)%4}},
			Members:     &model.MembersFile{Members: members},
			MeetingList: []*model.Meeting{mt},
		}
		repo := &model.Repo{Organisations: orgs, Networks: []*model.Network{n}}
		nx := terms.NewRepo(repo).Network(n)

		tally := nx.Count(mt, &mt.Decisions[0])
		q := nx.Quorum(mt) // must not panic
		if q.Quorate != (len(q.Unmet) == 0) {
			t.Errorf("quorum: quorate %v with unmet %v", q.Quorate, q.Unmet)
		}

		// The weight of each voter, worked out from the terms here.
		voting1 := func(id string) bool {
			for _, m := range members {
				if m.ID != id {
					continue
				}
				if m.Seat == nil || (m.Votes != nil && !*m.Votes) || m.Until.Set() {
					return false
				}
				for _, s := range seats {
					if s.Title == m.Seat.ID {
						return *s.Votes > 0
					}
				}
			}
			return false
		}
		weight := func(id string) int {
			if voting.Basis == "member" {
				if voting1(id) {
					return 1
				}
				if att != nil {
					for _, s := range att.Substitutes {
						if s.Substitute.ID == id && voting1(s.For.ID) {
							return 1
						}
					}
				}
				return 0
			}
			w := 0
			for _, s := range seats {
				for _, o := range s.Organisations {
					if o.ID == id {
						w = max(w, *s.Votes)
					}
				}
			}
			return w
		}
		seen := map[string]bool{}
		sum, all := 0, 0
		for _, list := range [][]model.Ref{dec.Votes.For, dec.Votes.Against, dec.Votes.Abstain} {
			for _, r := range list {
				all++
				if !seen[r.ID] {
					seen[r.ID] = true
					sum += weight(r.ID)
				}
			}
		}
		where := fmt.Sprintf("basis %s, method %s, base %s; for %v against %v abstain %v; tally %+v", voting.Basis, voting.Method, voting.Base,
			model.IDs(dec.Votes.For), model.IDs(dec.Votes.Against), model.IDs(dec.Votes.Abstain), tally)
		if tally.Recorded != (all > 0) {
			t.Fatalf("%s: recorded %v with %d votes", where, tally.Recorded, all)
		}
		if !tally.Recorded {
			return
		}
		if got := tally.For + tally.Against + tally.Abstain; got != sum {
			t.Errorf("%s: for+against+abstain = %d, want %d (the weights of the distinct voters)", where, got, sum)
		}
		if len(tally.Duplicates) != all-len(seen) {
			t.Errorf("%s: %d duplicates, want %d", where, len(tally.Duplicates), all-len(seen))
		}
		if tally.For < 0 || tally.Against < 0 || tally.Abstain < 0 || tally.Base < 0 {
			t.Errorf("%s: a negative count", where)
		}
		cast := tally.For + tally.Against
		switch voting.Base {
		case "cast":
			if tally.Base != cast {
				t.Errorf("%s: base %d, want the votes cast, %d", where, tally.Base, cast)
			}
		default:
			if tally.Base < cast+tally.Abstain {
				t.Errorf("%s: base %d is less than the %d who voted or abstained", where, tally.Base, cast+tally.Abstain)
			}
		}
		if tally.Tie != (cast > 0 && tally.For == tally.Against) {
			t.Errorf("%s: tie %v", where, tally.Tie)
		}
		var want bool
		switch voting.Method {
		case "majority":
			want = 2*tally.For > tally.Base
		case "two-thirds":
			want = 3*tally.For >= 2*tally.Base && tally.For > 0
		case "unanimous":
			if voting.Base == "cast" {
				want = tally.For > 0 && tally.Against == 0
			} else {
				want = tally.For > 0 && tally.For >= tally.Base
			}
		case "consensus":
			want = tally.For > 0 && tally.Against == 0
		}
		if tally.Carried != want {
			t.Errorf("%s: carried %v, want %v", where, tally.Carried, want)
		}
		if tally.Carried && tally.For == 0 {
			t.Errorf("%s: carried with no votes for", where)
		}
	})
}
