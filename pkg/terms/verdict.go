package terms

import (
	"github.com/rickb777/date"

	"github.com/govctl/govctl/pkg/calendar"
	"github.com/govctl/govctl/pkg/model"
)

// Verdict is what the terms in force on a meeting's day make of its record:
// whether it was quorate, whether its papers went out in time, and what the
// votes on each decision give, with the quorum for each decision (judged
// without the members who withdrew for its item). It gathers the answers of Quorum, Count and
// PapersDeadline in one place, so that whoever compares two versions of a
// repository (semdiff) judges a meeting as the minutes and the rules do.
type Verdict struct {
	// Quorum is the judgement of the quorum; it means something only where
	// QuorumJudged (attendance is recorded) or where the terms set no
	// quorum (Quorum.Defined false).
	Quorum       QuorumResult
	QuorumJudged bool
	Papers       PapersVerdict
	// Decisions are the meeting's decisions, in order.
	Decisions []DecisionVerdict
}

// PapersVerdict is whether a meeting's papers went out by the deadline its
// notice gives.
type PapersVerdict struct {
	// Sent is papers_sent; unset when not recorded.
	Sent model.Date
	// Deadline is the papers deadline; HasDeadline is false when the terms
	// set no notice for the kind of meeting.
	Deadline    date.Date
	HasDeadline bool
	// Late is true when papers were sent after the deadline.
	Late bool
}

// DecisionVerdict is what a decision's recorded votes give under the terms.
type DecisionVerdict struct {
	Decision *model.Decision
	// Quorum is the quorum for the decision (DecisionQuorum): the
	// meeting's, less the members who withdrew for its item (Quorum.Withdrew).
	Quorum QuorumResult
	Tally  Tally
	// Carried is the outcome the votes give (meaningful where
	// Tally.Recorded): the tally's, or, where the votes were tied and the
	// chair gave a casting vote the terms provide for (Casting), the
	// recorded outcome the casting vote settled.
	Carried bool
	Casting bool
	// Contradicts is true when the recorded outcome (agreed or not-agreed)
	// is not the one the votes give.
	Contradicts bool
}

// Verdict judges meeting m by the terms in force on its day; cal is the
// business-day calendar for a notice in business days.
func (nx *Net) Verdict(cal *calendar.Calendar, m *model.Meeting) Verdict {
	on := nx.TermsOn(m.Date)
	v := Verdict{Quorum: on.Quorum(m), QuorumJudged: m.Attendance != nil}
	v.Papers.Sent = m.PapersSent
	if d, ok := PapersDeadline(cal, on.MeetingKind(m), m.Date.Date); ok {
		v.Papers.Deadline, v.Papers.HasDeadline = d, true
		v.Papers.Late = m.PapersSent.Set() && m.PapersSent.After(d)
	}
	for i := range m.Decisions {
		dec := &m.Decisions[i]
		dv := DecisionVerdict{Decision: dec, Tally: on.Count(m, dec), Quorum: v.Quorum}
		if len(on.Withdrew(m, dec.Item)) > 0 {
			dv.Quorum = on.DecisionQuorum(m, dec)
		}
		if dv.Tally.Recorded {
			dv.Casting = dv.Tally.Tie && dec.CastingVote && on.CastingVote()
			dv.Carried = dv.Tally.Carried
			if dv.Casting {
				dv.Carried = dec.Outcome == "agreed"
			}
			dv.Contradicts = dec.Outcome == "agreed" && !dv.Carried || dec.Outcome == "not-agreed" && dv.Carried
		}
		v.Decisions = append(v.Decisions, dv)
	}
	return v
}
