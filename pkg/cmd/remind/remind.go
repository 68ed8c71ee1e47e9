// Package remind implements `govctl remind`: each person's reminders for
// the fortnight from a date, one file a person in a folder outside the
// repository, for scheduled CI to run daily and send.
package remind

import (
	"errors"
	"fmt"
	"io/fs"
	netmail "net/mail"
	"os"
	"path/filepath"
	"slices"
	"time"

	"github.com/MakeNowJust/heredoc"
	"github.com/rickb777/date"
	"github.com/spf13/cobra"

	"github.com/govctl/govctl/pkg/check"
	"github.com/govctl/govctl/pkg/cmdutil"
	"github.com/govctl/govctl/pkg/contacts"
	"github.com/govctl/govctl/pkg/exit"
	"github.com/govctl/govctl/pkg/iostreams"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/remind"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/words"
	"github.com/govctl/govctl/pkg/workspace"
)

// Options are remind's inputs.
type Options struct {
	IO  *iostreams.IOStreams
	Now func() time.Time

	Dir      string
	Networks []string
	// AsOf is the fortnight's first day; zero means today, in the
	// repository's timezone.
	AsOf date.Date
	// Out is the folder the digests are written to; Member, instead, a
	// member id whose digest is printed on stdout.
	Out    string
	Member string
	// From is --from, the sender of the e-mail digests ("" to find the
	// bodies' secretaries in the contacts file); Contacts are --contacts,
	// --identity and GOVCTL_CONTACTS.
	From     string
	Contacts cmdutil.Contacts
}

// NewCmdRemind builds the command.
func NewCmdRemind(f *cmdutil.Factory, runF func(*Options) error) *cobra.Command {
	opts := &Options{IO: f.IOStreams, Now: f.Now}
	var asOf string
	cmd := &cobra.Command{
		Use:   "remind [NETWORK...] (--out DIR | --member ID) [--as-of DATE]",
		Short: "Write each person's reminders for the coming fortnight",
		Long: heredoc.Doc(`
			Write one digest for each person with something in the fortnight from
			the as-of date (today by default) to 14 days after it: the actions they
			own that fall due or are overdue, the papers they present and when they
			are due, the meetings they are expected at, their terms of office that
			end, and the referrals from other bodies waiting for their bodies. A
			person is a member id: one who sits on several bodies under one id has
			one digest. Someone with nothing in the fortnight has none.

			The digests depend only on the files and the as-of date: run it daily
			from scheduled CI. Each is a file named after the member id, in DIR,
			which must lie outside the repository; the run replaces the digests an
			earlier run wrote there and removes those it has no more, and touches
			no other file. Business taken in private is shown as public pages show
			it, never its text.

			A person whose address the contacts file gives has their digest as an
			e-mail, SLUG.eml (plain text and HTML, dated on the as-of day, from
			--from or else the first secretary or chair of their bodies the contacts
			file has an address for), ready to send; the others have it as markdown,
			SLUG.md. The contacts file is --contacts FILE, else $GOVCTL_CONTACTS,
			else contacts in govctl.yaml (encrypted with age, opened with
			--identity). Links to agendas and minutes are at govctl.yaml's pages_url
			where it is set, else paths in the repository.

			With --member, the one person's digest is printed instead (markdown),
			and nothing is written.
		`),
		Example: heredoc.Doc(`
			govctl remind --out ~/reminders
			govctl remind --as-of 2026-12-04 --out "$RUNNER_TEMP/reminders"
			govctl remind --member ann --as-of 2026-12-04
			govctl remind --contacts ~/.config/govctl/contacts.yaml --from "Governance <governance@example.org>" --out ~/reminders
		`),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, _ string) ([]string, cobra.ShellCompDirective) {
			return check.NetworkIDs(cmdutil.RepoDir(cmd)), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Networks = args
			opts.Dir = cmdutil.RepoDir(cmd)
			switch {
			case opts.Out == "" && opts.Member == "":
				return cmdutil.FlagErrorf("give --out DIR, the folder to write the digests to, or --member ID to print one")
			case opts.Out != "" && opts.Member != "":
				return cmdutil.FlagErrorf("--out and --member: give one (--member prints one digest and writes nothing)")
			}
			var err error
			if opts.AsOf, err = cmdutil.DateFlag("--as-of", asOf); err != nil {
				return err
			}
			if opts.From != "" {
				if _, err := netmail.ParseAddress(opts.From); err != nil {
					return cmdutil.FlagErrorf("--from: expected an e-mail address, such as \"Governance <governance@example.org>\" or governance@example.org")
				}
			}
			if opts.Contacts.Env == "" {
				opts.Contacts.Env = os.Getenv(cmdutil.ContactsEnv)
			}
			if runF != nil {
				return runF(opts)
			}
			return remindRun(opts)
		},
	}
	cmd.Flags().StringVar(&opts.Out, "out", "", "the folder to write the digests to, outside the repository")
	cmd.Flags().StringVar(&opts.Member, "member", "", "print this member id's digest instead (markdown), writing nothing")
	cmd.Flags().StringVar(&asOf, "as-of", "", "the fortnight's first day, YYYY-MM-DD (default today)")
	cmd.Flags().StringVar(&opts.From, "from", "", "the sender of the e-mail digests (default: a secretary or chair of the person's body, from the contacts file)")
	opts.Contacts.AddFlags(cmd.Flags())
	return cmd
}

func remindRun(opts *Options) error {
	if opts.Out != "" {
		if err := checkOut(opts.Dir, opts.Out); err != nil {
			return err
		}
	}
	res, err := check.OpenReferred(opts.Dir, opts.Networks, opts.Now)
	if err != nil {
		return err
	}
	asOf := res.Today.Date
	if !opts.AsOf.IsZero() {
		asOf = opts.AsOf
	}
	ds := remind.Digests(remind.Inputs{Nets: res.Nets(), Calendar: res.Calendar, Location: res.Location, PagesURL: res.Repo.Settings.PagesURL}, asOf)
	if opts.Member != "" {
		if err := printMember(opts, res, ds, asOf); err != nil {
			return err
		}
		return res.Left()
	}
	var book *contacts.Book
	if book, _, err = cmdutil.LoadContacts(opts.Dir, res.Repo.Settings, opts.Contacts); err != nil {
		return err
	}
	files, notes, err := render(opts, res, ds, book, asOf)
	if err != nil {
		return err
	}
	sum, err := write(opts.Out, files)
	if err != nil {
		return err
	}
	for _, f := range files {
		fmt.Fprintln(opts.IO.Out, filepath.Join(opts.Out, f.name))
	}
	for _, name := range sum.removed {
		fmt.Fprintf(opts.IO.ErrOut, "removed %s: nothing is due for them\n", filepath.Join(opts.Out, name))
	}
	for _, n := range notes {
		fmt.Fprintf(opts.IO.ErrOut, "%s %s\n", opts.IO.Colorize(iostreams.Yellow, "warning:"), n)
	}
	fmt.Fprintf(opts.IO.ErrOut, "%s for the fortnight from %s to %s: %d written, %d unchanged, %d removed\n",
		words.Plural(len(files), "digest"), words.LongDate(asOf), words.LongDate(asOf.Add(remind.Days)), sum.written, len(files)-sum.written, len(sum.removed))
	return res.Left()
}

// render makes each digest's file: an e-mail to the person where the
// contacts file gives their address, markdown otherwise. Its notes are
// warnings to print (member ids, never an address).
func render(opts *Options, res *check.Result, ds []remind.Digest, book *contacts.Book, asOf date.Date) ([]file, []string, error) {
	var from *netmail.Address
	if opts.From != "" {
		a, err := netmail.ParseAddress(opts.From)
		if err != nil {
			return nil, nil, cmdutil.FlagErrorf("--from: expected an e-mail address")
		}
		from = a
	}
	files := make([]file, 0, len(ds))
	var missing, unsent []string
	for i := range ds {
		d := &ds[i]
		to, ok := address(res, book, d, d.Member)
		if !ok {
			if book != nil {
				missing = append(missing, d.Member)
			}
			files = append(files, file{name: d.Slug + remind.Ext, data: d.Markdown()})
			continue
		}
		sender := sender(res, book, d, asOf)
		if from != nil {
			sender = *from
		}
		if sender.Address == "" {
			unsent = append(unsent, d.Member)
		}
		data, err := d.EML(sender, to, res.Location)
		if err != nil {
			return nil, nil, fmt.Errorf("the e-mail to %s: %w", words.Quote(d.Member), err)
		}
		files = append(files, file{name: d.Slug + remind.EMLExt, data: data})
	}
	var notes []string
	if len(missing) > 0 {
		notes = append(notes, fmt.Sprintf("no address for %s in the contacts file %s: their digests are markdown", words.List(missing), words.Quote(book.File)))
	}
	if len(unsent) > 0 {
		notes = append(notes, fmt.Sprintf("no sender for the e-mails to %s: the contacts file has no address for a secretary or chair of their bodies; give --from ADDRESS, or add one", words.List(unsent)))
	}
	return files, notes, nil
}

// address is member id's address in book, with the name the digest gives
// where the contacts file gives none: the entry for one of the digest's
// bodies (NETWORK/MEMBER, in the repository's order), else the plain one.
func address(res *check.Result, book *contacts.Book, d *remind.Digest, id string) (netmail.Address, bool) {
	if book == nil {
		return netmail.Address{}, false
	}
	for _, b := range d.Bodies {
		if a, ok := book.Lookup(b.ID, id); ok {
			if a.Name == "" {
				a.Name = memberName(res, b.ID, id)
			}
			return a, true
		}
	}
	return netmail.Address{}, false
}

// sender is who a digest comes from: the first organiser (a secretary, the
// chair, a facilitator: terms.Net.Organisers) on the as-of date of the
// digest's bodies, in order, that the contacts file gives an address for;
// the empty address when none.
func sender(res *check.Result, book *contacts.Book, d *remind.Digest, asOf date.Date) netmail.Address {
	for _, b := range d.Bodies {
		nx, err := res.Net(b.ID)
		if err != nil {
			continue
		}
		for _, id := range nx.Organisers(model.Date{Date: asOf}) {
			if a, ok := book.Lookup(b.ID, id); ok {
				if a.Name == "" {
					a.Name = nx.MemberName(id)
				}
				return a
			}
		}
	}
	return netmail.Address{}
}

// memberName is member id's name in body, or the id.
func memberName(res *check.Result, body, id string) string {
	if nx, err := res.Net(body); err == nil {
		return nx.MemberName(id)
	}
	return id
}

// printMember prints member id's digest, or says they have nothing due.
func printMember(opts *Options, res *check.Result, ds []remind.Digest, asOf date.Date) error {
	for i := range ds {
		if ds[i].Member == opts.Member {
			_, err := opts.IO.Out.Write(ds[i].Markdown())
			return err
		}
	}
	known := false
	for _, nx := range res.Nets() {
		if _, ok := nx.Members[opts.Member]; ok {
			known = true
		}
	}
	if !known {
		return cmdutil.Errorf("give the id of a member, as members.yaml lists them", "--member %s: no body lists a member of that id", words.Quote(opts.Member))
	}
	fmt.Fprintf(opts.IO.ErrOut, "%s has nothing due in the fortnight from %s to %s\n", words.Quote(opts.Member), words.LongDate(asOf), words.LongDate(asOf.Add(remind.Days)))
	return nil
}

// checkOut refuses an output folder inside the repository or the git
// working tree that holds it: digests name people, and with their
// addresses are personal data, never to be committed and published.
func checkOut(repo, out string) error {
	if root, in := workspace.Inside(repo, out); in {
		return &exit.Hinted{
			Err:  fmt.Errorf("--out %s is inside %s (links followed): digests are written only outside the repository and its git working tree, where they cannot be committed and published", words.Quote(out), words.Quote(root)),
			Hint: "give --out a folder outside the repository, such as $RUNNER_TEMP/reminders in GitHub Actions",
			Code: exit.Usage,
		}
	}
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		return cmdutil.Errorf("give --out a folder (made if missing)", "--out %s is not a folder", words.Quote(out))
	}
	return nil
}

// file is a digest to write: its name in the folder and its bytes.
type file struct {
	name string
	data []byte
}

// summary is what a write did.
type summary struct {
	written int
	removed []string
}

// headSize is how much of a file is read to tell whether a run wrote it.
const headSize = 4096

// write writes files into folder dir (made if missing), each only when its
// bytes change, and removes the digests an earlier run wrote there that
// are not among them. It refuses, before writing anything, to write over a
// file that a run did not write. Nothing but the digests a run wrote is
// ever changed or removed.
func write(dir string, files []file) (summary, error) {
	var sum summary
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return sum, cmdutil.Errorf("give --out a folder you may write in", "making %s: %v", words.Quote(dir), err)
	}
	old := map[string][]byte{}
	for _, f := range files {
		data, ours, err := ownFile(filepath.Join(dir, f.name))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			continue
		case err != nil:
			return sum, err
		case !ours:
			return sum, cmdutil.Errorf("move the file away, or give --out a folder of its own for the digests",
				"%s was not written by govctl remind: it is left as it is, and nothing was written", words.Quote(filepath.Join(dir, f.name)))
		}
		old[f.name] = data
	}
	stale, err := staleFiles(dir, files)
	if err != nil {
		return sum, err
	}
	for _, f := range files {
		if was, ok := old[f.name]; ok && string(was) == string(f.data) {
			continue
		}
		if err := safefile.WritePrivate(filepath.Join(dir, f.name), f.data); err != nil {
			return sum, fmt.Errorf("writing %s: %w", words.Quote(filepath.Join(dir, f.name)), err)
		}
		sum.written++
	}
	for _, name := range stale {
		if err := os.Remove(filepath.Join(dir, name)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return sum, fmt.Errorf("removing %s: %w", words.Quote(filepath.Join(dir, name)), err)
		}
		sum.removed = append(sum.removed, name)
	}
	return sum, nil
}

// ownFile reads the file at path when it is a digest a run wrote (ours):
// a regular file (not a link) whose name and first line say so.
func ownFile(path string) (data []byte, ours bool, err error) {
	fi, err := os.Lstat(path)
	if err != nil {
		return nil, false, err
	}
	if !fi.Mode().IsRegular() {
		return nil, false, nil
	}
	head, err := safefile.ReadHead(path, headSize)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s: %w", words.Quote(path), err)
	}
	if !remind.Written(filepath.Base(path), head) {
		return nil, false, nil
	}
	data, err = safefile.Read(path, maxDigest)
	if err != nil {
		return nil, false, fmt.Errorf("reading %s: %w", words.Quote(path), err)
	}
	return data, true, nil
}

// maxDigest is the largest digest read back to compare.
const maxDigest = 16 << 20

// staleFiles are the digests an earlier run wrote in dir that files does
// not hold, in name order.
func staleFiles(dir string, files []file) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", words.Quote(dir), err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || slices.ContainsFunc(files, func(f file) bool { return f.name == name }) {
			continue
		}
		head, err := safefile.ReadHead(filepath.Join(dir, name), headSize)
		if err != nil {
			continue // unreadable: not one of ours to remove
		}
		if remind.Written(name, head) {
			out = append(out, name)
		}
	}
	return out, nil
}
