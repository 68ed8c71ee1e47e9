package remind_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/govctl/govctl/pkg/cmdutil/cmdtest"
	"github.com/govctl/govctl/pkg/remind"
)

// TestDigestsOn4December: everything the test repository has for each
// person in the fortnight from 4 to 18 December 2026.
func TestDigestsOn4December(t *testing.T) {
	ds := digests(t, repo, "2026-12-04")
	want := strings.Join([]string{
		// A-1 overdue, A-6 (private) due on the 5th; Budget 2027's papers
		// overdue; the Board's two meetings and the Operations Group's;
		// the chair's term ending on the 10th; the Board's referral to
		// the Operations Group, waiting for its meeting of the 16th.
		"ann: A:board/A-1 A:board/A-6 P:board/2026-12-08/Budget 2027 M:board/2026-12-08 M:board/2026-12-15 M:ops/2026-12-16 O:board/chair R:ops/board/D-1",
		// A-3 due on the fortnight's last day (A-4, moved to the 20th,
		// and A-2, done, are not); the private item's papers; the
		// vice-chair's term ending on the last day.
		"bob: A:board/A-3 P:board/2026-12-08/a private item M:board/2026-12-08 M:board/2026-12-15 O:board/vice-chair",
		// Dan joins on the 10th: the meeting of the 15th, not the 8th.
		"dan: M:board/2026-12-15",
		"eve: P:ops/2026-12-16/Costing the shared service M:ops/2026-12-16 R:ops/board/D-1",
	}, "\n")
	if got := summary(ds); got != want {
		t.Errorf("digests on 4 December:\n%s\nwant:\n%s", got, want)
	}
	// Cat left on 30 November: her open action A-5 is action-owner-left's,
	// for the secretary; she is not reminded of it, nor of anything.
	if d := byMember(ds, "cat"); d != nil {
		t.Errorf("cat, who left, has a digest: %+v", d)
	}
	ann := byMember(ds, "ann")
	if ann.Name != "Ann Archer" || ann.Slug != "ann" || ann.AsOf.String() != "2026-12-04" || ann.Until.String() != "2026-12-18" {
		t.Errorf("ann's digest: %q %q %s to %s", ann.Name, ann.Slug, ann.AsOf, ann.Until)
	}
	if a := ann.Actions[0]; !a.Overdue || a.Due.String() != "2026-11-20" || a.Text != "Write the plan" || a.Minutes != "board/meetings/2026-11-03.minutes.md" || a.Raised.String() != "2026-11-03" {
		t.Errorf("A-1: %+v", a)
	}
	if p := ann.Papers[0]; !p.Overdue || p.Deadline.String() != "2026-12-01" || p.Meeting.Agenda != "board/meetings/2026-12-08.agenda.md" {
		t.Errorf("Budget 2027: %+v", p)
	}
	m := ann.Meetings[0]
	if m.Time != "10:00 to 11:00 (GMT)" || m.Venue != "online" || m.Kind != "Ordinary meeting" || m.Cancelled || m.PapersDeadline.String() != "2026-12-01" {
		t.Errorf("the Board's meeting of the 8th: %+v", m)
	}
	if m := ann.Meetings[1]; !m.Cancelled || m.Reason != "No business" || !m.PapersDeadline.IsZero() {
		t.Errorf("the Board's cancelled meeting of the 15th: %+v", m)
	}
	if o := ann.Offices[0]; o.Ends.String() != "2026-12-10" || o.Ended || o.From.String() != "2024-12-10" {
		t.Errorf("ann's term as chair: %+v", o)
	}
	r := ann.Referrals[0]
	if r.At.File != "2026-12-16" || r.Item != "Shared service" || r.Text != "Ask Operations to cost a shared service" || r.Made.String() != "2026-11-17" || r.Minutes != "board/meetings/2026-11-17.minutes.md" || !r.Deferred.IsZero() {
		t.Errorf("the referral: %+v", r)
	}
}

// TestFortnightEdges: a thing is in the fortnight from 14 days before its
// day to its day, both included.
func TestFortnightEdges(t *testing.T) {
	for _, tc := range []struct {
		day, member, has, hasNot string
	}{
		// A-3, due 18 December: from the 4th, not the 3rd.
		{"2026-12-04", "bob", "A:board/A-3", ""},
		{"2026-12-03", "bob", "", "A:board/A-3"},
		// A-4, due 19 December when raised, moved to the 20th on 17
		// November: from the 6th.
		{"2026-12-05", "bob", "", "A:board/A-4"},
		{"2026-12-06", "bob", "A:board/A-4", ""},
		// Overdue, it stays: A-1 was due on 20 November.
		{"2026-12-19", "ann", "A:board/A-1", ""},
		// Before its update, A-4 was due on the 19th: as of 5 November
		// (the update of the 17th not yet recorded), not yet in the
		// fortnight; A-2, done on 17 November, is open as of the 16th
		// but due on 10 December, later than its fortnight.
		{"2026-11-16", "bob", "", "A:board/A-2"},
		{"2026-11-26", "bob", "", "A:board/A-2"},
		// The vice-chair's term ends on the 18th: from the 4th; once over
		// (the holding ends with it), no more.
		{"2026-12-03", "bob", "", "O:board/vice-chair"},
		{"2026-12-18", "bob", "O:board/vice-chair", ""},
		{"2026-12-19", "bob", "", "O:board/vice-chair"},
		// The chair's term ended on the 10th and Ann still holds it:
		// reminded until someone is recorded in the chair.
		{"2027-03-01", "ann", "O:board/chair", ""},
		// The Operations Group's meeting of the 16th: from the 2nd.
		{"2026-12-01", "eve", "", "M:ops/2026-12-16"},
		{"2026-12-02", "eve", "M:ops/2026-12-16", ""},
		{"2026-12-16", "eve", "M:ops/2026-12-16", ""},
		{"2026-12-17", "eve", "", "M:ops/2026-12-16"},
		// Its papers are due by the 9th: from 25 November to the 16th.
		{"2026-11-24", "eve", "", "P:ops/2026-12-16/"},
		{"2026-11-25", "eve", "P:ops/2026-12-16/Costing the shared service", ""},
		// Bob presents at the Board of 12 January 2027, papers due by
		// the 5th (five business days before): from 22 December.
		{"2026-12-21", "bob", "", "P:board/2027-01-12/"},
		{"2026-12-22", "bob", "P:board/2027-01-12/Plan for 2027", ""},
		// The referral is made on 17 November: not known before.
		{"2026-11-16", "ann", "", "R:ops/board/D-1"},
		{"2026-12-02", "ann", "R:ops/board/D-1", ""},
		// Cat is reminded of A-5 while a member, to 30 November.
		{"2026-11-26", "cat", "A:board/A-5", ""},
		{"2026-11-30", "cat", "A:board/A-5", ""},
	} {
		t.Run(tc.day+"/"+tc.member, func(t *testing.T) {
			got := ""
			if d := byMember(digests(t, repo, tc.day), tc.member); d != nil {
				got = summary([]remind.Digest{*d})
			}
			if tc.has != "" && !strings.Contains(got, tc.has) {
				t.Errorf("as of %s, %s's digest lacks %q: %q", tc.day, tc.member, tc.has, got)
			}
			if tc.hasNot != "" && strings.Contains(got, tc.hasNot) {
				t.Errorf("as of %s, %s's digest holds %q: %q", tc.day, tc.member, tc.hasNot, got)
			}
		})
	}
}

// TestEndedTerm: a term over while its holder is still recorded in office
// is said to have ended.
func TestEndedTerm(t *testing.T) {
	ann := byMember(digests(t, repo, "2026-12-11"), "ann")
	if ann == nil || len(ann.Offices) != 1 || !ann.Offices[0].Ended || ann.Offices[0].Ends.String() != "2026-12-10" {
		t.Fatalf("ann as of 11 December: %+v", ann)
	}
	if md := string(ann.Markdown()); !strings.Contains(md, "- Your term as **chair** of Board, from Tuesday 10 December 2024, **ended** on Thursday 10 December 2026, and you are still recorded as holding it: the office is due for election or appointment.\n") {
		t.Errorf("markdown:\n%s", md)
	}
}

// TestPapersSent: once the papers are sent, their reminder stops (a record
// of sending after the as-of date is not yet known on it).
func TestPapersSent(t *testing.T) {
	dir := variant(t, map[string]string{"board/meetings/2026-12-08.yaml": `date: 2026-12-08
kind: ordinary
status: planned
papers_sent: 2026-12-07
agenda:
  - {title: Budget 2027, kind: decision, presenter: ann}
`})
	if got := summary(digests(t, dir, "2026-12-06")); !strings.Contains(got, "P:board/2026-12-08/Budget 2027") {
		t.Errorf("as of the 6th, before the papers went: %s", got)
	}
	if got := summary(digests(t, dir, "2026-12-07")); strings.Contains(got, "P:board/") {
		t.Errorf("as of the 7th, the papers sent: %s", got)
	}
}

// TestNoNotice: with no notice in the terms, a paper is reminded with its
// meeting, saying no deadline is set.
func TestNoNotice(t *testing.T) {
	dir := variant(t, map[string]string{"ops/network.yaml": `id: ops
name: Operations Group
purpose: To run things.
seats:
  - {organisations: [a, b, c], per_organisation: {min: 0, max: 2}, title: Officer}
meetings:
  ordinary:
    every: P1M
`})
	if got := summary(digests(t, dir, "2026-12-01")); strings.Contains(got, "P:ops/") {
		t.Errorf("a paper for the 16th as of the 1st: %s", got)
	}
	eve := byMember(digests(t, dir, "2026-12-02"), "eve")
	if eve == nil || len(eve.Papers) != 1 || !eve.Papers[0].Deadline.IsZero() || eve.Papers[0].Overdue {
		t.Fatalf("eve as of the 2nd: %+v", eve)
	}
	md := string(eve.Markdown())
	for _, want := range []string{
		"- **Costing the shared service** for the ordinary meeting of Operations Group on Wednesday 16 December 2026: no notice is set for its papers. Agenda: `ops/meetings/2026-12-16.agenda.md`.\n",
		"- **Operations Group**: Ordinary meeting, Wednesday 16 December 2026. Agenda: `ops/meetings/2026-12-16.agenda.md`.\n",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("markdown lacks %q:\n%s", want, md)
		}
	}
}

// TestReferralAnswered: a referral settled at a meeting on or before the
// as-of date is no longer waiting; one deferred waits for the next
// meeting, saying so.
func TestReferralAnswered(t *testing.T) {
	answer := func(outcome string) string {
		return `date: 2026-12-09
kind: ordinary
status: held
attendance: {present: [ann, eve]}
decisions:
  - {id: O-1, item: Referrals from other bodies, responds_to: board/D-1, text: Costed at 2m, outcome: ` + outcome + `}
`
	}
	agreed := variant(t, map[string]string{"ops/meetings/2026-12-09.yaml": answer("agreed")})
	// As of the 4th, the answer of the 9th is not yet given: the referral
	// waits for the first meeting in the fortnight, the 9th.
	if ann := byMember(digests(t, agreed, "2026-12-04"), "ann"); ann == nil || len(ann.Referrals) != 1 || ann.Referrals[0].At.File != "2026-12-09" {
		t.Errorf("as of the 4th: %+v", ann)
	}
	if got := summary(digests(t, agreed, "2026-12-09")); strings.Contains(got, "R:") {
		t.Errorf("as of the 9th, answered that day: %s", got)
	}
	deferred := variant(t, map[string]string{"ops/meetings/2026-12-09.yaml": answer("deferred")})
	eve := byMember(digests(t, deferred, "2026-12-10"), "eve")
	if eve == nil || len(eve.Referrals) != 1 || eve.Referrals[0].At.File != "2026-12-16" || eve.Referrals[0].Deferred.String() != "2026-12-09" {
		t.Fatalf("as of the 10th, deferred on the 9th: %+v", eve)
	}
	if md := string(eve.Markdown()); !strings.Contains(md, "- **Operations Group**, at its meeting of Wednesday 16 December 2026: D-1 from Board (Tuesday 17 November 2026, on Shared service): Ask Operations to cost a shared service. Deferred on Wednesday 9 December 2026. Minutes: `board/meetings/2026-11-17.minutes.md`.\n") {
		t.Errorf("markdown:\n%s", md)
	}
}

// TestQuiet: nobody has a digest when nothing falls in the fortnight, and
// someone with nothing has none while others do.
func TestQuiet(t *testing.T) {
	// An overdue action stays until it is closed: Ann's and Bob's, and
	// the chair's ended term, in June 2027.
	if got, want := summary(digests(t, repo, "2027-06-01")), "ann: A:board/A-1 A:board/A-6 O:board/chair\nbob: A:board/A-3 A:board/A-4"; got != want {
		t.Errorf("as of June 2027:\n%s\nwant:\n%s", got, want)
	}
	// With them closed and the chair's term not over, nothing is due.
	dir := variant(t, map[string]string{
		"board/members.yaml": `members:
  - {id: ann, name: Ann Archer, organisation: a, seat: Member}
  - {id: bob, name: Bob Baker, organisation: b, seat: Member}
office_holders:
  - {office: chair, member: ann, from: 2026-06-01}
`,
		"board/meetings/2027-01-12.yaml": `date: 2027-01-12
kind: ordinary
status: held
attendance: {present: [ann, bob]}
action_updates:
  - {action: A-1, status: done}
  - {action: A-3, status: done}
  - {action: A-4, status: dropped}
  - {action: A-5, status: dropped}
  - {action: A-6, status: done}
`,
	})
	if ds := digests(t, dir, "2027-06-01"); len(ds) != 0 {
		t.Errorf("as of June 2027, nothing due: %s", summary(ds))
	}
	if got := summary(digests(t, dir, "2027-01-12")); !strings.HasPrefix(got, "ann: M:board/2027-01-12\nbob: M:board/2027-01-12") {
		t.Errorf("on the day the actions are closed: %s", got)
	}
	for _, d := range digests(t, repo, "2026-12-04") {
		if d.Empty() {
			t.Errorf("an empty digest is given: %s", d.Member)
		}
	}
}

// TestPrivate: a private action's text and a private item's title never
// show, even where the record wrongly holds them (private-leak's); the
// reason does.
func TestPrivate(t *testing.T) {
	dir := variant(t, map[string]string{
		"board/meetings/2026-11-03.yaml": `date: 2026-11-03
kind: ordinary
status: held
attendance: {present: [ann, bob, cat]}
agenda:
  - title: Staffing review
    private: Schedule 12A, paragraph 1
actions:
  - {id: A-6, text: QUOKKA dismiss the contractor, private: "Schedule 12A, paragraph 1", owner: ann, due: 2026-12-05}
`,
	})
	ds := digests(t, dir, "2026-12-04")
	ann, bob := byMember(ds, "ann"), byMember(ds, "bob")
	if ann == nil || bob == nil || len(ann.Actions) != 1 || len(bob.Papers) != 1 {
		t.Fatalf("ann %+v, bob %+v", ann, bob)
	}
	if a := ann.Actions[0]; a.Text != "a private action, taken in private (Schedule 12A, paragraph 1)" || a.Private != "Schedule 12A, paragraph 1" {
		t.Errorf("the private action: %+v", a)
	}
	if p := bob.Papers[0]; p.Item != "a private item" || p.Private != "Schedule 12A, paragraph 1" {
		t.Errorf("the private item: %+v", p)
	}
	for _, d := range ds {
		for _, out := range [][]byte{d.Markdown(), d.Text()} {
			if s := string(out); strings.Contains(s, "QUOKKA") || strings.Contains(s, "Redundancy case") {
				t.Errorf("%s's digest holds private text:\n%s", d.Member, s)
			}
		}
	}
	if md := string(bob.Markdown()); !strings.Contains(md, "- **A private item**, taken in private (Schedule 12A, paragraph 1), for the ordinary meeting of Board on Tuesday 8 December 2026: papers due by Tuesday 1 December 2026, **overdue**.") {
		t.Errorf("bob's markdown:\n%s", md)
	}
}

// TestOnePersonSeveralBodies: one member id on two bodies has one digest,
// named as the first body that lists them while they sit gives it.
func TestOnePersonSeveralBodies(t *testing.T) {
	dir := variant(t, map[string]string{"ops/members.yaml": `members:
  - {id: ann, name: "Ann Archer (Operations)", organisation: a, seat: Officer}
  - {id: eve, name: Eve Evans, organisation: b, seat: Officer}
`})
	ds := digests(t, dir, "2026-12-04")
	n := 0
	for _, d := range ds {
		if d.Member == "ann" {
			n++
		}
	}
	ann := byMember(ds, "ann")
	if n != 1 || ann.Name != "Ann Archer" || len(ann.Meetings) != 3 {
		t.Errorf("%d digests for ann; %+v", n, ann)
	}
	// Once she has left the Board, the Operations Group names her.
	dir = variant(t, map[string]string{
		"ops/members.yaml": `members:
  - {id: ann, name: "Ann Archer (Operations)", organisation: a, seat: Officer}
  - {id: eve, name: Eve Evans, organisation: b, seat: Officer}
`,
		"board/members.yaml": `members:
  - {id: ann, name: Ann Archer, organisation: a, seat: Member, until: 2026-12-01}
  - {id: bob, name: Bob Baker, organisation: b, seat: Member}
`,
	})
	ann = byMember(digests(t, dir, "2026-12-04"), "ann")
	if ann == nil || ann.Name != "Ann Archer (Operations)" || len(ann.Actions) != 0 || len(ann.Meetings) != 1 || ann.Meetings[0].Body.ID != "ops" {
		t.Errorf("ann, gone from the Board: %+v", ann)
	}
}

// TestDeterministic: the same records and as-of date give the same bytes,
// whatever day they are worked out on, and the digests come in the order
// of their slugs.
func TestDeterministic(t *testing.T) {
	render := func(clock string) []byte {
		res := inputsOn(t, repo, clock)
		var b bytes.Buffer
		for _, d := range remind.Digests(res, cmdtest.Date(t, "2026-12-04")) {
			b.WriteString(d.Slug + "\n")
			b.Write(d.Markdown())
			b.Write(d.Text())
		}
		return b.Bytes()
	}
	first := render("2026-12-04")
	for range 3 {
		if again := render("2030-01-01"); !bytes.Equal(first, again) {
			t.Fatalf("two runs differ:\n%s\n---\n%s", first, again)
		}
	}
}

// TestLinks: with pages_url, agendas and minutes are given at its addresses,
// as links.
func TestLinks(t *testing.T) {
	in := inputs(t, repo)
	in.PagesURL = "https://example.org/gov/"
	ann := byMember(remind.Digests(in, cmdtest.Date(t, "2026-12-04")), "ann")
	if got := ann.Meetings[0].Agenda; got != "https://example.org/gov/board/meetings/2026-12-08.agenda.md" {
		t.Errorf("agenda at %q", got)
	}
	md := string(ann.Markdown())
	if !strings.Contains(md, "Agenda: <https://example.org/gov/board/meetings/2026-12-08.agenda.md>.") {
		t.Errorf("markdown:\n%s", md)
	}
	if txt := string(ann.Text()); !strings.Contains(txt, "https://example.org/gov/board/meetings/2026-12-08.agenda.md") {
		t.Errorf("text:\n%s", txt)
	}
}

func TestSlug(t *testing.T) {
	for id, want := range map[string]string{
		"ann":                   "ann",
		"sts-md":                "sts-md",
		"a.b_c-9":               "a.b_c-9",
		"Ann":                   "ann-",
		"../etc/passwd":         "etc-passwd-",
		"con":                   "con-",
		"com1.x":                "com1-x-",
		"":                      "member-",
		"ann smith":             "ann-smith-",
		"-ann":                  "ann-",
		"ánn":                   "nn-",
		strings.Repeat("x", 80): strings.Repeat("x", 40) + "-",
	} {
		got := remind.Slug(id)
		if strings.HasSuffix(want, "-") {
			if !strings.HasPrefix(got, want) || len(got) != len(want)+8 {
				t.Errorf("Slug(%q) = %q; want %q and eight hex digits", id, got, want)
			}
		} else if got != want {
			t.Errorf("Slug(%q) = %q; want %q", id, got, want)
		}
	}
	if remind.Slug("Ann") == remind.Slug("ANN") {
		t.Errorf("Ann and ANN share a slug")
	}
}

// TestMarkdownEscapes: names and text a person typed cannot make markup.
func TestMarkdownEscapes(t *testing.T) {
	dir := variant(t, map[string]string{"ops/members.yaml": `members:
  - {id: ann, name: Ann Archer, organisation: a, seat: Officer}
  - {id: eve, name: "Eve <b>*Evans*</b>\n# heading", organisation: b, seat: Officer}
`})
	eve := byMember(digests(t, dir, "2026-12-04"), "eve")
	md := string(eve.Markdown())
	if !strings.Contains(md, "# Reminders for Eve \\<b\\>\\*Evans\\*\\</b\\> # heading\n") || strings.Count(md, "\n# ") != 1 {
		t.Errorf("markdown:\n%s", md)
	}
	txt := string(eve.Text())
	if !strings.HasPrefix(txt, "Reminders for Eve <b>*Evans*</b> # heading\n") {
		t.Errorf("text:\n%s", txt)
	}
}

// TestWritten: a run knows its own files by their first line and name.
func TestWritten(t *testing.T) {
	d := byMember(digests(t, repo, "2026-12-04"), "ann")
	for _, tc := range []struct {
		name string
		head string
		want bool
	}{
		{"ann.md", string(d.Markdown()), true},
		{"ann.md", strings.ReplaceAll(string(d.Markdown()), "\n", "\r\n"), true},
		{"ann.txt", string(d.Markdown()), false},
		{"notes.md", "# My notes\n" + remind.MarkdownMarker + "\n", false},
		{"notes.md", "", false},
	} {
		if got := remind.Written(tc.name, []byte(tc.head)); got != tc.want {
			t.Errorf("Written(%q, %.30q) = %v; want %v", tc.name, tc.head, got, tc.want)
		}
	}
}

// TestSubstitutes: a named substitute with no seat of their own is not
// expected at the meetings (terms.Net.Expected), though a member.
func TestSubstitutes(t *testing.T) {
	dir := variant(t, map[string]string{"ops/members.yaml": `members:
  - {id: ann, name: Ann Archer, organisation: a, seat: Officer, substitutes: [sam]}
  - {id: eve, name: Eve Evans, organisation: b, seat: Officer}
  - {id: sam, name: Sam Stand, organisation: a}
  - {id: oli, name: Oli Observer, organisation: c}
`})
	ds := digests(t, dir, "2026-12-04")
	if d := byMember(ds, "sam"); d != nil {
		t.Errorf("sam, a named substitute, is reminded: %s", summary([]remind.Digest{*d}))
	}
	if got := summary(ds); !strings.Contains(got, "oli: M:ops/2026-12-16 R:ops/board/D-1") {
		t.Errorf("oli, a member with no seat who substitutes for nobody, is not reminded:\n%s", got)
	}
}

// TestLongNotice: papers due a year ahead of their meeting are reminded in
// the fortnight of their deadline, the meeting itself not yet.
func TestLongNotice(t *testing.T) {
	dir := variant(t, map[string]string{
		"ops/network.yaml": `id: ops
name: Operations Group
purpose: To run things.
seats:
  - {organisations: [a, b, c], per_organisation: {min: 0, max: 2}, title: Officer}
meetings:
  ordinary:
    every: P1M
    notice: {period: P1Y}
`,
		"ops/meetings/2026-12-16.yaml": "-",
		"ops/meetings/2027-12-16.yaml": `date: 2027-12-16
kind: ordinary
status: planned
agenda:
  - {title: Annual review, presenter: eve}
`,
	})
	if got := summary(digests(t, dir, "2026-12-04")); got != "ann: A:board/A-1 A:board/A-6 P:board/2026-12-08/Budget 2027 M:board/2026-12-08 M:board/2026-12-15 O:board/chair\nbob: A:board/A-3 P:board/2026-12-08/a private item M:board/2026-12-08 M:board/2026-12-15 O:board/vice-chair\ndan: M:board/2026-12-15\neve: P:ops/2027-12-16/Annual review" {
		t.Errorf("as of 4 December 2026:\n%s", got)
	}
}
