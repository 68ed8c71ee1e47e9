package words_test

import (
	"testing"

	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/words"
)

func TestPeriodWords(t *testing.T) {
	for in, want := range map[string]string{
		"P1M": "1 month", "P6W": "6 weeks", "P3M": "3 months", "P2Y": "2 years", "P1Y6M": "1 year 6 months",
		"P14D": "2 weeks", "P10D": "10 days", "P1D": "1 day", "PT2H": "2 hours",
	} {
		p, err := load.ParsePeriod(in)
		if err != nil {
			t.Fatal(err)
		}
		if got := words.Period(model.Period{Period: p}); got != want {
			t.Errorf("Period(%s) = %q; want %q", in, got, want)
		}
	}
}
