package mail

import (
	"bytes"
	"html"
	"regexp"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Links decides where a link of a paper leads in a message: given its
// destination as the markdown has it (a web address, or a path relative to
// the paper, percent-encoded), the address to link to, or "" to show the
// link's text alone (a path no reader of the message can follow).
type Links func(dest string) string

// HTML renders a paper's markdown (GitHub's flavour, as govctl writes its
// papers) as an HTML document for a message, titled title: raw HTML in the
// markdown is left out (govctl's papers escape what people typed, and hold
// none but their header comment), each link passed through links, and the
// styles inline, as Outlook's Word engine and web mail read them (tables
// with borders, no style sheet to fetch).
func HTML(title string, md []byte, links Links) (string, error) {
	gm := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithASTTransformers(util.Prioritized(linkTransformer{links}, 100))),
	)
	var body bytes.Buffer
	if err := gm.Convert(md, &body); err != nil {
		return "", err
	}
	out := styled(body.String())
	return "<!DOCTYPE html>\n<html>\n<head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width\">\n<title>" + html.EscapeString(title) + "</title>\n</head>\n" +
		"<body style=\"" + bodyStyle + "\">\n<div style=\"" + bodyStyle + "\">\n" + out + "</div>\n</body>\n</html>\n", nil
}

const (
	font      = "font-family:Calibri,Arial,Helvetica,sans-serif;"
	bodyStyle = font + "font-size:11pt;line-height:1.4;color:#1f1f1f;"
	cellStyle = "border:1px solid #8c8c8c;padding:4px 8px;vertical-align:top;text-align:left;" + font + "font-size:11pt;"
)

// styles are the inline styles of each element.
var styles = map[string]string{
	"table":      `border="1" cellpadding="4" cellspacing="0" style="border-collapse:collapse;border:1px solid #8c8c8c;margin:8px 0;"`,
	"th":         `style="` + cellStyle + `background-color:#f0f0f0;font-weight:bold;"`,
	"td":         `style="` + cellStyle + `"`,
	"h1":         `style="` + font + `font-size:18pt;font-weight:bold;margin:12px 0 8px 0;"`,
	"h2":         `style="` + font + `font-size:14pt;font-weight:bold;margin:16px 0 6px 0;"`,
	"h3":         `style="` + font + `font-size:12pt;font-weight:bold;margin:12px 0 4px 0;"`,
	"p":          `style="margin:6px 0;"`,
	"li":         `style="margin:4px 0;"`,
	"blockquote": `style="border-left:4px solid #b00020;margin:8px 0;padding:4px 12px;background-color:#fff4f4;"`,
	"a":          `style="color:#0b57d0;"`,
}

var reTag = regexp.MustCompile(`<(table|th|td|h1|h2|h3|p|li|blockquote|a)([ >])`)

// styled puts the inline styles on the elements goldmark wrote (an
// element's own style attribute, a table cell's alignment, comes after and
// is dropped by mail programs that read only the first: the alignment is
// left, as govctl's tables have it).
func styled(s string) string {
	return reTag.ReplaceAllStringFunc(s, func(tag string) string {
		m := reTag.FindStringSubmatch(tag)
		return "<" + m[1] + " " + styles[m[1]] + m[2]
	})
}

// linkTransformer passes every link's destination through links, and
// replaces a link to nowhere by its text.
type linkTransformer struct{ links Links }

// It also takes out raw HTML: an HTML block (the paper's header comment)
// is dropped, and of inline HTML only <br>, which govctl's papers write
// between an item's lines, is kept, as a line break.
func (t linkTransformer) Transform(doc *ast.Document, reader text.Reader, _ parser.Context) {
	var unlink []*ast.Link
	var drop []ast.Node
	var breaks []*ast.RawHTML
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Link:
			if t.links == nil {
				break
			}
			if dest := t.links(string(n.Destination)); dest != "" {
				n.Destination = []byte(dest)
			} else {
				unlink = append(unlink, n)
			}
		case *ast.HTMLBlock:
			drop = append(drop, n)
			return ast.WalkSkipChildren, nil
		case *ast.RawHTML:
			var raw []byte
			for i := 0; i < n.Segments.Len(); i++ {
				seg := n.Segments.At(i)
				raw = append(raw, seg.Value(reader.Source())...)
			}
			if strings.EqualFold(string(raw), "<br>") {
				breaks = append(breaks, n)
			} else {
				drop = append(drop, n)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, n := range drop {
		n.Parent().RemoveChild(n.Parent(), n)
	}
	for _, n := range breaks {
		br := ast.NewText()
		br.SetHardLineBreak(true)
		n.Parent().ReplaceChild(n.Parent(), n, br)
	}
	for _, l := range unlink {
		parent := l.Parent()
		for c := l.FirstChild(); c != nil; {
			next := c.NextSibling()
			parent.InsertBefore(parent, l, c)
			c = next
		}
		parent.RemoveChild(parent, l)
	}
}

// reLink is a link in govctl's markdown: [text](destination), the
// destination percent-encoded (no spaces or parentheses).
var reLink = regexp.MustCompile(`\[((?:[^\[\]\\]|\\.)*)\]\(([^()\s]*)\)`)

// reComment is an HTML comment on lines of its own (a paper's header).
var reComment = regexp.MustCompile(`(?m)^<!--.*-->\n\n?`)

// Text is a paper's markdown as a message's plain text: markdown reads as
// text, less the header comment, with each link passed through links
// (a link to nowhere becomes its text).
func Text(md []byte, links Links) string {
	s := reComment.ReplaceAllString(string(md), "")
	if links == nil {
		return s
	}
	return reLink.ReplaceAllStringFunc(s, func(l string) string {
		m := reLink.FindStringSubmatch(l)
		if dest := links(m[2]); dest != "" {
			if strings.EqualFold(dest, m[1]) {
				return "<" + dest + ">"
			}
			return "[" + m[1] + "](" + dest + ")"
		}
		return m[1]
	})
}
