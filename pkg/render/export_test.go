package render

import (
	"reflect"

	"github.com/govctl/govctl/pkg/model"
	"github.com/govctl/govctl/pkg/report"
)

// Interpret renders template name with data by text/template, as execute
// did before templates were compiled.
var Interpret = interpret

// Tidy is tidy.
var Tidy = tidy

// Compiled reports whether template name is compiled.
func Compiled(name string) (bool, error) {
	ps, err := pages()
	if err != nil {
		return false, err
	}
	_, ok := ps.compiled[name]
	return ok, nil
}

// Compile compiles template name, or says why it cannot be.
func Compile(name string) error {
	ps, err := pages()
	if err != nil {
		return err
	}
	_, err = compile(ps.set.Lookup(name), funcs(), reflect.TypeOf(pageData[name]))
	return err
}

// Views are the data of each page.
func MinutesData(in Inputs, m *model.Meeting) any { return buildMinutes(in, m) }
func AgendaData(in Inputs, m *model.Meeting) any  { return buildAgenda(in, m) }
func NetworkData(in Inputs, asOf model.Date, hasAgenda func(*model.Meeting) bool) any {
	return buildNetwork(in, asOf, hasAgenda)
}

func RegisterData(in Inputs) any { return buildRegister(in) }

func IndexData(rows []report.NetworkRow, asOf model.Date) any { return buildIndex(rows, asOf) }

// Execute renders template name with data as the package does.
var Execute = execute
