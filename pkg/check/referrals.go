package check

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/load"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/safefile"
)

// Decisions travel between bodies (refer_to, responds_to), and a body's
// referrals are judged, and its papers drawn, with the other body's
// records: whether a referral was answered, what an answer answers, what
// waits for a body's next meeting. A run narrowed to some bodies (a scope)
// reads those other bodies too, so that it judges and draws them as a full
// run does.

// loadReferred adds to repo the networks that the decisions of the
// networks from refer to (refer_to) or answer (responds_to), and theirs
// in turn, with the loader's findings in their files (ds and those): what
// a body's pages say of a referral (where it went, how it was answered,
// where the answer sent it on) is then what a full run says.
func loadReferred(dir string, repo *model.Repo, ds []diag.Diagnostic, from []string) ([]diag.Diagnostic, error) {
	loaded := map[string]bool{}
	for _, n := range repo.Networks {
		loaded[n.Folder] = true
	}
	seen := map[string]bool{}
	for _, id := range from {
		seen[id] = true
	}
	for len(from) > 0 {
		next := referredTo(repo, from, seen)
		var more []string
		for _, id := range next {
			if _, err := os.Stat(filepath.Join(dir, id, layout.NetworkFile)); !loaded[id] && err == nil {
				more = append(more, id)
			}
		}
		if len(more) > 0 {
			extra, eds, err := load.Load(dir, load.Options{Networks: more})
			if err != nil {
				return nil, err
			}
			repo.Networks = append(repo.Networks, extra.Networks...)
			slices.SortFunc(repo.Networks, func(a, b *model.Network) int { return strings.Compare(a.Folder, b.Folder) })
			for _, d := range eds {
				if id, nested := networkOf(dir, d.Pos.File); nested && slices.Contains(more, id) {
					ds = append(ds, d) // the repository-wide files' are there already
				}
			}
			for _, id := range more {
				loaded[id] = true
			}
		}
		from = next
	}
	return ds, nil
}

// referredTo lists the ids, not yet seen, that the decisions of the
// networks from (of those in repo) name in refer_to or responds_to, and
// marks them seen.
func referredTo(repo *model.Repo, from []string, seen map[string]bool) []string {
	var out []string
	add := func(id string) {
		if !seen[id] && layout.IsID(id) {
			seen[id] = true
			out = append(out, id)
		}
	}
	for _, n := range repo.Networks {
		if !slices.Contains(from, n.Folder) {
			continue
		}
		for _, m := range n.MeetingList {
			for i := range m.Decisions {
				d := &m.Decisions[i]
				if d.ReferTo != nil {
					add(d.ReferTo.ID)
				}
				if d.RespondsTo != nil {
					if net, _, ok := layout.DecisionRef(d.RespondsTo.ID); ok {
						add(net)
					}
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// Referrers lists the networks of the repository in dir, other than those
// of loaded, whose meeting records may refer business to one of ids: a
// record that holds the word refer_to and one of the ids (or a backslash,
// with which YAML may spell either). Each record is read as bytes, not
// parsed: it is the price, on a large repository, of listing what waits
// for one body without reading every body (docs/performance.md).
func Referrers(dir string, ids, loaded []string) []string {
	ents, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var folders []string
	for _, e := range ents {
		if e.IsDir() && !strings.HasPrefix(e.Name(), ".") && !slices.Contains(loaded, e.Name()) {
			folders = append(folders, e.Name())
		}
	}
	hit := make([]bool, len(folders))
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(2*runtime.GOMAXPROCS(0), max(1, len(folders))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				hit[i] = refers(filepath.Join(dir, folders[i], layout.MeetingsDir), ids)
			}
		}()
	}
	for i := range folders {
		work <- i
	}
	close(work)
	wg.Wait()
	var out []string
	for i, f := range folders {
		if hit[i] {
			out = append(out, f)
		}
	}
	return out
}

// refers reports whether a meeting record in the folder meetings may
// refer business to one of ids.
func refers(meetings string, ids []string) bool {
	ents, err := os.ReadDir(meetings)
	if err != nil {
		return false
	}
	for _, e := range ents {
		if e.IsDir() || !layout.IsMeetingFile(e.Name()) {
			continue
		}
		data, err := safefile.Read(filepath.Join(meetings, e.Name()), load.MaxFileSize)
		if err != nil {
			continue
		}
		escaped := bytes.IndexByte(data, '\\') >= 0
		if !escaped && !bytes.Contains(data, []byte("refer_to")) {
			continue
		}
		if escaped || slices.ContainsFunc(ids, func(id string) bool { return bytes.Contains(data, []byte(id)) }) {
			return true
		}
	}
	return false
}
