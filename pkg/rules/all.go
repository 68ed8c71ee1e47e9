package rules

// All returns every rule, in the order of the format reference.
func All() []*Rule {
	var all []*Rule
	for _, group := range [][]*Rule{loaderRules(), referenceRules(), membershipRules(), meetingRules(), scheduleRules(), actionRules()} {
		all = append(all, group...)
	}
	return all
}
