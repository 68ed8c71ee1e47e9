package rules_test

import (
	"testing"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/rules"
)

// contract is the rule table of the format contract (docs/format.md, "Rule
// ids"): every id with its default severity. govctl may add rules; it may not drop or
// rename these.
var contract = map[string]diag.Severity{
	"yaml-syntax": diag.Error, "unknown-field": diag.Error, "wrong-type": diag.Error,
	"missing-field": diag.Error, "duplicate-key": diag.Error, "bad-date": diag.Error,
	"id-mismatch": diag.Error, "duplicate-id": diag.Error, "unknown-network": diag.Error,
	"parent-cycle": diag.Error, "unknown-organisation": diag.Error, "unknown-member": diag.Error,
	"unknown-office": diag.Error, "unknown-meeting-kind": diag.Error, "seat-vacant": diag.Error,
	"seat-overfilled": diag.Error, "substitute-missing": diag.Error, "office-vacant": diag.Error,
	"office-overfilled": diag.Error, "term-too-long": diag.Error, "term-expired": diag.Warning,
	"quorum-unreachable": diag.Error, "inquorate-decision": diag.Error, "vote-not-entitled": diag.Error,
	"vote-count": diag.Error, "casting-vote": diag.Error, "consensus-not-reached": diag.Error,
	"attendance-conflict": diag.Error, "cadence-gap": diag.Warning, "cadence-count": diag.Warning,
	"unscheduled": diag.Warning, "non-business-day": diag.Warning, "papers-late": diag.Warning,
	"papers-overdue": diag.Warning, "missing-standing-item": diag.Error,
	"work-programme-not-reviewed": diag.Error, "minutes-missing": diag.Warning,
	"action-update-unknown": diag.Error, "action-overdue": diag.Warning,
	"action-owner-left": diag.Warning, "vote-while-conflicted": diag.Error,
	"minutes-unapproved": diag.Warning, "work-item-stale": diag.Warning,
	"milestone-overdue": diag.Warning,
}

func TestContractRules(t *testing.T) {
	for id, sev := range contract {
		r, ok := rules.Lookup(id)
		if !ok {
			t.Errorf("rule %s of the contract is missing", id)
			continue
		}
		if r.Severity != sev {
			t.Errorf("rule %s: severity %s, the contract says %s", id, r.Severity, sev)
		}
	}
}
