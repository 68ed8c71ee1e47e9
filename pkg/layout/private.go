package layout

import (
	"strings"
)

// EncryptedPaperSuffix ends the name of a private paper: a file encrypted
// with age, which only the body's members can open.
const EncryptedPaperSuffix = ".age"

// PrivatePaper judges p, the paper of an agenda item taken in private. The
// public record may name only an encrypted paper: a path, relative to the
// meeting's folder, to a file ending .age inside the body's folder (as
// govctl private paper writes it: ../papers/private/<date>-<name>.age).
// Anything else would publish the paper, or where it is; why says what is
// wrong ("" when p is such a path).
func PrivatePaper(p string) (why string) {
	p = strings.TrimSpace(p)
	web, bad := PaperLink(p)
	switch {
	case bad != "":
		return "is no path to an encrypted paper (it " + bad + ")"
	case web:
		return "is a web address, not an encrypted file in the body's folder"
	case !strings.HasSuffix(p, EncryptedPaperSuffix):
		return "is not an encrypted paper (a file ending " + EncryptedPaperSuffix + "), and a paper in clear is published"
	}
	// From the meeting's folder (<network>/meetings/), the path must stay in
	// the network's folder.
	depth := 1
	for _, part := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		switch part {
		case ".":
		case "..":
			if depth--; depth < 0 {
				return "leads out of the body's folder, where an encrypted paper is kept (../papers/private/)"
			}
		default:
			depth++
		}
	}
	return ""
}
