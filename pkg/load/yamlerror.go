package load

import "strings"

// Where the YAML parser's errors say they are.

// yamlErrorLine splits the parser's "yaml: line N: message".
func yamlErrorLine(msg string) (int, string, bool) {
	rest, ok := strings.CutPrefix(msg, "yaml: line ")
	if !ok {
		return 0, "", false
	}
	num, text, ok := strings.Cut(rest, ": ")
	if !ok || !digits(num) || len(num) > 9 {
		return 0, "", false
	}
	return atoi(num), text, true
}

// YAMLErrorLine splits a YAML parser error "yaml: line N: message" into N
// and the message.
func YAMLErrorLine(err error) (line int, msg string, ok bool) {
	return yamlErrorLine(err.Error())
}
