package story

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"testing"
	"time"
)

// Stories exported after one run and imported into a new clusterer give
// the same summaries, and later reports of their events join them.
func TestExportImport(t *testing.T) {
	arts, gold := readGoldFile(t, ownGold)
	// Every event's first two reports now, the rest after a restart.
	seen := map[string]int{}
	var first, later []int
	for i, g := range gold {
		seen[g]++
		if seen[g] <= 2 {
			first = append(first, i)
		} else {
			later = append(later, i)
		}
	}
	// A window of a year holds every story of the set.
	opts := Options{Window: 365 * 24 * time.Hour}
	c1 := NewClusterer(opts)
	story := map[string]string{} // gold cluster -> story
	var ids []string
	for _, i := range first {
		id, _ := c1.Place(arts[i])
		if story[gold[i]] == "" {
			story[gold[i]] = id
			ids = append(ids, id)
		}
	}
	c2 := NewClusterer(opts)
	for _, id := range ids {
		state, err := c1.Export(id)
		if err != nil {
			t.Fatal(err)
		}
		if err := c2.Import(id, state); err != nil {
			t.Fatal(err)
		}
		if got, want := c2.Story(id), c1.Story(id); !reflect.DeepEqual(got, want) {
			t.Errorf("imported story %s:\n got %+v\nwant %+v", id, got, want)
		}
	}
	// Placing an article already placed changes nothing.
	for _, i := range first {
		if id, isNew := c2.Place(arts[i]); isNew || id != story[gold[i]] {
			t.Errorf("re-placing %s: story %s new %v, want %s", arts[i].ID, id, isNew, story[gold[i]])
		}
	}
	joined := 0
	for _, p := range later {
		id, _ := c2.Place(arts[p])
		if id == story[gold[p]] {
			joined++
		}
	}
	if joined < len(later)*9/10 {
		t.Errorf("%d of %d later reports joined their imported story", joined, len(later))
	}
	if _, err := c2.Export("no-such-story"); err == nil {
		t.Error("Export of an unknown story: no error")
	}
	if err := c2.Import("bad", []byte("{")); err == nil {
		t.Error("Import of a broken state: no error")
	}
}

// FuzzImport: a state from the store is untrusted; Import must not panic,
// and a state it accepts yields a story.
func FuzzImport(f *testing.F) {
	c := NewClusterer(Options{})
	arts, _ := readGoldFileF(f, ownGold)
	for _, a := range arts[:5] {
		id, _ := c.Place(a)
		s, _ := c.Export(id)
		f.Add(s)
	}
	f.Add([]byte(`{"v":1,"terms":["a"],"w":[1],"docs":[1],"days":[1,2],"day_w":[1]}`))
	f.Add([]byte(`{"v":1,"id":"x","n":1,"nvec":1,"terms":["a","b"],"w":[1,0.5],"docs":[1,1]}`))
	f.Fuzz(func(t *testing.T, state []byte) {
		c := NewClusterer(Options{})
		if err := c.Import("x", state); err != nil {
			return
		}
		if c.Story("x") == nil {
			t.Fatal("imported story not held")
		}
		for _, a := range arts[:3] {
			c.Place(a)
		}
	})
}

// FuzzReadGold: a labelled set is user input; every article read has an
// ID and a cluster.
func FuzzReadGold(f *testing.F) {
	f.Add([]byte(`{"id":"a","cluster":"x","text":"On Monday it rained.","published":"2024-01-02"}` + "\n"))
	f.Add([]byte(`{"id":"a","cluster":"x","title":null,"text":"t","published":null,"outlet":null}`))
	f.Add([]byte("not json\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, gold, err := ReadGold(bytesReader(data))
		if err != nil {
			return
		}
		if len(arts) != len(gold) {
			t.Fatalf("%d articles, %d clusters", len(arts), len(gold))
		}
		for i, a := range arts {
			if a.ID == "" || gold[i] == "" {
				t.Fatalf("article %d: id %q cluster %q", i, a.ID, gold[i])
			}
			EventDate(a)
		}
	})
}

// A story forgotten and imported again, as the pipeline does with the
// stories another writer changed before each placement, leaves no
// posting of its old self in the index: candidates read the newest
// postings first within a budget, and a dead one would take a live
// story's place.
func TestRefreshLeavesNoDeadPostings(t *testing.T) {
	arts, _ := readGoldFile(t, ownGold)
	c := NewClusterer(Options{Window: 365 * 24 * time.Hour})
	var ids []string
	for _, p := range c.PlaceBatch(arts) {
		if !slices.Contains(ids, p.StoryID) {
			ids = append(ids, p.StoryID)
		}
	}
	for round := 0; round < 3; round++ {
		for _, id := range ids {
			state, err := c.Export(id)
			if err != nil {
				t.Fatal(err)
			}
			c.Forget(id)
			if err := c.Import(id, state); err != nil {
				t.Fatal(err)
			}
		}
	}
	// Every posting names a held story posted under that term: slots of
	// evicted stories are given to new ones.
	dead := 0
	for term, post := range c.index {
		for _, slot := range post {
			if s := c.held[slot]; s == nil || !slices.Contains(s.postings, uint32(term)) {
				dead++
			}
		}
	}
	if dead > 0 {
		t.Errorf("%d postings of stories no longer held after refreshing %d stories three times", dead, len(ids))
	}
	if len(c.held) > 2*len(ids) {
		t.Errorf("%d slots for %d stories: the slots of forgotten stories are not reused", len(c.held), len(ids))
	}
}

// Stores written before the binary state hold JSON states: Import reads
// both, to the same story, and Export writes the smaller binary one.
func TestImportJSONState(t *testing.T) {
	arts, _ := readGoldFile(t, ownGold)
	c := NewClusterer(Options{Window: 365 * 24 * time.Hour})
	ps := c.PlaceBatch(arts[:12])
	id := ps[0].StoryID
	bin, err := c.Export(id)
	if err != nil {
		t.Fatal(err)
	}
	var w wireState
	if err := readState(bin, &w); err != nil {
		t.Fatal(err)
	}
	js, err := json.Marshal(&w)
	if err != nil {
		t.Fatal(err)
	}
	if len(bin) >= len(js) {
		t.Errorf("binary state %d bytes, JSON %d: want it smaller", len(bin), len(js))
	}
	for name, state := range map[string][]byte{"binary": bin, "JSON": js} {
		c2 := NewClusterer(Options{Window: 365 * 24 * time.Hour})
		if err := c2.Import(id, state); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got, want := c2.Story(id), c.Story(id); !reflect.DeepEqual(got, want) {
			t.Errorf("%s state: story\n got %+v\nwant %+v", name, got, want)
		}
		again, err := c2.Export(id)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, bin) {
			t.Errorf("%s state: exported again, %d bytes differ from the first export's %d", name, len(again), len(bin))
		}
	}
	// A state cut short anywhere is refused, never half read.
	for n := 1; n < len(bin); n++ {
		if err := NewClusterer(Options{}).Import(id, bin[:n]); err == nil {
			t.Fatalf("state cut to %d of %d bytes imported", n, len(bin))
		}
	}
}
