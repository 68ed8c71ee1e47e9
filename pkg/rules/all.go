package rules

// All returns every rule, in the order of the format reference: first those
// the loader reports while it reads files (package load), then references
// between records, membership and offices, meetings and votes, the schedule,
// actions and work programmes, private business, and decisions that travel
// between bodies. A new rule is added here, and in its own
// file <id>.go with its fixture <id>.txtar beside it.
func All() []*Rule {
	return []*Rule{
		// Reported by the loader.
		yamlSyntax, unknownField, wrongType, missingField, duplicateKey, badDate,
		idMismatch, missingFile, unknownFile, fileLimit, unsafePath, unreadableFile,
		// References.
		duplicateID, unknownNetwork, parentCycle, termsHistory, unknownOrganisation, unknownMember,
		unknownOffice, unknownMeetingKind, unknownMeeting,
		// Membership and offices.
		seatVacant, seatOverfilled, seatOrganisation, substituteMissing, officeVacant,
		officeOverfilled, termTooLong, termExpired, quorumUnreachable,
		// Meetings and votes.
		inquorateDecision, voteNotEntitled, voteCount, castingVote, consensusNotReached,
		voteWhileConflicted, attendanceConflict, missingStandingItem,
		workProgrammeNotReviewed, minutesMissing, minutesUnapproved,
		voteNotPresent, decisionItemUnknown, standInNotCounted, paperLink,
		// The schedule.
		cadenceGap, cadenceCount, unscheduled, nonBusinessDay, papersLate, papersOverdue,
		meetingClash, timeMissing,
		// Actions and work programmes.
		actionUpdateUnknown, actionOverdue, actionOwnerLeft, workItemStale, milestoneOverdue,
		// Private business.
		privateReasonMissing, privateLeak, privateFile, contactsLeak,
		// Decisions that travel between bodies.
		referralUnknown, referralPending,
		// Interests.
		interestUndeclared,
	}
}
