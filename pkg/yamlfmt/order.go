package yamlfmt

import (
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
)

var typeLoc = reflect.TypeFor[model.Loc]()

// reorder puts the keys of every mapping under n in the order of the fields
// of t, following the model types as the loader does (package load): a struct
// is a mapping whose keys are its fields' yaml names; a slice of a struct with
// a govctl:"key" field is a mapping keyed by name, whose keys keep the order
// written; any other slice is a list. Keys that t does not know go last, in the
// order written; duplicates stay together, in the order written. Aliases are
// not followed: the node they point at is ordered where it is written.
func (o orderer) reorder(n *yaml.Node, t reflect.Type) {
	if n == nil || t == nil || n.Kind == yaml.AliasNode {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if s := layout.ScalarOf(t); s != layout.NotScalar {
		// A special type: its keys, when it is a mapping, in their order;
		// nothing inside them to order.
		if n.Kind == yaml.MappingNode && s.Keys() != nil {
			sortKeys(n, s.Keys())
		}
		return
	}
	switch t.Kind() {
	case reflect.Slice:
		et := t.Elem()
		for et.Kind() == reflect.Pointer {
			et = et.Elem()
		}
		if et.Kind() == reflect.Struct && hasOption(et, "key") {
			if n.Kind != yaml.MappingNode || hasOption(et, "value") {
				return // a scalar under each name: nothing to order
			}
			for i := 1; i < len(n.Content); i += 2 {
				o.reorder(n.Content[i], et)
			}
			return
		}
		if n.Kind == yaml.SequenceNode {
			for _, c := range n.Content {
				o.reorder(c, et)
			}
		}
	case reflect.Struct:
		if n.Kind != yaml.MappingNode {
			return
		}
		names, types := o.fields(t)
		sortKeys(n, names)
		for i := 0; i+1 < len(n.Content); i += 2 {
			if ft, ok := types[keyName(n.Content[i])]; ok {
				o.reorder(n.Content[i+1], ft)
			}
		}
	}
}

// orderer orders the keys of one document, keeping the fields of each type
// it has met (a list of thousands of mappings of one type looks its type up
// once).
type orderer map[reflect.Type]typeFields

type typeFields struct {
	names []string
	types map[string]reflect.Type
}

func (o orderer) fields(t reflect.Type) ([]string, map[string]reflect.Type) {
	f, ok := o[t]
	if !ok {
		f.names, f.types = fields(t)
		o[t] = f
	}
	return f.names, f.types
}

// fields lists the yaml names of t's fields in order, as the loader reads
// them (load.typeCache.info): tagged, exported, not "-", not the embedded Loc.
func fields(t reflect.Type) ([]string, map[string]reflect.Type) {
	var names []string
	types := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == typeLoc && f.Anonymous {
			continue
		}
		name := model.TagOf(f).Name
		if name == "" {
			continue
		}
		if _, dup := types[name]; dup {
			continue
		}
		names = append(names, name)
		types[name] = f.Type
	}
	return names, types
}

// hasOption reports whether a field of struct t has the govctl option opt
// ("key" or "value").
func hasOption(t reflect.Type, opt string) bool {
	for i := range t.NumField() {
		tag := model.TagOf(t.Field(i))
		if (opt == "key" && tag.Key) || (opt == "value" && tag.Value) {
			return true
		}
	}
	return false
}

// keyName is the text of a mapping key, through an alias.
func keyName(k *yaml.Node) string {
	for k.Kind == yaml.AliasNode && k.Alias != nil {
		k = k.Alias
	}
	if k.Kind != yaml.ScalarNode {
		return "\x00" // matches no field
	}
	return k.Value
}

// sortKeys reorders the pairs of mapping n: names first, in that order, then
// the others in the order written. The sort is stable.
func sortKeys(n *yaml.Node, names []string) {
	rank := make(map[string]int, len(names))
	for i, name := range names {
		rank[name] = i
	}
	type pair struct{ k, v *yaml.Node }
	buckets := make([][]pair, len(names)+1)
	for i := 0; i+1 < len(n.Content); i += 2 {
		p := pair{n.Content[i], n.Content[i+1]}
		r, ok := rank[keyName(p.k)]
		if !ok {
			r = len(names)
		}
		buckets[r] = append(buckets[r], p)
	}
	out := n.Content[:0]
	for _, b := range buckets {
		for _, p := range b {
			out = append(out, p.k, p.v)
		}
	}
	n.Content = out
}

// File is one YAML file of a repository that fmt formats.
type File struct {
	// Rel is the path from the repository folder, slash separated.
	Rel string
	// Path is the path to open: the repository folder as given joined with Rel.
	Path string
	// Type is the model type the loader reads the file into.
	Type reflect.Type
}

// Files lists the YAML files of the repository in dir that the loader reads
// (govctl.yaml, organisations.yaml, and each network folder's network.yaml,
// members.yaml, work-programme.yaml and meetings/<date>.yaml), in a stable
// order. Hidden files and folders are left out, as the loader leaves them out;
// so are symbolic links, which govctl never writes through: they are
// returned in links.
func Files(dir string) (files []File, links []string, err error) {
	if err := load.CheckDir(dir); err != nil {
		return nil, nil, err
	}
	var walk func(rel string, depth int) error
	walk = func(rel string, depth int) error {
		ents, err := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil {
			return err
		}
		for _, e := range ents {
			name := e.Name()
			if strings.HasPrefix(name, ".") {
				continue
			}
			child := name
			if rel != "" {
				child = rel + "/" + name
			}
			if e.Type()&fs.ModeSymlink != 0 {
				if _, known := layout.Of(child); known || (depth < 2 && isDirLink(filepath.Join(dir, filepath.FromSlash(child)))) {
					links = append(links, filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(child))))
				}
				continue
			}
			if e.IsDir() {
				// Network folders, and their meetings folders.
				if depth == 0 || (depth == 1 && name == layout.MeetingsDir) {
					if err := walk(child, depth+1); err != nil {
						return err
					}
				}
				continue
			}
			if k, known := layout.Of(child); known && e.Type().IsRegular() {
				files = append(files, File{Rel: child, Path: filepath.Join(dir, filepath.FromSlash(child)), Type: k.Type()})
			}
		}
		return nil
	}
	if err := walk("", 0); err != nil {
		return nil, nil, err
	}
	return files, links, nil
}

func isDirLink(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}
