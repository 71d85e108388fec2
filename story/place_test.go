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

// TestSharesName: two headlines that share only common words tell a kind
// of event, not which one; a shared name or figure tells which.
func TestSharesName(t *testing.T) {
	c := NewClusterer(Options{})
	// Running text tells which capitalised words are names.
	learn := &crosscheck.Article{Text: "The quake was felt in Dubai and across the Gulf, officials in Iran said. " +
		"Residents of West Papua slept outside after the tremor, the agency said."}
	learn.Sentences = splitSentences(learn.Text)
	var d draft
	c.draft(learn, &d, nil)
	c.learnCase(&d)
	feat := func(h string) features {
		a := &crosscheck.Article{Text: h, Meta: crosscheck.Meta{Title: h}}
		a.Sentences = splitSentences(h)
		return c.analyse(a)
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Iranian earthquake tremor hits Dubai", "Strong earthquake hits West Papua", false},              // quake, hits: common words
		{"Earthquake tremor hits Dubai", "Dubai shaken by earthquake in Iran", true},                      // Dubai
		{"Magnitude 6.1 quake hits Indonesia", "6.1 magnitude earthquake strikes Indonesia's Aceh", true}, // 6.1, Indonesia
		{"Lineman arrested on suspicion of drunk driving", "Receiver arrested on suspicion of drunk driving", false},
	} {
		fa, fb := feat(tc.a), feat(tc.b)
		if !headlines(&fa, &fb) {
			t.Errorf("%q, %q: not both headlines (%d, %d terms)", tc.a, tc.b, len(fa.tf), len(fb.tf))
		}
		if got := sharesName(fa.tf, fb.tf); got != tc.want {
			t.Errorf("sharesName(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}
