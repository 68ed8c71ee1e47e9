package record_test

import (
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/layout"
	"github.com/govctl/govctl/pkg/record"
)

func TestSetItemPaper(t *testing.T) {
	data := edited[:strings.Index(edited, "local_note")] + `  - title: Cloud  backup contract award # tendered in June
    private: Commercially confidential
  - {title: Staffing, private: "Schedule 12A, paragraph 1"}
local_note: keep me
`
	out, err := record.SetItemPaper([]byte(data), "cloud backup contract award", "../papers/private/2026-12-08-bids.pdf.age")
	if err != nil {
		t.Fatal(err)
	}
	got := canonical(t, out, layout.Meeting.Type(), append(editedComments, "# tendered in June")...)
	agenda := got["agenda"].([]any)
	if p := agenda[1].(map[string]any)["paper"]; p != "../papers/private/2026-12-08-bids.pdf.age" {
		t.Errorf("paper = %v", p)
	}
	if p := agenda[0].(map[string]any)["paper"]; p != "papers/budget.pdf" {
		t.Errorf("another item's paper changed: %v", p)
	}
	if got["local_note"] != "keep me" {
		t.Errorf("a key govctl does not know is lost: %v", got)
	}

	out, err = record.SetItemPaper([]byte(data), "Staffing", "../papers/private/2026-12-08-post.pdf.age")
	if err != nil {
		t.Fatal(err)
	}
	if p := canonical(t, out, layout.Meeting.Type())["agenda"].([]any)[2].(map[string]any)["paper"]; p != "../papers/private/2026-12-08-post.pdf.age" {
		t.Errorf("a flow item: paper = %v", p)
	}

	if _, err := record.SetItemPaper([]byte(data), "Pensions", "x.age"); err == nil || !strings.Contains(err.Error(), `no agenda item "Pensions"`) {
		t.Errorf("an unknown item: err = %v", err)
	}
	if _, err := record.SetItemPaper([]byte("date: 2026-12-08\n"), "Budget", "x.age"); err == nil {
		t.Error("a record with no agenda: no error")
	}
}
