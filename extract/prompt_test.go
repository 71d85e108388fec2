package extract

import (
	"strings"
	"testing"
)

// Lines that turn to the reader are boilerplate; reporting that mentions
// comments or brackets is not.
func TestReaderPrompts(t *testing.T) {
	for _, l := range []string{
		"Tell us in the comments.",
		"(See a multi - media look at families excommunicated by Warren Jeffs.)",
		"Let us know what you think below.",
		"(Read more about the trial here.)",
		"Map of Iran highlighting epicenter of earthquake: A tremor shook southern Iran yesterday.",
	} {
		if !isBoilerplate(strings.ToLower(l)) {
			t.Errorf("%q is not boilerplate", l)
		}
	}
	for _, l := range []string{
		"Police told reporters the comments were taken out of context.",
		"(The company declined to comment.)",
		"Tellurium prices rose 4% on Monday.",
		"Map makers said: the border is wrong.",
	} {
		if isBoilerplate(strings.ToLower(l)) {
			t.Errorf("%q taken for boilerplate", l)
		}
	}
}
