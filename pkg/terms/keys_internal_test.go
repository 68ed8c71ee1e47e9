package terms

import (
	"testing"

	"github.com/govctl/govctl/pkg/model"
)

// The normalised titles of the items the terms add are their titles
// normalised.
func TestAddedItemKeys(t *testing.T) {
	for title, key := range map[string]string{MinutesTitle: minutesKey, MattersArisingTitle: arisingTitleKey, WorkProgrammeTitle: workProgrammeTitleKey, ReferralsTitle: referralsTitleKey} {
		if model.Norm(title) != key {
			t.Errorf("Norm(%q) = %q, the constant says %q", title, model.Norm(title), key)
		}
	}
}
