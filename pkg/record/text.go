package record

import (
	"bytes"
	"fmt"

	"go.yaml.in/yaml/v3"
)

// SetTopScalar sets the top-level key of a YAML mapping to the plain scalar
// value by editing the text, so that every other byte (blank lines, folded
// text, aligned comments) stays as written: a key already there has its
// one-line value replaced (its comment kept); a key not there is added on a
// line of its own before the key that follows after, or at the end.
func SetTopScalar(data []byte, key, value, after string) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, fmt.Errorf("the file is not valid YAML: %w", err)
	}
	if len(doc.Content) == 0 || doc.Content[0].Kind != yaml.MappingNode {
		return nil, fmt.Errorf("the file is not a mapping of keys to values")
	}
	root := doc.Content[0]
	lines := bytes.SplitAfter(data, []byte("\n"))
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		if k.Value != key {
			continue
		}
		if v.Kind != yaml.ScalarNode || v.Line != k.Line || v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			return nil, fmt.Errorf("%s (line %d) is not a value on one line; set it by hand", key, k.Line)
		}
		l := lines[k.Line-1]
		start := byteCol(l, v.Column)
		end := start + len(v.Value)
		if v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 || !bytes.HasPrefix(l[start:], []byte(v.Value)) {
			return nil, fmt.Errorf("%s (line %d) is written in a way govctl does not change; set it by hand", key, k.Line)
		}
		lines[k.Line-1] = append(append(append([]byte{}, l[:start]...), value...), l[end:]...)
		return bytes.Join(lines, nil), nil
	}
	// Not there: before the key after `after`, at the column of the keys.
	at := len(lines)
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == after && i+2 < len(root.Content) {
			next := root.Content[i+2]
			at = next.Line - 1
			// Above the comment lines that belong to the next key.
			for at > 0 && bytes.HasPrefix(bytes.TrimLeft(lines[at-1], " "), []byte("#")) {
				at--
			}
			break
		}
	}
	line := []byte(key + ": " + value + "\n")
	if at == len(lines) && len(data) > 0 && data[len(data)-1] != '\n' {
		line = append([]byte("\n"), line...)
	}
	out := append(append(append([][]byte{}, lines[:at]...), line), lines[at:]...)
	return bytes.Join(out, nil), nil
}

// byteCol is the byte offset in line of 1-based character column col.
func byteCol(line []byte, col int) int {
	n := 0
	for i := range string(line) {
		if n == col-1 {
			return i
		}
		n++
	}
	return len(line)
}
