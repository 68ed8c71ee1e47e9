package layout

import (
	"path"
	"strings"
	"testing"
)

func TestPrivatePaper(t *testing.T) {
	for p, ok := range map[string]bool{
		"../papers/private/2026-11-17-bids.age": true,
		"private/bids.age":                      true,
		"./../papers/x.age":                     true,
		"../papers/private/2026-11-17-bids.pdf": false, // in clear
		"https://example.gov.uk/bids.age":       false, // a link
		"../../hr/papers/bids.age":              false, // another body's folder
		"/etc/bids.age":                         false,
		"":                                      false,
		"../papers/\nbids.age":                  false,
	} {
		if why := PrivatePaper(p); (why == "") != ok {
			t.Errorf("PrivatePaper(%q) = %q, want ok %v", p, why, ok)
		}
	}
}

// FuzzPrivatePaper: a private item's paper that passes is an encrypted
// file's path that links inside the body's folder, and nothing else.
func FuzzPrivatePaper(f *testing.F) {
	for _, s := range []string{"../papers/private/a.age", "a.age", "../../x/a.age", "https://x/a.age", "a.pdf", "..\\..\\a.age", " ../a.age ", "a.age/..", "javascript:a.age"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, p string) {
		if PrivatePaper(p) != "" {
			return
		}
		web, why := PaperLink(p)
		if web || why != "" {
			t.Fatalf("%q passes as a private paper, but PaperLink says web %v, %q", p, web, why)
		}
		clean := path.Clean("x/meetings/" + strings.ReplaceAll(strings.TrimSpace(p), `\`, "/"))
		if !strings.HasPrefix(clean, "x/") || !strings.HasSuffix(strings.TrimSpace(p), EncryptedPaperSuffix) {
			t.Fatalf("%q passes as a private paper, but leads to %q", p, clean)
		}
	})
}
