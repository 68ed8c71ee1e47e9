package main

import (
	"encoding/hex"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test binary act as govctl inside the scripts.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"govctl": main,
	})
}

// TestScripts runs the end-to-end scripts in testdata/script: the real
// command, its exit status, its output and the files it writes.
func TestScripts(t *testing.T) {
	testscript.Run(t, scriptParams("../../testdata/script"))
}

// scriptParams are the settings every script directory shares: explicit
// exec, a fixed today (GOVCTL_TODAY=2026-11-23), no colour, and the custom
// commands of scriptCmds.
func scriptParams(dir string) testscript.Params {
	return testscript.Params{
		Dir:                 dir,
		RequireExplicitExec: true,
		UpdateScripts:       os.Getenv("UPDATE_SCRIPTS") == "1",
		Cmds:                scriptCmds(),
		Setup: func(env *testscript.Env) error {
			env.Setenv("GOVCTL_TODAY", "2026-11-23")
			env.Setenv("NO_COLOR", "1")
			return nil
		},
	}
}

// scriptCmds are the custom commands of the scripts.
func scriptCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	cmds := map[string]func(ts *testscript.TestScript, neg bool, args []string){
		// writehex FILE HEX: write bytes a txtar cannot hold.
		"writehex": func(ts *testscript.TestScript, neg bool, args []string) {
			if len(args) != 2 {
				ts.Fatalf("usage: writehex FILE HEX")
			}
			b, err := hex.DecodeString(args[1])
			ts.Check(err)
			ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
			ts.Check(os.WriteFile(ts.MkAbs(args[0]), b, 0o644))
		},
		// mvq FROM TO: rename FROM to TO, given Go-quoted: a name a
		// txtar cannot hold ("x\n::error::y").
		"mvq": func(ts *testscript.TestScript, neg bool, args []string) {
			if len(args) != 2 {
				ts.Fatalf("usage: mvq FROM \"TO\"")
			}
			to, err := strconv.Unquote(args[1])
			ts.Check(err)
			ts.Check(os.Rename(ts.MkAbs(args[0]), ts.MkAbs(to)))
		},
		// windows FILE COPY: COPY is FILE as a Windows editor saves it, with
		// a UTF-8 byte-order mark and CR LF line ends.
		"windows": func(ts *testscript.TestScript, neg bool, args []string) {
			if len(args) != 2 {
				ts.Fatalf("usage: windows FILE COPY")
			}
			text := strings.ReplaceAll(ts.ReadFile(args[0]), "\n", "\r\n")
			ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[1])), 0o755))
			ts.Check(os.WriteFile(ts.MkAbs(args[1]), []byte("\ufeff"+text), 0o644))
		},
		// bigfile FILE N: a valid YAML file of at least N bytes.
		"bigfile": func(ts *testscript.TestScript, neg bool, args []string) {
			if len(args) != 2 {
				ts.Fatalf("usage: bigfile FILE N")
			}
			n, err := strconv.Atoi(args[1])
			ts.Check(err)
			var b strings.Builder
			b.WriteString("id: x\nname: X\naims:\n")
			for i := 0; b.Len() < n; i++ {
				fmt.Fprintf(&b, "  - aim number %d\n", i)
			}
			ts.Check(os.MkdirAll(filepath.Dir(ts.MkAbs(args[0])), 0o755))
			ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(b.String()), 0o644))
		},
	}
	maps.Copy(cmds, privateScriptCmds())
	return cmds
}
