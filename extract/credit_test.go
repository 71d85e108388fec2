package extract

import (
	"fmt"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// TestTextBylineCreditsAgency: a plain-text report's byline "By Jane Doe,
// Reuters" gives the person as author and credits the agency; a byline
// naming an outlet that is no agency credits none.
func TestTextBylineCreditsAgency(t *testing.T) {
	body := "Harbour bridge reopens after repairs\n\n%s\n\nThe harbour bridge in Eastport reopened to traffic on Monday after three weeks of repairs to its steel deck, the city council said in a statement.\n\nEngineers replaced forty bearings and resurfaced the road, work that cost 4.2 million euros, according to the council.\n"
	for _, tc := range []struct {
		name, byline, author, credit string
	}{
		{"agency", "By Jane Doe, Reuters", "Jane Doe", "Reuters"},
		{"no agency", "By Jane Doe", "Jane Doe", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := &crosscheck.Document{Source: "bridge.txt", Format: crosscheck.FormatText,
				Body: []byte(fmt.Sprintf(body, tc.byline))}
			a, err := Extract(doc, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if a.Author != tc.author || a.Credit != tc.credit {
				t.Errorf("author, credit = %q, %q, want %q, %q", a.Author, a.Credit, tc.author, tc.credit)
			}
		})
	}
}
