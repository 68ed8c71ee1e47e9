package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"

	"github.com/govctl/govctl/pkg/report"
)

// evil is a name a pull request may give a body, a member or an item.
const evil = "Evil <script>alert(1)</script> | [x](javascript:alert(1))\n# heading \x1b[2J"

// checkReport renders a report's markdown as GitHub would (raw HTML let
// through, to see any) and fails on markup other than allowed, on a
// heading count other than headings, on a table row that lost its columns
// and on a control character.
func checkReport(t *testing.T, what string, src []byte, headings int, allowed ...string) {
	t.Helper()
	var b bytes.Buffer
	md := goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	if err := md.Convert(src, &b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, tag := range regexp.MustCompile(`</?([a-zA-Z0-9]+)`).FindAllStringSubmatch(out, -1) {
		if !strings.Contains(" "+strings.Join(allowed, " ")+" ", " "+tag[1]+" ") {
			t.Errorf("%s: markup <%s>:\n%s\nfrom\n%s", what, tag[1], out, src)
		}
	}
	if n := len(regexp.MustCompile(`<h[1-6]>`).FindAllString(out, -1)); n != headings {
		t.Errorf("%s: %d headings, want %d:\n%s", what, n, headings, out)
	}
	if strings.ContainsAny(string(src), "\x1b\r") {
		t.Errorf("%s: a control character in\n%q", what, src)
	}
	// Every row of a table has its header's cells: pipes no backslash
	// escapes.
	pipes := regexp.MustCompile(`(^|[^\\])\|`)
	header := 0
	for _, l := range strings.Split(string(src), "\n") {
		switch {
		case !strings.HasPrefix(l, "|"):
			header = 0
		case header == 0:
			header = len(pipes.FindAllString(l, -1))
		case len(pipes.FindAllString(l, -1)) != header:
			t.Errorf("%s: the row %q does not have its header's %d cells", what, l, header-1)
		}
	}
}

func TestReportsEscapeNames(t *testing.T) {
	att := report.AttendanceReport{Network: evil, Name: evil, By: report.ByMember,
		Meetings: []report.MeetingRef{{Date: "2026-11-17", Kind: evil}},
		Rows:     []report.AttendanceRow{{ID: "a", Name: evil, OrganisationName: evil, Expected: 1, Present: 1}}}
	checkReport(t, "attendance", att.Markdown(), 1, "h1", "p", "table", "thead", "tbody", "tr", "th", "td", "br")
	// The heading holds the whole name, on its one line.
	if src := string(att.Markdown()); !strings.Contains(src, "# Attendance: Evil \\<script\\>alert(1)\\</script\\> \\| \\[x\\](javascript:alert(1)) # heading \uFFFD\\[2J\n") {
		t.Errorf("attendance: the heading does not hold the name:\n%s", src)
	}
	wp := report.WorkProgrammeReport{AsOf: "2026-11-23",
		Items:   []report.WorkItem{{Network: evil, ID: "wp-1", Title: evil, Lead: evil, Status: "on-track", LatestUpdate: evil, LatestUpdateDate: "2026-11-10"}},
		Summary: []report.StatusSummary{{Network: evil, Name: evil, Total: 1}},
		Without: []string{evil}}
	checkReport(t, "work programme", wp.Markdown(), 3, "h1", "h2", "p", "table", "thead", "tbody", "tr", "th", "td", "br", "strong")
}
