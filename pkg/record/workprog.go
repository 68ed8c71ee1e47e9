package record

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// WorkItem is a new item of a work programme. Empty fields are left out.
type WorkItem struct {
	ID, Title, Lead, Status, Due string
}

// AddWorkItem adds it at the end of the work programme's items; data may
// be empty (a work programme not yet written).
func AddWorkItem(data []byte, it WorkItem) ([]byte, error) {
	d, err := Open(data)
	if err != nil {
		return nil, err
	}
	if workItem(d.root, it.ID) != nil {
		return nil, fmt.Errorf("the work programme already has an item %s", it.ID)
	}
	n := Mapping([]string{"id", "title", "lead"}, "id", it.ID, "title", it.Title, "lead", it.Lead, "status", it.Status, "due", it.Due)
	if err := Append(d.root, "items", n, false); err != nil {
		return nil, err
	}
	return d.Bytes()
}

// WorkChange is what an update changes on a work item; empty fields are
// left as they are.
type WorkChange struct {
	Status, Due, Lead string
	// Date is the day of the note and of a milestone done.
	Date string
	// Note is added to the item's updates, dated Date.
	Note string
	// MilestoneDone is the title of a milestone (as written) done on Date.
	MilestoneDone string
	// Milestone is the title of a milestone to add, due MilestoneDue.
	Milestone, MilestoneDue string
}

// UpdateWorkItem changes the work item id as c says.
func UpdateWorkItem(data []byte, id string, c WorkChange) ([]byte, error) {
	d, err := Open(data)
	if err != nil {
		return nil, err
	}
	it := workItem(d.root, id)
	if it == nil {
		return nil, fmt.Errorf("the work programme has no item %s", id)
	}
	if c.Status != "" {
		SetPlain(it, "status", c.Status)
	}
	if c.Due != "" {
		SetPlain(it, "due", c.Due)
	}
	if c.Lead != "" {
		SetText(it, "lead", c.Lead)
	}
	if c.MilestoneDone != "" {
		ms := milestone(it, c.MilestoneDone)
		if ms == nil {
			return nil, fmt.Errorf("work item %s has no milestone %q", id, c.MilestoneDone)
		}
		SetPlain(ms, "done", c.Date)
	}
	if c.Milestone != "" {
		if err := Append(it, "milestones", Mapping([]string{"title"}, "title", c.Milestone, "due", c.MilestoneDue), false); err != nil {
			return nil, err
		}
	}
	if c.Note != "" {
		if err := Append(it, "updates", Mapping([]string{"text"}, "date", c.Date, "text", c.Note), false); err != nil {
			return nil, err
		}
	}
	return d.Bytes()
}

// workItem is the mapping of the item id under items, or nil.
func workItem(root *yaml.Node, id string) *yaml.Node {
	return entry(Value(root, "items"), "id", id)
}

// milestone is the mapping of the milestone titled title, or nil.
func milestone(it *yaml.Node, title string) *yaml.Node {
	return entry(Value(it, "milestones"), "title", title)
}

// entry is the mapping in list whose key has the value given, or nil.
func entry(list *yaml.Node, key, value string) *yaml.Node {
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil
	}
	for _, e := range list.Content {
		if e.Kind != yaml.MappingNode {
			continue
		}
		if v := Value(e, key); v != nil && v.Kind == yaml.ScalarNode && v.Value == value {
			return e
		}
	}
	return nil
}
