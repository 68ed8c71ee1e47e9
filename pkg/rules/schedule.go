package rules

func scheduleRules() []*Rule {
	return []*Rule{cadenceGap, cadenceCount, unscheduled, nonBusinessDay, papersLate, papersOverdue}
}
