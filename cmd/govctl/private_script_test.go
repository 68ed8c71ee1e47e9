package main

import (
	"os"

	"github.com/rogpeppe/go-internal/testscript"

	"github.com/govctl/govctl/pkg/private"
)

// privateScriptCmds are the scripts' commands for private business.
func privateScriptCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		// decrypt KEY FILE OUT: OUT is FILE opened with the key file KEY,
		// as age -d -i KEY FILE opens it; with !, the key must not open it.
		"decrypt": func(ts *testscript.TestScript, neg bool, args []string) {
			if len(args) != 3 {
				ts.Fatalf("usage: decrypt KEY FILE OUT")
			}
			key, err := os.ReadFile(ts.MkAbs(args[0]))
			ts.Check(err)
			ids, err := private.ParseIdentities(key)
			ts.Check(err)
			data, err := os.ReadFile(ts.MkAbs(args[1]))
			ts.Check(err)
			clear, err := private.Decrypt(data, ids)
			switch {
			case neg && err == nil:
				ts.Fatalf("%s opened %s", args[0], args[1])
			case neg:
				return
			}
			ts.Check(err)
			ts.Check(os.WriteFile(ts.MkAbs(args[2]), clear, 0o600))
		},
	}
}
