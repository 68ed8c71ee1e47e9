// Package contacts reads a contacts file: the e-mail addresses of the
// people a governance repository names, kept out of the public record.
//
// The file is YAML, one mapping under "people", keyed by a member id as
// members.yaml gives it across the repository, or by NETWORK/MEMBER for an
// address that holds in one body only (it overrides the plain entry there):
//
//	people:
//	  rebecca-davis:
//	    email: rebecca.davis@example.org
//	    name: Rebecca Davis          # optional: the name the address shows
//	  code/rebecca-davis:
//	    email: facilitator@code.example.org
//
// E-mail addresses are personal data: nothing here prints, and an error
// names a line of the file and what was expected, never what it holds.
// Where the file lives (outside the repository, or encrypted with age inside
// it) is the commands' business (cmdutil.LoadContacts).
package contacts

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/mail"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/layout"
)

// Person is one entry: an address, and optionally the name it shows.
type Person struct {
	Email string
	Name  string
	// Line is the entry's line in the file.
	Line int
}

// Book is a contacts file, read.
type Book struct {
	// File is the file's name as given to Parse.
	File   string
	people map[string]Person
}

// Error is what is wrong with a contacts file, at a line of it (Line 0:
// the file as a whole).
type Error struct {
	File string
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d{1,9}): (.*)`)

// Parse reads a contacts file; file names it in errors. An empty file is
// an empty book.
func Parse(file string, data []byte) (*Book, error) {
	fail := func(line int, format string, args ...any) (*Book, error) {
		return nil, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	b := &Book{File: file, people: map[string]Person{}}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	var root yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&root); err != nil {
		if errors.Is(err, io.EOF) {
			return b, nil
		}
		// The parser's message may quote the text near the error: only its
		// line is kept.
		first, _, _ := strings.Cut(err.Error(), "\n")
		if m := yamlLine.FindStringSubmatch(first); m != nil {
			n, _ := strconv.Atoi(m[1])
			return fail(n, "not valid YAML: expected people, a mapping of member ids to email and name")
		}
		return fail(0, "not valid YAML: expected people, a mapping of member ids to email and name")
	}
	var more yaml.Node
	if err := dec.Decode(&more); err == nil {
		return fail(more.Line, "a second document (after ---): expected one, with people")
	} else if !errors.Is(err, io.EOF) {
		return fail(0, "not valid YAML after the first document: expected one, with people")
	}
	if len(root.Content) == 0 {
		return b, nil
	}
	top := root.Content[0]
	if top.Kind == yaml.ScalarNode && top.Tag == "!!null" {
		return b, nil
	}
	if top.Kind != yaml.MappingNode {
		return fail(top.Line, "expected a mapping with people")
	}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Value != "people" {
			return fail(k.Line, "unknown field (expected people, a mapping of member ids to email and name)")
		}
		if v.Kind == yaml.ScalarNode && v.Tag == "!!null" {
			continue
		}
		if v.Kind != yaml.MappingNode {
			return fail(v.Line, "people: expected a mapping of member ids (or NETWORK/MEMBER) to email and name")
		}
		for j := 0; j+1 < len(v.Content); j += 2 {
			key, val := v.Content[j], v.Content[j+1]
			id := key.Value
			if !validKey(id) {
				return fail(key.Line, "expected a member id as members.yaml gives it, or NETWORK/MEMBER (lower case letters, digits and hyphens)")
			}
			if prev, ok := b.people[id]; ok {
				return fail(key.Line, "%s is given twice (first at line %d): give each person once", id, prev.Line)
			}
			p, err := person(file, id, val)
			if err != nil {
				return nil, err
			}
			p.Line = key.Line
			b.people[id] = p
		}
	}
	return b, nil
}

// validKey is a member id, or NETWORK/MEMBER.
func validKey(s string) bool {
	if net, member, ok := strings.Cut(s, "/"); ok {
		return layout.IsID(net) && layout.IsID(member)
	}
	return layout.IsID(s)
}

// person reads one entry's mapping (id is the key, safe to quote).
func person(file, id string, n *yaml.Node) (Person, error) {
	fail := func(line int, format string, args ...any) (Person, error) {
		return Person{}, &Error{File: file, Line: line, Msg: fmt.Sprintf(format, args...)}
	}
	if n.Kind != yaml.MappingNode {
		return fail(n.Line, "%s: expected a mapping with email (and optionally name)", id)
	}
	var p Person
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if seen[k.Value] {
			return fail(k.Line, "%s: %s is given twice", id, k.Value)
		}
		seen[k.Value] = true
		if v.Kind != yaml.ScalarNode || v.Tag != "!!str" && v.Tag != "!!null" {
			return fail(v.Line, "%s: %s: expected text", id, k.Value)
		}
		switch k.Value {
		case "email":
			a, err := mail.ParseAddress(strings.TrimSpace(v.Value))
			if err != nil || a.Name != "" || a.Address != strings.TrimSpace(v.Value) || strings.ContainsAny(a.Address, "\r\n") {
				return fail(v.Line, "%s: email: expected an e-mail address alone, such as name@example.org (the name goes under name)", id)
			}
			p.Email = a.Address
		case "name":
			name := strings.TrimSpace(v.Value)
			if strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || r == 0x7f }) {
				return fail(v.Line, "%s: name: expected one line of text", id)
			}
			p.Name = name
		default:
			return fail(k.Line, "%s: unknown field (expected email and, optionally, name)", id)
		}
	}
	if p.Email == "" {
		return fail(n.Line, "%s: email is missing: give the address, such as name@example.org", id)
	}
	return p, nil
}

// Lookup is the address of member in network: the entry NETWORK/MEMBER,
// else the entry MEMBER. Its name is the entry's name, or "" when the
// entry gives none (the caller names the member as members.yaml does).
func (b *Book) Lookup(network, member string) (mail.Address, bool) {
	if b == nil {
		return mail.Address{}, false
	}
	p, ok := b.people[network+"/"+member]
	if !ok {
		p, ok = b.people[member]
	}
	if !ok {
		return mail.Address{}, false
	}
	return mail.Address{Name: p.Name, Address: p.Email}, true
}

// Len is the number of entries.
func (b *Book) Len() int {
	if b == nil {
		return 0
	}
	return len(b.people)
}

// Keys are the entries' keys (MEMBER or NETWORK/MEMBER), sorted: to tell
// entries naming no member of the repository (a misspelt id).
func (b *Book) Keys() []string {
	if b == nil {
		return nil
	}
	keys := make([]string, 0, len(b.people))
	for k := range b.people {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// Line is the line of the entry key, or 0.
func (b *Book) Line(key string) int {
	if b == nil {
		return 0
	}
	return b.people[key].Line
}

// Addresses are every address in the book, for a test that none of them
// reaches a public output.
func (b *Book) Addresses() []string {
	if b == nil {
		return nil
	}
	var out []string
	for _, k := range b.Keys() {
		out = append(out, b.people[k].Email)
	}
	return out
}
