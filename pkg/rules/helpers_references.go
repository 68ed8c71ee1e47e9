package rules

import "github.com/govctl/govctl/pkg/model"

// forEachVote calls f for every vote cast at the meeting, for, against or
// abstaining: a voter is a member or an organisation, by the network's basis.
func forEachVote(mt *model.Meeting, f func(*model.Decision, model.Ref)) {
	for i := range mt.Decisions {
		d := &mt.Decisions[i]
		if d.Votes == nil {
			continue
		}
		for _, list := range [][]model.Ref{d.Votes.For, d.Votes.Against, d.Votes.Abstain} {
			for _, r := range list {
				f(d, r)
			}
		}
	}
}
