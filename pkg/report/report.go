// Package report builds govctl's reports from a loaded repository: the work
// programme across networks, the attendance of a network's members, and the
// overview of every body. Each report is plain data with a stable JSON shape,
// and renders as markdown; nothing here does I/O or reads the clock.
package report

import (
	"strings"

	"github.com/govctl/govctl/pkg/model"
)

// dateString is the date as YYYY-MM-DD, or "" when not given.
func dateString(d model.Date) string {
	if !d.Set() {
		return ""
	}
	return d.String()
}

// oneLine flattens text for a single table cell or tab-separated field.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}
