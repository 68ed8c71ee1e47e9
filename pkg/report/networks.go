package report

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/model"
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
	// Chairs are the names of the holders of the chair offices
	// (terms.ChairOffice) on the day of the overview.
	Chairs []string `json:"chairs"`
	// Cadence is in words (words.NetworkCadence): "every month", "every 6
	// weeks, 9 a year"; with more than one kind of meeting, "ordinary:
	// every month; workshop: 6 a year".
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

// NextMeeting is the first planned meeting on or after the day of the
// overview.
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

// Row is network nx's row in the overview as things stand on day d: its
// chairs on d, its next meeting (the first planned on or after d), its
// cadence and open actions. Its findings are counted by Networks. Both
// govctl networks (d is today) and the index page networks/README.md (d is
// the date of the latest record) draw their rows here.
func Row(nx *terms.Net, d model.Date) NetworkRow {
	n := nx.N
	row := NetworkRow{ID: n.Folder, Name: n.Name, Chairs: nx.Chairs(d), Cadence: words.NetworkCadence(n), Loaded: true}
	if row.Chairs == nil {
		row.Chairs = []string{}
	}
	if n.Parent != nil {
		row.Parent = n.Parent.ID
	}
	if m := nx.NextMeeting(d); m != nil {
		row.NextMeeting = &NextMeeting{Date: m.Date.String(), Kind: m.Kind.ID}
	}
	for _, a := range nx.Actions() {
		if a.Open() {
			row.OpenActions++
		}
	}
	return row
}

// Networks builds the overview of the repository loaded from dir as it
// stands on day d: a row for every loaded network (nets, terms.Repo.Nets)
// and for every folder in folders (network folders whose network.yaml may
// not have loaded), sorted by id. ds are the findings of govctl validate,
// paths as reached from dir.
func Networks(nets []*terms.Net, dir string, folders []string, ds []diag.Diagnostic, d model.Date) Overview {
	byID := map[string]*NetworkRow{}
	for _, nx := range nets {
		if _, dup := byID[nx.N.Folder]; dup {
			continue
		}
		row := Row(nx, d)
		byID[row.ID] = &row
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
