package remind_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/remind"
)

// repo is the test repository: the Board (ann, bob, cat who left on 30
// November, dan who joins on 10 December) and the Operations Group (ann
// again, and eve), with the actions, papers, meetings, offices and the
// referral the tests look for.
const repo = "../../testdata/remind"

// inputs opens the repository in dir as the command does, but keeps every
// body, even one a refusing rule would leave out (a test of what a broken
// record shows).
func inputs(t testing.TB, dir string) remind.Inputs {
	t.Helper()
	return inputsOn(t, dir, "2026-12-04")
}

// inputsOn is inputs with the clock at noon on today.
func inputsOn(t testing.TB, dir, today string) remind.Inputs {
	t.Helper()
	res, err := check.Run(dir, check.Options{Now: cmdtest.Clock(today), LoadOnly: true})
	if err != nil {
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

// variant is a copy of the test repository with files changed: each path
// (slash-separated) given its new text, or, with text "-", removed.
func variant(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	err := filepath.WalkDir(repo, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(repo, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	for name, text := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if text == "-" {
			if err := os.Remove(p); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// ids lists what each digest holds, one line a person, for comparing a
// run with what it should give: "ann: A:board/A-1 P:board/2026-12-08/Budget
// M:board/2026-12-08 O:board/chair R:ops/board/D-1".
func summary(ds []remind.Digest) string {
	var lines []string
	for _, d := range ds {
		parts := []string{d.Member + ":"}
		for _, a := range d.Actions {
			parts = append(parts, "A:"+a.Body.ID+"/"+a.ID)
		}
		for _, p := range d.Papers {
			parts = append(parts, "P:"+p.Meeting.Body.ID+"/"+p.Meeting.File+"/"+p.Item)
		}
		for _, m := range d.Meetings {
			parts = append(parts, "M:"+m.Body.ID+"/"+m.File)
		}
		for _, o := range d.Offices {
			parts = append(parts, "O:"+o.Body.ID+"/"+o.Office)
		}
		for _, r := range d.Referrals {
			parts = append(parts, "R:"+r.Body.ID+"/"+r.From.ID+"/"+r.Decision)
		}
		lines = append(lines, strings.Join(parts, " "))
	}
	return strings.Join(lines, "\n")
}
