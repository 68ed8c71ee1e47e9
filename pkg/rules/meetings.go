package rules

func meetingRules() []*Rule {
	return []*Rule{inquorateDecision, voteNotEntitled, voteCount, castingVote, consensusNotReached, voteWhileConflicted, attendanceConflict, missingStandingItem, workProgrammeNotReviewed, minutesMissing, minutesUnapproved}
}
