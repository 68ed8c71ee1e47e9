package words_test

import (
	"testing"
	"time"

	"github.com/rickb777/date"

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

func period(t *testing.T, s string) model.Period {
	t.Helper()
	p, err := load.ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return model.Period{Period: p}
}

func TestKindTitle(t *testing.T) {
	for in, want := range map[string]string{"": "Meeting", "ordinary": "Ordinary meeting", "extraordinary": "Extraordinary meeting", "workshop": "Workshop", "drop-in": "Drop in"} {
		if got := words.KindTitle(in); got != want {
			t.Errorf("KindTitle(%q) = %q; want %q", in, got, want)
		}
	}
}

func TestCadenceAndNotice(t *testing.T) {
	five := 5
	monthly := model.MeetingKind{Name: "ordinary", Every: period(t, "P1M"), On: "Second Tuesday", Notice: &model.Notice{BusinessDays: &five, Clear: true}}
	workshop := model.MeetingKind{Name: "workshop", PerYear: 6, Notice: &model.Notice{Period: period(t, "P2W")}}
	if got, want := words.Cadence(&monthly), "every month, on the second tuesday"; got != want {
		t.Errorf("Cadence = %q; want %q", got, want)
	}
	if got, want := words.Notice(&monthly), "papers with 5 business days clear before the meeting"; got != want {
		t.Errorf("Notice = %q; want %q", got, want)
	}
	if got, want := words.Notice(&workshop), "papers 2 weeks before the meeting"; got != want {
		t.Errorf("Notice = %q; want %q", got, want)
	}
	if got := words.Notice(&model.MeetingKind{}); got != "" {
		t.Errorf("Notice with none = %q", got)
	}
	if got, want := words.NetworkCadence(&model.Network{Meetings: []model.MeetingKind{workshop}}), "6 a year"; got != want {
		t.Errorf("NetworkCadence of one kind = %q; want %q", got, want)
	}
	n := &model.Network{Meetings: []model.MeetingKind{monthly, {Name: "extraordinary"}, workshop}}
	if got, want := words.NetworkCadence(n), "ordinary: every month, on the second tuesday; workshop: 6 a year"; got != want {
		t.Errorf("NetworkCadence = %q; want %q", got, want)
	}
}

func TestWhen(t *testing.T) {
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Skip(err)
	}
	ten := model.Clock{Minutes: 600, Valid: true}
	if got, want := words.When(date.New(2026, 12, 8), ten, period(t, "PT2H"), loc), "10:00 to 12:00 (GMT)"; got != want {
		t.Errorf("When in winter = %q; want %q", got, want)
	}
	if got, want := words.When(date.New(2026, 6, 9), ten, model.Period{}, loc), "10:00 (BST)"; got != want {
		t.Errorf("When in summer = %q; want %q", got, want)
	}
	if got := words.When(date.New(2026, 6, 9), model.Clock{}, period(t, "PT2H"), loc); got != "" {
		t.Errorf("When with no start = %q", got)
	}
}
