package networks_test

import (
	"strings"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/cli"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/iostreams"
)

// Bad flags and arguments are usage errors: exit 2, with a hint.
func TestBadFlagsExit2(t *testing.T) {
	for _, args := range [][]string{
		{"networks", "--format", "markdown"},
		{"networks", "extra"},
		{"networks", "--nope"},
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
