package story

import (
	"cmp"
	"slices"
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

// TestHeaviestByID: pruning by selection keeps the same terms as the
// heap that ranks them all, ties included, in the order of their ids.
func TestHeaviestByID(t *testing.T) {
	c := NewClusterer(Options{})
	for _, w := range []string{"a", "b", "c", "d", "e", "f", "g", "h"} {
		c.termID(w)
	}
	for id := range c.df {
		c.df[id] = float32(id % 3) // equal IDFs: ties to break by id
	}
	c.nDocs = 10
	rng := uint32(7)
	next := func() uint32 { rng = rng*1664525 + 1013904223; return rng >> 16 }
	for trial := 0; trial < 200; trial++ {
		var terms []tw
		for id := range c.df {
			if next()%4 != 0 {
				terms = append(terms, tw{id: uint32(id), w: float32(1 + next()%3)})
			}
		}
		for n := 1; n <= len(terms); n++ {
			want := slices.Clone(c.heaviestTerms(terms, n, &c.scratch[0]))
			slices.SortFunc(want, func(x, y tw) int { return cmp.Compare(x.id, y.id) })
			if got := c.heaviestByID(terms, n, &c.scratch[0]); !slices.Equal(got, want) {
				t.Fatalf("heaviestByID(%v, %d) = %v, want %v", terms, n, got, want)
			}
		}
	}
}
