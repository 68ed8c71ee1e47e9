package render

import (
	"testing"

	"github.com/govctl/govctl/pkg/model"
)

func TestPerOrgWordsAndOfficeTitle(t *testing.T) {
	for r, want := range map[model.Range]string{
		{Min: 0}:                       "any number (optional)",
		{Min: 0, Max: 2, HasMax: true}: "up to 2 (optional)",
		{Min: 1}:                       "at least 1",
		{Min: 1, Max: 1, HasMax: true}: "1",
	} {
		if got := perOrgWords(r); got != want {
			t.Errorf("perOrgWords(%+v) = %q, want %q", r, got, want)
		}
	}
	for in, want := range map[string]string{"chair": "Chair", "vice-chair": "Vice Chair", "co-chair": "Co Chair"} {
		if got := officeTitle(in); got != want {
			t.Errorf("officeTitle(%q) = %q, want %q", in, got, want)
		}
	}
}
