package contacts_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/contacts"
)

const book = `# contacts
people:
  rebecca-davis:
    email: rebecca.davis@example.org
    name: Rebecca Davis
  code/rebecca-davis:
    email: facilitator@code.example.org
  sam-jones:
    email: sam@example.org
`

func TestLookup(t *testing.T) {
	b, err := contacts.Parse("contacts.yaml", []byte(book))
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		network, member, want, name string
		ok                          bool
	}{
		{"heads-of-hr", "rebecca-davis", "rebecca.davis@example.org", "Rebecca Davis", true},
		{"code", "rebecca-davis", "facilitator@code.example.org", "", true},
		{"code", "sam-jones", "sam@example.org", "", true},
		{"code", "nobody", "", "", false},
	}
	for _, c := range cases {
		a, ok := b.Lookup(c.network, c.member)
		if ok != c.ok || a.Address != c.want || a.Name != c.name {
			t.Errorf("Lookup(%s, %s) = %+v, %v; want %s %q, %v", c.network, c.member, a, ok, c.want, c.name, c.ok)
		}
	}
	if b.Len() != 3 {
		t.Errorf("Len = %d, want 3", b.Len())
	}
	if got := strings.Join(b.Keys(), " "); got != "code/rebecca-davis rebecca-davis sam-jones" {
		t.Errorf("Keys = %s", got)
	}
	if b.Line("sam-jones") != 8 {
		t.Errorf("Line(sam-jones) = %d, want 8", b.Line("sam-jones"))
	}
	var none *contacts.Book
	if _, ok := none.Lookup("code", "sam-jones"); ok {
		t.Error("a nil book found an address")
	}
}

func TestEmpty(t *testing.T) {
	for _, s := range []string{"", "# nothing\n", "people:\n", "~\n"} {
		b, err := contacts.Parse("c.yaml", []byte(s))
		if err != nil || b.Len() != 0 {
			t.Errorf("Parse(%q) = %v, %v; want an empty book", s, b, err)
		}
	}
}

// TestErrors: each error names the file and line, says what was expected,
// and never quotes what the file holds (an address, or part of one).
func TestErrors(t *testing.T) {
	cases := []struct{ in, want string }{
		{"people:\n  a:\n    email: not-an-address-secret\n", "c.yaml:3: a: email: expected an e-mail address alone"},
		{"people:\n  a:\n    email: Secret Name <secret@example.org>\n", "c.yaml:3: a: email: expected an e-mail address alone"},
		{"people:\n  a:\n    name: Secret Name\n", "c.yaml:3: a: email is missing"},
		{"people:\n  Not An Id:\n    email: secret@example.org\n", "c.yaml:2: expected a member id"},
		{"people:\n  a/b/c:\n    email: secret@example.org\n", "c.yaml:2: expected a member id"},
		{"people:\n  a:\n    email: secret@example.org\n  a:\n    email: secret2@example.org\n", "c.yaml:4: a is given twice (first at line 2)"},
		{"people:\n  a:\n    email: secret@example.org\n    phone: secret-123\n", "c.yaml:4: a: unknown field"},
		{"people:\n  a: secret@example.org\n", "c.yaml:2: a: expected a mapping with email"},
		{"people:\n  a:\n    email: [secret@example.org]\n", "c.yaml:3: a: email: expected text"},
		{"contacts:\n  a:\n    email: secret@example.org\n", "c.yaml:1: unknown field (expected people"},
		{"people:\n  a:\n    email: secret@example.org\n  b: [secret\n", "c.yaml:3: not valid YAML"},
		{"people: [secret@example.org]\n", "c.yaml:1: people: expected a mapping"},
		{"people: {}\n---\npeople: {}\n", "c.yaml:2: a second document"},
		{"- secret@example.org\n", "c.yaml:1: expected a mapping with people"},
		{"people:\n  a:\n    email: secret@example.org\n    name: \"Secret\\nName\"\n", "c.yaml:4: a: name: expected one line"},
	}
	for _, c := range cases {
		_, err := contacts.Parse("c.yaml", []byte(c.in))
		if err == nil {
			t.Errorf("Parse(%q): no error, want %q", c.in, c.want)
			continue
		}
		var ce *contacts.Error
		if !errors.As(err, &ce) {
			t.Errorf("Parse(%q): %T, want *contacts.Error", c.in, err)
		}
		if !strings.HasPrefix(err.Error(), c.want) {
			t.Errorf("Parse(%q) = %q, want it to begin %q", c.in, err, c.want)
		}
		if strings.Contains(strings.ToLower(err.Error()), "secret") {
			t.Errorf("Parse(%q) = %q: quotes what the file holds", c.in, err)
		}
	}
}

func TestBOMAndCRLF(t *testing.T) {
	in := "\ufeffpeople:\r\n  a:\r\n    email: a@example.org\r\n"
	b, err := contacts.Parse("c.yaml", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	if a, ok := b.Lookup("n", "a"); !ok || a.Address != "a@example.org" {
		t.Errorf("Lookup = %+v, %v", a, ok)
	}
}
