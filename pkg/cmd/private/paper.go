package private

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"unicode"

	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	priv "github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/record"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// PapersDir is where a body's encrypted papers are kept, in its folder.
const PapersDir = "papers/private"

func paperRun(opts *Options) error {
	sweep(opts)
	ws, err := workspace.OpenAgendas(opts.Dir, opts.Network, opts.Now)
	if err != nil {
		return err
	}
	m, err := ws.Find(opts.Date)
	if err != nil {
		return err
	}
	it, err := privateItem(ws, m, opts.Item)
	if err != nil {
		return err
	}
	if it.Paper != "" {
		return refuse(fmt.Sprintf("an item has one paper: to replace it, remove paper: from the item in %s (and git rm the old file), then run this again", filepath.ToSlash(ws.PathOf(m, ".yaml"))),
			"the item %q already has a paper: %s", it.Title, words.Quote(it.Paper))
	}
	rs, err := recipients(ws)
	if err != nil {
		return err
	}
	if why := exposed(ws, opts.File); why != "" {
		return refuse("move it out of the repository (to your documents), then run this again with its new place; a clear paper must never be committed",
			"the clear paper %s %s", words.Quote(opts.File), why)
	}
	clear, err := safefile.Read(opts.File, priv.MaxSize)
	if err != nil {
		return cmdutil.Errorf("give the path of the paper to encrypt", "reading the paper: %v", err)
	}

	name := opts.As
	if name == "" {
		name = filepath.Base(opts.File)
	}
	if strings.IndexFunc(name, unicode.IsControl) >= 0 || strings.HasPrefix(name, ".") {
		return cmdutil.Errorf("name it with --as bids.pdf", "the paper's name %s cannot be stored: it holds a control character or starts with a dot", words.Quote(name))
	}
	if !strings.HasPrefix(name, m.File+"-") {
		name = m.File + "-" + name
	}
	name += ".age"
	target := filepath.Join(ws.Dir, ws.Net.N.Folder, filepath.FromSlash(PapersDir), name)
	link := "../" + PapersDir + "/" + name // from the meetings folder
	if _, why := layout.PaperLink(link); why != "" {
		return cmdutil.Errorf("name it with --as bids.pdf", "the paper's path %s %s", words.Quote(link), why)
	}
	if err := safefile.Inside(ws.Dir, target); err != nil {
		return err
	}
	enc, err := priv.Encrypt(clear, rs)
	if err != nil {
		return err
	}
	shown := filepath.ToSlash(target)
	if err := safefile.Create(target, enc); errors.Is(err, safefile.ErrExists) {
		return refuse("store it under another name (--as NAME), or git rm the old one first", "%s already exists: an encrypted paper is never written over", shown)
	} else if err != nil {
		return fmt.Errorf("writing %s: %w", shown, err)
	}
	_, written, err := ws.EditMeeting(m, func(b []byte) ([]byte, error) { return record.SetItemPaper(b, it.Title, link) })
	if err != nil && len(written) == 0 {
		// The record is as it was: the paper it would have named goes too.
		os.Remove(target)
		return err
	}
	fmt.Fprintln(opts.IO.Out, shown)
	for _, p := range written {
		fmt.Fprintln(opts.IO.Out, filepath.ToSlash(p))
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(opts.IO.ErrOut, "encrypted %s to %s as %s, the paper of %q; commit them, never the clear paper\n",
		words.Quote(opts.File), words.Plural(len(rs), "recipient"), shown, it.Title)
	return nil
}

// privateItem is the private item of m titled title.
func privateItem(ws *workspace.Workspace, m *model.Meeting, title string) (*model.AgendaItem, error) {
	var private []string
	for i := range m.Agenda {
		it := &m.Agenda[i]
		if model.NormEqual(it.Title, title) {
			if it.Private == "" {
				return nil, refuse(fmt.Sprintf("a paper for a public item is published as it is: name it under paper: in %s; to take the item in private, add private: REASON to it first", filepath.ToSlash(ws.PathOf(m, ".yaml"))),
					"the item %q of the meeting of %s is not private", it.Title, m.File)
			}
			return it, nil
		}
		if it.Private != "" {
			private = append(private, fmt.Sprintf("%q", it.Title))
		}
	}
	hint := fmt.Sprintf("the meeting has no private item; mark one private: REASON in %s first", filepath.ToSlash(ws.PathOf(m, ".yaml")))
	if len(private) > 0 {
		hint = "its private items: " + words.List(private)
	}
	return nil, cmdutil.Errorf(hint, "the meeting of %s has no item %q", m.File, title)
}
