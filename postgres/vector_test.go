package postgres

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

func TestSearchVector(t *testing.T) {
	got := searchVector("Ferries protest", "The ferries sailed; protesters said: the FERRY ran.")
	for _, want := range []string{"'ferri':1A,4,9", "'protest':2A,6", "'the':3,8", "'sail':5", "'said':7", "'ran':10"} {
		if !strings.Contains(got, want) {
			t.Errorf("searchVector = %s, lacks %s", got, want)
		}
	}
	// A lexeme keeps its first positions; words past the last position
	// share it.
	if got := searchVector("", strings.Repeat("word ", 20000)+"last"); strings.Count(got, ",") != maxPositions-1 || !strings.Contains(got, "'last':16383") {
		t.Errorf("long text: %d positions, ends %q", strings.Count(got, ",")+1, got[len(got)-20:])
	}
}

func BenchmarkSearchVector(b *testing.B) {
	a := storetest.Corpus(0, 1)[0]
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		searchVector(a.Title, a.Text)
	}
}

func TestSnippet(t *testing.T) {
	text := "Boats brought more than 200 people ashore on Tuesday after the ferry Selje Star hit a reef near Holmvik island. " +
		strings.Repeat("Filler words follow here. ", 20) + "Investigators questioned the Café owner about the reefs."
	for _, tc := range []struct{ query, want string }{
		{"reefs", "hit a ⟦reef⟧ near"},
		{"ferry reef", "the ⟦ferry⟧ Selje Star hit a ⟦reef⟧"},
		{"quest*", "Investigators ⟦questioned⟧ the"},
		{"cafe", "the ⟦Café⟧ owner"},
	} {
		got := snippet(text, queryTerms(tc.query))
		if !strings.Contains(got, tc.want) {
			t.Errorf("snippet for %q = %q, want it to hold %q", tc.query, got, tc.want)
		}
		if n := len(strings.Fields(strings.NewReplacer("⟦", "", "⟧", "", "…", "").Replace(got))); n > snippetWords+2 {
			t.Errorf("snippet for %q has %d words", tc.query, n)
		}
	}
	if got := snippet("Short text.", queryTerms("short")); got != "⟦Short⟧ text." {
		t.Errorf("whole short text: %q", got)
	}
}
