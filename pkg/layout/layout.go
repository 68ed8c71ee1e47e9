// Package layout describes a governance repository's layout once, for the
// loader (package load), the schema generator (package schema) and the
// formatter (package yamlfmt): the kinds of file it holds, where each is and
// the model type it is read into (Kind), how meeting files and ids are
// named, and the special scalar types of the format (Scalar).
package layout

import (
	"path"
	"reflect"
	"strings"

	"github.com/govctl/govctl/pkg/model"
)

// File and folder names of the layout.
const (
	SettingsFile      = "govctl.yaml"
	OrganisationsFile = "organisations.yaml"
	// ContactsFile is the usual name of a contacts file in clear, which
	// belongs outside the repository (its encrypted form, inside, is named
	// by govctl.yaml's contacts).
	ContactsFile      = "contacts.yaml"
	NetworkFile       = "network.yaml"
	MembersFile       = "members.yaml"
	WorkProgrammeFile = "work-programme.yaml"
	MeetingsDir       = "meetings"
	TermsDir          = "terms"
)

// Place is the folder a kind of file is in.
type Place int

// The places of the layout.
const (
	// InRepository is the repository folder itself.
	InRepository Place = iota
	// InNetwork is a network's folder, named by the network's id.
	InNetwork
	// InMeetings is a network's meetings folder.
	InMeetings
	// InTerms is a network's folder of earlier versions of its terms.
	InTerms
)

// Kind is one kind of file in a repository.
type Kind int

// The kinds of file, in the order of the format reference.
const (
	Settings Kind = iota
	Organisations
	Network
	Members
	WorkProgramme
	Meeting
	// Terms is an earlier version of a network.yaml, kept whole under
	// terms/<YYYY-MM-DD>.yaml, in force from that date.
	Terms
)

type kindInfo struct {
	name        string
	place       Place
	file        string // the file's name; "" when named by MeetingFileDate
	path        string
	glob        string
	description string
	typ         reflect.Type
}

// kinds is the table of kinds of file, indexed by Kind.
var kinds = [...]kindInfo{
	Settings: {name: "govctl", place: InRepository, file: SettingsFile,
		path: SettingsFile, glob: SettingsFile,
		description: "settings for the whole repository", typ: reflect.TypeFor[model.Settings]()},
	Organisations: {name: "organisations", place: InRepository, file: OrganisationsFile,
		path: OrganisationsFile, glob: OrganisationsFile,
		description: "every organisation that members come from", typ: reflect.TypeFor[model.OrganisationsFile]()},
	Network: {name: "network", place: InNetwork, file: NetworkFile,
		path: "<network-id>/" + NetworkFile, glob: "*/" + NetworkFile,
		description: "a body's terms of reference", typ: reflect.TypeFor[model.Network]()},
	Members: {name: "members", place: InNetwork, file: MembersFile,
		path: "<network-id>/" + MembersFile, glob: "*/" + MembersFile,
		description: "who sits on the body, and who holds which office", typ: reflect.TypeFor[model.MembersFile]()},
	WorkProgramme: {name: "work-programme", place: InNetwork, file: WorkProgrammeFile,
		path: "<network-id>/" + WorkProgrammeFile, glob: "*/" + WorkProgrammeFile,
		description: "the body's work programme", typ: reflect.TypeFor[model.WorkProgramme]()},
	Meeting: {name: "meeting", place: InMeetings,
		path: "<network-id>/" + MeetingsDir + "/<YYYY-MM-DD>.yaml", glob: "*/" + MeetingsDir + "/*.yaml",
		description: "one meeting's record", typ: reflect.TypeFor[model.Meeting]()},
	Terms: {name: "terms", place: InTerms,
		path: "<network-id>/" + TermsDir + "/<YYYY-MM-DD>.yaml", glob: "*/" + TermsDir + "/*.yaml",
		description: "an earlier version of a body's terms of reference, in force from its date", typ: reflect.TypeFor[model.Network]()},
}

// Kinds lists every kind of file, in the order of the format reference.
func Kinds() []Kind {
	out := make([]Kind, len(kinds))
	for i := range kinds {
		out[i] = Kind(i)
	}
	return out
}

// Name names the kind: "meeting", "work-programme".
func (k Kind) Name() string { return kinds[k].name }

// Place is the folder files of this kind are in.
func (k Kind) Place() Place { return kinds[k].place }

// FileName is the name of the one file of this kind in its folder:
// "network.yaml". It is "" for meetings and versions of the terms, whose
// names are dates (MeetingFileDate, TermsFileDate).
func (k Kind) FileName() string { return kinds[k].file }

// Path is where files of this kind are, in the format reference's words:
// "<network-id>/meetings/<YYYY-MM-DD>.yaml".
func (k Kind) Path() string { return kinds[k].path }

// Glob matches files of this kind, relative to the repository folder.
func (k Kind) Glob() string { return kinds[k].glob }

// Description says what a file of this kind holds.
func (k Kind) Description() string { return kinds[k].description }

// Type is the model struct the loader fills from a file of this kind.
func (k Kind) Type() reflect.Type { return kinds[k].typ }

// Named returns the kind of a file called name in a folder at place.
func Named(place Place, name string) (Kind, bool) {
	switch place {
	case InMeetings:
		return Meeting, IsMeetingFile(name)
	case InTerms:
		_, ok := TermsFileDate(name)
		return Terms, ok
	}
	for i := range kinds {
		if kinds[i].place == place && kinds[i].file == name {
			return Kind(i), true
		}
	}
	return 0, false
}

// Of returns the kind of the file at rel, a slash-separated path from the
// repository folder, as the loader would read it.
func Of(rel string) (Kind, bool) {
	parts := strings.Split(path.Clean(rel), "/")
	switch {
	case len(parts) == 1:
		return Named(InRepository, parts[0])
	case len(parts) == 2:
		return Named(InNetwork, parts[1])
	case len(parts) == 3 && parts[1] == MeetingsDir:
		return Named(InMeetings, parts[2])
	case len(parts) == 3 && parts[1] == TermsDir:
		return Named(InTerms, parts[2])
	}
	return 0, false
}
