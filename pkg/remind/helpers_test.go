package remind_test

import (
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/remind"
)

// inputs opens the repository in dir as the command does.
func inputs(t testing.TB, dir string) remind.Inputs {
	t.Helper()
	res, err := check.OpenSound(dir, nil, cmdtest.Clock("2026-12-04"))
	if err != nil {
		t.Fatal(err)
	}
	if err := res.Left(); err != nil {
		t.Fatal(err)
	}
	return remind.Inputs{Nets: res.Nets(), Calendar: res.Calendar, Location: res.Location}
}

// digests are the digests of the repository in dir as of day.
func digests(t testing.TB, dir, day string) []remind.Digest {
	t.Helper()
	return remind.Digests(inputs(t, dir), cmdtest.Date(t, day))
}

// byMember is the digest of member id among ds, or nil.
func byMember(ds []remind.Digest, id string) *remind.Digest {
	for i := range ds {
		if ds[i].Member == id {
			return &ds[i]
		}
	}
	return nil
}
