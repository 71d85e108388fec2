// Package testcorpus makes synthetic news corpora for the robustness
// tests: reports of many events, several outlets each, that read as
// English to the extractor and group into one story per event. Nothing
// in it is real news; the words are drawn from a seeded generator.
package testcorpus

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// Doc is one generated report.
type Doc struct {
	// Name is a file name, unique in the corpus ("e0042-r3.txt").
	Name string
	// Event is the index of the event the report tells of.
	Event int
	// Body is the plain-text article: outlet, headline, date line, text.
	Body string
}

var outlets = []string{"Harbour Courier", "Nordwire", "Baltic Morning Post", "Radio Veska", "Coastline Daily",
	"Eastport Herald", "Valley Times", "Northfield Gazette", "River Post", "Capital Ledger"}

// Events returns events×perEvent reports, in a seeded random order. The
// reports of one event share its place, people, figures and day and so
// form one story; other words are drawn at random per report, so that no
// two reports are near duplicates.
func Events(seed uint64, events, perEvent int) []Doc {
	rng := rand.New(rand.NewPCG(seed, 7))
	syll := []string{"ka", "lo", "mer", "tan", "vi", "so", "ber", "ul", "den", "ra", "po", "lin", "sta", "gor", "e", "ni", "dra", "vel"}
	word := func(n int) string {
		var b strings.Builder
		for range n {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		return b.String()
	}
	capital := func(s string) string { return strings.ToUpper(s[:1]) + s[1:] }
	vocab := make([]string, 4000)
	for i := range vocab {
		vocab[i] = word(2 + rng.IntN(2))
	}
	function := []string{"the", "of", "and", "to", "in", "a", "on", "for", "that", "with", "was", "by", "at", "from"}
	filler := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteByte(' ')
			}
			if i%2 == 1 {
				b.WriteString(function[rng.IntN(len(function))])
			} else {
				b.WriteString(vocab[rng.IntN(len(vocab))])
			}
		}
		return b.String()
	}
	base := time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC)
	var docs []Doc
	for e := range events {
		place := capital(word(3))
		person := capital(word(2)) + " " + capital(word(3))
		thing := word(3)
		n := 10 + rng.IntN(500)
		day := base.AddDate(0, 0, e%7) // within a week: every story stays open
		for r := range perEvent {
			outlet := outlets[(e+r)%len(outlets)]
			var b strings.Builder
			fmt.Fprintf(&b, "%s\n\n%s %s in %s\n\n%s\n\n", outlet, capital(thing), word(2), place, day.Format("Monday, January 2, 2006"))
			fmt.Fprintf(&b, "The %s in %s drew %d people on %s, %s said. %s %s.\n\n",
				thing, place, n, day.Weekday(), person, capital(filler(14)), filler(6))
			fmt.Fprintf(&b, "%s told reporters that the %s of %s would go on. %s %s.\n\n",
				person, thing, place, capital(filler(16)), filler(8))
			fmt.Fprintf(&b, "%s %s in %s %s.\n", capital(filler(12)), thing, place, filler(10))
			docs = append(docs, Doc{Name: fmt.Sprintf("e%04d-r%d.txt", e, r), Event: e, Body: b.String()})
		}
	}
	rng.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	return docs
}

// Write writes docs as files in dir.
func Write(dir string, docs []Doc) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, d.Name), []byte(d.Body), 0o644); err != nil {
			return err
		}
	}
	return nil
}
