// Command schemacheck validates every YAML file of a repository against
// govctl's JSON Schema (the output of `govctl schema`) with an independent
// validator, github.com/santhosh-tekuri/jsonschema/v6, on as many workers as
// there are CPUs. It is the other yardstick tools/benchrun measures
// govctl validate against: what checking the same files costs a
// general-purpose validator, which knows each file's shape but none of the
// rules that span files.
//
//	go run ./tools/schemacheck DIR
package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/schema"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: schemacheck DIR")
		os.Exit(2)
	}
	root := os.Args[1]
	schemas, err := compile()
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemacheck:", err)
		os.Exit(2)
	}
	type file struct{ path, kind string }
	var files []file
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(p, ".yaml") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		if k, ok := schema.KindOf(filepath.ToSlash(rel)); ok {
			files = append(files, file{p, k.Name})
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "schemacheck:", err)
		os.Exit(2)
	}
	work := make(chan file)
	var wg sync.WaitGroup
	var bad atomic.Int64
	var mu sync.Mutex
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range work {
				if err := check(schemas[f.kind], f.path); err != nil {
					bad.Add(1)
					mu.Lock()
					fmt.Fprintf(os.Stderr, "%s: %v\n", f.path, err)
					mu.Unlock()
				}
			}
		}()
	}
	for _, f := range files {
		work <- f
	}
	close(work)
	wg.Wait()
	fmt.Printf("%d files validated, %d do not conform\n", len(files), bad.Load())
	if bad.Load() > 0 {
		os.Exit(1)
	}
}

// compile compiles the schema of every kind of file.
func compile() (map[string]*jsonschema.Schema, error) {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	for _, k := range schema.Kinds() {
		b, err := schema.JSON(k)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(b))
		if err != nil {
			return nil, err
		}
		if err := c.AddResource(k.ID(), doc); err != nil {
			return nil, err
		}
	}
	out := map[string]*jsonschema.Schema{}
	for _, k := range schema.Kinds() {
		s, err := c.Compile(k.ID())
		if err != nil {
			return nil, fmt.Errorf("%s: %w", k.File, err)
		}
		out[k.Name] = s
	}
	return out, nil
}

// check reads one file, converts it to the JSON value it stands for and
// validates it.
func check(s *jsonschema.Schema, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var root yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(data)).Decode(&root); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	var v any
	if len(root.Content) > 0 {
		if v, err = toJSON(root.Content[0], 0); err != nil {
			return err
		}
	}
	return s.Validate(v)
}

// toJSON converts a YAML node as JSON sees it; a timestamp stays the text it
// was written as, since govctl reads dates as text.
func toJSON(n *yaml.Node, depth int) (any, error) {
	if depth > 100 {
		return nil, errors.New("nested too deeply")
	}
	for n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	switch n.Kind {
	case yaml.MappingNode:
		m := make(map[string]any, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			v, err := toJSON(n.Content[i+1], depth+1)
			if err != nil {
				return nil, err
			}
			m[n.Content[i].Value] = v
		}
		return m, nil
	case yaml.SequenceNode:
		a := make([]any, 0, len(n.Content))
		for _, c := range n.Content {
			v, err := toJSON(c, depth+1)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		return a, nil
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!null":
			return nil, nil
		case "!!bool", "!!int", "!!float":
			var v any
			if err := n.Decode(&v); err != nil {
				return nil, err
			}
			return v, nil
		}
		return n.Value, nil
	}
	return nil, fmt.Errorf("line %d: unexpected YAML node", n.Line)
}
