package check

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// An invented three-outlet story with the usual discrepancies: a death
// toll, a misspelt name, a visit denied, a quote with two continuations and
// an agency two outlets credit.
var fireStory = []struct{ id, outlet, date, text string }{
	{"a", "Harbor Times", "2024-05-10", "A fire at the Kessler chemical plant in Dunmore killed 12 workers on Thursday, officials said. " +
		"The blaze burned for nearly five hours before firefighters contained it.\n\n" +
		"Plant manager Ruth Okafor said 140 employees were evacuated. “We did everything we could to get people out,” Okafor said.\n\n" +
		"According to Reuters, the plant had been cited for safety violations twice in 2022. Governor Mark Tillman visited the site on Friday."},
	{"b", "Valley Post", "2024-05-10", "At least 15 workers died when fire swept through a chemical plant in Dunmore on Thursday. " +
		"Manager Ruth Okafor told reporters that about 140 staff had been evacuated.\n\n" +
		"“We did everything we could to get people out. Nobody could have predicted this,” she said.\n\n" +
		"The plant had been cited twice for safety violations, Reuters reported. Governor Mark Tillman did not visit the site."},
	{"c", "Metro Daily", "2024-05-11", "Twelve workers were killed in the fire at the Kessler plant in Dunmore on Thursday. " +
		"Firefighters battled the blaze for five hours.\n\nGovernor Mark Tilman visited the site on Friday and promised an inquiry."},
}

func TestInventedStory(t *testing.T) {
	var arts []*crosscheck.Article
	for _, s := range fireStory {
		arts = append(arts, art(s.id, s.outlet, s.date, s.text))
	}
	r := analyze(arts...)
	checkVerbatim(t, r)
	if !hasConflict(r, "twelve", "15") {
		t.Errorf("no conflict between 12 and at least 15 dead: %+v", r.Conflicts)
	}
	if !hasConflict(r, "visited", "did not visit") {
		t.Errorf("no conflict over the governor's visit: %+v", r.Conflicts)
	}
	for _, bad := range [][]string{{"nearly five hours", "five hours"}, {"140", "about 140"}} {
		if hasConflict(r, bad...) {
			t.Errorf("false conflict %v: %+v", bad, r.Conflicts)
		}
	}
	if len(r.Conflicts) > 3 {
		t.Errorf("%d conflicts, want at most 3: %+v", len(r.Conflicts), r.Conflicts)
	}
	var tillman bool
	for _, e := range r.Entities {
		all := strings.Join(append([]string{e.Name}, e.Aliases...), "|")
		if strings.Contains(all, "Mark Tillman") && strings.Contains(all, "Mark Tilman") {
			tillman = true
		}
	}
	if !tillman {
		t.Errorf("Tillman / Tilman not merged: %+v", r.Entities)
	}
	var quote bool
	for _, q := range r.Quotes {
		if q.Speaker == "Ruth Okafor" && len(q.Articles) == 2 && len(q.Variants) == 2 {
			quote = true
		}
	}
	if !quote {
		t.Errorf("Okafor's quote not grouped with two wordings: %+v", r.Quotes)
	}
	var reuters bool
	for _, a := range r.Attributions {
		if a.Source == "Reuters" && len(a.Articles) == 2 {
			reuters = true
		}
	}
	if !reuters {
		t.Errorf("Reuters not credited by two articles: %+v", r.Attributions)
	}
	var evac bool
	for _, c := range r.Claims {
		if c.Status == crosscheck.Corroborated && strings.Contains(c.Text, "140") {
			evac = true
		}
	}
	if !evac {
		t.Errorf("the 140 evacuated is not corroborated")
	}
}
