// Package suggest finds the word a user probably meant: the nearest of a set
// of known names by edit distance.
package suggest

import "strings"

// Nearest returns the candidate nearest to s (case and '-'/'_' folded), or ""
// when none is near enough: within a third of the candidate's length, and at
// most three edits.
func Nearest(s string, candidates []string) string {
	if len(s) > 64 {
		return ""
	}
	best, bestD := "", 4
	ls := fold(s)
	for _, c := range candidates {
		d := Distance(ls, fold(c))
		if d < bestD && d <= max(1, len(c)/3) {
			best, bestD = c, d
		}
	}
	return best
}

func fold(s string) string {
	return strings.ReplaceAll(strings.ToLower(s), "_", "-")
}

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
