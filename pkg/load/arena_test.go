package load

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/model"
)

// TestArenaNew: each value handed out is zero and its own, across blocks.
func TestArenaNew(t *testing.T) {
	var a arena
	typ := reflect.TypeFor[model.Action]()
	n := 3 * blockBytes / int(typ.Size()) // three blocks and more
	got := make([]*model.Action, n)
	for i := range got {
		p := a.New(typ).Interface().(*model.Action)
		if !reflect.ValueOf(*p).IsZero() {
			t.Fatalf("value %d is not zero: %+v", i, *p)
		}
		p.ID = fmt.Sprint(i)
		got[i] = p
	}
	for i, p := range got {
		if p.ID != fmt.Sprint(i) {
			t.Fatalf("value %d holds %q: another value was written over it", i, p.ID)
		}
	}
}

// TestArenaSlices: a slice handed out cannot grow into its neighbour's
// values, whether it is small (from a block) or large (its own).
func TestArenaSlices(t *testing.T) {
	var a arena
	st := reflect.TypeFor[[]model.Date]()
	for _, n := range []int{1, 7, blockBytes} {
		first := a.MakeSlice(st, n).Interface().([]model.Date)
		second := a.MakeSlice(st, n).Interface().([]model.Date)
		if len(first) != n || cap(first) != n {
			t.Fatalf("MakeSlice(%d): len %d cap %d; want both %d", n, len(first), cap(first), n)
		}
		second[0].Pos.Line = 42
		first = append(first, model.Date{})
		first[n].Pos.Line = 7
		if second[0].Pos.Line != 42 {
			t.Errorf("MakeSlice(%d): appending to one slice wrote over the next", n)
		}
	}
	if s := a.MakeSlice(st, 0); s.Len() != 0 || s.Cap() != 0 {
		t.Errorf("MakeSlice(0): len %d cap %d; want 0 0", s.Len(), s.Cap())
	}

	for _, n := range []int{0, 3, blockBytes} {
		first := a.Keys(n)
		second := a.Keys(n)
		if len(first) != 0 || cap(first) != n {
			t.Fatalf("Keys(%d): len %d cap %d; want 0 %d", n, len(first), cap(first), n)
		}
		second = append(second, model.KeyAt{Key: 2})
		for range n + 1 {
			first = append(first, model.KeyAt{Key: 1})
		}
		if second[0].Key != 2 {
			t.Errorf("Keys(%d): filling one list wrote over the next", n)
		}
	}
}

// TestArenaString: every string handed out reads as it was given, short
// or long, across blocks of text.
func TestArenaString(t *testing.T) {
	var a arena
	var want, got []string
	for i := range 5000 {
		s := strings.Repeat(fmt.Sprint(i%10), i%97) + fmt.Sprint(i)
		if i%1000 == 0 {
			s = strings.Repeat("long ", textBytes/4) // a copy of its own
		}
		want = append(want, s)
		got = append(got, a.String(s))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("string %d reads %q; want %q", i, got[i], want[i])
		}
	}
	if a.String("") != "" {
		t.Error(`String("") is not empty`)
	}
}
