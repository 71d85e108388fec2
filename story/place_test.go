package story

import (
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// A place is a name: the last word of a phrase after "in" must be
// written with a capital inside the sentences of the articles seen.
func TestNamelike(t *testing.T) {
	c := NewClusterer(Options{})
	a := &crosscheck.Article{Text: "The company shipped the beta to testers in Paris on Monday. " +
		"Critics said the film about a world war was a good beta test for New York audiences. " +
		"The motion passed after the council met in Paris and in New York."}
	a.Sentences = splitSentences(a.Text)
	var d draft
	c.draft(a, &d, nil)
	c.learnCase(&d)
	for _, tc := range []struct {
		phrase string
		want   bool
	}{
		{"Paris", true},
		{"New York", true},
		{"Beta", false},
		{"World War", false},
		{"Motion", false},
		{"Qeshm", true}, // never seen: a capitalised phrase counts as a name
	} {
		if got := c.namelike(tc.phrase); got != tc.want {
			t.Errorf("namelike(%q) = %v, want %v", tc.phrase, got, tc.want)
		}
	}
}
