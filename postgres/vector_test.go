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
