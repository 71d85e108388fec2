package report

import (
	"encoding/json"
	"io"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// The wire structs keep the JSON contract apart from the domain types: the
// contract's names and meanings stay stable while the domain grows. Fields
// beyond the contract are allowed, so the wire structs carry extras too.

type jsonReport struct {
	Stories   []jsonStory `json:"stories"`
	Generated string      `json:"generated,omitempty"`
}

type jsonStory struct {
	ID           string                     `json:"id"`
	Title        string                     `json:"title"`
	EventDate    *string                    `json:"event_date"`
	Places       []string                   `json:"places,omitempty"`
	Outlets      []string                   `json:"outlets,omitempty"`
	Articles     []jsonArticle              `json:"articles"`
	Brief        []crosscheck.BriefItem     `json:"brief"`
	Entities     []jsonEntity               `json:"entities"`
	Claims       []jsonClaim                `json:"claims"`
	Conflicts    []jsonConflict             `json:"conflicts"`
	Quotes       []jsonQuote                `json:"quotes"`
	Attributions []jsonAttribution          `json:"attributions"`
	Coverage     []crosscheck.Coverage      `json:"coverage"`
	Timeline     []crosscheck.TimelineEntry `json:"timeline"`
}

type jsonArticle struct {
	ID          string  `json:"id"`
	Source      string  `json:"source"`
	URL         string  `json:"url,omitempty"`
	Outlet      *string `json:"outlet"`
	Author      *string `json:"author"`
	Published   *string `json:"published"`
	Title       *string `json:"title"`
	Language    string  `json:"language,omitempty"`
	Correction  string  `json:"correction,omitempty"`
	DuplicateOf string  `json:"duplicate_of,omitempty"`
	Text        string  `json:"text"`
	// Modified is when the page says it last changed the article, in the
	// form of Published; Credit the news agency its byline credits
	// beside the author ("By Jane Doe, Reuters"). Both beyond the
	// contract: absent when unknown.
	Modified string `json:"modified,omitempty"`
	Credit   string `json:"credit,omitempty"`
}

type jsonEntity struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Aliases  []string `json:"aliases"`
	Roles    []string `json:"roles,omitempty"`
	Articles []string `json:"articles"`
	Mentions int      `json:"mentions"`
}

type jsonSource struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet,omitempty"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
	// InTitle: the sentence is the article's headline (start and end
	// are offsets in the title then)
	InTitle bool `json:"in_title,omitempty"`
}

type jsonClaim struct {
	ID          string             `json:"id"`
	Text        string             `json:"text"`
	Status      string             `json:"status"`
	Sources     []jsonSource       `json:"sources"`
	Subject     string             `json:"subject,omitempty"`
	Predicate   string             `json:"predicate,omitempty"`
	Values      []crosscheck.Value `json:"values,omitempty"`
	Negated     bool               `json:"negated,omitempty"`
	Outlets     []string           `json:"outlets,omitempty"`
	Independent int                `json:"independent"`
	CreditedTo  []string           `json:"credited_to,omitempty"`
}

type jsonVariant struct {
	Value    string       `json:"value"`
	Sentence string       `json:"sentence"`
	Articles []string     `json:"articles"`
	Outlets  []string     `json:"outlets,omitempty"`
	Sources  []jsonSource `json:"sources,omitempty"`
}

type jsonConflict struct {
	ID       string        `json:"id,omitempty"`
	About    string        `json:"about"`
	Kind     string        `json:"kind,omitempty"`
	Variants []jsonVariant `json:"variants"`
	Claims   []string      `json:"claims,omitempty"`
}

type jsonQuote struct {
	Speaker  string                    `json:"speaker"`
	Text     string                    `json:"text"`
	Articles []string                  `json:"articles"`
	Variants []crosscheck.QuoteVariant `json:"variants,omitempty"`
	Sources  []jsonSource              `json:"sources,omitempty"`
}

type jsonAttribution struct {
	Source   string       `json:"source"`
	Kind     string       `json:"kind,omitempty"`
	Articles []string     `json:"articles"`
	Sources  []jsonSource `json:"sources,omitempty"`
}

// JSON writes r as one indented JSON object in the shape of the report
// contract: {"stories": [...]}, with null for unknown values.
func JSON(w io.Writer, r *crosscheck.Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(WireReport(r))
}

// WireReport converts r to the contract's wire shape, for callers that
// embed it in a larger JSON document (the HTTP API).
func WireReport(r *crosscheck.Report) any {
	out := jsonReport{Stories: []jsonStory{}}
	if r == nil {
		return out
	}
	if !r.Generated.IsZero() {
		out.Generated = r.Generated.UTC().Format(time.RFC3339)
	}
	for _, sr := range r.Stories {
		if sr == nil {
			continue
		}
		out.Stories = append(out.Stories, wireStory(sr))
	}
	return out
}

// WireStory converts one story report to the contract's Story shape.
func WireStory(sr *crosscheck.StoryReport) any {
	if sr == nil {
		sr = &crosscheck.StoryReport{}
	}
	return wireStory(sr)
}

func wireStory(sr *crosscheck.StoryReport) jsonStory {
	s := jsonStory{
		ID:           sr.Story.ID,
		Title:        sr.Story.Title,
		Places:       sr.Story.Places,
		Outlets:      sr.Story.Outlets,
		Articles:     []jsonArticle{},
		Brief:        nonNil(sr.Brief),
		Entities:     []jsonEntity{},
		Claims:       []jsonClaim{},
		Conflicts:    []jsonConflict{},
		Quotes:       []jsonQuote{},
		Attributions: []jsonAttribution{},
		Coverage:     nonNil(sr.Coverage),
		Timeline:     nonNil(sr.Timeline),
	}
	if !sr.Story.EventDate.IsZero() {
		d := sr.Story.EventDate.Format(time.DateOnly)
		s.EventDate = &d
	}
	for _, a := range sr.Articles {
		if a == nil {
			continue
		}
		s.Articles = append(s.Articles, wireArticle(a))
	}
	for _, e := range sr.Entities {
		kind := e.Kind
		if kind == "" {
			// The contract allows only the four kinds; unknown is "other".
			kind = crosscheck.KindOther
		}
		s.Entities = append(s.Entities, jsonEntity{
			Name: e.Name, Kind: string(kind), Aliases: nonNil(e.Aliases),
			Roles: e.Roles, Articles: nonNil(e.Articles), Mentions: e.Mentions,
		})
	}
	for _, c := range sr.Claims {
		s.Claims = append(s.Claims, jsonClaim{
			ID: c.ID, Text: c.Text, Status: string(c.Status), Sources: wireSources(c.Sources),
			Subject: c.Subject, Predicate: c.Predicate, Values: c.Values, Negated: c.Negated,
			Outlets: c.Outlets, Independent: c.Independent, CreditedTo: c.CreditedTo,
		})
	}
	for _, c := range sr.Conflicts {
		jc := jsonConflict{ID: c.ID, About: c.About, Kind: string(c.Kind), Variants: []jsonVariant{}, Claims: c.Claims}
		for _, v := range c.Variants {
			jc.Variants = append(jc.Variants, jsonVariant{
				Value: v.Value, Sentence: v.Sentence, Articles: nonNil(v.Articles),
				Outlets: v.Outlets, Sources: wireSources(v.Sources),
			})
		}
		s.Conflicts = append(s.Conflicts, jc)
	}
	for _, q := range sr.Quotes {
		s.Quotes = append(s.Quotes, jsonQuote{
			Speaker: q.Speaker, Text: q.Text, Articles: nonNil(q.Articles),
			Variants: q.Variants, Sources: wireSources(q.Sources),
		})
	}
	for _, a := range sr.Attributions {
		s.Attributions = append(s.Attributions, jsonAttribution{
			Source: a.Source, Kind: string(a.Kind), Articles: nonNil(a.Articles), Sources: wireSources(a.Sources),
		})
	}
	return s
}

func wireArticle(a *crosscheck.Article) jsonArticle {
	ja := jsonArticle{
		ID: a.ID, Source: a.Source, URL: a.URL, Language: a.Language,
		Outlet: strOrNil(a.Outlet), Author: strOrNil(a.Author), Title: strOrNil(a.Title),
		Correction: a.Correction, DuplicateOf: a.DuplicateOf, Text: a.Text,
		Modified: FormatModified(a), Credit: a.Credit,
	}
	if p := FormatPublished(a); p != "" {
		ja.Published = &p
	}
	return ja
}

// FormatModified gives an article's last modification time as
// FormatPublished gives its publication: the day alone when only the day
// is known, "" when unknown.
func FormatModified(a *crosscheck.Article) string {
	switch {
	case a.Modified.IsZero():
		return ""
	case a.ModifiedDateOnly:
		return a.Modified.Format(time.DateOnly)
	default:
		return a.Modified.Format(time.RFC3339)
	}
}

// FormatPublished gives an article's publication time as the contract
// wants it: "YYYY-MM-DD" when only the day is known, RFC 3339 otherwise,
// "" when unknown.
func FormatPublished(a *crosscheck.Article) string {
	switch {
	case a.Published.IsZero():
		return ""
	case a.PublishedDateOnly:
		return a.Published.Format(time.DateOnly)
	default:
		return a.Published.Format(time.RFC3339)
	}
}

func wireSources(cs []crosscheck.Citation) []jsonSource {
	out := []jsonSource{}
	for _, c := range cs {
		out = append(out, jsonSource{Article: c.Article, Outlet: c.Outlet, Sentence: c.Sentence, Start: c.Span.Start, End: c.Span.End, InTitle: c.InTitle})
	}
	return out
}

func strOrNil(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
