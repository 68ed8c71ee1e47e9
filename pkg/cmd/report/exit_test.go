package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/cli"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
)

// Bad flags are usage errors: exit 2, with a hint.
func TestBadFlagsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"report", "work-programme", "--format", "xml"},
		{"report", "work-programme", "--as-of", "2026-02-30"},
		{"report", "attendance", "omg", "--by", "seat"},
		{"report", "attendance", "omg", "--format", "csv"},
		{"report", "attendance", "omg", "--from", "2026-99-01"},
		{"report", "attendance", "omg", "--from", "2026-05-01", "--until", "2026-04-01"},
		{"report", "attendance"},
	} {
		ios, _, _, errOut := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, Now: time.Now}
		if code := cli.Main(f, args); code != cmdutil.ExitUsage {
			t.Errorf("%v: exit %d; want %d (%s)", args, code, cmdutil.ExitUsage, errOut)
		}
		if !strings.Contains(errOut.String(), "hint: ") {
			t.Errorf("%v: no hint: %s", args, errOut)
		}
	}
}
