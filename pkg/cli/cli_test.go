package cli

import (
	"bytes"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
)

const usage = "hint: run 'govctl help' or add --help to the command for its usage\n"

// Every error says its own exit status and hint; Report prints them in the
// contract's shape, whatever wraps the error.
func TestReport(t *testing.T) {
	finding := diag.Diagnostic{Pos: model.Pos{File: "r/x/network.yaml", Line: 2, Col: 1}, Severity: diag.Error, Rule: "id-mismatch", Message: "m"}
	for _, tc := range []struct {
		name string
		err  error
		code int
		out  string
	}{
		{"none", nil, 0, ""},
		{"plain", errors.New("boom"), 2, "govctl: boom\n"},
		{"flag", cmdutil.FlagErrorf("--x: bad"), 2, "govctl: --x: bad\n" + usage},
		{"user", &cmdutil.UserError{Err: errors.New("exists"), Hint: "choose another", Code: 1}, 1, "govctl: exists\nhint: choose another\n"},
		{"user without hint", &cmdutil.UserError{Err: errors.New("no"), Code: 2}, 2, "govctl: no\n"},
		{"findings printed", fmt.Errorf("run: %w", cmdutil.ErrFindings), 1, ""},
		{"not found", load.NotFound("nosuch", "no such folder"), 2, "govctl: cannot read repository nosuch: no such folder\nhint: give the repository's folder (the one holding organisations.yaml), e.g. govctl validate networks\n"},
		{"network", &check.NetworkError{ID: "y", Known: []string{"x", "z"}}, 2, "govctl: no network \"y\" (did you mean \"x\"?)\nhint: the networks are: x, z\n"},
		{"findings", &check.FindingsError{Diagnostics: []diag.Diagnostic{finding}}, 1, "r/x/network.yaml:2:1: error id-mismatch: m\ngovctl: the repository has an error to fix first (govctl validate lists it)\nhint: fix the files above, then run the command again\n"},
		// A name from the repository holding a line break or an escape
		// never starts a line of its own (a GitHub workflow command) nor
		// reaches the terminal raw.
		{"control characters", &cmdutil.UserError{Err: errors.New("no network \"a\n::error::x\x1b[2J\""), Hint: "the networks are: b\n::warning::c", Code: 2}, 2, "govctl: no network \"a\\n::error::x\\x1b[2J\"\nhint: the networks are: b\\n::warning::c\n"},
		{"plain with a line break", errors.New("open a\r\n::error::b"), 2, "govctl: open a\\r\\n::error::b\n"},
		{"findings in a hostile file", &check.FindingsError{Diagnostics: []diag.Diagnostic{{Pos: model.Pos{File: "r/a\n::error::b/network.yaml", Line: 1, Col: 1}, Severity: diag.Error, Rule: "id-mismatch", Message: "id \"\x1b[31m\" differs\n::error::x", More: 2}}}, 1,
			"\"r/a\\n::error::b/network.yaml\":1:1: error id-mismatch: id \"\\x1b[31m\" differs\\n::error::x\n\"r/a\\n::error::b/network.yaml\": and 2 more errors of rule id-mismatch in this file, not listed: fix these and run again\ngovctl: the repository has 3 errors to fix first (govctl validate lists them)\nhint: fix the files above, then run the command again\n"},
	} {
		var b bytes.Buffer
		if code := Report(&b, tc.err); code != tc.code || b.String() != tc.out {
			t.Errorf("%s: exit %d, printed %q; want %d, %q", tc.name, code, b.String(), tc.code, tc.out)
		}
	}
}

// cobra's own errors (an unknown command, a wrong number of arguments, an
// unknown flag) are usage errors: exit 2 with the usage hint.
func TestMainUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		out  string
	}{
		{[]string{"validat"}, "govctl: unknown command \"validat\" for \"govctl\"\n\nDid you mean this?\n\tvalidate\n\n" + usage},
		{[]string{"validate", "a", "b"}, "govctl: accepts at most 1 arg(s), received 2\n" + usage},
		{[]string{"networks", "x"}, "govctl: unknown command \"x\" for \"govctl networks\"\n" + usage},
		{[]string{"agenda", "new"}, "govctl: accepts 1 arg(s), received 0\n" + usage},
		{[]string{"validate", "--nope"}, "govctl: unknown flag: --nope\n" + usage},
		{[]string{"schedule", "x", "--count", "many"}, "govctl: invalid argument \"many\" for \"--count\" flag: strconv.ParseInt: parsing \"many\": invalid syntax\n" + usage},
	} {
		ios, _, out, errOut := iostreams.Test()
		f := &cmdutil.Factory{IOStreams: ios, Now: time.Now}
		if code := Main(f, tc.args); code != 2 || errOut.String() != tc.out || out.Len() != 0 {
			t.Errorf("%v: exit %d, stderr %q, stdout %q; want 2, %q", tc.args, code, errOut.String(), out.String(), tc.out)
		}
	}
}
