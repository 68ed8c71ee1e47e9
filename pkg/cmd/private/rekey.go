package private

import (
	"fmt"

	"io/fs"
	"path/filepath"
	"strings"

	"filippo.io/age"

	"github.com/govctl/govctl/pkg/cmdutil"
	priv "github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

func rekeyRun(opts *Options) error {
	sweep(opts)
	ws, err := workspace.Open(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	rs, err := recipients(ws)
	if err != nil {
		return err
	}
	ids, err := identities(ws, opts.Identity)
	if err != nil {
		return err
	}
	folder := filepath.Join(ws.Dir, ws.Net.N.Folder)
	files, err := privateFiles(folder)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		fmt.Fprintf(opts.IO.ErrOut, "%s has no private files: nothing to rekey\n", ws.Net.N.ID)
		return nil
	}
	var left []string
	done := 0
	for _, path := range files {
		shown := filepath.ToSlash(path)
		err := rekeyFile(ws, path, rs, ids)
		if err != nil {
			fmt.Fprintf(opts.IO.ErrOut, "%s: left as it is: %s\n", words.Printable(shown), words.Printable(err.Error()))
			left = append(left, shown)
			continue
		}
		fmt.Fprintln(opts.IO.Out, shown)
		done++
	}
	fmt.Fprintf(opts.IO.ErrOut, "rekeyed %d of %s to %s", done, words.Plural(len(files), "private file"), words.Plural(len(rs), "recipient"))
	if done > 0 {
		fmt.Fprint(opts.IO.ErrOut, "; commit them")
	}
	fmt.Fprintln(opts.IO.ErrOut)
	fmt.Fprintln(opts.IO.ErrOut, "note: a key taken off private_recipients still opens every earlier version of these files in the git history; rekeying protects only what is written from now on")
	if len(left) > 0 {
		state := "are left as they were"
		if len(left) == 1 {
			state = "is left as it was"
		}
		return refuse("rekey them with a key they were encrypted to (another member's: govctl private rekey "+ws.Net.N.ID+" --identity THEIR-KEY)",
			"%s could not be rekeyed with the key given and %s: %s", words.Plural(len(left), "file"), state, strings.Join(left, ", "))
	}
	return nil
}

// rekeyFile encrypts the file at path again to rs, opened with ids, and
// writes it only over what it read.
func rekeyFile(ws *workspace.Workspace, path string, rs []age.Recipient, ids []age.Identity) error {
	data, err := safefile.Read(path, priv.MaxSize)
	if err != nil {
		return err
	}
	clear, err := priv.Decrypt(data, ids)
	if err != nil {
		return err
	}
	enc, err := priv.Encrypt(clear, rs)
	if err != nil {
		return err
	}
	return ws.Replace(path, data, enc)
}

// privateFiles are the encrypted files of a body's folder: every regular
// file ending in .age (companions, papers), govctl's temporary files
// aside, in order.
func privateFiles(folder string) ([]string, error) {
	var out []string
	err := filepath.WalkDir(folder, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && strings.HasSuffix(d.Name(), ".age") && !strings.Contains(d.Name(), ".govctl-tmp-") {
			out = append(out, path)
		}
		return nil
	})
	if err != nil {
		return nil, cmdutil.Errorf("", "reading %s: %v", filepath.ToSlash(folder), err)
	}
	return out, nil
}
