package layout

import (
	"net/url"
	"strings"
	"unicode"
)

// MeetingDepth is how deep a meeting's file lies in the repository:
// <network-id>/meetings/. Its papers (agendas, minutes) are written beside
// it, so a paper's path is followed from there.
const MeetingDepth = 2

// PaperLink judges p, an agenda item's paper (agenda[].paper): govctl links
// to an http or https address (web is true), or to a path relative to the
// meeting's folder that stays inside the repository ("papers/budget.pdf",
// "../papers/budget.pdf" in the network's folder). For anything else, why
// says what is wrong: a control character, another scheme (javascript:,
// data:, file:, mailto:), an absolute path, or a ".." leading out of the
// repository. p is taken as written, surrounding spaces aside.
func PaperLink(p string) (web bool, why string) {
	p = strings.TrimSpace(p)
	switch {
	case p == "":
		return false, "is empty"
	case strings.IndexFunc(p, unicode.IsControl) >= 0:
		return false, "holds a control character (a line break, tab or escape)"
	}
	if scheme, ok := schemeOf(p); ok {
		if s := strings.ToLower(scheme); s != "http" && s != "https" {
			return false, "is an address of scheme " + scheme + ", not http or https"
		}
		u, err := url.Parse(p)
		switch {
		case err != nil || u.Host == "" || u.Opaque != "":
			return false, "is not a whole web address (https://host/path)"
		case u.User != nil:
			return false, "gives a user name before its host (" + u.Host + "), which hides where it leads"
		}
		return true, ""
	}
	if strings.HasPrefix(p, "/") || strings.HasPrefix(p, `\`) {
		return false, "is an absolute path"
	}
	depth := MeetingDepth
	for _, part := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' || r == '\\' }) {
		switch part {
		case ".":
		case "..":
			if depth--; depth < 0 {
				return false, "leads out of the repository (a \"..\" too many)"
			}
		default:
			depth++
		}
	}
	return false, ""
}

// schemeOf is the scheme p starts with, as a browser reads one: letters,
// digits, '+', '-' and '.' before the first ':' that comes before any '/',
// '?' or '#'. "C:" is a scheme too: a Windows path is no link.
func schemeOf(p string) (string, bool) {
	i := strings.IndexAny(p, ":/?#\\")
	if i <= 0 || p[i] != ':' {
		return "", false
	}
	return p[:i], true
}

// PaperTarget is where the link to paper p leads, written for a markdown
// link's destination; ok is false when p is no link (PaperLink gives why),
// and it is then to be shown as text. A path is percent-encoded part by
// part (a space, '%', '#', '?', parentheses, '&', '\' and letters outside
// ASCII); a web address keeps its own encoding, with what markdown would
// misread (spaces, parentheses, '<', '>', '\', '"') percent-encoded and '&'
// written as the entity &amp; (so that no entity of the address, such as
// &#58;, is decoded).
func PaperTarget(p string) (target string, ok bool) {
	p = strings.TrimSpace(p)
	web, why := PaperLink(p)
	if why != "" {
		return "", false
	}
	if web {
		return webEscaper.Replace(p), true
	}
	parts := strings.Split(p, "/")
	for i, s := range parts {
		parts[i] = strings.ReplaceAll(url.PathEscape(s), "&", "%26")
	}
	return strings.Join(parts, "/"), true
}

var webEscaper = strings.NewReplacer(
	" ", "%20", "(", "%28", ")", "%29", "<", "%3C", ">", "%3E", `\`, "%5C", `"`, "%22", "`", "%60",
	"&", "&amp;",
)

// Suffixes of a meeting's papers, written beside its record.
const (
	AgendaSuffix  = ".agenda.md"
	MinutesSuffix = ".minutes.md"
)

// PaperPath is the path in the repository (slash-separated) of the paper of
// meeting file (a record's file name without .yaml) in network folder:
// <folder>/meetings/<file><suffix>.
func PaperPath(folder, file, suffix string) string {
	return folder + "/" + MeetingsDir + "/" + file + suffix
}

// Published is where a reader finds path, a file's path in the repository
// (slash-separated): its web address where the repository's pages are
// published at pagesURL (govctl.yaml's pages_url), each part of the path
// percent-encoded; or, when pagesURL is "", the path itself. Calendar
// events, e-mails and reminders link to agendas and minutes through it.
func Published(pagesURL, path string) string {
	if pagesURL == "" {
		return path
	}
	parts := strings.Split(path, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.TrimRight(pagesURL, "/") + "/" + strings.Join(parts, "/")
}
