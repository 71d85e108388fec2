package story

import (
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// TestContrast: two items contrast when they give one slot different
// values, not when one lacks what the other says.
func TestContrast(t *testing.T) {
	c := NewClusterer(Options{})
	slots := func(h string) []slot {
		a := &crosscheck.Article{Text: h, Meta: crosscheck.Meta{Title: h}}
		a.Sentences = splitSentences(h)
		return c.analyse(a).slots
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"Wladimir Klitschko stops Tony Thompson in sixth round", "Wladimir Klitschko stopped Hasim Rahman in the seventh", true}, // stops/stopped: one stem
		{"Klitschko stops Thompson in six rounds", "Klitschko stops Rahman in Mannheim", true},
		{"Klitschko stops Thompson in six rounds", "Klitschko stops Tony Thompson to retain titles", false},
		{"Indian navy captures 23 pirates in Gulf of Aden", "Indian navy captures 26 pirates in Gulf of Aden", true},
		{"Indian navy captures 23 pirates", "Navy foils pirate attack in Gulf of Aden", false},
		{"Colts clinch playoff berth with 31-24 victory", "Colts beat Chiefs 20 - 13 to clinch playoff berth", true},
		{"Robbers steal 85 million euros of jewels", "Robbers steal 108 million dollars of jewels", false},
		{"Robbers steal 85 million euros of jewels", "Robbers steal 2.5 million euros of jewels", true},
		{"Ferry aground off Veska, update 1", "Ferry aground off Veska, update 2", false},
		{"President Donald Trump meets allies", "President Volodymyr Zelensky meets allies", false},
		// A possessive ends a name: the places differ, not the country.
		{"Strong quake strikes Indonesia's Aceh province", "Strong quake strikes Indonesia's West Papua province", true},
		{"Strong quake strikes Indonesia's Aceh province", "Strong quake strikes Aceh, Indonesia", false},
	} {
		if got := contrast(slots(tc.a), slots(tc.b)); got != tc.want {
			t.Errorf("contrast(%q, %q) = %v, want %v\n%v\n%v", tc.a, tc.b, got, tc.want, slots(tc.a), slots(tc.b))
		}
	}
}
