package remind

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// Slug is the name of member id's digest file, without its extension: the
// id itself where it is lower case letters, digits and hyphens (with dots
// and underscores inside), as ids are written; else those characters of it
// (lower case, the others as hyphens) and eight hex digits of its SHA-256,
// so that two ids never share a file, even on a file system that does not
// tell case apart, and no id reaches outside the folder or names a device
// on Windows.
func Slug(id string) string {
	if plainID(id) && !reserved(id) {
		return id
	}
	var b strings.Builder
	for _, r := range strings.ToLower(id) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case b.Len() > 0 && !strings.HasSuffix(b.String(), "-"):
			b.WriteByte('-')
		}
		if b.Len() >= 40 {
			break
		}
	}
	sum := sha256.Sum256([]byte(id))
	stem := strings.Trim(b.String(), "-")
	if stem == "" {
		stem = "member"
	}
	return stem + "-" + hex.EncodeToString(sum[:4])
}

// plainID reports whether id is a lower-case id fit for a file name as it
// is: letters, digits, and inside them hyphens, dots and underscores, at
// most 64 bytes.
func plainID(id string) bool {
	if id == "" || len(id) > 64 {
		return false
	}
	for i := range len(id) {
		c := id[i]
		alnum := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
		if !alnum && (i == 0 || i == len(id)-1 || c != '-' && c != '.' && c != '_') {
			return false
		}
	}
	return true
}

// reserved reports whether id names a device on Windows (con, nul, com1),
// with any extension.
func reserved(id string) bool {
	stem, _, _ := strings.Cut(id, ".")
	switch stem {
	case "con", "prn", "aux", "nul":
		return true
	}
	if len(stem) == 4 && (strings.HasPrefix(stem, "com") || strings.HasPrefix(stem, "lpt")) && stem[3] >= '0' && stem[3] <= '9' {
		return true
	}
	return false
}
