package main

import (
	"os"

	"filippo.io/age"
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
		// encrypt RECIPIENT FILE OUT: OUT is FILE encrypted to the age
		// public key RECIPIENT, as age -r RECIPIENT -o OUT FILE writes it.
		"encrypt": func(ts *testscript.TestScript, neg bool, args []string) {
			if neg || len(args) != 3 {
				ts.Fatalf("usage: encrypt RECIPIENT FILE OUT")
			}
			r, err := age.ParseX25519Recipient(args[0])
			ts.Check(err)
			data, err := os.ReadFile(ts.MkAbs(args[1]))
			ts.Check(err)
			out, err := private.Encrypt(data, []age.Recipient{r})
			ts.Check(err)
			ts.Check(os.WriteFile(ts.MkAbs(args[2]), out, 0o644))
		},
	}
}
