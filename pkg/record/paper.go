package record

import (
	"fmt"
	"strings"

	"go.yaml.in/yaml/v3"
)

// SetItemPaper sets the paper of the agenda item titled title (compared as
// govctl compares titles: case and spacing aside) to paper: the path of a
// private item's encrypted paper, written by govctl private paper.
func SetItemPaper(data []byte, title, paper string) ([]byte, error) {
	d, err := Open(data)
	if err != nil {
		return nil, err
	}
	norm := func(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
	if list := Value(d.root, "agenda"); list != nil && list.Kind == yaml.SequenceNode {
		for _, it := range list.Content {
			t := Value(it, "title")
			if it.Kind != yaml.MappingNode || t == nil || t.Kind != yaml.ScalarNode || norm(t.Value) != norm(title) {
				continue
			}
			SetText(it, "paper", paper)
			return d.Bytes()
		}
	}
	return nil, fmt.Errorf("the record has no agenda item %q", title)
}
