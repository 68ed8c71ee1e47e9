package load

import (
	"reflect"
	"strings"
	"unsafe"

	"github.com/govctl/govctl/pkg/model"
)

// arena hands out the memory of the model a worker decodes in large blocks,
// one kind of block per type, and copies the strings the model keeps into
// blocks of text.
//
// A repository's model lives until the command ends, while the YAML trees
// it is decoded from are garbage a moment later. Allocated one by one, the
// model's values sit among that garbage, and once it is collected every
// page of the heap holds a few live values and much free space: at a
// thousand bodies half the heap was such space, and the memory bound
// (gctune) had the collector run twice as often as the live heap needed.
// Taken from blocks, the model fills whole pages of its own.
//
// Nothing handed out is ever reused: a block's values live as long as any
// of them does, which for a loaded repository is as long as the model.
type arena struct {
	blocks map[reflect.Type]*block
	keys   []model.KeyAt // what is left of the current block of keys
	text   strings.Builder
}

// block is a slice of values of one type, taken from the front.
type block struct {
	v    reflect.Value // a slice, its length what has been handed out
	size int           // values in a block
}

// Block sizes: large enough to have pages of their own (Go gives objects
// over 32 KiB their own), small enough that a worker's last, part-used
// blocks waste little.
const (
	blockBytes = 64 << 10
	textBytes  = 64 << 10
)

// New returns a pointer to a new zero value of type t.
func (a *arena) New(t reflect.Type) reflect.Value {
	return a.take(t, 1).Index(0).Addr()
}

// MakeSlice returns a new slice of type st, of length and capacity n: one
// that cannot grow into the values handed out after it.
func (a *arena) MakeSlice(st reflect.Type, n int) reflect.Value {
	if n == 0 {
		return reflect.MakeSlice(st, 0, 0)
	}
	return a.take(st.Elem(), n)
}

// take hands out n values of type t as a slice of length and capacity n.
func (a *arena) take(t reflect.Type, n int) reflect.Value {
	if a.blocks == nil {
		a.blocks = map[reflect.Type]*block{}
	}
	b := a.blocks[t]
	if b == nil {
		b = &block{size: max(1, blockBytes/max(1, int(t.Size())))}
		a.blocks[t] = b
	}
	if n > b.size/4 {
		// Large enough to be a block of its own.
		return reflect.MakeSlice(reflect.SliceOf(t), n, n)
	}
	if !b.v.IsValid() || b.v.Cap()-b.v.Len() < n {
		b.v = reflect.MakeSlice(reflect.SliceOf(t), 0, b.size)
	}
	at := b.v.Len()
	b.v = b.v.Slice(0, at+n)
	return b.v.Slice3(at, at+n, at+n)
}

// Keys returns an empty list of key positions with room for n.
func (a *arena) Keys(n int) []model.KeyAt {
	const size = blockBytes / int(unsafe.Sizeof(model.KeyAt{}))
	if n > size/4 {
		return make([]model.KeyAt, 0, n)
	}
	if cap(a.keys) < n {
		a.keys = make([]model.KeyAt, size)
	}
	out := a.keys[:0:n]
	a.keys = a.keys[n:]
	return out
}

// String returns a copy of s in the arena's text.
func (a *arena) String(s string) string {
	if s == "" {
		return ""
	}
	if len(s) > textBytes/4 {
		return strings.Clone(s)
	}
	if a.text.Cap()-a.text.Len() < len(s) {
		a.text = strings.Builder{}
		a.text.Grow(textBytes)
	}
	at := a.text.Len()
	a.text.WriteString(s)
	return a.text.String()[at:]
}
