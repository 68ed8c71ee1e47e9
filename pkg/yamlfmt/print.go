package yamlfmt

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// printer writes a node tree in canonical layout. It reads the source for
// what the tree does not keep: the text of each scalar as written, the lines
// of block scalars, blank lines, and the gap before line comments.
type printer struct {
	src   []string // source lines, without line ends
	lines []string // output lines
	// first is the first key of the file as written: what is above it is
	// the file's, not its.
	first *yaml.Node
	// blocks caches blockFromSource.
	blocks map[*yaml.Node]*sourceBlock
	// ascii caches, by source line, whether it is ASCII (1) or not (-1);
	// starts, the character offsets of the lines that are not (see at).
	ascii  []int8
	starts map[int][]int
}

// sourceBlock is a block scalar as written (see blockFromSource).
type sourceBlock struct {
	header  string
	content []string
	end     int
	ok      bool
}

func newPrinter(src []byte) *printer {
	lines := strings.Split(string(src), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	return &printer{src: lines, blocks: map[*yaml.Node]*sourceBlock{}}
}

func (p *printer) bytes() []byte {
	for len(p.lines) > 0 && p.lines[len(p.lines)-1] == "" {
		p.lines = p.lines[:len(p.lines)-1]
	}
	return []byte(strings.Join(p.lines, "\n") + "\n")
}

// raw appends a line as it is.
func (p *printer) raw(s string) { p.lines = append(p.lines, s) }

// blank appends one blank line, unless at the start or after another.
func (p *printer) blank() {
	if len(p.lines) > 0 && p.lines[len(p.lines)-1] != "" {
		p.lines = append(p.lines, "")
	}
}

// comment writes a comment block at indent: blank lines inside it kept (one
// at most), none before it, one after it if it ended with one.
func (p *printer) comment(text string, indent int) {
	if text == "" {
		return
	}
	started, pending := false, false
	for l := range strings.SplitSeq(text, "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			pending = started
			continue
		}
		if pending {
			p.blank()
			pending = false
		}
		p.raw(spaces(indent) + l)
		started = true
	}
	if pending {
		p.blank()
	}
}

// line writes text followed by the line comments of nodes, each with the gap
// it had in the source. A second comment, which cannot share the line, goes
// on the lines after it.
func (p *printer) line(text string, indent int, nodes ...*yaml.Node) {
	text = strings.TrimRight(text, " ")
	var rest []string
	first := true
	for _, n := range nodes {
		if n == nil || n.LineComment == "" {
			continue
		}
		for l := range strings.SplitSeq(n.LineComment, "\n") {
			l = strings.TrimSpace(l)
			if l == "" {
				continue
			}
			if first {
				if strings.TrimSpace(text) == "" {
					text = spaces(indent) + l // nothing else on the line
				} else {
					text += spaces(p.gap(n, l)) + l
				}
				first = false
			} else {
				rest = append(rest, l)
			}
		}
	}
	p.raw(text)
	for _, l := range rest {
		p.raw(spaces(indent) + l)
	}
}

// gap is the number of spaces before comment c at the end of n's line in the
// source (1 if it cannot be found).
func (p *printer) gap(n *yaml.Node, c string) int {
	for i := max(n.Line-1, 0); i < len(p.src) && i < n.Line+200; i++ {
		t := strings.TrimRight(p.src[i], " \t")
		if !strings.HasSuffix(t, c) {
			continue
		}
		before := t[:len(t)-len(c)]
		content := strings.TrimRight(before, " \t")
		if content == "" {
			continue // a comment line of its own
		}
		return max(1, len(before)-len(content))
	}
	return 1
}

// blankBefore reports whether the source has a blank line before the entry
// that starts at n (a key or a list item), above its head comment.
func (p *printer) blankBefore(n *yaml.Node) bool {
	if n == p.first && n.HeadComment == "" {
		return false
	}
	count := 0
	for l := range strings.SplitSeq(n.HeadComment, "\n") {
		if strings.TrimSpace(l) != "" {
			count++
		}
	}
	i := n.Line - 2
	for i >= 0 && count > 0 {
		t := strings.TrimSpace(p.src[i])
		switch {
		case t == "":
		case strings.HasPrefix(t, "#"):
			count--
		default:
			return false
		}
		i--
	}
	return i >= 0 && i < len(p.src) && strings.TrimSpace(p.src[i]) == ""
}

// foot writes n's foot comment at indent, after a blank line when the source
// has one before it. end is the last source line of what n's foot follows.
func (p *printer) foot(n *yaml.Node, indent, end int) {
	if n.FootComment == "" {
		return
	}
	first := ""
	for l := range strings.SplitSeq(n.FootComment, "\n") {
		if first = strings.TrimSpace(l); first != "" {
			break
		}
	}
	for i := max(end, 0); i < len(p.src); i++ {
		t := strings.TrimSpace(p.src[i])
		if t == first {
			if i > 0 && strings.TrimSpace(p.src[i-1]) == "" {
				p.blank()
			}
			break
		}
		if t != "" && !strings.HasPrefix(t, "#") {
			break
		}
	}
	p.comment(n.FootComment, indent)
}

// end is the last source line (1-based) of n.
func (p *printer) end(n *yaml.Node) int {
	last := n.Line
	if n.Kind == yaml.ScalarNode && n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		if _, _, e, ok := p.blockFromSource(n); ok {
			last = e
		}
	}
	for _, c := range n.Content {
		last = max(last, p.end(c))
	}
	return last
}

func spaces(n int) string { return strings.Repeat(" ", n) }

func width(s string) int { return utf8.RuneCountInString(s) }

// form is how a node is written.
type form int

const (
	inline      form = iota // on the line of its key or dash
	blockScalar             // | or >, with lines under it
	blockMap
	blockSeq
)

type rendered struct {
	form    form
	text    string   // inline: the text; block scalar: its header; collections: anchor and tag
	content []string // block scalar lines, without their indentation
}

// render decides how n is written; prefix is the width of what comes before
// it on its line.
func (p *printer) render(n *yaml.Node, prefix int) (rendered, error) {
	switch n.Kind {
	case yaml.AliasNode:
		return rendered{form: inline, text: "*" + n.Value}, nil
	case yaml.ScalarNode:
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			if h, c, _, ok := p.blockFromSource(n); ok {
				return rendered{form: blockScalar, text: h, content: c}, nil
			}
			if h, c, ok := literal(n); ok {
				return rendered{form: blockScalar, text: h, content: c}, nil
			}
		} else if s, ok := p.verbatim(n); ok {
			return rendered{form: inline, text: s}, nil
		}
		s, err := fallback(n)
		return rendered{form: inline, text: s}, err
	case yaml.SequenceNode:
		props := p.props(n)
		if len(n.Content) == 0 {
			return rendered{form: inline, text: join(props, "[]")}, nil
		}
		if s, ok := p.flowList(n, props, prefix); ok {
			return rendered{form: inline, text: s}, nil
		}
		return rendered{form: blockSeq, text: props}, nil
	case yaml.MappingNode:
		props := p.props(n)
		if len(n.Content) == 0 {
			return rendered{form: inline, text: join(props, "{}")}, nil
		}
		return rendered{form: blockMap, text: props}, nil
	}
	return rendered{}, fmt.Errorf("line %d: a node fmt cannot write", n.Line)
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// document writes the whole file.
func (p *printer) document(doc *yaml.Node) error {
	if doc.HeadComment != "" {
		p.comment(doc.HeadComment, 0)
		p.blank()
	}
	root := doc.Content[0]
	p.comment(root.HeadComment, 0)
	r, err := p.render(root, 0)
	if err != nil {
		return err
	}
	switch r.form {
	case inline:
		p.line(r.text, 0, root)
	case blockScalar:
		p.line(r.text, 0, root)
		p.block(r.content, 2)
	case blockMap, blockSeq:
		if r.text != "" || root.LineComment != "" {
			p.line(r.text, 0, root)
		}
		if err := p.collection(root, r.form, 0, "", 0); err != nil {
			return err
		}
	}
	if root.FootComment != "" {
		p.foot(root, 0, p.end(root))
	}
	if doc.FootComment != "" {
		p.blank()
		p.comment(doc.FootComment, 0)
	}
	return nil
}

func (p *printer) collection(n *yaml.Node, f form, indent int, lead string, leadCol int) error {
	if f == blockMap {
		return p.mapping(n, indent, lead, leadCol)
	}
	return p.sequence(n, indent, lead, leadCol)
}

// block writes the lines of a block scalar at indent.
func (p *printer) block(content []string, indent int) {
	for _, l := range content {
		if l == "" {
			p.raw("")
		} else {
			p.raw(spaces(indent) + l)
		}
	}
}

// mapping writes a block mapping with its keys at column indent. lead, when
// not empty, begins the first line instead of the indentation (a list
// item's "- "); comments before that line go at column leadCol.
func (p *printer) mapping(m *yaml.Node, indent int, lead string, leadCol int) error {
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		start, col := spaces(indent), indent
		if i == 0 && lead != "" {
			start, col = lead, leadCol
		} else if i > 0 && p.blankBefore(k) {
			p.blank()
		}
		if k.Kind != yaml.ScalarNode && k.Kind != yaml.AliasNode || k.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return fmt.Errorf("line %d: fmt cannot write a key that is not a single-line scalar", k.Line)
		}
		kr, err := p.render(k, 0)
		if err != nil {
			return err
		}
		text := start + kr.text + ":"
		if k.Kind == yaml.AliasNode {
			text = start + kr.text + " :"
		}
		r, err := p.render(v, width(text)+1)
		if err != nil {
			return err
		}
		p.comment(k.HeadComment, col)
		if r.form == inline || r.form == blockScalar {
			p.comment(v.HeadComment, col)
		}
		switch r.form {
		case inline:
			p.line(text+" "+r.text, indent, k, v)
		case blockScalar:
			p.line(text+" "+r.text, indent, k, v)
			p.block(r.content, indent+2)
		case blockMap, blockSeq:
			p.line(text+" "+r.text, indent, k, v)
			p.comment(v.HeadComment, indent+2)
			if err := p.collection(v, r.form, indent+2, "", 0); err != nil {
				return err
			}
		}
		if v.FootComment != "" || k.FootComment != "" {
			end := p.end(v)
			p.foot(v, indent, end)
			p.foot(k, indent, end)
		}
	}
	return nil
}

// sequence writes a block sequence with its dashes at column indent; lead
// and leadCol as for mapping.
func (p *printer) sequence(s *yaml.Node, indent int, lead string, leadCol int) error {
	for i, it := range s.Content {
		start, col := spaces(indent), indent
		if i == 0 && lead != "" {
			start, col = lead, leadCol
		} else if i > 0 && p.blankBefore(it) {
			p.blank()
		}
		p.comment(it.HeadComment, col)
		r, err := p.render(it, width(start)+2)
		if err != nil {
			return err
		}
		switch r.form {
		case inline:
			p.line(start+"- "+r.text, indent, it)
		case blockScalar:
			p.line(start+"- "+r.text, indent, it)
			p.block(r.content, indent+2)
		case blockMap, blockSeq:
			if r.text == "" && it.LineComment != "" {
				pushLineComment(it)
			}
			if r.text != "" || it.LineComment != "" {
				p.line(start+"- "+r.text, indent, it)
				err = p.collection(it, r.form, indent+2, "", 0)
			} else {
				err = p.collection(it, r.form, indent+2, start+"- ", col)
			}
			if err != nil {
				return err
			}
		}
		if it.FootComment != "" {
			p.foot(it, indent, p.end(it))
		}
	}
	return nil
}

// pushLineComment moves the line comment of a list item that is a block
// collection onto the item's first line ("- key: value  # comment"), where
// it reads back as the same node's; "-  # comment" alone on a line would be
// read back as the next line's head comment.
func pushLineComment(it *yaml.Node) {
	n := it
	for {
		if n.Kind == yaml.MappingNode && len(n.Content) >= 2 {
			k, v := n.Content[0], n.Content[1]
			if k.LineComment == "" && v.LineComment == "" && v.Anchor == "" && v.Style&yaml.TaggedStyle == 0 {
				k.LineComment, it.LineComment = it.LineComment, ""
			}
			return
		}
		if n.Kind != yaml.SequenceNode || len(n.Content) == 0 || n.Style&yaml.FlowStyle != 0 {
			return
		}
		c := n.Content[0]
		if c.LineComment != "" || c.HeadComment != "" || c.Anchor != "" || c.Style&yaml.TaggedStyle != 0 {
			return
		}
		if c.Kind == yaml.ScalarNode || c.Kind == yaml.AliasNode {
			c.LineComment, it.LineComment = it.LineComment, ""
			return
		}
		n = c
	}
}
