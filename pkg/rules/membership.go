package rules

func membershipRules() []*Rule {
	return []*Rule{seatVacant, seatOverfilled, seatOrganisation, substituteMissing, officeVacant, officeOverfilled, termTooLong, termExpired, quorumUnreachable}
}
