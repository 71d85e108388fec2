package check

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// Quotes and attributions across the outlets of one story, from sentences
// of real reporting (ECB+, CC BY 3.0), as claim reads them in each article.

// quoteHolding returns the quote whose text holds s.
func quoteHolding(r *crosscheck.StoryReport, s string) *crosscheck.Quote {
	for i := range r.Quotes {
		if strings.Contains(r.Quotes[i].Text, s) {
			return &r.Quotes[i]
		}
	}
	return nil
}

// sourceHolding returns the attribution whose source holds s.
func sourceHolding(r *crosscheck.StoryReport, s string) *crosscheck.Attribution {
	for i := range r.Attributions {
		if strings.Contains(r.Attributions[i].Source, s) {
			return &r.Attributions[i]
		}
	}
	return nil
}

func TestQuoteAcrossOutlets(t *testing.T) {
	r := analyze(
		art("a", "Alpha News", "2008-12-20", "Const. Tim Fanning said the gunman entered the party around 4 p.m.\n\n"+
			`"The shock was tremendous, but all the other people in the business managed to get out safely, " Fanning said.`),
		art("b", "Beta Post", "2008-12-20", `"The shock was tremendous but all the other people in the business managed to get out safely, " Police Constable Tim Fanning said.`),
		art("c", "Gamma Daily", "2008-12-20", `The gunman surrendered after two hours. "The shock was tremendous, but all the other people in the business managed to get out safely, " he said.`),
	)
	q := quoteHolding(r, "shock was tremendous")
	if q == nil {
		t.Fatalf("no quote: %+v", r.Quotes)
	}
	// the same words by one speaker, named three ways (or not at all), are one quote
	if !strings.Contains(q.Speaker, "Tim Fanning") || len(q.Articles) != 3 {
		t.Fatalf("quote of %q in %v, want Tim Fanning in a, b, c", q.Speaker, q.Articles)
	}
	if got := len(r.Quotes); got != 1 {
		t.Errorf("%d quotes, want 1: %+v", got, r.Quotes)
	}
}

func TestQuotesSharingANameAreTwo(t *testing.T) {
	r := analyze(
		art("a", "Alpha News", "2011-11-11", `"Whatever allegations Khartoum labels against the Republic of South Sudan are baseless, " President Salva Kiir said.`),
		art("b", "Beta Post", "2011-11-11", `Kiir called the accusations "smoke screens to mask the armed groups fighting its proxy war against the Republic of South Sudan, " President Salva Kiir said.`),
	)
	if got := len(r.Quotes); got != 2 {
		t.Fatalf("%d quotes, want 2 (they share only a name): %+v", got, r.Quotes)
	}
}

func TestSplitQuoteParts(t *testing.T) {
	r := analyze(art("a", "Alpha News", "2011-08-04", `"You might have asked yourselves, " Nichols said, "a lot of people may ask, why would someone record this? "`))
	q := quoteHolding(r, "asked yourselves")
	if q == nil || len(q.Parts) != 2 || !strings.Contains(q.Text, "a lot of people may ask") {
		t.Fatalf("quote %+v, want one quote in two parts", r.Quotes)
	}
	if q.Parts[0] != "You might have asked yourselves" || !strings.HasPrefix(q.Parts[1], "a lot of people may ask") {
		t.Errorf("parts %q", q.Parts)
	}
}

func TestAttributionAcrossOutlets(t *testing.T) {
	r := analyze(
		art("a", "Alpha News", "2008-12-20", "A former employee opened fire at an office party, killing one person, police said."),
		art("b", "Beta Post", "2008-12-20", "Eric Allen Kirkpatrick faces one count of first-degree murder, Vancouver police said."),
		art("c", "Gamma Daily", "2008-12-20", "The gunman surrendered after two hours, according to Vancouver Police."),
		art("d", "Delta Wire", "2008-12-20", "The pirates were trying to hijack the merchant vessel, a navy spokesman said."),
		art("e", "Epsilon Times", "2008-12-20", "Indian forces repulsed the pirates, navy spokesman Commander Nirad Sinha said."),
	)
	// a bare "police" is the Vancouver police the story names
	if at := sourceHolding(r, "Vancouver"); at == nil || len(at.Articles) != 3 || at.Kind != crosscheck.AttrOfficial {
		t.Errorf("attribution %+v, want Vancouver police in a, b, c (official); all: %+v", at, r.Attributions)
	}
	// an unnamed navy spokesman is the one the story names
	if at := sourceHolding(r, "Nirad Sinha"); at == nil || len(at.Articles) != 2 || !strings.Contains(at.Source, "navy spokesman") {
		t.Errorf("attribution %+v, want Nirad Sinha, navy spokesman in d, e; all: %+v", at, r.Attributions)
	}
}
