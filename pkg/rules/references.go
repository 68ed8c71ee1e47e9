package rules

func referenceRules() []*Rule {
	return []*Rule{duplicateID, unknownNetwork, parentCycle, unknownOrganisation, unknownMember, unknownOffice, unknownMeetingKind, unknownMeeting}
}
