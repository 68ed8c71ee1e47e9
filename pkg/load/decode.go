package load

import (
	"errors"
	"fmt"
	"math"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/rickb777/date"
	"github.com/rickb777/date/period"
	"go.yaml.in/yaml/v3"

	"github.com/govctl/govctl/pkg/diag"
	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/rules"
	"github.com/govctl/govctl/pkg/suggest"
)

// Limits on one file, past which it is not read further.
const (
	MaxFileSize   = 1 << 20 // bytes
	MaxDepth      = 64      // nested mappings and sequences
	MaxAliasNodes = 1000    // nodes reached through aliases
	MaxFiles      = 250000  // files in a repository
)

// errLimit stops decoding a file that is past a limit.
type errLimit struct{ msg string }

var typeLoc = reflect.TypeFor[model.Loc]()

var (
	reFrac = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(\d+)\s*/\s*(\d+)$`) })
)

// field describes one field of a struct the decoder fills.
type field struct {
	name     string // the key in the file
	code     uint32 // what model.KeyAt holds for the key (model.KeyCodes)
	index    int
	required bool
	unless   []string // with required: the keys that make it optional
	isID     bool
	enum     []string
	bounds   *bounds
	format   string // layout.CheckText
}

// bounds are a number's or a period's govctl:"min=,max=,days" (model.Tag):
// what the commands can do with it.
type bounds struct {
	min, max            int64 // numbers; max < 0: none
	minP, maxP          period.Period
	minText, maxText    string
	wholeDays, isPeriod bool
}

// boundsOf reads the bounds of a field of type t, or nil for none. A tag
// that does not parse is a mistake in package model.
func boundsOf(t reflect.Type, tag model.Tag) *bounds {
	if tag.Min == "" && tag.Max == "" && !tag.WholeDays {
		return nil
	}
	b := &bounds{max: -1, minText: tag.Min, maxText: tag.Max, wholeDays: tag.WholeDays}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case layout.ScalarOf(t) == layout.Period:
		b.isPeriod = true
		for _, x := range []struct {
			text string
			p    *period.Period
		}{{tag.Min, &b.minP}, {tag.Max, &b.maxP}} {
			if x.text == "" {
				continue
			}
			p, err := ParsePeriod(x.text)
			if err != nil {
				panic(fmt.Sprintf("load: bound of %s: %v", tag.Name, err))
			}
			*x.p = p
		}
	case t.Kind() == reflect.Int && !tag.WholeDays:
		for _, x := range []struct {
			text string
			n    *int64
		}{{tag.Min, &b.min}, {tag.Max, &b.max}} {
			if x.text == "" {
				continue
			}
			n, err := strconv.ParseInt(x.text, 10, 32)
			if err != nil || n < 0 {
				panic(fmt.Sprintf("load: bound of %s: %q is not a whole number from 0 up", tag.Name, x.text))
			}
			*x.n = n
		}
	default:
		panic(fmt.Sprintf("load: bounds on %s, of type %s: only numbers and periods have bounds", tag.Name, t))
	}
	return b
}

// span says which periods b allows: "from P1D to P5Y", "at most P1Y", or
// "as in P2W or P1M" when only whole days are asked for.
func (b *bounds) span() string {
	switch {
	case b.minText != "" && b.maxText != "":
		return "from " + b.minText + " to " + b.maxText
	case b.maxText != "":
		return "at most " + b.maxText
	case b.minText != "":
		return "at least " + b.minText
	}
	return "as in P2W or P1M"
}

// checkBounds reports a value of v (decoded from n without a finding)
// outside b, and clears it: the rules and commands never see it.
func (d *decoder) checkBounds(n *yaml.Node, v reflect.Value, b *bounds) {
	field := v
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	var msg string
	rule := rules.WrongType
	if b.isPeriod {
		p := v.Interface().(model.Period)
		if !p.Set() {
			return
		}
		rule = rules.BadDate
		approx := p.Period.DurationApprox()
		switch {
		case b.wholeDays && (p.Period.Hours() != 0 || p.Period.Minutes() != 0):
			msg = fmt.Sprintf("%q has hours or minutes: give whole days, weeks, months or years (%s)", p.Period, b.span())
		case b.minText != "" && approx < b.minP.DurationApprox():
			msg = fmt.Sprintf("%q is shorter than %s, the shortest govctl accepts here", p.Period, b.minText)
		case b.maxText != "" && approx > b.maxP.DurationApprox():
			msg = fmt.Sprintf("%q is longer than %s, the longest govctl accepts here", p.Period, b.maxText)
		}
	} else {
		switch i := v.Int(); {
		case b.minText != "" && i < b.min:
			msg = fmt.Sprintf("%d is less than %d, the least govctl accepts here", i, b.min)
		case b.max >= 0 && i > b.max:
			msg = fmt.Sprintf("%d is more than %d, the most govctl accepts here", i, b.max)
		}
	}
	if msg == "" {
		return
	}
	d.errorf(n, rule, "%s: %s", d.at(), msg)
	field.Set(reflect.Zero(field.Type())) // a pointer: absent
}

// structInfo describes how to fill one struct type.
type structInfo struct {
	fields   []field
	byName   map[string]int
	loc      int  // index of the embedded Loc, or -1
	key      int  // the field that receives a mapping key, or -1
	keyID    bool // the key is an id (meeting kinds): checked as one
	value    int  // the field that receives a scalar value, or -1
	valueEnm []string
}

// typeCache remembers struct layouts; one per Load, never shared.
type typeCache map[reflect.Type]*structInfo

func (c typeCache) info(t reflect.Type) *structInfo {
	if si, ok := c[t]; ok {
		return si
	}
	si := &structInfo{byName: map[string]int{}, loc: -1, key: -1, value: -1}
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == typeLoc && f.Anonymous {
			si.loc = i
			continue
		}
		tag := model.TagOf(f)
		if tag.Key {
			si.key = i
			si.keyID = tag.IsID
		}
		if tag.Value {
			si.value = i
			si.valueEnm = tag.Enum
		}
		name := tag.Name
		if name == "" {
			continue
		}
		si.byName[name] = len(si.fields)
		si.fields = append(si.fields, field{name: name, index: i, required: tag.Required, unless: tag.Unless, isID: tag.IsID, enum: tag.Enum, bounds: boundsOf(f.Type, tag), format: tag.Format})
	}
	names := make([]string, len(si.fields))
	for i, f := range si.fields {
		names[i] = f.name
	}
	for i, code := range model.KeyCodes(names) {
		si.fields[i].code = code
	}
	c[t] = si
	return si
}

// seg is one step of the path to the value being decoded: a key, or a
// 1-based list index.
type seg struct {
	key   string
	index int
}

func (d *decoder) push(key string, index int) { d.path = append(d.path, seg{key, index}) }
func (d *decoder) pop()                       { d.path = d.path[:len(d.path)-1] }

// at is where in the file the decoder is, for messages: "members[3].seat";
// built only when a message needs it.
func (d *decoder) at() string {
	var b strings.Builder
	for _, p := range d.path {
		switch {
		case p.index > 0:
			b.WriteString("[" + strconv.Itoa(p.index) + "]")
		case b.Len() > 0:
			b.WriteString("." + p.key)
		default:
			b.WriteString(p.key)
		}
	}
	return b.String()
}

// where is at, or "the file" at the top.
func (d *decoder) where() string {
	if len(d.path) == 0 {
		return "the file"
	}
	return d.at()
}

// firstLine is the line of an earlier key called name (0 if none): a known
// one among known (a struct has few fields), an unknown one in unknown (a
// map, so that a file of many unknown keys costs no more than its length).
func firstLine(known []model.KeyAt, unknown map[string]int, name string, si *structInfo) int {
	if fi, ok := si.byName[name]; ok {
		code := si.fields[fi].code
		for _, k := range known {
			if k.Key == code {
				return int(k.Line)
			}
		}
		return 0
	}
	return unknown[name]
}

// decoder fills model structs from one file's yaml.Node tree, recording
// every problem as a finding rather than stopping at the first.
type decoder struct {
	file       string
	types      typeCache
	w          *worker // for interning strings
	diags      diag.Collector
	aliasNodes int
	path       []seg // where the decoder is, for messages
	unknowns   int   // unknown fields reported, for the cap on findings
}

func (d *decoder) pos(n *yaml.Node) model.Pos {
	return model.Pos{File: d.file, Line: int32(n.Line), Col: int32(n.Column)}
}

func (d *decoder) errorf(n *yaml.Node, rule rules.ID, format string, args ...any) {
	report(&d.diags, d.pos(n), rule, format, args...)
}

// resolve follows aliases within the alias budget.
func (d *decoder) resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode {
		d.aliasNodes += countNodes(n.Alias, MaxAliasNodes+1)
		if d.aliasNodes > MaxAliasNodes {
			panic(errLimit{fmt.Sprintf("more than %d nodes reached through aliases (an alias bomb?)", MaxAliasNodes)})
		}
		n = n.Alias
	}
	return n
}

// follow follows aliases without counting them against the budget, for a
// node that has been resolved (and counted) once already.
func follow(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
}

// countNodes counts the nodes under n, stopping once past limit.
func countNodes(n *yaml.Node, limit int) int {
	count := 0
	stack := []*yaml.Node{n}
	for len(stack) > 0 && count <= limit {
		top := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		count++
		if top.Kind == yaml.AliasNode && top.Alias != nil {
			stack = append(stack, top.Alias)
		}
		stack = append(stack, top.Content...)
	}
	return count
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.Tag {
		case "!!int", "!!float":
			return "a number (" + n.Value + ")"
		case "!!bool":
			return "true/false"
		case "!!null":
			return "nothing"
		}
		return fmt.Sprintf("%q", n.Value)
	}
	return "something else"
}

// decode fills v (addressable) from n.
func (d *decoder) decode(n *yaml.Node, v reflect.Value, depth int) {
	if depth > MaxDepth {
		panic(errLimit{fmt.Sprintf("nested more than %d levels deep", MaxDepth)})
	}
	n = d.resolve(n)
	if isNull(n) {
		return
	}
	t := v.Type()
	switch layout.ScalarOf(t) {
	case layout.Date:
		d.decodeDate(n, v)
		return
	case layout.Period:
		d.decodePeriod(n, v)
		return
	case layout.Clock:
		d.decodeClock(n, v)
		return
	case layout.Ref:
		if s, ok := d.scalar(n, layout.Ref.Expected()); ok {
			set(v, model.Ref{ID: s, Pos: d.pos(n)})
		}
		return
	case layout.Range:
		d.decodeRange(n, v, depth)
		return
	case layout.Fraction:
		d.decodeFraction(n, v)
		return
	case layout.Venue:
		if n.Kind == yaml.ScalarNode {
			set(v, model.Venue{Loc: model.Loc{At: d.pos(n)}, Text: d.w.intern(n.Value)})
			return
		}
	}
	switch t.Kind() {
	case reflect.Pointer:
		nv := d.w.arena.New(t.Elem())
		before := len(d.diags.List)
		d.decode(n, nv.Elem(), depth)
		if len(d.diags.List) > before && nv.Elem().IsZero() {
			return // reported; an optional value that could not be read stays absent
		}
		v.Set(nv)
	case reflect.String:
		if s, ok := d.scalar(n, "text"); ok {
			v.SetString(s)
		}
	case reflect.Int:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!int" {
			d.errorf(n, rules.WrongType, "%s: expected a whole number, found %s", d.at(), kindName(n))
			return
		}
		i, err := strconv.ParseInt(n.Value, 0, 32)
		if errors.Is(err, strconv.ErrRange) && !strings.HasPrefix(n.Value, "-") {
			d.errorf(n, rules.WrongType, "%s: %s is too large a number (at most %d)", d.at(), n.Value, math.MaxInt32)
			return
		}
		if err != nil || i < 0 {
			d.errorf(n, rules.WrongType, "%s: expected a whole number from 0 up, found %s", d.at(), n.Value)
			return
		}
		v.SetInt(i)
	case reflect.Bool:
		if n.Kind != yaml.ScalarNode || n.Tag != "!!bool" {
			d.errorf(n, rules.WrongType, "%s: expected true or false, found %s", d.at(), kindName(n))
			return
		}
		// yaml tags only true and false (in any case) as !!bool, but an
		// explicit tag (!!bool yes) tags anything.
		b, err := strconv.ParseBool(n.Value)
		if err != nil {
			d.errorf(n, rules.WrongType, "%s: expected true or false, found %q", d.at(), n.Value)
			return
		}
		v.SetBool(b)
	case reflect.Slice:
		d.decodeSlice(n, v, depth)
	case reflect.Struct:
		d.decodeStruct(n, v, depth)
	default:
		panic(fmt.Sprintf("load: no decoder for %s", t))
	}
}

// scalar returns n's text, or reports wrong-type.
func (d *decoder) scalar(n *yaml.Node, want string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, rules.WrongType, "%s: expected %s, found %s", d.at(), want, kindName(n))
		return "", false
	}
	return d.w.intern(n.Value), true
}

func (d *decoder) decodeDate(n *yaml.Node, v reflect.Value) {
	s, ok := d.scalar(n, layout.Date.Expected())
	if !ok {
		return
	}
	dt, err := ParseDate(s)
	if err != nil {
		d.errorf(n, rules.BadDate, "%s: %v", d.at(), err)
		return
	}
	set(v, model.Date{Date: dt, Pos: d.pos(n)})
}

func (d *decoder) decodePeriod(n *yaml.Node, v reflect.Value) {
	s, ok := d.scalar(n, layout.Period.Expected())
	if !ok {
		return
	}
	p, err := ParsePeriod(s)
	if err != nil {
		d.errorf(n, rules.BadDate, "%s: %v", d.at(), err)
		return
	}
	set(v, model.Period{Period: p, Pos: d.pos(n)})
}

func (d *decoder) decodeClock(n *yaml.Node, v reflect.Value) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		d.errorf(n, rules.BadDate, "%s: expected a time as \"HH:MM\", found the number %s; quote the time, as in \"10:00\"", d.at(), n.Value)
		return
	}
	s, ok := d.scalar(n, layout.Clock.Expected())
	if !ok {
		return
	}
	m, err := ParseClock(s)
	if err != nil {
		d.errorf(n, rules.BadDate, "%s: %v", d.at(), err)
		return
	}
	set(v, model.Clock{Minutes: m, Valid: true, Pos: d.pos(n)})
}

// rangeMapping is a Range written as a mapping: its fields are
// layout.Range.Keys().
type rangeMapping struct {
	model.Loc
	Min int  `yaml:"min"`
	Max *int `yaml:"max"`
}

func (d *decoder) decodeRange(n *yaml.Node, v reflect.Value, depth int) {
	r := model.Range{Pos: d.pos(n)}
	switch n.Kind {
	case yaml.ScalarNode:
		var i int
		iv := reflect.ValueOf(&i).Elem()
		before := len(d.diags.List)
		d.decode(n, iv, depth+1)
		if len(d.diags.List) > before {
			return
		}
		r.Min, r.Max, r.HasMax = i, i, true
	case yaml.MappingNode:
		var mm rangeMapping
		d.decodeStruct(n, reflect.ValueOf(&mm).Elem(), depth)
		r.Min = mm.Min
		if mm.Max != nil {
			r.Max, r.HasMax = *mm.Max, true
			if r.Max < r.Min {
				d.errorf(n, rules.WrongType, "%s: max %d is less than min %d", d.at(), r.Max, r.Min)
				return
			}
		}
	default:
		d.errorf(n, rules.WrongType, "%s: expected a number or {min, max}, found %s", d.at(), kindName(n))
		return
	}
	set(v, r)
}

func (d *decoder) decodeFraction(n *yaml.Node, v reflect.Value) {
	s, ok := d.scalar(n, layout.Fraction.Expected())
	if !ok {
		return
	}
	m := reFrac().FindStringSubmatch(s)
	if m == nil {
		d.errorf(n, rules.WrongType, "%s: expected a fraction such as 1/2 or 2/3, found %q", d.at(), s)
		return
	}
	num, _ := strconv.Atoi(m[1])
	den, _ := strconv.Atoi(m[2])
	if den == 0 || num == 0 || num > den || den > 1000 {
		d.errorf(n, rules.WrongType, "%s: %q is not a share between 0 and 1", d.at(), s)
		return
	}
	set(v, model.Fraction{Num: num, Den: den, Pos: d.pos(n)})
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, depth int) {
	et := v.Type().Elem()
	if et.Kind() == reflect.Struct && d.types.info(et).key >= 0 {
		// Offices, meetings, rules and substitutes are named by their keys.
		if n.Kind != yaml.MappingNode {
			d.errorf(n, rules.WrongType, "%s: expected a mapping keyed by name, found %s", d.at(), kindName(n))
			return
		}
		d.decodeKeyed(n, v, depth)
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, rules.WrongType, "%s: expected a list, found %s", d.at(), kindName(n))
		return
	}
	// Items are decoded in place; an item that could not be read at all is
	// dropped by letting the next one take its slot.
	out := d.w.arena.MakeSlice(v.Type(), len(n.Content))
	k := 0
	for i, c := range n.Content {
		c = d.resolve(c)
		if isNull(c) {
			d.errorf(c, rules.WrongType, "%s: item %d is empty", d.at(), i+1)
			continue
		}
		ev := out.Index(k)
		before := len(d.diags.List)
		d.push("", i+1)
		d.decode(c, ev, depth+1)
		d.pop()
		if len(d.diags.List) > before && ev.IsZero() {
			continue // reported; nothing of the item could be read
		}
		k++
	}
	for j := k; j < out.Len(); j++ {
		out.Index(j).SetZero()
	}
	v.Set(out.Slice(0, k))
}

// decodeKeyed fills a slice of structs from a mapping whose keys name them
// (offices, meetings, rules, substitutes), in the file's order.
func (d *decoder) decodeKeyed(n *yaml.Node, v reflect.Value, depth int) {
	et := v.Type().Elem()
	si := d.types.info(et)
	out := d.w.arena.MakeSlice(v.Type(), len(n.Content)/2).Slice(0, 0)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := n.Content[i], d.resolve(n.Content[i+1])
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, rules.WrongType, "%s: expected a name as key, found %s", d.at(), kindName(k))
			continue
		}
		if first, dup := seen[k.Value]; dup {
			d.errorf(k, rules.DuplicateKey, "%s: key %q appears twice (first at line %d)", d.at(), k.Value, first.Line)
			continue
		}
		seen[k.Value] = k
		if si.keyID && !layout.IsID(k.Value) {
			// Kept, so that what names it is read as meant; the error
			// stops papers being written from it.
			d.errorf(k, rules.WrongType, "%s: %q is not a valid id: use letters, digits, '-', '_' and '.', starting and ending with a letter or digit", d.at(), k.Value)
		}
		ev := reflect.New(et).Elem()
		kf := ev.Field(si.key)
		if layout.ScalarOf(kf.Type()) == layout.Ref {
			set(kf, model.Ref{ID: d.w.intern(k.Value), Pos: d.pos(k)})
		} else {
			kf.SetString(d.w.intern(k.Value))
		}
		d.push(k.Value, 0)
		if si.value >= 0 {
			if si.loc >= 0 {
				set(ev.Field(si.loc), model.Loc{At: d.pos(k)})
			}
			fv := ev.Field(si.value)
			if isNull(val) {
				d.errorf(val, rules.MissingField, "%s: no value given", d.at())
				d.pop()
				continue // an entry without its value is left out
			}
			before := len(d.diags.List)
			d.decode(val, fv, depth+1)
			if len(d.diags.List) > before && fv.IsZero() {
				d.pop()
				continue
			}
			if len(si.valueEnm) > 0 {
				d.checkEnum(val, fv.String(), si.valueEnm)
			}
		} else {
			d.decode(val, ev, depth+1)
			if si.loc >= 0 {
				loc := ev.Field(si.loc).Addr().Interface().(*model.Loc)
				loc.At = d.pos(k)
			}
		}
		d.pop()
		out = reflect.Append(out, ev)
	}
	v.Set(out)
}

func (d *decoder) checkEnum(n *yaml.Node, s string, enum []string) bool {
	for _, e := range enum {
		if s == e {
			return true
		}
	}
	msg := fmt.Sprintf("%s: %q is not one of %s", d.at(), s, strings.Join(enum, ", "))
	if best := suggest.Nearest(s, enum); best != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", best)
	}
	d.errorf(n, rules.WrongType, "%s", msg)
	return false
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, depth int) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, rules.WrongType, "%s: expected a mapping of keys to values, found %s", d.where(), kindName(n))
		return
	}
	si := d.types.info(v.Type())
	loc := model.Loc{At: d.pos(n), Keys: d.w.arena.Keys(len(n.Content) / 2)}
	var unknown map[string]int // lines of keys the format does not define, for duplicates
	var reported uint64        // fields (by index) whose value was reported
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, val := d.resolve(n.Content[i]), n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.errorf(k, rules.WrongType, "%s: expected a key, found %s", d.where(), kindName(k))
			continue
		}
		name := k.Value
		if line := firstLine(loc.Keys, unknown, name, si); line > 0 {
			d.errorf(k, rules.DuplicateKey, "%s: key %q appears twice (first at line %d)", d.where(), name, line)
			continue
		}
		fi, ok := si.byName[name]
		if !ok {
			if unknown == nil {
				unknown = map[string]int{}
			}
			unknown[name] = k.Line
			d.unknownField(k, si)
			continue
		}
		f := si.fields[fi]
		loc.Keys = append(loc.Keys, model.KeyAt{Key: f.code, Line: int32(k.Line), Col: int32(k.Column)})
		d.push(name, 0)
		fv := v.Field(f.index)
		before := len(d.diags.List)
		d.decode(val, fv, depth+1)
		rv := follow(val) // decode has counted its alias already
		if fv.Kind() == reflect.String && fv.String() != "" {
			if len(f.enum) > 0 {
				d.checkEnum(rv, fv.String(), f.enum)
			}
			if f.format != "" {
				if err := layout.CheckText(f.format, fv.String()); err != nil {
					d.errorf(rv, rules.WrongType, "%s: %v", d.at(), err)
					fv.SetString("")
				}
			}
			switch {
			case f.isID && escapes(fv.String()):
				d.errorf(rv, rules.UnsafePath, "%s: %q would lead outside the repository as a path; it is not used (an id uses letters, digits, '-', '_' and '.')", d.at(), fv.String())
				fv.SetString("")
			case f.isID && !layout.IsID(fv.String()):
				d.errorf(rv, rules.WrongType, "%s: %q is not a valid id: use letters, digits, '-', '_' and '.', starting and ending with a letter or digit", d.at(), fv.String())
			}
		}
		if f.bounds != nil && len(d.diags.List) == before && !isNull(rv) {
			d.checkBounds(rv, fv, f.bounds)
		}
		d.pop()
		if len(d.diags.List) > before && fi < 64 {
			reported |= 1 << fi
		}
	}
	for fi, f := range si.fields {
		if !f.required || (fi < 64 && reported&(1<<fi) != 0) {
			continue // a value that was given but could not be used is reported already
		}
		if slices.ContainsFunc(f.unless, loc.Has) {
			continue // a private decision's text is in the private file
		}
		if !loc.Has(f.name) || v.Field(f.index).IsZero() {
			at := n
			if loc.Has(f.name) {
				p := loc.KeyPos(f.name)
				report(&d.diags, p, rules.MissingField, "%s: %q has no value", d.where(), f.name)
				continue
			}
			d.errorf(at, rules.MissingField, "%s: required field %q is missing", d.where(), f.name)
		}
	}
	if si.loc >= 0 {
		set(v.Field(si.loc), loc)
	}
}

func (d *decoder) unknownField(k *yaml.Node, si *structInfo) {
	if d.unknowns++; d.unknowns > diag.PerFile {
		// Not listed (diag.Cap counts it): no suggestion to work out.
		d.errorf(k, rules.UnknownField, "unknown field %q", k.Value)
		return
	}
	names := make([]string, 0, len(si.fields))
	for _, f := range si.fields {
		names = append(names, f.name)
	}
	where := d.at()
	if where == "" {
		where = "the file"
	}
	msg := fmt.Sprintf("unknown field %q in %s", k.Value, where)
	if k.Value == "<<" {
		msg = fmt.Sprintf("merge keys (<<) are not supported in %s", where)
	} else if best := suggest.Nearest(k.Value, names); best != "" {
		msg += fmt.Sprintf(" (did you mean %q?)", best)
	} else if len(names) > 0 {
		msg += "; known fields: " + strings.Join(names, ", ")
	}
	d.errorf(k, rules.UnknownField, "%s", msg)
}

// escapes reports whether s, taken as a relative path, would lead outside
// the folder it is joined to: absolute, or with a ".." part.
func escapes(s string) bool {
	if strings.HasPrefix(s, "/") || strings.HasPrefix(s, `\`) {
		return true
	}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == '/' || r == '\\' }) {
		if part == ".." {
			return true
		}
	}
	return false
}

// set stores x in v (addressable, of type T) without boxing x in an
// interface, as reflect.Value.Set(reflect.ValueOf(x)) would.
func set[T any](v reflect.Value, x T) {
	*(v.Addr().Interface().(*T)) = x
}

// ParseDate parses a YYYY-MM-DD calendar date, rejecting impossible ones
// and those before layout.FirstYear (four digits allow none after
// layout.LastYear).
func ParseDate(s string) (date.Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		if y, _, ok := strings.Cut(strings.TrimLeft(s, "+-"), "-"); ok && len(y) > 4 && digits(y) || strings.HasPrefix(s, "-") && len(s) > 1 && digits(s[1:2]) {
			return date.Date{}, fmt.Errorf("%q is not a date govctl accepts: the year must be from %d to %d", s, layout.FirstYear, layout.LastYear)
		}
		return date.Date{}, fmt.Errorf("%q is not a date: expected YYYY-MM-DD", s)
	}
	y, m, d := atoi(s[:4]), atoi(s[5:7]), atoi(s[8:])
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, time.Month(m)) {
		return date.Date{}, fmt.Errorf("%q is not a real calendar date", s)
	}
	if y < layout.FirstYear {
		// A date govctl works out from it (a deadline a year before) would
		// not be written in four digits; and it is a mistake (0226 for 2026).
		return date.Date{}, fmt.Errorf("%q is not a date govctl accepts: the year must be from %d to %d", s, layout.FirstYear, layout.LastYear)
	}
	return date.New(y, time.Month(m), d), nil
}

func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0
}

// atoi reads a string of ASCII digits (checked by digits).
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// ParsePeriod parses a positive ISO 8601 period.
func ParsePeriod(s string) (period.Period, error) {
	if s == "" || (s[0] != 'P' && s[0] != 'p') {
		return period.Period{}, fmt.Errorf("%q is not an ISO 8601 period: expected something like P1M, P6W, P2Y, PT2H", s)
	}
	p, err := period.Parse(s, false)
	if err != nil {
		return period.Period{}, fmt.Errorf("%q is not an ISO 8601 period: expected something like P1M, P6W, P2Y, PT2H", s)
	}
	// Fractions (P1.5M) and seconds (PT30S) parse, but the format counts
	// whole years, months, weeks, days, hours and minutes: the scheduler
	// would read P1.5M as P1M and the rules as about 45 days.
	if strings.ContainsAny(s, ".,") || strings.ContainsRune(s, 'S') {
		return period.Period{}, fmt.Errorf("%q is not a period of whole years, months, weeks, days, hours or minutes", s)
	}
	if !p.IsPositive() {
		return period.Period{}, fmt.Errorf("%q is not a positive period", s)
	}
	if p.TotalDaysApprox() > 100*366 {
		return period.Period{}, fmt.Errorf("%q is longer than a hundred years", s)
	}
	return p, nil
}

// ParseClock parses HH:MM into minutes since midnight.
func ParseClock(s string) (int, error) {
	if len(s) != 5 || s[2] != ':' || !digits(s[:2]) || !digits(s[3:]) {
		return 0, fmt.Errorf("%q is not a time: expected HH:MM, as in \"09:30\"", s)
	}
	h, mi := atoi(s[:2]), atoi(s[3:])
	if h > 23 || mi > 59 {
		return 0, fmt.Errorf("%q is not a time of day: hours run 00 to 23 and minutes 00 to 59", s)
	}
	return h*60 + mi, nil
}
