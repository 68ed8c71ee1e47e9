// Package load reads a governance repository (the networks/ folder) into the
// model, keeping the line and column of every key and value.
//
// Loading never stops at the first problem: every file is read (in parallel),
// and every problem in every file becomes a finding of one of the rules the
// loader reports, by its typed id and with its severity from package rules
// (yaml-syntax, unknown-field, wrong-type, missing-field, duplicate-key,
// bad-date, id-mismatch, and govctl's missing-file, unknown-file, file-limit,
// unsafe-path, unreadable-file). Only a folder that cannot be read at all is
// an error.
//
// A meeting's private file, meetings/<stem>.private.yaml.age, is not YAML:
// only the start of it is read, for its age header (without a key), which
// the private-file rule judges. One in clear (<stem>.private.yaml, anywhere
// under meetings/) is noted for private-leak and never read; a contacts
// file in clear (contacts.yaml at the top of the repository, or the clear
// twin of the encrypted one govctl.yaml names) likewise for contacts-leak.
//
// Each reader (worker) takes the model's values, lists and strings from
// blocks of its own (arena.go), so that the model does not sit among the
// parsed YAML it was decoded from once that is collected. A loaded model is
// plain data, but its lists have no room to grow in place: appending to one
// copies it.
package load

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/private"
	"github.com/govctl/govctl/pkg/rules"
	"github.com/govctl/govctl/pkg/safefile"
	"github.com/govctl/govctl/pkg/suggest"
	"github.com/govctl/govctl/pkg/words"
)

// Options narrows what Load reads.
type Options struct {
	// Networks, when not empty, loads only these networks (and always the
	// repository's settings and organisations).
	Networks []string
	// MaxFiles lowers the limit on files read (MaxFiles when 0), for tests.
	MaxFiles int
}

// job is one file to read and decode into target.
type job struct {
	rel    string // path from the repository folder, slash separated
	kind   layout.Kind
	abs    string
	target any // pointer to the struct to fill
	diags  []diag.Diagnostic
	ok     bool // the file was read and decoded (perhaps with findings)
}

// Load reads the repository in dir. The findings are unsorted.
func Load(dir string, opts Options) (*model.Repo, []diag.Diagnostic, error) {
	if err := CheckDir(dir); err != nil {
		return nil, nil, err
	}
	root, err := filepath.EvalSymlinks(dir)
	if err != nil {
		return nil, nil, &NotFoundError{Dir: dir, Err: unwrapPathError(err)}
	}
	root, _ = filepath.Abs(root)
	maxFiles := MaxFiles
	if opts.MaxFiles > 0 {
		maxFiles = opts.MaxFiles
	}
	l := &loader{dir: dir, root: root, maxFiles: maxFiles}
	repo := &model.Repo{Dir: dir}
	// Files are read while the folders are still being listed.
	l.start()
	l.plan(repo, opts)
	l.wait()
	if len(l.jobs) > maxFiles {
		// What was read before the count passed the limit is dropped.
		report(&l.diags, l.pos(""), rules.FileLimit, "the repository has %d files, more than the limit of %d; none was read", len(l.jobs), maxFiles)
		return &model.Repo{Dir: dir}, l.diags.List, nil
	}
	for _, j := range l.jobs {
		l.diags.List = append(l.diags.List, j.diags...)
	}
	l.assemble(repo)
	return repo, l.diags.List, nil
}

// report records a finding of rule at pos, with the rule's severity.
func report(c *diag.Collector, pos model.Pos, rule rules.ID, format string, args ...any) {
	c.Add(pos, rule.Severity(), string(rule), format, args...)
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		if errors.Is(pe.Err, fs.ErrNotExist) {
			return errors.New("no such folder")
		}
		return pe.Err
	}
	return err
}

type loader struct {
	dir      string // as given
	root     string // absolute, symlinks resolved
	maxFiles int
	jobs     []*job
	diags    diag.Collector
	work     chan *job // to the readers, closed by wait
	readers  sync.WaitGroup

	settings *job
	orgs     *job
	networks []*netJobs
}

type netJobs struct {
	folder   string
	network  *job
	members  *job
	wp       *job
	meetings []*job
	terms    []*job // earlier versions of network.yaml, terms/<date>.yaml
	// private are the private companions in meetings/: encrypted ones,
	// whose headers are read (a job each, its target the PrivateFile), and
	// ones in clear, which are not read (no job).
	private []*model.PrivateFile
}

// pos is a file-level position: rel is the path from the repository.
func (l *loader) pos(rel string) model.Pos {
	return model.Pos{File: l.display(rel), Line: 1, Col: 1}
}

// display is the path as reached from the folder as given.
func (l *loader) display(rel string) string {
	if rel == "" {
		return filepath.ToSlash(l.dir)
	}
	return filepath.ToSlash(filepath.Join(l.dir, filepath.FromSlash(rel)))
}

// entries lists a folder, reporting symbolic links that lead outside the
// repository (which are not followed) and resolving the others.
func (l *loader) entries(rel string) []fs.DirEntry {
	abs := filepath.Join(l.root, filepath.FromSlash(rel))
	ents, err := os.ReadDir(abs)
	if err != nil {
		report(&l.diags, l.pos(rel), rules.UnreadableFile, "cannot read folder: %v", unwrapPathError(err))
		return nil
	}
	out := ents[:0]
	for _, e := range ents {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		if words.HasControl(name) {
			// Printed, a line break would end a message early (and start a
			// GitHub workflow command), an escape would drive the terminal.
			report(&l.diags, l.pos(pathJoin(rel, words.Quote(name))), rules.UnsafePath, "the name %s holds a control character (a line break, tab or escape); it is not read: rename it", words.Quote(name))
			continue
		}
		if e.Type()&special != 0 {
			report(&l.diags, l.pos(pathJoin(rel, name)), rules.UnreadableFile, "%s is not a regular file or folder (a FIFO, socket or device); it is not read: remove it", name)
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			child := pathJoin(rel, name)
			target, err := filepath.EvalSymlinks(filepath.Join(abs, name))
			if err != nil {
				why := unwrapPathError(err)
				if errors.Is(err, fs.ErrNotExist) {
					why = errors.New("what it leads to does not exist")
				}
				report(&l.diags, l.pos(child), rules.UnsafePath, "symbolic link %s cannot be followed: %v", name, why)
				continue
			}
			if !within(l.root, target) {
				report(&l.diags, l.pos(child), rules.UnsafePath, "symbolic link %s leads outside the repository; it is not followed", name)
				continue
			}
			fi, err := os.Stat(target)
			if err != nil {
				continue
			}
			if fi.Mode()&special != 0 {
				report(&l.diags, l.pos(pathJoin(rel, name)), rules.UnreadableFile, "symbolic link %s leads to something that is not a regular file or folder (a FIFO, socket or device); it is not read: remove it", name)
				continue
			}
			out = append(out, fs.FileInfoToDirEntry(renamed{fi, name}))
			continue
		}
		out = append(out, e)
	}
	return out
}

// special are the kinds of file that are neither regular files nor
// folders: reading one could block (a FIFO) or never end (a device).
const special = fs.ModeNamedPipe | fs.ModeSocket | fs.ModeDevice | fs.ModeCharDevice | fs.ModeIrregular

type renamed struct {
	fs.FileInfo
	name string
}

func (r renamed) Name() string { return r.name }

func within(root, path string) bool {
	rel, err := filepath.Rel(root, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

func pathJoin(a, b string) string {
	if a == "" {
		return b
	}
	return a + "/" + b
}

// add plans the file at rel, of kind k, to be read into target (a pointer
// to a k.Type()).
func (l *loader) add(rel string, k layout.Kind, target any) *job {
	j := &job{rel: rel, kind: k, abs: filepath.Join(l.root, filepath.FromSlash(rel)), target: target}
	l.jobs = append(l.jobs, j)
	if len(l.jobs) <= l.maxFiles {
		l.work <- j
	}
	return j
}

// plan lists the files to read.
func (l *loader) plan(repo *model.Repo, opts Options) {
	var haveOrgs bool
	for _, e := range l.entries("") {
		name := e.Name()
		k, known := layout.Named(layout.InRepository, name)
		switch {
		// A folder with a file's name is planned as a file too, to be
		// reported as unreadable rather than ignored.
		case known && k == layout.Settings:
			l.settings = l.add(name, k, &repo.Settings)
		case known && k == layout.Organisations:
			haveOrgs = true
			l.orgs = l.add(name, k, &model.OrganisationsFile{})
		case name == layout.ContactsFile || name == "contacts.yml":
			repo.ClearContacts = append(repo.ClearContacts, l.pos(name))
		case e.IsDir():
			if len(opts.Networks) > 0 && !slices.Contains(opts.Networks, name) {
				continue
			}
			l.planNetwork(name)
		case isYAML(name):
			report(&l.diags, l.pos(name), rules.UnknownFile, "govctl has no use for %s%s; the repository holds %s, %s and a folder for each network", name, didYouMean(name, layout.SettingsFile, layout.OrganisationsFile), layout.SettingsFile, layout.OrganisationsFile)
		}
	}
	if !haveOrgs {
		report(&l.diags, l.pos(layout.OrganisationsFile), rules.MissingFile, "the repository has no %s; every repository lists the organisations its members come from", layout.OrganisationsFile)
	}
}

func isYAML(name string) bool {
	return strings.HasSuffix(name, ".yaml") || strings.HasSuffix(name, ".yml")
}

func (l *loader) planNetwork(folder string) {
	nj := &netJobs{folder: folder}
	for _, e := range l.entries(folder) {
		name := e.Name()
		rel := pathJoin(folder, name)
		k, known := layout.Named(layout.InNetwork, name)
		switch {
		case known && k == layout.Network:
			nj.network = l.add(rel, k, &model.Network{Folder: folder})
		case known && k == layout.Members:
			nj.members = l.add(rel, k, &model.MembersFile{})
		case known && k == layout.WorkProgramme:
			nj.wp = l.add(rel, k, &model.WorkProgramme{})
		case name == layout.MeetingsDir && e.IsDir():
			l.planMeetings(nj, rel)
		case name == layout.MeetingsDir:
			report(&l.diags, l.pos(rel), rules.UnreadableFile, "%s is a file, not a folder; the network's meetings are not read", name)
		case name == layout.TermsDir && e.IsDir():
			l.planTerms(nj, rel)
		case name == layout.TermsDir:
			report(&l.diags, l.pos(rel), rules.UnreadableFile, "%s is a file, not a folder; the earlier versions of the network's terms are not read", name)
		case isYAML(name) && !e.IsDir():
			report(&l.diags, l.pos(rel), rules.UnknownFile, "govctl has no use for %s in a network folder%s (expected %s, %s, %s or %s/)", name, didYouMean(name, layout.NetworkFile, layout.MembersFile, layout.WorkProgrammeFile), layout.NetworkFile, layout.MembersFile, layout.WorkProgrammeFile, layout.MeetingsDir)
		case e.IsDir():
			l.unknownFolder(rel, layout.MeetingsDir, layout.TermsDir)
		}
	}
	if nj.network == nil {
		if nj.members == nil && nj.wp == nil && len(nj.meetings) == 0 && !hasYAML(l.entries(folder)) {
			return // a folder of other things (docs, papers): not a network
		}
		report(&l.diags, l.pos(pathJoin(folder, layout.NetworkFile)), rules.MissingFile, "network folder %s has no %s", folder, layout.NetworkFile)
		return
	}
	l.networks = append(l.networks, nj)
}

func hasYAML(ents []fs.DirEntry) bool {
	for _, e := range ents {
		if isYAML(e.Name()) || (e.IsDir() && e.Name() == layout.MeetingsDir) {
			return true
		}
	}
	return false
}

// planTerms plans the earlier versions of a network's terms, each a whole
// network.yaml named for the date it came into force.
func (l *loader) planTerms(nj *netJobs, rel string) {
	for _, e := range l.entries(rel) {
		name := e.Name()
		if !isYAML(name) {
			if e.IsDir() {
				l.unknownFolder(pathJoin(rel, name))
			}
			continue
		}
		child := pathJoin(rel, name)
		day, ok := layout.TermsFileDate(name)
		if !ok {
			report(&l.diags, l.pos(child), rules.UnknownFile, "%s is not named for a date: an earlier version of the terms is %s/YYYY-MM-DD.yaml, the day it came into force; it is not read", name, layout.TermsDir)
			continue
		}
		from, err := ParseDate(day)
		if err != nil {
			report(&l.diags, l.pos(child), rules.BadDate, "terms file %s: %v; it is not read", name, err)
			continue
		}
		nj.terms = append(nj.terms, l.add(child, layout.Terms, &model.Network{Folder: nj.folder, From: model.Date{Date: from, Pos: l.pos(child)}}))
	}
}

func (l *loader) planMeetings(nj *netJobs, rel string) {
	for _, e := range l.entries(rel) {
		name := e.Name()
		if stem, ok := strings.CutSuffix(name, private.Suffix); ok {
			// Its header is read; a folder of this name is planned too, to
			// be reported as unreadable.
			pf := &model.PrivateFile{Pos: l.pos(pathJoin(rel, name)), Stem: stem}
			nj.private = append(nj.private, pf)
			l.add(pathJoin(rel, name), layout.Meeting, pf)
			continue
		}
		if stem, ok := clearCompanion(name); ok && !e.IsDir() {
			nj.private = append(nj.private, &model.PrivateFile{Pos: l.pos(pathJoin(rel, name)), Stem: stem, Clear: true})
			continue
		}
		day, isMeeting := layout.MeetingFileDate(name)
		if e.IsDir() && !isMeeting {
			l.clearInFolder(nj, pathJoin(rel, name))
			l.unknownFolder(pathJoin(rel, name))
			continue
		}
		if !isYAML(name) {
			continue
		}
		child := pathJoin(rel, name)
		if !isMeeting {
			report(&l.diags, l.pos(child), rules.UnknownFile, "meeting file %s is not named for a date: expected YYYY-MM-DD.yaml (or YYYY-MM-DD-2.yaml for a second meeting that day); it is not read", name)
			continue
		}
		if _, err := ParseDate(day); err != nil {
			report(&l.diags, l.pos(child), rules.BadDate, "meeting file %s: %v; it is not read", name, err)
			continue
		}
		mt := &model.Meeting{File: strings.TrimSuffix(name, ".yaml")}
		nj.meetings = append(nj.meetings, l.add(child, layout.Meeting, mt))
	}
}

// unknownFolder reports a folder govctl does not read when it holds YAML
// files (a misspelt meetings folder), which would otherwise go unchecked.
// Folders of papers and other files are left alone.
func (l *loader) unknownFolder(rel string, expected ...string) {
	ents, err := os.ReadDir(filepath.Join(l.root, filepath.FromSlash(rel)))
	if err != nil {
		return
	}
	n := 0
	for _, e := range ents {
		if _, clear := clearCompanion(e.Name()); !e.IsDir() && isYAML(e.Name()) && !strings.HasPrefix(e.Name(), ".") && !clear {
			n++
		}
	}
	if n == 0 {
		return
	}
	name := path.Base(rel)
	files := "the YAML file in it is"
	if n > 1 {
		files = fmt.Sprintf("the %d YAML files in it are", n)
	}
	report(&l.diags, l.pos(rel), rules.UnknownFile, "govctl has no use for folder %s%s; %s not read", name, didYouMean(name, expected...), files)
}

// clearCompanion reports whether name is a private companion in clear
// (<stem>.private.yaml, or .yml), and its stem.
func clearCompanion(name string) (string, bool) {
	for _, suffix := range []string{private.ClearSuffix, strings.TrimSuffix(private.ClearSuffix, ".yaml") + ".yml"} {
		if stem, ok := strings.CutSuffix(name, suffix); ok {
			return stem, true
		}
	}
	return "", false
}

// clearInFolder notes the private companions in clear anywhere under a
// folder of meetings/ (private business published, wherever it lies);
// nothing else there is read. Links are not followed.
func (l *loader) clearInFolder(nj *netJobs, rel string) {
	root := filepath.Join(l.root, filepath.FromSlash(rel))
	seen := 0
	_ = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if seen++; seen > l.maxFiles {
			return filepath.SkipAll
		}
		if d.IsDir() && strings.HasPrefix(d.Name(), ".") && p != root {
			return filepath.SkipDir
		}
		stem, ok := clearCompanion(d.Name())
		if !ok || !d.Type().IsRegular() || words.HasControl(p) {
			return nil
		}
		sub, err := filepath.Rel(l.root, p)
		if err != nil {
			return nil
		}
		nj.private = append(nj.private, &model.PrivateFile{Pos: l.pos(filepath.ToSlash(sub)), Stem: stem, Clear: true})
		return nil
	})
}

func didYouMean(name string, known ...string) string {
	if best := suggest.Nearest(name, known); best != "" {
		return fmt.Sprintf(" (did you mean %s?)", best)
	}
	return ""
}

// start starts the readers: as many as there are CPUs, each reading and
// decoding the files planned, as they are planned.
func (l *loader) start() {
	l.work = make(chan *job, 64)
	for range runtime.GOMAXPROCS(0) {
		l.readers.Add(1)
		go func() {
			defer l.readers.Done()
			w := newWorker()
			for j := range l.work {
				readFile(j, l.display(j.rel), w)
			}
		}()
	}
}

// wait waits for the readers to finish every file planned.
func (l *loader) wait() {
	close(l.work)
	l.readers.Wait()
}

var (
	bom = []byte{0xEF, 0xBB, 0xBF}
)

// readFile reads one file into j.target.
func readFile(j *job, display string, w *worker) {
	at := func(line, col int) model.Pos { return model.Pos{File: display, Line: int32(line), Col: int32(col)} }
	fail := func(line int, rule rules.ID, format string, args ...any) {
		j.diags = append(j.diags, diag.Diagnostic{Pos: at(line, 1), Severity: rule.Severity(), Rule: string(rule), Message: fmt.Sprintf(format, args...)})
	}
	if pf, ok := j.target.(*model.PrivateFile); ok {
		readCompanion(j, pf, fail)
		return
	}
	// The size is checked before anything is read.
	data, err := readInto(j.abs, w.buf)
	w.buf = data[:0] // the parser copies what it keeps: the buffer is reused
	var tooBig *tooBigError
	switch {
	case errors.Is(err, errIsDir):
		fail(1, rules.UnreadableFile, "%s is a folder, not a file", filepath.Base(j.abs))
		return
	case errors.Is(err, errNotRegular):
		fail(1, rules.UnreadableFile, "%s is not a regular file (a FIFO, socket or device); it is not read: remove it", filepath.Base(j.abs))
		return
	case errors.As(err, &tooBig):
		fail(1, rules.FileLimit, "%v; it is not read", tooBig)
		return
	case err != nil:
		fail(1, rules.UnreadableFile, "cannot read file: %v", unwrapPathError(err))
		return
	}
	data = bytes.TrimPrefix(data, bom)
	if !utf8.Valid(data) {
		line := 1 + bytes.Count(data[:invalidUTF8At(data)], []byte("\n"))
		fail(line, rules.YAMLSyntax, "the file is not valid UTF-8 text (line %d); save it as UTF-8", line)
		return
	}
	if bytes.IndexByte(data, 0) >= 0 {
		line := 1 + bytes.Count(data[:bytes.IndexByte(data, 0)], []byte("\n"))
		fail(line, rules.YAMLSyntax, "the file holds a NUL byte (line %d); it is not text", line)
		return
	}
	root, ok := parseYAML(data, fail)
	if !ok {
		return
	}
	d := &decoder{file: display, types: w.types, w: w}
	// A file past a limit is not read: what the decoder filled before it
	// stopped is put back as it was (the folder or file name only).
	target := reflect.ValueOf(j.target).Elem()
	blank := reflect.New(target.Type()).Elem()
	blank.Set(target)
	func() {
		defer func() {
			if r := recover(); r != nil {
				lim, isLimit := r.(errLimit)
				if !isLimit {
					panic(r)
				}
				d.diags.List = nil
				target.Set(blank)
				fail(1, rules.FileLimit, "%s; the file is not read", lim.msg)
			}
		}()
		if root == nil {
			// An empty file or document: an empty mapping, so that required
			// fields are reported.
			root = &yaml.Node{Kind: yaml.MappingNode, Line: 1, Column: 1}
		}
		if err := checkDepth(root, bytes.IndexByte(data, '*') >= 0); err != "" {
			panic(errLimit{err})
		}
		d.decode(root, reflect.ValueOf(j.target).Elem(), 0)
		if n, ok := j.target.(*model.Network); ok {
			n.RecipientsAt = entryPositions(root, "private_recipients", at)
		}
	}()
	j.diags = append(j.diags, d.diags.List...)
	j.ok = true
}

// readCompanion reads the age header of a private companion: only its
// start, however long the file, and without waiting on a FIFO. What is
// wrong with the header is for the private-file rule.
func readCompanion(j *job, pf *model.PrivateFile, fail func(int, rules.ID, string, ...any)) {
	if fi, err := os.Stat(j.abs); err == nil && fi.IsDir() {
		fail(1, rules.UnreadableFile, "%s is a folder, not a file", filepath.Base(j.abs))
		return
	}
	data, err := safefile.ReadHead(j.abs, MaxFileSize)
	switch {
	case errors.Is(err, safefile.ErrNotRegular):
		fail(1, rules.UnreadableFile, "%s is not a regular file (a FIFO, socket or device); it is not read: remove it", filepath.Base(j.abs))
		return
	case err != nil:
		fail(1, rules.UnreadableFile, "cannot read file: %v", unwrapPathError(err))
		return
	}
	pf.Read = true
	stanzas, err := private.Header(data)
	if err != nil {
		pf.NotAge = err.Error()
		return
	}
	for _, st := range stanzas {
		pf.Stanzas = append(pf.Stanzas, model.Stanza{Type: st.Type, Args: st.Args})
	}
	j.ok = true
}

// entryPositions are the positions of the entries of the list under key
// in mapping root (none when it is no list): where each was written, which
// the model's []string does not keep.
func entryPositions(root *yaml.Node, key string, at func(line, col int) model.Pos) []model.Pos {
	if root.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != key {
			continue
		}
		list := follow(root.Content[i+1])
		if list.Kind != yaml.SequenceNode {
			return nil
		}
		out := make([]model.Pos, len(list.Content))
		for k, e := range list.Content {
			out[k] = at(e.Line, e.Column)
		}
		return out
	}
	return nil
}

func invalidUTF8At(b []byte) int {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(b)
}

// depth is the nesting depth under n, stopping once past MaxDepth.
func depth(n *yaml.Node, d int) int {
	if d > MaxDepth {
		return d
	}
	deepest := d
	for _, c := range n.Content {
		deepest = max(deepest, depth(c, d+1))
		if deepest > MaxDepth {
			break
		}
	}
	return deepest
}

// parseYAML parses exactly one document. A nil node means an empty file or
// an empty document.
// The fast path parses the bytes directly; only a file that may hold a
// second document (a line starting "---" after content) goes through the
// streaming decoder, which can tell. The fast path also stops at the end of
// the first document without a word about what follows, which matters where
// that document can end before the file does: after a root that is a flow
// collection or a scalar ("{a: 1}" then "b: 2" on the next line), the rest
// of the file is not YAML, and only the streaming decoder says so; so too
// after an indented block mapping, which ends at the first line indented
// less. A block mapping or sequence at the start of its line runs to the end
// of the file.
func parseYAML(data []byte, fail func(int, rules.ID, string, ...any)) (*yaml.Node, bool) {
	if !mayHaveSecondDocument(data) {
		var doc yaml.Node
		if err := yaml.Unmarshal(data, &doc); err != nil {
			line, msg := syntaxError(data, err)
			fail(line, rules.YAMLSyntax, "%s", msg)
			return nil, false
		}
		if len(doc.Content) == 0 {
			return nil, true
		}
		if root := doc.Content[0]; (root.Kind == yaml.MappingNode || root.Kind == yaml.SequenceNode) && root.Style&yaml.FlowStyle == 0 && root.Column == 1 {
			return root, true
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(data))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, true
		}
		line, msg := syntaxError(data, err)
		fail(line, rules.YAMLSyntax, "%s", msg)
		return nil, false
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		fail(secondDocument(data, extra.Line), rules.YAMLSyntax, "a second YAML document starts here; a file holds one document")
		return nil, false
	} else if !errors.Is(err, io.EOF) {
		line, msg := syntaxError(data, err)
		fail(line, rules.YAMLSyntax, "%s", msg)
		return nil, false
	}
	// A document of nothing ("---", "~", "null") is an empty file: were it
	// decoded as a null value, the file's required fields would go
	// unreported and a network.yaml of "---" would pass with no name.
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil, true
	}
	return doc.Content[0], true
}

// mayHaveSecondDocument reports whether a line after the first starts with
// a document marker ("---" or "...").
func mayHaveSecondDocument(data []byte) bool {
	// YAML breaks lines at a carriage return, and at NEL, LS and PS, as
	// well as at a line feed: a file with lines ended by CR alone would
	// otherwise hide its second document from the check.
	for i := 0; i < len(data); i++ {
		var rest []byte
		switch {
		case data[i] == '\n' || data[i] == '\r':
			rest = data[i+1:]
		case data[i] == 0xC2 && bytes.HasPrefix(data[i:], nel):
			rest = data[i+len(nel):]
		case data[i] == 0xE2 && (bytes.HasPrefix(data[i:], lineSep) || bytes.HasPrefix(data[i:], paraSep)):
			rest = data[i+3:]
		default:
			continue
		}
		if bytes.HasPrefix(rest, []byte("---")) || bytes.HasPrefix(rest, []byte("...")) {
			return true
		}
	}
	return false
}

var (
	nel     = []byte("\u0085")
	lineSep = []byte("\u2028")
	paraSep = []byte("\u2029")
)

// secondDocument finds the line of the "---" that starts a second document.
func secondDocument(data []byte, fallback int) int {
	content := false
	for i, l := range bytes.Split(data, []byte("\n")) {
		t := bytes.TrimSpace(l)
		if bytes.HasPrefix(l, []byte("---")) && content {
			return i + 1
		}
		if len(t) > 0 && t[0] != '#' && !bytes.HasPrefix(l, []byte("---")) && !bytes.HasPrefix(l, []byte("%")) {
			content = true
		}
	}
	return max(1, fallback)
}

// yamlParserProblems are the problems that the YAML parser, as opposed to
// its scanner, reports (go.yaml.in/yaml/v3 parserc.go). Other problems that
// also begin "did not find expected" come from the scanner, whose lines are
// right.
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected <stream-start>":   true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
	"found duplicate %TAG directive":         true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found undefined tag handle":             true,
}

// unknownAnchor is the anchor named by the parser's "unknown anchor 'NAME'
// referenced", or "".
func unknownAnchor(msg string) string {
	rest, ok := strings.CutPrefix(msg, "unknown anchor '")
	if !ok {
		return ""
	}
	name, _ := strings.CutSuffix(rest, "' referenced")
	if name == rest {
		return ""
	}
	return name
}

// syntaxError turns a YAML parser error into a line and a message. The
// parser counts the lines of its own (not its scanner's) errors from zero,
// and reports a tab at the line before it; both are corrected here.
func syntaxError(data []byte, err error) (int, string) {
	line, msg := 0, strings.TrimPrefix(err.Error(), "yaml: ")
	if n, text, ok := YAMLErrorLine(err); ok {
		line, msg = n, text
	}
	lines := bytes.Split(data, []byte("\n"))
	switch {
	case strings.Contains(msg, "tab character"), strings.Contains(msg, "cannot start any token") && bytes.Contains(data, []byte("\t")):
		for i, l := range lines {
			if indent := l[:len(l)-len(bytes.TrimLeft(l, " \t"))]; bytes.IndexByte(indent, '\t') >= 0 {
				return i + 1, msg + " (YAML indents with spaces, never tabs)"
			}
		}
	case msg == "did not find expected <document start>":
		line++
		msg = "content after the end of the YAML document; a file holds one document"
	case yamlParserProblems[msg]:
		line++
	case unknownAnchor(msg) != "":
		name := unknownAnchor(msg)
		msg = fmt.Sprintf("alias *%s refers to no anchor &%s", name, name)
		for i, l := range lines {
			if bytes.Contains(l, []byte("*"+name)) {
				line = i + 1
				break
			}
		}
	}
	last := len(lines)
	for last > 1 && len(bytes.TrimSpace(lines[last-1])) == 0 {
		last--
	}
	return min(max(line, 1), last), msg
}

// checkDepth reports nesting past MaxDepth, or more than MaxAliasNodes
// nodes reached through aliases (an alias bomb), without recursion and
// without expanding more than the limit.
//
// Without a '*' in the file there is no alias, and a plain recursive walk
// (which allocates nothing; the parser bounds nesting) is enough.
func checkDepth(root *yaml.Node, mayHaveAliases bool) string {
	if !mayHaveAliases {
		if depth(root, 0) > MaxDepth {
			return fmt.Sprintf("nested more than %d levels deep", MaxDepth)
		}
		return ""
	}
	type item struct {
		n        *yaml.Node
		depth    int
		viaAlias bool
	}
	stack := []item{{root, 0, false}}
	aliased := 0
	for len(stack) > 0 {
		it := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if it.depth > MaxDepth {
			return fmt.Sprintf("nested more than %d levels deep", MaxDepth)
		}
		if it.viaAlias {
			if aliased++; aliased > MaxAliasNodes {
				return fmt.Sprintf("more than %d nodes reached through aliases (an alias bomb?)", MaxAliasNodes)
			}
		}
		if it.n.Kind == yaml.AliasNode && it.n.Alias != nil {
			stack = append(stack, item{it.n.Alias, it.depth + 1, true})
			continue
		}
		for _, c := range it.n.Content {
			stack = append(stack, item{c, it.depth + 1, it.viaAlias})
		}
	}
	return ""
}

// companions gives network n its private companions, each encrypted one
// linked to the meeting record beside it.
func (l *loader) companions(n *model.Network, nj *netJobs) {
	byFile := make(map[string]*model.Meeting, len(n.MeetingList))
	for _, m := range n.MeetingList {
		byFile[m.File] = m
	}
	for _, pf := range nj.private {
		if m := byFile[pf.Stem]; m != nil && !pf.Clear {
			m.PrivateFile, pf.HasRecord = pf, true
		}
	}
	n.PrivateFiles = nj.private
	slices.SortStableFunc(n.PrivateFiles, func(a, b *model.PrivateFile) int { return strings.Compare(a.Pos.File, b.Pos.File) })
}

// assemble puts the decoded files together and checks what ties files to
// their names (id-mismatch).
func (l *loader) assemble(repo *model.Repo) {
	if l.settings != nil && l.settings.ok {
		s := &repo.Settings
		if s.Timezone != "" {
			if _, err := time.LoadLocation(s.Timezone); err != nil || s.Timezone == "Local" {
				report(&l.diags, s.KeyPos("timezone"), rules.WrongType, "timezone: %q is not a known IANA timezone such as Europe/London", s.Timezone)
				s.Timezone = ""
			}
		}
	}
	if c := repo.Settings.Contacts; strings.HasSuffix(c, ".age") {
		// The file the encrypted one was made from, left beside it.
		clear := strings.TrimSuffix(c, ".age")
		at := l.pos(clear)
		if _, err := os.Lstat(filepath.Join(l.root, filepath.FromSlash(clear))); err == nil && !slices.Contains(repo.ClearContacts, at) {
			repo.ClearContacts = append(repo.ClearContacts, at)
		}
	}
	if repo.Settings.Timezone == "" {
		repo.Settings.Timezone = "Europe/London"
	}
	if repo.Settings.Holidays == "" {
		repo.Settings.Holidays = "england-and-wales"
	}
	if l.orgs != nil && l.orgs.ok {
		repo.Organisations = l.orgs.target.(*model.OrganisationsFile).Organisations
	}
	for _, nj := range l.networks {
		if !nj.network.ok {
			continue
		}
		n := nj.network.target.(*model.Network)
		if n.ID != "" && n.ID != n.Folder {
			report(&l.diags, n.KeyPos("id"), rules.IDMismatch, "network id %q differs from its folder name %q", n.ID, n.Folder)
		}
		// The folder name is the id that paths and other networks use.
		n.ID = n.Folder
		if nj.members != nil && nj.members.ok {
			n.Members = nj.members.target.(*model.MembersFile)
		}
		if nj.wp != nil && nj.wp.ok {
			n.WorkProgramme = nj.wp.target.(*model.WorkProgramme)
		}
		for _, mj := range nj.meetings {
			if !mj.ok {
				continue
			}
			m := mj.target.(*model.Meeting)
			if !m.Date.Set() {
				// Reported as missing-field; the file name stands in.
				fd, _ := ParseDate(m.File[:10])
				m.Date = model.Date{Date: fd, Pos: m.At}
			} else if m.Date.String() != m.File[:10] {
				report(&l.diags, m.KeyPos("date"), rules.IDMismatch, "meeting date %s differs from its file name %s.yaml", m.Date.String(), m.File)
			}
			n.MeetingList = append(n.MeetingList, m)
		}
		slices.SortStableFunc(n.MeetingList, func(a, b *model.Meeting) int {
			return strings.Compare(a.File, b.File)
		})
		l.companions(n, nj)
		for _, tj := range nj.terms {
			if !tj.ok {
				continue
			}
			v := tj.target.(*model.Network)
			if v.ID != "" && v.ID != n.Folder {
				report(&l.diags, v.KeyPos("id"), rules.IDMismatch, "network id %q differs from its folder name %q", v.ID, n.Folder)
			}
			v.ID = n.Folder
			n.Versions = append(n.Versions, v)
		}
		slices.SortStableFunc(n.Versions, func(a, b *model.Network) int { return strings.Compare(a.From.String(), b.From.String()) })
		repo.Networks = append(repo.Networks, n)
	}
	slices.SortFunc(repo.Networks, func(a, b *model.Network) int { return strings.Compare(a.Folder, b.Folder) })
}
