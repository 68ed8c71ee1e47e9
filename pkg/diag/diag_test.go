package diag

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/model"
)

func at(file string, line int, rule string) Diagnostic {
	return Diagnostic{Pos: model.Pos{File: file, Line: int32(line), Col: 1}, Severity: Error, Rule: rule, Message: fmt.Sprintf("m%d", line)}
}

// TestCap lists n findings of a rule in a file, counts the rest on the last
// one listed, and leaves other rules and files alone.
func TestCap(t *testing.T) {
	var ds []Diagnostic
	for i := 1; i <= 7; i++ {
		ds = append(ds, at("a.yaml", i, "unknown-field"))
	}
	ds = append(ds, at("a.yaml", 8, "bad-date"), at("b.yaml", 1, "unknown-field"))
	got := Cap(Sort(ds), 3)
	if len(got) != 5 {
		t.Fatalf("Cap kept %d findings, want 5: %v", len(got), got)
	}
	if got[2].More != 4 || got[2].Pos.Line != 3 {
		t.Errorf("the third unknown-field of a.yaml should count 4 more, got %+v", got[2])
	}
	for i, d := range got {
		if i != 2 && d.More != 0 {
			t.Errorf("%v counts %d more", d, d.More)
		}
	}
	if e, _ := Count(got); e != 9 {
		t.Errorf("Count = %d errors, want all 9", e)
	}
	var text bytes.Buffer
	if err := Write(&text, "text", got); err != nil {
		t.Fatal(err)
	}
	if want := "a.yaml: and 4 more errors of rule unknown-field in this file, not listed"; !strings.Contains(text.String(), want) {
		t.Errorf("text output lacks %q:\n%s", want, text.String())
	}
	if !strings.HasSuffix(text.String(), "9 errors, 0 warnings\n") {
		t.Errorf("text output should end with the full count:\n%s", text.String())
	}
}

// TestCapUnder leaves a list within the cap as it is.
func TestCapUnder(t *testing.T) {
	ds := []Diagnostic{at("a.yaml", 1, "r"), at("a.yaml", 2, "r")}
	if got := Cap(ds, 2); len(got) != 2 || got[1].More != 0 {
		t.Errorf("Cap changed a list within the cap: %+v", got)
	}
}
