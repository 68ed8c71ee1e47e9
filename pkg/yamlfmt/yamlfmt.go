// Package yamlfmt rewrites govctl's YAML files in one canonical layout,
// keeping every comment: the keys of each mapping in the order of the fields
// of the model type the loader reads it into (package model), 2-space
// indentation, lists of mappings as "  - key: value" under their key, block
// style for mappings and long lists, and the person's own choices where the
// format allows several: flow style for a short list of scalars written that
// way, the quoting of each scalar, literal (|) and folded (>) blocks line for
// line, blank lines between entries (one at most), and the gap before a
// comment at the end of a line. How the file is written besides its YAML is
// kept too (Encoding): a UTF-8 byte-order mark, and CR LF line ends.
//
// It works on go.yaml.in/yaml/v3 node trees with its own printer, and checks
// every result before returning it: the output must parse to the same values
// (after the reordering) and hold every comment of the input, or Format
// returns an error and no output.
package yamlfmt

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/load"
)

// Width is the longest line a flow list ([a, b]) is kept on; a longer one is
// written as a block list.
const Width = 80

// Error is a file that Format cannot format. Nothing is returned for it.
type Error struct {
	// Line is the 1-based line of the problem; 0 when it is not known.
	Line int
	Msg  string
	// Syntax is true when the file is not a YAML document at all.
	Syntax bool
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

var bom = []byte{0xEF, 0xBB, 0xBF}

// Encoding is how a file is written besides its YAML, which Format keeps: a
// UTF-8 byte-order mark at its start (Windows editors write one), and CR LF
// line ends. A file whose first line ends in CR LF has CR LF line ends
// throughout once formatted; any other, LF alone.
type Encoding struct {
	BOM, CRLF bool
}

// EncodingOf is the encoding of src.
func EncodingOf(src []byte) Encoding {
	e := Encoding{BOM: bytes.HasPrefix(src, bom)}
	if i := bytes.IndexByte(src, '\n'); i > 0 && src[i-1] == '\r' {
		e.CRLF = true
	}
	return e
}

// Apply writes text (with LF line ends and no byte-order mark, as Format
// lays it out and the YAML encoder writes) in encoding e.
func (e Encoding) Apply(text []byte) []byte {
	if e.CRLF {
		text = bytes.ReplaceAll(bytes.ReplaceAll(text, []byte("\r\n"), []byte("\n")), []byte("\n"), []byte("\r\n"))
	}
	if e.BOM && !bytes.HasPrefix(text, bom) {
		text = append(append([]byte{}, bom...), text...)
	}
	return text
}

// LF is src without its byte-order mark and with LF line ends: the same
// YAML (a CR LF is one line break, as an LF is), which the YAML parser reads
// more faithfully (given CR LF line ends, it can give a comment to the wrong
// node). Programs that edit a file's node tree parse this.
func LF(src []byte) []byte {
	src = bytes.TrimPrefix(src, bom)
	if bytes.Contains(src, []byte("\r\n")) {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	return src
}

// Format returns src in canonical layout. root is the model type the file is
// read into (the Type of its layout.Kind), which sets the order of keys; nil
// keeps the order written. A file with no document (empty, or only comments)
// is returned as it is. The result keeps src's Encoding.
func Format(src []byte, root reflect.Type) ([]byte, error) {
	out, err := formatLF(src, root)
	switch {
	case err != nil:
		return nil, err
	case out == nil:
		return src, nil
	}
	return EncodingOf(src).Apply(out), nil
}

// formatLF lays src out with LF line ends and no byte-order mark; nil for a
// file with no document, which is left as it is.
func formatLF(src []byte, root reflect.Type) ([]byte, error) {
	src = LF(src)
	if !utf8.Valid(src) {
		return nil, &Error{Syntax: true, Msg: "the file is not valid UTF-8 text"}
	}
	if i := bytes.IndexByte(src, 0); i >= 0 {
		return nil, &Error{Syntax: true, Line: 1 + bytes.Count(src[:i], []byte("\n")), Msg: "the file holds a NUL byte; it is not text"}
	}
	doc, err := parse(src)
	if err != nil {
		var e *Error
		if errors.As(err, &e) {
			// The parser can point past the last line of text.
			lines := bytes.Split(bytes.TrimRight(src, " \t\r\n"), []byte("\n"))
			e.Line = min(e.Line, len(lines))
		}
		return nil, err
	}
	if doc == nil {
		return nil, nil
	}
	if err := commentsReachable(src, doc); err != nil {
		return nil, err
	}
	out, outDoc, err := once(src, doc, root, src)
	if err != nil {
		return nil, err
	}
	if outDoc == nil {
		// Formatting gives the source again: it is canonical already (and,
		// being the same text, settled and of the same meaning).
		return out, nil
	}
	// The parser decides which node a comment belongs to from where it
	// stands, so a comment in an odd place can settle only at the second
	// pass. Make sure the result is settled: formatting it again changes
	// nothing.
	for range 2 {
		// outDoc is out parsed (by verify): no need to parse it again.
		again, againDoc, err := once(out, outDoc, root, out)
		if err != nil {
			return nil, err
		}
		if bytes.Equal(again, out) {
			return out, nil
		}
		out, outDoc = again, againDoc
	}
	return nil, errors.New("formatting does not settle (a comment in an odd place?); the file is left as it is")
}

// once formats a parsed document one time, and returns the result with its
// own parse; or with none when the result is same, which is then not parsed
// again to be checked (the same text means the same).
func once(src []byte, doc *yaml.Node, root reflect.Type, same []byte) ([]byte, *yaml.Node, error) {
	out, outDoc, err := formatDoc(src, doc, root, same)
	if err != nil && root != nil && hasAlias(doc) {
		// Moving keys can put an alias before its anchor: keep the order.
		doc, _ = parse(src)
		out, outDoc, err = formatDoc(src, doc, nil, same)
	}
	return out, outDoc, err
}

func formatDoc(src []byte, doc *yaml.Node, root reflect.Type, same []byte) ([]byte, *yaml.Node, error) {
	first := fileHeader(doc)
	orderer{}.reorder(doc.Content[0], root)
	if first != nil && doc.Content[0].Content[0] != first && first.HeadComment != "" {
		// The comment at the top of the file stays there when the first key
		// moves away: it is the file's.
		now := doc.Content[0].Content[0]
		now.HeadComment = strings.TrimSpace(first.HeadComment + "\n" + now.HeadComment)
		first.HeadComment = ""
	}
	p := newPrinter(src)
	p.first = first
	if err := p.document(doc); err != nil {
		return nil, nil, err
	}
	out := p.bytes()
	if same != nil && bytes.Equal(out, same) {
		return out, nil, nil
	}
	outDoc, err := verify(doc, out)
	if err != nil {
		return nil, nil, err
	}
	return out, outDoc, nil
}

// fileHeader keeps a file's opening comment at the top when the parser gave
// it to the first key: what stands above the last blank line of that key's
// head comment becomes the document's. It returns that first key, whose
// remaining head comment formatDoc also keeps at the top.
func fileHeader(doc *yaml.Node) *yaml.Node {
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode || len(root.Content) == 0 {
		return nil
	}
	k := root.Content[0]
	lines := strings.Split(k.HeadComment, "\n")
	last := -1
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			last = i
		}
	}
	if last < 0 {
		return k
	}
	header := strings.TrimSpace(strings.Join(lines[:last], "\n"))
	k.HeadComment = strings.TrimSpace(strings.Join(lines[last+1:], "\n"))
	if header != "" {
		doc.HeadComment = strings.TrimSpace(strings.TrimSpace(doc.HeadComment) + "\n\n" + header)
	}
	return k
}

// parse reads exactly one document; nil means there is none.
func parse(src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil
		}
		return nil, syntaxError(err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		return nil, &Error{Syntax: true, Line: extra.Line, Msg: "a second YAML document starts here; a file holds one document"}
	} else if !errors.Is(err, io.EOF) {
		return nil, syntaxError(err)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) == 0 {
		return nil, nil
	}
	return &doc, nil
}

// yamlParserProblems are the problems the YAML parser (not its scanner)
// reports, whose lines it counts from zero (as in package load).
var yamlParserProblems = map[string]bool{
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"did not find expected '-' indicator":    true,
	"did not find expected <document start>": true,
	"did not find expected key":              true,
	"did not find expected node content":     true,
}

func syntaxError(err error) *Error {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	line := 0
	if n, text, ok := load.YAMLErrorLine(err); ok {
		line, msg = n, text
		if yamlParserProblems[msg] {
			line++
		}
	}
	return &Error{Syntax: true, Line: line, Msg: msg}
}

// walk calls f on every node under n, not through aliases.
func walk(n *yaml.Node, f func(*yaml.Node)) {
	f(n)
	for _, c := range n.Content {
		walk(c, f)
	}
}

func hasAlias(doc *yaml.Node) bool {
	found := false
	walk(doc, func(n *yaml.Node) { found = found || n.Kind == yaml.AliasNode })
	return found
}

// commentLines are the non-blank comment lines held in the tree, trimmed.
func commentLines(doc *yaml.Node) []string {
	var out []string
	walk(doc, func(n *yaml.Node) {
		for _, c := range []string{n.HeadComment, n.LineComment, n.FootComment} {
			for l := range strings.SplitSeq(c, "\n") {
				if l = strings.TrimSpace(l); l != "" {
					out = append(out, l)
				}
			}
		}
	})
	slices.Sort(out)
	return out
}

// hashes counts the '#' characters the tree accounts for: in comments and in
// scalar text.
func hashes(doc *yaml.Node) int {
	count := 0
	walk(doc, func(n *yaml.Node) {
		count += strings.Count(n.HeadComment, "#") + strings.Count(n.LineComment, "#") + strings.Count(n.FootComment, "#")
		if n.Kind == yaml.ScalarNode || n.Kind == yaml.AliasNode {
			count += strings.Count(n.Value, "#")
		}
		count += strings.Count(n.Anchor, "#")
	})
	return count
}

// commentsReachable refuses a file with a comment the parser does not keep
// (the YAML library drops some comments inside flow collections), so that
// fmt never loses one: every '#' of the file must be in a comment or a value.
func commentsReachable(src []byte, doc *yaml.Node) error {
	if bytes.Count(src, []byte("#")) != hashes(doc) {
		return &Error{Line: lostComment(src, doc), Msg: "a comment is in a place fmt cannot keep it (inside a flow collection such as [a, b] or {a: 1}?); move it onto a line of its own"}
	}
	return nil
}

// lostComment guesses the line of a comment the tree does not hold: the
// first line with a '#' whose end is no comment or value of the tree.
func lostComment(src []byte, doc *yaml.Node) int {
	known := map[string]bool{}
	for _, c := range commentLines(doc) {
		known[c] = true
	}
	var values []string
	walk(doc, func(n *yaml.Node) {
		if strings.Contains(n.Value, "#") {
			values = append(values, n.Value)
		}
	})
	for i, l := range strings.Split(string(src), "\n") {
		at := strings.Index(l, "#")
		if at < 0 {
			continue
		}
		rest := strings.TrimSpace(l[at:])
		if known[rest] {
			continue
		}
		inValue := false
		for _, v := range values {
			if strings.Contains(v, strings.TrimSpace(l)) || strings.Contains(l, v) {
				inValue = true
				break
			}
		}
		if !inValue {
			return i + 1
		}
	}
	return 0
}

// verify checks that out means what in (already reordered) means, and holds
// every comment of it. It returns out parsed.
func verify(in *yaml.Node, out []byte) (*yaml.Node, error) {
	doc, err := parse(out)
	if err != nil {
		return nil, fmt.Errorf("formatting went wrong (the result does not parse: %v); the file is left as it is", err)
	}
	if doc == nil {
		return nil, errors.New("formatting went wrong (the result is empty); the file is left as it is")
	}
	if where := differ(in.Content[0], doc.Content[0], ""); where != "" {
		return nil, fmt.Errorf("formatting went wrong (the result differs at %s); the file is left as it is", where)
	}
	if !slices.Equal(commentLines(in), commentLines(doc)) {
		return nil, errors.New("formatting went wrong (a comment would move out of place or be lost); the file is left as it is")
	}
	if bytes.Count(out, []byte("#")) != hashes(doc) {
		return nil, errors.New("formatting went wrong (a comment would be lost); the file is left as it is")
	}
	return doc, nil
}

// differ returns where a and b first differ in meaning, or "".
func differ(a, b *yaml.Node, path string) string {
	if path == "" {
		path = "the top"
	}
	if a.Kind != b.Kind || a.Anchor != b.Anchor {
		return path
	}
	switch a.Kind {
	case yaml.ScalarNode:
		if a.Tag != b.Tag || a.Value != b.Value {
			return path
		}
	case yaml.AliasNode:
		if a.Value != b.Value {
			return path
		}
	default:
		if a.Tag != b.Tag || len(a.Content) != len(b.Content) {
			return path
		}
		for i := range a.Content {
			sub := fmt.Sprintf("%s[%d]", path, i)
			if a.Kind == yaml.MappingNode {
				sub = path + "." + keyName(a.Content[i&^1])
				if i%2 == 0 {
					sub += " (key)"
				}
			}
			if d := differ(a.Content[i], b.Content[i], sub); d != "" {
				return d
			}
		}
	}
	return ""
}

// CommentsKept checks that edited, a file a command made from src (adding
// to it), holds every comment of src. It returns the *Error that Format
// gives for a comment of src in a place the YAML parser drops it (inside a
// flow collection), which no edit of the parsed file can keep, and an
// *Error at the line of the first comment of src that edited lacks.
func CommentsKept(src, edited []byte) error {
	was, err := fileComments(src, true)
	if err != nil {
		return err
	}
	now, err := fileComments(edited, false)
	if err != nil {
		return err
	}
	have := map[string]int{}
	for _, c := range now {
		have[c]++
	}
	for _, c := range was {
		if have[c] == 0 {
			return &Error{Line: lineOf(src, c), Msg: fmt.Sprintf("the comment %q would be lost", c)}
		}
		have[c]--
	}
	return nil
}

// fileComments are the comment lines of src, trimmed; with reachable set,
// an error when one is where the parser drops it.
func fileComments(src []byte, reachable bool) ([]string, error) {
	src = LF(src)
	doc, err := parse(src)
	if err != nil {
		return nil, err
	}
	if doc == nil {
		// Only comments: the parser keeps none of them.
		var out []string
		for l := range strings.SplitSeq(string(src), "\n") {
			if l = strings.TrimSpace(l); strings.HasPrefix(l, "#") {
				out = append(out, l)
			}
		}
		return out, nil
	}
	if reachable {
		if err := commentsReachable(src, doc); err != nil {
			return nil, err
		}
	}
	return commentLines(doc), nil
}

// lineOf is the 1-based line of src whose comment is c, or 0.
func lineOf(src []byte, c string) int {
	for i, l := range strings.Split(string(src), "\n") {
		if at := strings.Index(l, "#"); at >= 0 && strings.TrimSpace(l[at:]) == c {
			return i + 1
		}
	}
	return 0
}
