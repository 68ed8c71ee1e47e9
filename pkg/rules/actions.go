package rules

func actionRules() []*Rule {
	return []*Rule{actionUpdateUnknown, actionOverdue, actionOwnerLeft, workItemStale, milestoneOverdue}
}
