package render

import (
	"fmt"
	"reflect"
	"strconv"
	"text/template"
	"text/template/parse"
)

// A program is a template compiled, once, into Go closures for the one type
// of data it is executed on. It writes what text/template writes for the
// same template and data, byte for byte (TestCompiledAsInterpreted renders
// every page both ways), without text/template's cost at each step: fields
// are found by their index when the template is compiled instead of by name
// on every use, and functions are called directly instead of through
// reflect.Value.Call. generate --check renders a page for every meeting of a
// repository, a hundred thousand of them at a thousand bodies, and that
// cost was most of its time.
//
// It knows what govctl's templates use: text, actions printing a string or
// an int, if, else if, range over a slice (with $i and $x declared), with,
// template (compiled inline),
// fields and variables, string and number constants, the functions of the
// FuncMap whose signatures funcCall lists, and the builtins len, eq, gt,
// not and or. A template using anything else does not compile
// (compile's error), and is executed by text/template instead.
type program func(dst []byte, data any) ([]byte, error)

// (data is of the type the template is compiled for, or a pointer to it.)

// state is one execution: the output and the variables' values.
type state struct {
	buf  []byte
	vars []reflect.Value
}

// runError is an error in execution (a nil pointer reached through a
// field): run panics with it and recovers it.
type runError struct{ err error }

type exec func(s *state, dot reflect.Value)

// value is a compiled expression: its type, known when compiled (nil for
// or's, whose type is its chosen argument's), and how to evaluate it.
// str and num are set when typ is string or int, and evaluate it without
// boxing it in a reflect.Value.
type value struct {
	typ   reflect.Type
	any   func(s *state, dot reflect.Value) reflect.Value
	str   func(s *state, dot reflect.Value) string
	num   func(s *state, dot reflect.Value) int
	truth func(s *state, dot reflect.Value) bool
}

var (
	stringType  = reflect.TypeFor[string]()
	intType     = reflect.TypeFor[int]()
	boolType    = reflect.TypeFor[bool]()
	stringsType = reflect.TypeFor[[]string]()
)

// complete fills in what v's evaluators leave out.
func complete(v value) value {
	switch {
	case v.any != nil:
	case v.str != nil:
		str := v.str
		v.any = func(s *state, dot reflect.Value) reflect.Value { return reflect.ValueOf(str(s, dot)) }
	case v.num != nil:
		num := v.num
		v.any = func(s *state, dot reflect.Value) reflect.Value { return reflect.ValueOf(num(s, dot)) }
	}
	if v.typ == stringType && v.str == nil {
		get := v.any
		v.str = func(s *state, dot reflect.Value) string { return get(s, dot).String() }
	}
	if v.typ == intType && v.num == nil {
		get := v.any
		v.num = func(s *state, dot reflect.Value) int { return int(get(s, dot).Int()) }
	}
	if v.truth == nil {
		switch {
		case v.str != nil:
			str := v.str
			v.truth = func(s *state, dot reflect.Value) bool { return str(s, dot) != "" }
		case v.num != nil:
			num := v.num
			v.truth = func(s *state, dot reflect.Value) bool { return num(s, dot) != 0 }
		default:
			get := v.any
			v.truth = func(s *state, dot reflect.Value) bool { return truth(get(s, dot)) }
		}
	}
	return v
}

// truth is text/template's truth of a value (template.IsTrue): false for
// a zero number, false, an empty string, slice, array or map, a nil
// pointer or interface, and no value.
func truth(v reflect.Value) bool {
	if !v.IsValid() {
		return false
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0
	case reflect.Bool:
		return v.Bool()
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer, reflect.Interface:
		return !v.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0
	}
	return true // a struct
}

// compiler compiles one template.
type compiler struct {
	tmpl  *template.Template // for the templates {{template}} names
	depth int                // of {{template}} calls being compiled
	name  string
	funcs template.FuncMap
	vars  []variable // in scope, innermost last
	slots int
}

type variable struct {
	name string
	slot int
	typ  reflect.Type
}

// compile compiles template t of set for data of type typ.
func compile(t *template.Template, funcs template.FuncMap, typ reflect.Type) (program, error) {
	if t == nil || t.Tree == nil {
		return nil, fmt.Errorf("no template")
	}
	c := &compiler{tmpl: t, name: t.Name(), funcs: funcs, vars: []variable{{"$", 0, typ}}, slots: 1}
	body, err := c.list(t.Tree.Root, typ)
	if err != nil {
		return nil, err
	}
	slots, size := c.slots, len(t.Tree.Root.String())
	return func(dst []byte, data any) (out []byte, err error) {
		dot := reflect.ValueOf(data)
		if dot.Kind() == reflect.Pointer && dot.Type().Elem() == typ && !dot.IsNil() {
			dot = dot.Elem() // a pointer to the data, boxed without a copy
		}
		if dot.Type() != typ {
			return nil, fmt.Errorf("%s: compiled for %v, given %v", t.Name(), typ, dot.Type())
		}
		if dst == nil {
			dst = make([]byte, 0, size)
		}
		s := &state{buf: dst, vars: make([]reflect.Value, slots)}
		s.vars[0] = dot
		defer func() {
			if r := recover(); r != nil {
				re, ok := r.(runError)
				if !ok {
					panic(r)
				}
				out, err = nil, re.err
			}
		}()
		body(s, dot)
		return s.buf, nil
	}, nil
}

func (c *compiler) errorf(n parse.Node, format string, args ...any) error {
	return fmt.Errorf("%s:%d: %s", c.name, n.Position(), fmt.Sprintf(format, args...))
}

func (c *compiler) list(l *parse.ListNode, dot reflect.Type) (exec, error) {
	if l == nil {
		return func(*state, reflect.Value) {}, nil
	}
	var execs []exec
	for _, n := range l.Nodes {
		e, err := c.node(n, dot)
		if err != nil {
			return nil, err
		}
		if e != nil {
			execs = append(execs, e)
		}
	}
	if len(execs) == 1 {
		return execs[0], nil
	}
	return func(s *state, d reflect.Value) {
		for _, e := range execs {
			e(s, d)
		}
	}, nil
}

func (c *compiler) node(n parse.Node, dot reflect.Type) (exec, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := string(n.Text)
		return func(s *state, _ reflect.Value) { s.buf = append(s.buf, text...) }, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		if len(n.Pipe.Decl) > 0 {
			return nil, c.errorf(n, "a variable declared outside range")
		}
		v, err := c.pipe(n.Pipe, dot)
		if err != nil {
			return nil, err
		}
		switch {
		case v.typ == stringType:
			str := v.str
			return func(s *state, d reflect.Value) { s.buf = append(s.buf, str(s, d)...) }, nil
		case v.typ == intType:
			num := v.num
			return func(s *state, d reflect.Value) { s.buf = strconv.AppendInt(s.buf, int64(num(s, d)), 10) }, nil
		}
		return nil, c.errorf(n, "printing a %v", v.typ)
	case *parse.IfNode:
		cond, err := c.pipe(n.Pipe, dot)
		if err != nil {
			return nil, err
		}
		yes, err := c.list(n.List, dot)
		if err != nil {
			return nil, err
		}
		no, err := c.list(n.ElseList, dot)
		if err != nil {
			return nil, err
		}
		ok := cond.truth
		return func(s *state, d reflect.Value) {
			if ok(s, d) {
				yes(s, d)
			} else {
				no(s, d)
			}
		}, nil
	case *parse.WithNode:
		v, err := c.pipe(n.Pipe, dot)
		if err != nil {
			return nil, err
		}
		if v.typ == nil {
			return nil, c.errorf(n, "with of a value of unknown type")
		}
		yes, err := c.list(n.List, v.typ)
		if err != nil {
			return nil, err
		}
		no, err := c.list(n.ElseList, dot)
		if err != nil {
			return nil, err
		}
		get := v.any
		return func(s *state, d reflect.Value) {
			if x := get(s, d); truth(x) {
				yes(s, x)
			} else {
				no(s, d)
			}
		}, nil
	case *parse.RangeNode:
		return c.rangeNode(n, dot)
	case *parse.TemplateNode:
		return c.templateNode(n, dot)
	}
	return nil, c.errorf(n, "%T is not compiled", n)
}

func (c *compiler) rangeNode(n *parse.RangeNode, dot reflect.Type) (exec, error) {
	decl := n.Pipe.Decl
	if len(decl) > 2 || n.Pipe.IsAssign {
		return nil, c.errorf(n, "range declaring %d variables", len(decl))
	}
	pipe := *n.Pipe
	pipe.Decl = nil
	v, err := c.pipe(&pipe, dot)
	if err != nil {
		return nil, err
	}
	if v.typ == nil || v.typ.Kind() != reflect.Slice && v.typ.Kind() != reflect.Array {
		return nil, c.errorf(n, "range over %v", v.typ)
	}
	elem := v.typ.Elem()
	outer := len(c.vars)
	index, item := -1, -1
	switch len(decl) {
	case 1:
		item = c.declare(decl[0].Ident[0], elem)
	case 2:
		index = c.declare(decl[0].Ident[0], intType)
		item = c.declare(decl[1].Ident[0], elem)
	}
	body, err := c.list(n.List, elem)
	c.vars = c.vars[:outer]
	if err != nil {
		return nil, err
	}
	none, err := c.list(n.ElseList, dot)
	if err != nil {
		return nil, err
	}
	get := v.any
	return func(s *state, d reflect.Value) {
		x := get(s, d)
		if x.Len() == 0 {
			none(s, d)
			return
		}
		for i := range x.Len() {
			e := x.Index(i)
			if index >= 0 {
				s.vars[index] = reflect.ValueOf(i)
			}
			if item >= 0 {
				s.vars[item] = e
			}
			body(s, e)
		}
	}, nil
}

// templateNode compiles {{template "name" pipeline}} inline: the named
// template's body, with the pipeline's value as its dot and its $, and none
// of the caller's variables in scope.
func (c *compiler) templateNode(n *parse.TemplateNode, dot reflect.Type) (exec, error) {
	called := c.tmpl.Lookup(n.Name)
	if called == nil || called.Tree == nil {
		return nil, c.errorf(n, "no template %q", n.Name)
	}
	if c.depth >= 8 {
		return nil, c.errorf(n, "templates called %d deep", c.depth)
	}
	var v value
	if n.Pipe != nil {
		var err error
		if v, err = c.pipe(n.Pipe, dot); err != nil {
			return nil, err
		}
	}
	if v.typ == nil {
		return nil, c.errorf(n, "template %q called with a value of unknown type", n.Name)
	}
	outer := c.vars
	c.vars = nil
	self := c.declare("$", v.typ)
	c.depth++
	body, err := c.list(called.Tree.Root, v.typ)
	c.depth--
	c.vars = outer
	if err != nil {
		return nil, err
	}
	get := v.any
	return func(s *state, d reflect.Value) {
		x := get(s, d)
		s.vars[self] = x
		body(s, x)
	}, nil
}

func (c *compiler) declare(name string, typ reflect.Type) int {
	slot := c.slots
	c.slots++
	c.vars = append(c.vars, variable{name, slot, typ})
	return slot
}

func (c *compiler) pipe(p *parse.PipeNode, dot reflect.Type) (value, error) {
	if len(p.Decl) > 0 {
		return value{}, c.errorf(p, "a variable declared in a pipeline")
	}
	if len(p.Cmds) != 1 {
		return value{}, c.errorf(p, "a pipeline of %d commands", len(p.Cmds))
	}
	cmd := p.Cmds[0]
	if id, ok := cmd.Args[0].(*parse.IdentifierNode); ok {
		return c.call(cmd, id.Ident, cmd.Args[1:], dot)
	}
	if len(cmd.Args) > 1 {
		return value{}, c.errorf(cmd, "arguments to a value")
	}
	return c.arg(cmd.Args[0], dot)
}

func (c *compiler) arg(n parse.Node, dot reflect.Type) (value, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return c.fields(n, value{typ: dot, any: func(_ *state, d reflect.Value) reflect.Value { return d }}, nil)
	case *parse.FieldNode:
		return c.fields(n, value{typ: dot, any: func(_ *state, d reflect.Value) reflect.Value { return d }}, n.Ident)
	case *parse.VariableNode:
		for i := len(c.vars) - 1; i >= 0; i-- {
			if v := c.vars[i]; v.name == n.Ident[0] {
				slot := v.slot
				return c.fields(n, value{typ: v.typ, any: func(s *state, _ reflect.Value) reflect.Value { return s.vars[slot] }}, n.Ident[1:])
			}
		}
		return value{}, c.errorf(n, "undefined variable %s", n.Ident[0])
	case *parse.PipeNode:
		return c.pipe(n, dot)
	case *parse.StringNode:
		text := n.Text
		return complete(value{typ: stringType, str: func(*state, reflect.Value) string { return text }}), nil
	case *parse.NumberNode:
		if !n.IsInt || int64(int(n.Int64)) != n.Int64 {
			return value{}, c.errorf(n, "the number %s", n.Text)
		}
		i := int(n.Int64)
		return complete(value{typ: intType, num: func(*state, reflect.Value) int { return i }}), nil
	case *parse.BoolNode:
		b := n.True
		return complete(value{typ: boolType, truth: func(*state, reflect.Value) bool { return b }, any: func(*state, reflect.Value) reflect.Value { return reflect.ValueOf(b) }}), nil
	}
	return value{}, c.errorf(n, "%T is not compiled", n)
}

// fields is the value of names, fields of fields, from base.
func (c *compiler) fields(n parse.Node, base value, names []string) (value, error) {
	type step struct {
		deref bool
		index []int
		name  string
	}
	var steps []step
	typ := base.typ
	for _, name := range names {
		st := step{name: name}
		if typ.Kind() == reflect.Pointer {
			st.deref, typ = true, typ.Elem()
		}
		if typ.Kind() != reflect.Struct {
			return value{}, c.errorf(n, "field %s of a %v", name, typ)
		}
		if _, ok := reflect.PointerTo(typ).MethodByName(name); ok {
			return value{}, c.errorf(n, "%s is a method of %v", name, typ)
		}
		f, ok := typ.FieldByName(name)
		if !ok || !f.IsExported() {
			return value{}, c.errorf(n, "%v has no field %s", typ, name)
		}
		// An embedded pointer on the way would need a check of its own.
		for i := 1; i < len(f.Index); i++ {
			if typ.FieldByIndex(f.Index[:i]).Type.Kind() == reflect.Pointer {
				return value{}, c.errorf(n, "%s is reached through a pointer", name)
			}
		}
		st.index = f.Index
		steps = append(steps, st)
		typ = f.Type
	}
	if len(steps) == 0 {
		return complete(base), nil
	}
	get := base.any
	v := value{typ: typ, any: func(s *state, d reflect.Value) reflect.Value {
		x := get(s, d)
		for _, st := range steps {
			if st.deref {
				if x.IsNil() {
					panic(runError{fmt.Errorf("nil pointer evaluating %s", st.name)})
				}
				x = x.Elem()
			}
			if len(st.index) == 1 {
				x = x.Field(st.index[0])
			} else {
				x = x.FieldByIndex(st.index)
			}
		}
		return x
	}}
	return complete(v), nil
}

// call compiles a call of function name with args.
func (c *compiler) call(n parse.Node, name string, args []parse.Node, dot reflect.Type) (value, error) {
	vals := make([]value, len(args))
	for i, a := range args {
		v, err := c.arg(a, dot)
		if err != nil {
			return value{}, err
		}
		vals[i] = v
	}
	want := func(types ...reflect.Type) error {
		if len(vals) != len(types) {
			return c.errorf(n, "%s takes %d arguments, given %d", name, len(types), len(vals))
		}
		for i, t := range types {
			if vals[i].typ != t {
				return c.errorf(n, "%s's argument %d is a %v, given a %v", name, i+1, t, vals[i].typ)
			}
		}
		return nil
	}
	if fn, ok := c.funcs[name]; ok {
		return c.funcCall(n, name, fn, vals, want)
	}
	switch name {
	case "len":
		if len(vals) != 1 || vals[0].typ == nil {
			return value{}, c.errorf(n, "len of %d arguments", len(vals))
		}
		switch vals[0].typ.Kind() {
		case reflect.Slice, reflect.Array, reflect.String, reflect.Map:
		default:
			return value{}, c.errorf(n, "len of a %v", vals[0].typ)
		}
		get := vals[0].any
		return complete(value{typ: intType, num: func(s *state, d reflect.Value) int { return get(s, d).Len() }}), nil
	case "not":
		if len(vals) != 1 {
			return value{}, c.errorf(n, "not of %d arguments", len(vals))
		}
		t := vals[0].truth
		return boolean(func(s *state, d reflect.Value) bool { return !t(s, d) }), nil
	case "or":
		if len(vals) == 0 {
			return value{}, c.errorf(n, "or of nothing")
		}
		// The first true argument, or the last; only as far as needed.
		return complete(value{
			any: func(s *state, d reflect.Value) reflect.Value {
				for _, v := range vals[:len(vals)-1] {
					if x := v.any(s, d); truth(x) {
						return x
					}
				}
				return vals[len(vals)-1].any(s, d)
			},
			truth: func(s *state, d reflect.Value) bool {
				for _, v := range vals {
					if v.truth(s, d) {
						return true
					}
				}
				return false
			},
		}), nil
	case "eq", "gt":
		if len(vals) != 2 {
			return value{}, c.errorf(n, "%s of %d arguments", name, len(vals))
		}
		a, b := vals[0], vals[1]
		switch {
		case a.typ == stringType && b.typ == stringType && name == "eq":
			return boolean(func(s *state, d reflect.Value) bool { return a.str(s, d) == b.str(s, d) }), nil
		case a.typ == intType && b.typ == intType && name == "eq":
			return boolean(func(s *state, d reflect.Value) bool { return a.num(s, d) == b.num(s, d) }), nil
		case a.typ == stringType && b.typ == stringType:
			return boolean(func(s *state, d reflect.Value) bool { return a.str(s, d) > b.str(s, d) }), nil
		case a.typ == intType && b.typ == intType:
			return boolean(func(s *state, d reflect.Value) bool { return a.num(s, d) > b.num(s, d) }), nil
		}
		return value{}, c.errorf(n, "%s of a %v and a %v", name, a.typ, b.typ)
	}
	return value{}, c.errorf(n, "the function %s", name)
}

func boolean(f func(s *state, d reflect.Value) bool) value {
	return value{typ: boolType, truth: f, any: func(s *state, d reflect.Value) reflect.Value { return reflect.ValueOf(f(s, d)) }}
}

// funcCall compiles a call of fn, one of the FuncMap's functions, with
// vals: its signature must be one of those below, the arguments' types
// exactly its parameters'.
func (c *compiler) funcCall(n parse.Node, name string, fn any, vals []value, want func(...reflect.Type) error) (value, error) {
	str := func(f func(s *state, d reflect.Value) string) (value, error) {
		return complete(value{typ: stringType, str: f}), nil
	}
	switch f := fn.(type) {
	case func() string:
		if err := want(); err != nil {
			return value{}, err
		}
		return str(func(*state, reflect.Value) string { return f() })
	case func(string) string:
		if err := want(stringType); err != nil {
			return value{}, err
		}
		a := vals[0].str
		return str(func(s *state, d reflect.Value) string { return f(a(s, d)) })
	case func(int) string:
		if err := want(intType); err != nil {
			return value{}, err
		}
		a := vals[0].num
		return str(func(s *state, d reflect.Value) string { return f(a(s, d)) })
	case func(int, string) string:
		if err := want(intType, stringType); err != nil {
			return value{}, err
		}
		a, b := vals[0].num, vals[1].str
		return str(func(s *state, d reflect.Value) string { return f(a(s, d), b(s, d)) })
	case func([]string) string:
		if err := want(stringsType); err != nil {
			return value{}, err
		}
		a := vals[0].any
		return str(func(s *state, d reflect.Value) string { return f(a(s, d).Interface().([]string)) })
	case func([]string, string) string:
		if err := want(stringsType, stringType); err != nil {
			return value{}, err
		}
		a, b := vals[0].any, vals[1].str
		return str(func(s *state, d reflect.Value) string { return f(a(s, d).Interface().([]string), b(s, d)) })
	case func(int) int:
		if err := want(intType); err != nil {
			return value{}, err
		}
		a := vals[0].num
		return complete(value{typ: intType, num: func(s *state, d reflect.Value) int { return f(a(s, d)) }}), nil
	}
	return value{}, c.errorf(n, "the function %s, a %T", name, fn)
}
