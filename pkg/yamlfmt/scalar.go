package yamlfmt

import (
	"errors"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// at returns source line (1-based) from column col (1-based, counted in
// characters as the parser counts them). Finding the column costs the length
// of the line once: a line's character offsets are computed the first time
// a column of it is asked for, so that a long line of many nodes (a flow
// list of thousands) is not scanned once for each.
func (p *printer) at(line, col int) (string, bool) {
	if line < 1 || line > len(p.src) || col < 1 {
		return "", false
	}
	l := p.src[line-1]
	i := col - 1
	if i > len(l) {
		return "", false
	}
	if !p.isASCII(line - 1) {
		starts := p.runeStarts(line - 1)
		if i > len(starts) {
			return "", false
		}
		if i < len(starts) {
			i = starts[i]
		} else {
			i = len(l)
		}
	}
	return l[i:], true
}

// isASCII reports whether source line i (0-based) is ASCII, where a
// character is a byte.
func (p *printer) isASCII(i int) bool {
	if p.ascii == nil {
		p.ascii = make([]int8, len(p.src))
	}
	if p.ascii[i] == 0 {
		p.ascii[i] = 1
		for j := 0; j < len(p.src[i]); j++ {
			if p.src[i][j] >= utf8.RuneSelf {
				p.ascii[i] = -1
				break
			}
		}
	}
	return p.ascii[i] == 1
}

// runeStarts is the byte offset of each character of source line i.
func (p *printer) runeStarts(i int) []int {
	if p.starts == nil {
		p.starts = map[int][]int{}
	}
	if s, ok := p.starts[i]; ok {
		return s
	}
	s := make([]int, 0, len(p.src[i]))
	for j := range p.src[i] {
		s = append(s, j)
	}
	p.starts[i] = s
	return s
}

// skipProps splits off the anchor and tag written before a node.
func skipProps(rs string) (props string, rest string) {
	var parts []string
	for len(rs) > 0 && (rs[0] == '&' || rs[0] == '!') {
		i := 0
		for i < len(rs) && rs[i] != ' ' && rs[i] != '\t' {
			i++
		}
		parts = append(parts, rs[:i])
		for i < len(rs) && (rs[i] == ' ' || rs[i] == '\t') {
			i++
		}
		rs = rs[i:]
	}
	return strings.Join(parts, " "), rs
}

// props is the anchor and tag of a collection, as written.
func (p *printer) props(n *yaml.Node) string {
	if n.Anchor == "" && n.Style&yaml.TaggedStyle == 0 {
		return ""
	}
	if rs, ok := p.at(n.Line, n.Column); ok {
		if props, _ := skipProps(rs); props != "" {
			return props
		}
	}
	// Not found where the parser says: write them afresh.
	var parts []string
	if n.Anchor != "" {
		parts = append(parts, "&"+n.Anchor)
	}
	if n.Style&yaml.TaggedStyle != 0 {
		parts = append(parts, n.Tag)
	}
	return strings.Join(parts, " ")
}

// verbatim is a single-line scalar as written in the source (with its anchor
// and tag), when it can be found and reads back the same.
func (p *printer) verbatim(n *yaml.Node) (string, bool) {
	if n.Kind != yaml.ScalarNode || strings.Contains(n.Value, "\n") {
		return "", false
	}
	rs, ok := p.at(n.Line, n.Column)
	if !ok {
		return "", false
	}
	props, rest := "", rs
	if n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 {
		props, rest = skipProps(rs)
	}
	var text string
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		text, ok = quoted(rest, '"')
	case n.Style&yaml.SingleQuotedStyle != 0:
		text, ok = quoted(rest, '\'')
	default:
		ok = strings.HasPrefix(rest, n.Value)
		text = n.Value
	}
	if !ok {
		return "", false
	}
	if props == "" && (n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) == 0 || plainQuote(text, n)) {
		// A plain scalar found whole on its line, or a quoted one without
		// escapes, reads the same anywhere a value or key goes: the check
		// of the whole result is enough, and no parse for each scalar.
		return text, true
	}
	text = join(props, text)
	return text, readsAs("- "+text, n)
}

// plainQuote reports whether quoted scalar text, written on one line, holds
// n's value without an escape: a double-quoted one with no backslash, or a
// single-quoted one whose doubled quotes are its only escapes.
func plainQuote(text string, n *yaml.Node) bool {
	if len(text) < 2 {
		return false
	}
	inner := text[1 : len(text)-1]
	switch text[0] {
	case '"':
		return !strings.Contains(inner, "\\") && inner == n.Value
	case '\'':
		return strings.ReplaceAll(inner, "''", "'") == n.Value
	}
	return false
}

// quoted returns the quoted scalar at the start of rs if it ends on the line.
func quoted(rs string, q byte) (string, bool) {
	if len(rs) == 0 || rs[0] != q {
		return "", false
	}
	for i := 1; i < len(rs); i++ {
		switch {
		case q == '"' && rs[i] == '\\':
			i++
		case rs[i] == q && q == '\'' && i+1 < len(rs) && rs[i+1] == '\'':
			i++
		case rs[i] == q:
			return rs[:i+1], true
		}
	}
	return "", false
}

// readsAs reports whether the YAML text (a one-item list, or a key with a
// value) holds a scalar equal to n.
func readsAs(text string, n *yaml.Node) bool {
	doc, err := parse([]byte(text))
	if err != nil || doc == nil {
		return false
	}
	v := doc.Content[0]
	switch v.Kind {
	case yaml.SequenceNode:
		if len(v.Content) != 1 {
			return false
		}
		v = v.Content[0]
	case yaml.MappingNode:
		if len(v.Content) != 2 {
			return false
		}
		v = v.Content[1]
	}
	return v.Kind == yaml.ScalarNode && v.Tag == n.Tag && v.Value == n.Value && v.Anchor == n.Anchor
}

// blockFromSource is a literal or folded scalar as written: its header and
// its lines without their common indentation, line for line, so that a
// folded block keeps its line breaks. end is its last source line.
func (p *printer) blockFromSource(n *yaml.Node) (header string, content []string, end int, ok bool) {
	b, cached := p.blocks[n]
	if !cached {
		b = &sourceBlock{}
		b.header, b.content, b.end, b.ok = p.readBlock(n)
		p.blocks[n] = b
	}
	return b.header, b.content, b.end, b.ok
}

func (p *printer) readBlock(n *yaml.Node) (header string, content []string, end int, ok bool) {
	rs, ok := p.at(n.Line, n.Column)
	if !ok || strings.TrimSpace(n.Value) == "" {
		return "", nil, 0, false
	}
	props, rest := skipProps(rs)
	i := 0
	if len(rest) == 0 || (rest[0] != '|' && rest[0] != '>') {
		return "", nil, 0, false
	}
	for i = 1; i < len(rest) && (rest[i] == '-' || rest[i] == '+' || (rest[i] >= '0' && rest[i] <= '9')); i++ {
		if rest[i] != '-' {
			// Kept trailing lines and explicit indentation: written afresh.
			return "", nil, 0, false
		}
	}
	header = join(props, rest[:i])
	// The content: from the line after the header while indented at least
	// as much as its first non-blank line.
	first := n.Line // 0-based index of the line after the header
	for first < len(p.src) && isBlank(p.src[first]) {
		first++
	}
	if first == len(p.src) {
		return "", nil, 0, false
	}
	ci := indentOf(p.src[first])
	last := first
	for j := first; j < len(p.src); j++ {
		if isBlank(p.src[j]) {
			continue
		}
		if indentOf(p.src[j]) < ci {
			break
		}
		last = j
	}
	for j := n.Line; j <= last; j++ {
		l := p.src[j]
		if isBlank(l) && len(l) <= ci {
			content = append(content, "")
			continue
		}
		if indentOf(l) < ci {
			return "", nil, 0, false // a tab, or less indented white space
		}
		content = append(content, l[ci:])
	}
	var b strings.Builder
	b.WriteString("k: " + header + "\n")
	for _, l := range content {
		if l != "" {
			b.WriteString("  " + l)
		}
		b.WriteString("\n")
	}
	if !readsAs(b.String(), n) {
		return "", nil, 0, false
	}
	return header, content, last + 1, true
}

func isBlank(l string) bool { return strings.TrimLeft(l, " ") == "" }

func indentOf(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// literal writes a literal block afresh from its value.
func literal(n *yaml.Node) (string, []string, bool) {
	v := n.Value
	if n.Style&yaml.LiteralStyle == 0 || v == "" || strings.HasSuffix(v, "\n\n") || n.Anchor != "" || n.Style&yaml.TaggedStyle != 0 {
		return "", nil, false
	}
	header := "|-"
	if strings.HasSuffix(v, "\n") {
		header, v = "|", strings.TrimSuffix(v, "\n")
	}
	content := strings.Split(v, "\n")
	for _, l := range content {
		if l != "" {
			if l[0] == ' ' || l[0] == '\t' {
				return "", nil, false // would need an indentation indicator
			}
			break
		}
	}
	var b strings.Builder
	b.WriteString("k: " + header + "\n")
	for _, l := range content {
		if l != "" {
			b.WriteString("  " + l)
		}
		b.WriteString("\n")
	}
	if !readsAs(b.String(), n) {
		return "", nil, false
	}
	return header, content, true
}

// fallback writes a scalar afresh on one line, in its own style where that
// fits on one line, or else double-quoted.
func fallback(n *yaml.Node) (string, error) {
	keep := n.Style & (yaml.TaggedStyle | yaml.DoubleQuotedStyle | yaml.SingleQuotedStyle)
	for _, style := range []yaml.Style{keep, yaml.DoubleQuotedStyle | n.Style&yaml.TaggedStyle} {
		c := &yaml.Node{Kind: yaml.ScalarNode, Tag: n.Tag, Value: n.Value, Anchor: n.Anchor, Style: style}
		out, err := yaml.Marshal(c)
		if err != nil {
			continue
		}
		s := strings.TrimSuffix(string(out), "\n")
		if !strings.Contains(s, "\n") && readsAs("- "+s, n) {
			return s, nil
		}
	}
	return "", errors.New("fmt cannot write the value at line " + strconv.Itoa(n.Line))
}

// flowList is a flow sequence of scalars kept in flow style on one line,
// when it was written so, every item is a single-line scalar without
// comments, and the line stays within Width.
func (p *printer) flowList(n *yaml.Node, props string, prefix int) (string, bool) {
	if n.Style&yaml.FlowStyle == 0 {
		return "", false
	}
	items := make([]string, 0, len(n.Content))
	w := prefix + width(props) + 2
	for _, it := range n.Content {
		if w > Width {
			return "", false // too wide already: no need to read the rest
		}
		if it.HeadComment != "" || it.LineComment != "" || it.FootComment != "" {
			return "", false
		}
		switch it.Kind {
		case yaml.AliasNode:
			items = append(items, "*"+it.Value)
		case yaml.ScalarNode:
			s, ok := p.verbatim(it)
			if !ok || it.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				return "", false
			}
			items = append(items, s)
			w += width(s) + 2
		default:
			return "", false
		}
	}
	s := join(props, "["+strings.Join(items, ", ")+"]")
	if prefix+width(s) > Width {
		return "", false
	}
	doc, err := parse([]byte("k: " + s))
	if err != nil || doc == nil || differ(n, doc.Content[0].Content[1], "") != "" {
		return "", false
	}
	return s, true
}
