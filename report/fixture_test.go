package report

import (
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// The fixtures are invented: a made-up town, made-up outlets and people.
// They exercise every section of a report without any corpus text.

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

var plus2 = time.FixedZone("", 2*3600)

func fixtureArticles() []*crosscheck.Article {
	return []*crosscheck.Article{
		{
			ID: "3f9a0c1d2e4b5a60", Source: "https://ledger.example/news/bridge-reopens",
			Meta: crosscheck.Meta{
				Title: "Harbour bridge in Port Elspeth reopens after storm repairs", Outlet: "Northern Ledger",
				Author: "Mara Lindqvist", Published: time.Date(2031, 3, 14, 9, 30, 0, 0, time.UTC), Language: "en",
			},
			Text: "The Saltmarsh Bridge in Port Elspeth reopened to traffic on Friday morning, nine days after a storm tore away part of its railing.\n\n" +
				"\"We are relieved to have our crossing back,\" Mayor Ilse Brandt said at the ceremony.\n\n" +
				"Repairs cost 2.4 million crowns, the council said, according to Coastline Wire.",
		},
		{
			ID: "7b21e8d4c0a95f13", Source: "https://coastline.example/wire/4411",
			Meta: crosscheck.Meta{
				Title: "Port Elspeth bridge back open", Outlet: "Coastline Wire",
				Published: time.Date(2031, 3, 14, 8, 5, 0, 0, time.UTC),
			},
			Text: "The Saltmarsh Bridge reopened on Friday after eleven days of repairs, city engineers said.\n\n" +
				"Mayor Ilse Brandt said: \"We are relieved to have our crossing back.\"",
		},
		{
			ID: "c4d5e6f708192a3b", Source: "testdata/valley-times.html",
			Meta: crosscheck.Meta{
				Title: "Bridge reopens; council defends repair bill", Outlet: "Valley Times",
				Author: "Tomas Reyes", Published: day(2031, 3, 15), PublishedDateOnly: true,
			},
			Text: "Port Elspeth's Saltmarsh Bridge reopened on Friday, nine days after the storm.\n\n" +
				"Repairs cost 2.4 million crowns, the council said, Coastline Wire reported.",
			Correction:  "An earlier version misspelled the mayor's name.",
			DuplicateOf: "3f9a0c1d2e4b5a60",
		},
		{
			ID: "e0f1a2b3c4d5e6f7", Source: "feeds/harbour-radio.xml#item-9",
			URL: "https://harbour-radio.example/a/9?utm_source=feed",
			Meta: crosscheck.Meta{
				Title: "Saltmarsh Bridge open again", Outlet: "Harbour Radio",
				Published: time.Date(2031, 3, 14, 12, 0, 0, 0, plus2),
			},
			Text: "Drivers crossed the Saltmarsh Bridge again on Friday. A ferry service that ran during the closure will stop on Sunday.",
		},
	}
}

func fixtureStory(arts []*crosscheck.Article) crosscheck.Story {
	return crosscheck.Story{
		ID: "st-0001", Title: "Saltmarsh Bridge reopens in Port Elspeth after storm repairs",
		EventDate: day(2031, 3, 14), Places: []string{"Port Elspeth", "Saltmarsh Bridge"},
		Outlets: []string{"Northern Ledger", "Coastline Wire", "Valley Times", "Harbour Radio"}, Articles: len(arts),
	}
}

func cit(id, outlet, sentence string) crosscheck.Citation {
	return crosscheck.Citation{Article: id, Outlet: outlet, Sentence: sentence}
}

// fullReport is a story with every part of the analysis filled in.
func fullReport() *crosscheck.Report {
	arts := fixtureArticles()
	a1, a2, a3, a4 := arts[0].ID, arts[1].ID, arts[2].ID, arts[3].ID
	s1 := "The Saltmarsh Bridge in Port Elspeth reopened to traffic on Friday morning, nine days after a storm tore away part of its railing."
	s2 := "The Saltmarsh Bridge reopened on Friday after eleven days of repairs, city engineers said."
	s3 := "Port Elspeth's Saltmarsh Bridge reopened on Friday, nine days after the storm."
	s4 := "Drivers crossed the Saltmarsh Bridge again on Friday."
	cost1 := "Repairs cost 2.4 million crowns, the council said, according to Coastline Wire."
	cost3 := "Repairs cost 2.4 million crowns, the council said, Coastline Wire reported."
	ferry := "A ferry service that ran during the closure will stop on Sunday."
	sr := &crosscheck.StoryReport{
		Story:    fixtureStory(arts),
		Articles: arts,
		Brief: []crosscheck.BriefItem{
			{Text: s4, Articles: []string{a4, a1, a2, a3}, Claim: "c1"},
			{Text: s3, Articles: []string{a1, a3}, Claim: "c2", Conflict: "x1"},
			{Text: cost1, Articles: []string{a1, a3}, Claim: "c4"},
			{Text: ferry, Articles: []string{a4}, Claim: "c5"},
		},
		Entities: []crosscheck.Entity{
			{Name: "Port Elspeth", Kind: crosscheck.KindPlace, Articles: []string{a1, a3}, Mentions: 2},
			{Name: "Ilse Brandt", Kind: crosscheck.KindPerson, Aliases: []string{"Brandt", "the mayor"}, Roles: []string{"Mayor"}, Articles: []string{a1, a2}, Mentions: 3},
			{Name: "Saltmarsh Bridge", Kind: crosscheck.KindPlace, Articles: []string{a1, a2, a3, a4}, Mentions: 4},
			{Name: "Port Elspeth city council", Kind: crosscheck.KindOrganization, Aliases: []string{"the council"}, Articles: []string{a1, a3}, Mentions: 2},
		},
		Claims: []crosscheck.Claim{
			{ID: "c1", Text: "the Saltmarsh Bridge reopened on Friday", Status: crosscheck.Corroborated,
				Sources:     []crosscheck.Citation{cit(a1, "Northern Ledger", s1), cit(a2, "Coastline Wire", s2), cit(a3, "Valley Times", s3), cit(a4, "Harbour Radio", s4)},
				Outlets:     []string{"Northern Ledger", "Coastline Wire", "Valley Times", "Harbour Radio"},
				Independent: 4},
			{ID: "c4", Text: "repairs cost 2.4 million crowns", Status: crosscheck.Corroborated,
				Sources:     []crosscheck.Citation{cit(a1, "Northern Ledger", cost1), cit(a3, "Valley Times", cost3)},
				Outlets:     []string{"Northern Ledger", "Valley Times"},
				Independent: 1, CreditedTo: []string{"Coastline Wire"}},
			{ID: "c2", Text: "the bridge was closed for nine days", Status: crosscheck.Disputed,
				Sources:     []crosscheck.Citation{cit(a1, "Northern Ledger", s1), cit(a3, "Valley Times", s3)},
				Outlets:     []string{"Northern Ledger", "Valley Times"},
				Independent: 2},
			{ID: "c3", Text: "the bridge was closed for eleven days of repairs", Status: crosscheck.Disputed,
				Sources: []crosscheck.Citation{cit(a2, "Coastline Wire", s2)}, Outlets: []string{"Coastline Wire"},
				Independent: 1, CreditedTo: []string{"city engineers"}},
			{ID: "c5", Text: "a ferry service that ran during the closure will stop on Sunday", Status: crosscheck.SingleSource,
				Sources: []crosscheck.Citation{cit(a4, "Harbour Radio", ferry)}, Outlets: []string{"Harbour Radio"}, Independent: 1},
		},
		Conflicts: []crosscheck.Conflict{{
			ID: "x1", About: "how long the bridge was closed", Kind: crosscheck.ConflictValue,
			Variants: []crosscheck.Variant{
				{Value: "nine days", Sentence: s1, Articles: []string{a1, a3}, Outlets: []string{"Northern Ledger", "Valley Times"}},
				{Value: "eleven days", Sentence: s2, Articles: []string{a2}, Outlets: []string{"Coastline Wire"}},
			},
			Claims: []string{"c2", "c3"},
		}, {
			ID: "x2", About: "who cut the ribbon", Kind: crosscheck.ConflictName,
			Variants: []crosscheck.Variant{
				{Value: "Ilse Brandt", Sentence: "Mayor Ilse Brandt cut the ribbon.", Articles: []string{a1}},
				{Value: "Olav Hest", Sentence: "Deputy mayor Olav Hest cut the ribbon as the mayor looked on.", Articles: []string{a3}},
				{Value: "a harbour pilot", Sentence: "A harbour pilot cut the ribbon.", Articles: []string{a4}},
			},
		}},
		Quotes: []crosscheck.Quote{{
			Speaker: "Ilse Brandt", Text: "We are relieved to have our crossing back,",
			Articles: []string{a1, a2},
			Variants: []crosscheck.QuoteVariant{
				{Text: "We are relieved to have our crossing back,", Articles: []string{a1}},
				{Text: "We are relieved to have our crossing back.", Articles: []string{a2}},
			},
			Sources: []crosscheck.Citation{
				cit(a1, "Northern Ledger", "\"We are relieved to have our crossing back,\" Mayor Ilse Brandt said at the ceremony."),
				cit(a2, "Coastline Wire", "Mayor Ilse Brandt said: \"We are relieved to have our crossing back.\""),
			},
		}},
		Attributions: []crosscheck.Attribution{
			{Source: "Coastline Wire", Kind: crosscheck.AttrAgency, Articles: []string{a1, a3},
				Sources: []crosscheck.Citation{cit(a1, "Northern Ledger", cost1), cit(a3, "Valley Times", cost3)}},
			{Source: "city engineers", Kind: crosscheck.AttrOfficial, Articles: []string{a2}},
		},
		Coverage: []crosscheck.Coverage{
			{Outlet: "Northern Ledger", Articles: []string{a1}, Claims: 3},
			{Outlet: "Coastline Wire", Articles: []string{a2}, Claims: 2, Exclusive: []string{"c3"}, Omitted: []string{"c4"}},
			{Outlet: "Valley Times", Articles: []string{a3}, Claims: 3},
			{Outlet: "Harbour Radio", Articles: []string{a4}, Claims: 2, Exclusive: []string{"c5"}},
		},
		Timeline: []crosscheck.TimelineEntry{
			{When: day(2031, 3, 14), DateOnly: true, Text: "the Saltmarsh Bridge reopened", Sources: []crosscheck.Citation{cit(a1, "", s1), cit(a4, "", s4)}},
			{When: time.Date(2031, 3, 16, 18, 0, 0, 0, plus2), Text: "the ferry service stops", Sources: []crosscheck.Citation{cit(a4, "", ferry)}},
		},
	}
	return &crosscheck.Report{Stories: []*crosscheck.StoryReport{sr}, Generated: time.Date(2031, 3, 16, 7, 45, 0, 0, time.UTC)}
}

// foundationReport is what the foundation stage makes: stories and their
// articles, no analysis. The second story has one article of unknown
// outlet, author and date.
func foundationReport() *crosscheck.Report {
	arts := fixtureArticles()
	lone := &crosscheck.Article{
		ID: "9e8d7c6b5a493827", Source: "inbox/letter.txt",
		Text: "Residents of Gullhaven asked the council for a second ferry landing.",
	}
	return &crosscheck.Report{Stories: []*crosscheck.StoryReport{
		{Story: fixtureStory(arts), Articles: arts},
		{Story: crosscheck.Story{ID: "st-0002", Articles: 1}, Articles: []*crosscheck.Article{lone}},
	}}
}
