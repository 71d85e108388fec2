package loadgen

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// Store is what Fill writes to (package sqlite).
type Store interface {
	AddArticles(ctx context.Context, as []*crosscheck.Article) ([]crosscheck.AddResult, error)
	SaveStory(ctx context.Context, s *crosscheck.Story) error
	SetArticleStory(ctx context.Context, articleID, storyID string) error
}

// Options size the synthetic data.
type Options struct {
	// Articles is the number of articles; Stories the number of stories
	// they are spread over (Articles/Stories each, the rest to the first).
	Articles, Stories int
	// Seed makes the data reproducible.
	Seed uint64
	// Batch is the number of articles stored per transaction; 0 means 1000.
	Batch int
	// Progress, when set, is told the articles written so far.
	Progress func(done int)
}

var (
	people = []string{"Maria Lopez", "John Carter", "Amina Diallo", "Peter Novak", "Chen Wei", "Sofia Rossi",
		"Ahmed Khan", "Laura Schmidt", "Olga Petrova", "David Mensah", "Yuki Tanaka", "Lucas Martin",
		"Fatima Haddad", "Igor Volkov", "Ana Silva", "Tom Walsh", "Nadia Benali", "Raj Patel"}
	roles  = []string{"the minister", "the mayor", "the envoy", "the chief executive", "the spokesperson", "the governor", "the president"}
	places = []string{"Paris", "Berlin", "Madrid", "Warsaw", "Lisbon", "Nairobi", "Lagos", "Cairo", "Tokyo", "Seoul",
		"Jakarta", "Lima", "Bogota", "Toronto", "Sydney", "Dublin", "Vienna", "Prague", "Athens", "Oslo"}
	topics = []string{"talks on trade tariffs", "a summit on energy prices", "a strike at the port", "floods in the river valley",
		"a vote on the budget", "a fire at a chemical plant", "negotiations over a ceasefire", "a merger of two banks",
		"protests over fuel taxes", "an election count", "a rail accident", "a heatwave and water limits",
		"a ruling on data privacy", "a launch of a weather satellite", "a bridge collapse", "a vaccine rollout"}
	outlets = []string{"Reuters", "Associated Press", "AFP", "BBC News", "The Guardian", "Le Monde", "Der Spiegel", "El Pais",
		"Al Jazeera", "NHK World", "The Times", "Financial Times", "Bloomberg", "CNN", "NPR", "Deutsche Welle",
		"Euronews", "The Hindu", "ABC News", "CBC News", "Irish Times", "Kyodo", "Xinhua", "TASS", "Politico",
		"Axios", "The Independent", "Sky News", "France 24", "RFI", "Corriere della Sera", "La Repubblica",
		"Gazeta Wyborcza", "Publico", "Daily Nation", "Punch", "Ahram Online", "Yonhap", "Jakarta Post", "El Comercio"}
	verbs   = []string{"said", "announced", "confirmed", "warned", "told reporters", "insisted", "added", "noted"}
	fillers = []string{"officials", "residents", "analysts", "witnesses", "lawmakers", "workers", "investors", "diplomats",
		"the company", "the ministry", "the council", "the agency", "local media", "the police", "rescuers", "the union"}
	things = []string{"the plan", "the agreement", "the deadline", "the talks", "the measures", "the investigation",
		"the damage", "the costs", "the schedule", "the proposal", "the response", "the figures"}
	adverbs = []string{"late on", "early on", "on", "by the end of"}
	days    = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
)

type storySeed struct {
	id, title, place, topic, who, role string
	day                                time.Time
	count, minutes                     int
	outlets                            []string
}

// Fill writes opts.Articles synthetic articles in opts.Stories stories:
// each story has a topic, a place, a person and numbers that its articles
// state (some of them give a different number, so stories have conflicts),
// written with varied wording by different outlets.
func Fill(ctx context.Context, st Store, opts Options) error {
	if opts.Articles <= 0 || opts.Stories <= 0 || opts.Stories > opts.Articles {
		return fmt.Errorf("fill: want 0 < stories <= articles, got %d stories, %d articles", opts.Stories, opts.Articles)
	}
	batch := opts.Batch
	if batch <= 0 {
		batch = 1000
	}
	rng := rand.New(rand.NewPCG(opts.Seed, opts.Seed^0x9e3779b97f4a7c15))
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	per := opts.Articles / opts.Stories
	extra := opts.Articles - per*opts.Stories

	var arts []*crosscheck.Article
	var artStory []string
	var pending []*crosscheck.Story
	done := 0
	flush := func() error {
		if len(arts) == 0 {
			return nil
		}
		res, err := st.AddArticles(ctx, arts)
		if err != nil {
			return fmt.Errorf("fill: %w", err)
		}
		for _, s := range pending {
			if err := st.SaveStory(ctx, s); err != nil {
				return fmt.Errorf("fill: %w", err)
			}
		}
		for i, r := range res {
			if r.Duplicate {
				continue
			}
			if err := st.SetArticleStory(ctx, r.ID, artStory[i]); err != nil {
				return fmt.Errorf("fill: %w", err)
			}
		}
		done += len(arts)
		if opts.Progress != nil {
			opts.Progress(done)
		}
		arts, artStory, pending = arts[:0], artStory[:0], pending[:0]
		return nil
	}
	for i := range opts.Stories {
		if err := ctx.Err(); err != nil {
			return err
		}
		n := per
		if i < extra {
			n++
		}
		sd := storySeed{
			id:      fmt.Sprintf("s-load%06d", i),
			place:   places[rng.IntN(len(places))],
			topic:   topics[rng.IntN(len(topics))],
			who:     people[rng.IntN(len(people))],
			role:    roles[rng.IntN(len(roles))],
			day:     start.Add(time.Duration(i) * 24 * time.Hour * 700 / time.Duration(opts.Stories)).Truncate(24 * time.Hour),
			count:   10 + rng.IntN(490),
			minutes: 15 + 5*rng.IntN(20),
		}
		sd.title = fmt.Sprintf("%s in %s: %s speaks", capitalize(sd.topic), sd.place, sd.who)
		perm := rng.Perm(len(outlets))
		for k := range n {
			sd.outlets = append(sd.outlets, outlets[perm[k%len(perm)]])
		}
		s := &crosscheck.Story{
			ID: sd.id, Title: sd.title, EventDate: sd.day, Places: []string{sd.place},
			Entities: []string{sd.who}, Outlets: uniq(sd.outlets), Articles: n,
			Created: sd.day.Add(8 * time.Hour), Updated: sd.day.Add(20 * time.Hour),
		}
		pending = append(pending, s)
		for k := range n {
			arts = append(arts, article(rng, sd, k))
			artStory = append(artStory, sd.id)
		}
		if len(arts) >= batch {
			if err := flush(); err != nil {
				return err
			}
		}
	}
	return flush()
}

// article writes one outlet's report of a story.
func article(rng *rand.Rand, sd storySeed, k int) *crosscheck.Article {
	outlet := sd.outlets[k]
	minutes, count := sd.minutes, sd.count
	if k == 1 { // the second report disagrees: a conflict to find
		minutes += 10 + 5*rng.IntN(4)
	}
	if k == 2 && rng.IntN(2) == 0 {
		count += 20 + rng.IntN(50)
	}
	day := days[int(sd.day.Weekday()+6)%7]
	var paras [][]string
	paras = append(paras, []string{
		fmt.Sprintf("%s, %s %s %s about %s on %s, %s said.", sd.who, sd.role, verbs[rng.IntN(len(verbs))], strings.ToLower(things[rng.IntN(len(things))]), sd.topic, day, pick(rng, fillers)),
		fmt.Sprintf("The meeting in %s lasted %d minutes, according to %s.", sd.place, minutes, pick(rng, fillers)),
	})
	paras = append(paras, []string{
		fmt.Sprintf("About %d people took part, %s told %s.", count, pick(rng, fillers), outlets[rng.IntN(len(outlets))]),
		fmt.Sprintf("\"We will not accept %s without a vote,\" %s said.", pick(rng, things), sd.who),
	})
	for p := 0; p < 2+rng.IntN(3); p++ {
		var para []string
		for s := 0; s < 2+rng.IntN(3); s++ {
			para = append(para, fmt.Sprintf("%s %s that %s would be reviewed %s %s, %s in %s.",
				capitalize(pick(rng, fillers)), pick(rng, verbs), pick(rng, things), pick(rng, adverbs), days[rng.IntN(7)],
				pick(rng, fillers), sd.place))
		}
		paras = append(paras, para)
	}
	a := &crosscheck.Article{
		Source: fmt.Sprintf("load/%s/%d.txt", sd.id, k),
		URL:    fmt.Sprintf("https://news.example/%s/%d", sd.id, k),
		Meta: crosscheck.Meta{
			Title:     fmt.Sprintf("%s: %s %s", sd.place, sd.who, []string{"speaks on", "comments on", "weighs in on", "addresses"}[k%4]) + " " + sd.topic,
			Outlet:    outlet,
			Author:    pick(rng, people),
			Published: sd.day.Add(time.Duration(9+k) * time.Hour),
			Language:  "en",
		},
	}
	var b strings.Builder
	for pi, para := range paras {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		pstart := b.Len()
		for si, s := range para {
			if si > 0 {
				b.WriteString(" ")
			}
			st := b.Len()
			b.WriteString(s)
			a.Sentences = append(a.Sentences, crosscheck.Sentence{Span: crosscheck.Span{Start: st, End: b.Len()}, Para: pi})
		}
		a.Paragraphs = append(a.Paragraphs, crosscheck.Span{Start: pstart, End: b.Len()})
	}
	a.Text = b.String()
	return a
}

func pick(rng *rand.Rand, xs []string) string { return xs[rng.IntN(len(xs))] }

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func uniq(xs []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, x := range xs {
		if !seen[x] {
			seen[x] = true
			out = append(out, x)
		}
	}
	return out
}
