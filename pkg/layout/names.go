package layout

import "strings"

// Hand-written matchers for the few patterns read on every file or value:
// faster than regular expressions, and nothing to compile when govctl
// starts.

// MeetingFileDate returns the date part of a meeting file's name: name is
// YYYY-MM-DD.yaml, or YYYY-MM-DD-N.yaml for the Nth meeting that day (N from
// 2, no leading zero). The date is not checked to be a real day.
func MeetingFileDate(name string) (string, bool) {
	stem, ok := strings.CutSuffix(name, ".yaml")
	if !ok || len(stem) < 10 {
		return "", false
	}
	for i := range 10 {
		c := stem[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return "", false
			}
		} else if !isDigit(c) {
			return "", false
		}
	}
	switch n := stem[10:]; {
	case n == "":
	case len(n) == 2 && n[0] == '-' && n[1] >= '2' && n[1] <= '9':
	case len(n) > 2 && n[0] == '-' && n[1] >= '1' && n[1] <= '9' && allDigits(n[2:]):
	default:
		return "", false
	}
	return stem[:10], true
}

// IsMeetingFile reports whether name is a meeting file's name.
func IsMeetingFile(name string) bool {
	_, ok := MeetingFileDate(name)
	return ok
}

// TermsFileDate is the date of a file of an earlier version of the terms,
// YYYY-MM-DD.yaml (one version a day: no -2).
func TermsFileDate(name string) (string, bool) {
	day, ok := MeetingFileDate(name)
	if !ok || name != day+".yaml" {
		return "", false
	}
	return day, true
}

// IsID reports whether s is an id: letters, digits, dots, underscores and
// hyphens, starting and ending with a letter or digit.
func IsID(s string) bool {
	if s == "" || !isAlnum(s[0]) || !isAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		if c := s[i]; !isAlnum(c) && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

// DecisionRef reads a reference to a decision of a body, as responds_to
// gives it: NETWORK/DECISION-ID, each part an id (IsID), spaces around
// the whole aside. ok is false for anything else.
func DecisionRef(s string) (network, decision string, ok bool) {
	network, decision, ok = strings.Cut(strings.TrimSpace(s), "/")
	if !ok || !IsID(network) || !IsID(decision) {
		return "", "", false
	}
	return network, decision, true
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func isAlnum(c byte) bool {
	return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
}

func allDigits(s string) bool {
	for i := range len(s) {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}
