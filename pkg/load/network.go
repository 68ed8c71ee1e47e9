package load

import (
	"path/filepath"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
)

// Network reads one network's network.yaml (folder, in the repository in
// dir) as Load reads it, and nothing else of the repository: a look at a
// body's own fields, such as its parent, before deciding what to load. ok
// is false when the file could not be read or parsed.
func Network(dir, folder string) (n *model.Network, ok bool) {
	n = &model.Network{Folder: folder}
	rel := pathJoin(folder, layout.NetworkFile)
	j := &job{rel: rel, abs: filepath.Join(dir, filepath.FromSlash(rel)), target: n}
	readFile(j, filepath.ToSlash(j.abs), newWorker())
	return n, j.ok
}
