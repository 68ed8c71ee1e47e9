package report

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/render"
	"github.com/govctl/govctl/pkg/terms"
	"github.com/govctl/govctl/pkg/words"
)

// NetworkRow is one body in the overview. Its JSON shape is stable: every
// key is always present; parent and cadence are "" when none, chairs is a
// list (empty when the chair is vacant), next_meeting is null when none is
// planned.
type NetworkRow struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Parent string `json:"parent"`
	// Chairs are the names of the current holders of the office named
	// chair (or co-chair).
	Chairs []string `json:"chairs"`
	// Cadence is in words: "every 1 month", "every 6 weeks, 9 a year";
	// with more than one kind of meeting, "ordinary: every 1 month;
	// workshop: 6 a year".
	Cadence     string       `json:"cadence"`
	NextMeeting *NextMeeting `json:"next_meeting"`
	OpenActions int          `json:"open_actions"`
	// Errors and Warnings are govctl validate's findings in the network's
	// files; Findings says the same in words: "0 errors, 2 warnings".
	Errors   int    `json:"errors"`
	Warnings int    `json:"warnings"`
	Findings string `json:"findings"`
	// Loaded is false when network.yaml could not be read (its findings say
	// why); the other fields are then empty.
	Loaded bool `json:"loaded"`
}

// NextMeeting is the first planned meeting on or after today.
type NextMeeting struct {
	Date string `json:"date"`
	Kind string `json:"kind"`
}

// Overview is every body of a repository, with the findings that belong to
// no network (in govctl.yaml, organisations.yaml, stray files).
type Overview struct {
	Networks      []NetworkRow
	OtherErrors   int
	OtherWarnings int
}

// ChairOffices are the offices whose holders the overview names as chairs.
var ChairOffices = []string{"chair", "chairs", "co-chair", "co-chairs"}

// Networks builds the overview of the repository loaded from dir: a row for
// every loaded network and for every folder in folders (network folders
// whose network.yaml may not have loaded), sorted by id. ds are the
// findings of govctl validate, paths as reached from dir.
func Networks(rx *terms.Repo, dir string, folders []string, ds []diag.Diagnostic, today model.Date) Overview {
	byID := map[string]*NetworkRow{}
	for _, n := range rx.Repo.Networks {
		if _, dup := byID[n.Folder]; dup {
			continue
		}
		nx := rx.Network(n)
		row := &NetworkRow{ID: n.Folder, Name: n.Name, Chairs: Chairs(nx, today), Cadence: Cadence(n), Loaded: true}
		if n.Parent != nil {
			row.Parent = n.Parent.ID
		}
		for _, m := range n.MeetingList {
			if m.Status == "planned" && !m.Date.Before(today.Date) {
				row.NextMeeting = &NextMeeting{Date: m.Date.String(), Kind: m.Kind.ID}
				break
			}
		}
		for _, a := range nx.Actions() {
			if a.Open() {
				row.OpenActions++
			}
		}
		byID[row.ID] = row
	}
	for _, f := range folders {
		if _, ok := byID[f]; !ok {
			byID[f] = &NetworkRow{ID: f, Chairs: []string{}}
		}
	}
	var ov Overview
	for _, d := range ds {
		row := byID[folderOf(dir, d.Pos.File)]
		switch {
		case row == nil && d.Severity == diag.Error:
			ov.OtherErrors++
		case row == nil && d.Severity == diag.Warning:
			ov.OtherWarnings++
		case d.Severity == diag.Error:
			row.Errors++
		case d.Severity == diag.Warning:
			row.Warnings++
		}
	}
	for _, row := range byID {
		row.Findings = fmt.Sprintf("%s, %s", words.Plural(row.Errors, "error"), words.Plural(row.Warnings, "warning"))
		ov.Networks = append(ov.Networks, *row)
	}
	slices.SortFunc(ov.Networks, func(a, b NetworkRow) int { return strings.Compare(a.ID, b.ID) })
	return ov
}

// folderOf is the first part of file's path below dir (a network's folder
// for the network's files), or "" when file is not below dir.
func folderOf(dir, file string) string {
	prefix := filepath.ToSlash(filepath.Clean(dir)) + "/"
	if prefix == "./" {
		prefix = ""
	}
	rel, ok := strings.CutPrefix(filepath.ToSlash(file), prefix)
	if !ok {
		return ""
	}
	folder, _, _ := strings.Cut(rel, "/")
	return folder
}

// Chairs names the current holders of the chair (or co-chair) on day d;
// never nil, so that JSON shows an empty list.
func Chairs(nx *terms.Net, d model.Date) []string {
	if out := render.Chairs(nx, d); out != nil {
		return out
	}
	return []string{}
}

// Cadence describes how often the network meets, kind by kind.
func Cadence(n *model.Network) string { return render.NetworkCadence(n) }
