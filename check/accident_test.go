package check

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// An invented ferry accident told by four outlets, in the way of the
// examples corpus: a clock time given two ways with synonym verbs and a
// generic noun for the ship, an inspection said to be passed and not
// passed (one side in reported speech), a passenger count given as 318
// and 381 with different verbs, and a hedged count that fits both.
var ferryStory = []struct{ id, outlet, date, text string }{
	{"a", "Gull Gazette", "2024-06-04", "All 318 passengers and 9 crew were rescued on Monday after the ferry Aurora Dawn struck a sandbank off Kelso island, the Harbour Guard said. " +
		"The ship, which belongs to Bay Ferries, hit the sandbank at 05:50 on its way from Dunport.\n\n" +
		"Eight people were treated in hospital, the Harbour Guard said. Investigators from the maritime safety board arrived on Monday afternoon."},
	{"b", "Tidewater Radio", "2024-06-04", "Lifeboats brought more than 300 people ashore on Monday after the ferry Aurora Dawn hit a sandbank near Kelso island. " +
		"The ferry struck the sandbank at 06:30, shortly after leaving Dunport, Seawire reported, citing the port authority.\n\n" +
		"Harbour Guard commander Lena Brook said the rescue went smoothly."},
	{"c", "Seawire", "2024-06-04", "The ferry Aurora Dawn ran aground off Kelso island on Monday. " +
		"It was carrying 381 passengers and 9 crew on the first crossing of the day from Dunport. The ferry hit the sandbank at 05:50, the port authority said.\n\n" +
		"Bay Ferries said the Aurora Dawn had passed its annual hull inspection in March. Rescue crews worked through the morning."},
	{"d", "Coastal Ledger", "2024-06-05", "The Aurora Dawn did not pass its annual hull inspection in March, three people familiar with the investigation told the Coastal Ledger. " +
		"The vessel, operated by Bay Ferries, struck the Kelso sandbank at 05:50 local time.\n\n" +
		"Inspectors on Tuesday questioned the captain of the Aurora Dawn, a day after the ship ran aground with 381 passengers on board. " +
		"Eleven passengers were taken to hospital. Water flooded the engine room within minutes. None of the passengers were badly hurt."},
}

func ferryReport(t *testing.T, extra ...*crosscheck.Article) *crosscheck.StoryReport {
	t.Helper()
	arts := extra
	for _, s := range ferryStory {
		arts = append(arts, art(s.id, s.outlet, s.date, s.text))
	}
	r := analyze(arts...)
	checkVerbatim(t, r)
	return r
}

func TestFerryClockTime(t *testing.T) {
	r := ferryReport(t)
	if !hasConflict(r, "06:30", "05:50") {
		t.Errorf("no conflict between 06:30 and 05:50: %+v", r.Conflicts)
	}
}

func TestFerryInspection(t *testing.T) {
	r := ferryReport(t)
	var found bool
	for _, c := range r.Conflicts {
		if c.Kind == crosscheck.ConflictNegation && hasConflict(&crosscheck.StoryReport{Conflicts: []crosscheck.Conflict{c}}, "passed", "did not pass") {
			found = true
		}
	}
	if !found {
		t.Errorf("no negation conflict over the inspection: %+v", r.Conflicts)
	}
}

func TestFerryPassengers(t *testing.T) {
	// a hedged total fits both sides and takes neither
	r := ferryReport(t, art("e", "Shipping Weekly", "2024-06-05", "The ferry Aurora Dawn hit a sandbank near Kelso island with more than 300 passengers on board, the Harbour Guard said."))
	if !hasConflict(r, "318", "381") {
		t.Errorf("no conflict between 318 and 381 passengers: %+v", r.Conflicts)
	}
	for _, c := range r.Conflicts {
		for _, v := range c.Variants {
			if strings.Contains(v.Value, "381") && strings.Join(v.Articles, ",") != "c,d" {
				t.Errorf("381 is stated by c and d, variant has %v", v.Articles)
			}
		}
	}
	for _, c := range r.Conflicts {
		for _, v := range c.Variants {
			for _, a := range v.Articles {
				if a == "e" {
					t.Errorf("'more than 300 passengers' fits both counts, yet sides with %q", v.Value)
				}
			}
		}
	}
	if hasConflict(r, "more than 300") {
		t.Errorf("'more than 300' fits both counts, yet is in a conflict: %+v", r.Conflicts)
	}
}

func TestFerryNoFalseConflicts(t *testing.T) {
	r := ferryReport(t)
	// eight people in hospital against eleven passengers taken there is a
	// fair conflict too; nothing else is
	if len(r.Conflicts) > 4 {
		t.Errorf("%d conflicts, want at most 4: %+v", len(r.Conflicts), r.Conflicts)
	}
}

func TestFerryEntityKinds(t *testing.T) {
	// an outlet that names the ship with no cue at all does not make it a person
	r := ferryReport(t, art("e", "Shipping Weekly", "2024-06-05", "Aurora Dawn was built in Norway in 2004 and carries up to 600 passengers."))
	kinds := map[string]crosscheck.EntityKind{}
	for _, e := range r.Entities {
		kinds[e.Name] = e.Kind
		for _, a := range e.Aliases {
			kinds[a] = e.Kind
		}
	}
	for _, tt := range []struct {
		name string
		want crosscheck.EntityKind
	}{
		{"Lena Brook", crosscheck.KindPerson},
		{"Harbour Guard", crosscheck.KindOrganization},
		{"Bay Ferries", crosscheck.KindOrganization},
		{"Aurora Dawn", crosscheck.KindOther},
		{"Seawire", crosscheck.KindOrganization}, // "Seawire reported"
	} {
		if got, ok := kinds[tt.name]; !ok || got != tt.want {
			t.Errorf("kind of %q=%q (found %v), want %q", tt.name, got, ok, tt.want)
		}
	}
	for _, junk := range []string{"Eleven", "Water", "None", "Investigators", "Lifeboats", "Rescue", "Eight"} {
		if _, ok := kinds[junk]; ok {
			t.Errorf("%q is an entity: a capitalised common word at the start of a sentence", junk)
		}
	}
	for name, k := range kinds {
		if strings.HasPrefix(name, "The ") && k == crosscheck.KindPerson {
			t.Errorf("%q is a person", name)
		}
	}
}

func TestFerryEntityMerges(t *testing.T) {
	r := analyze(
		art("a", "Gull Gazette", "2024-06-04", "The ferry left Dunport at dawn on Monday, the Kelso Harbour Guard said. The crossing takes two hours."),
		art("b", "Seawire", "2024-06-04", "Injured passengers were treated at a clinic in Dunport on Monday, the Harbour Guard said."),
	)
	find := func(name string) *crosscheck.Entity {
		for i, e := range r.Entities {
			if e.Name == name || containsFold(e.Aliases, name) {
				return &r.Entities[i]
			}
		}
		return nil
	}
	if d := find("Dunport"); d == nil || d.Kind != crosscheck.KindPlace || len(d.Articles) != 2 {
		t.Errorf("Dunport: %+v, want one place in both articles", d)
	}
	if g := find("Harbour Guard"); g == nil || g != find("Kelso Harbour Guard") {
		t.Errorf("Harbour Guard and Kelso Harbour Guard not merged: %+v", r.Entities)
	}
}
