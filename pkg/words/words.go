// Package words holds govctl's wording helpers: dates, counts, lists,
// periods, cadences, notice and meeting times in plain English, as members
// read them on pages, in minutes, in the calendar and in messages. It reads
// the model's plain data (a period, a clock, a kind of meeting) and nothing
// else of govctl: no index, no rule, no template, so that every package that
// writes a sentence can use it. Wording that needs the index of a network
// (the quorum and voting in words) is in package terms.
package words

import (
	"fmt"
	"strings"

	"github.com/rickb777/date"
)

// Plural is "1 meeting" or "3 meetings": n and word, with an s unless n is 1.
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Thousands is n with its thousands separated by commas: 59,990.
func Thousands(n int) string {
	s := fmt.Sprint(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	if neg {
		s = "-" + s
	}
	return s
}

// List joins items as "a", "a and b" or "a, b and c".
func List(items []string) string { return join(items, " and ") }

// Or joins items as "a", "a or b" or "a, b or c".
func Or(items []string) string { return join(items, " or ") }

func join(items []string, last string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + last + items[len(items)-1]
}

// LongDate is "Tuesday 8 December 2026".
func LongDate(d date.Date) string {
	return fmt.Sprintf("%s %d %s %d", d.Weekday(), d.Day(), d.Month(), d.Year())
}
