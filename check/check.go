package check

import (
	"math"
	"path"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// Options tunes Analyze. The zero value uses the defaults.
type Options struct {
	// BriefItems caps the statements of the brief (default 8).
	BriefItems int
	// MinScore is the similarity at or above which two sentences of
	// different articles state the same fact (default 0.45).
	MinScore float64
}

func (o Options) withDefaults() Options {
	if o.BriefItems <= 0 {
		o.BriefItems = 8
	}
	if o.MinScore <= 0 {
		o.MinScore = 0.45
	}
	return o
}

// Analyze cross-checks the articles of one story: it extracts what each
// article states (package claim), aligns the facts across articles, and
// reports corroboration, conflicts, quotes, attributions, coverage, a
// timeline and a brief. It is pure: no I/O, safe for concurrent use.
func Analyze(story *crosscheck.Story, articles []*crosscheck.Article, opts Options) *crosscheck.StoryReport {
	opts = opts.withDefaults()
	arts := make([]*crosscheck.Article, 0, len(articles))
	for _, a := range articles {
		if a != nil {
			arts = append(arts, a)
		}
	}
	sort.SliceStable(arts, func(i, j int) bool {
		ti, tj := arts[i].Published, arts[j].Published
		if ti.IsZero() != tj.IsZero() {
			return !ti.IsZero()
		}
		return ti.Before(tj)
	})
	ans := extractAll(arts, claimOptions(arts))
	return analyzeExtracted(story, ans, opts)
}

// claimOptions resolves relative dates of articles without a date of
// their own against the story's median date.
func claimOptions(arts []*crosscheck.Article) claim.Options {
	ref := referenceDate(arts)
	return claim.Options{Reference: ref, Story: ref}
}

// referenceDate is the median publication date, to resolve relative dates
// of articles without one.
func referenceDate(arts []*crosscheck.Article) time.Time {
	var ts []time.Time
	for _, a := range arts {
		if !a.Published.IsZero() {
			ts = append(ts, a.Published)
		}
	}
	if len(ts) == 0 {
		return time.Time{}
	}
	sort.Slice(ts, func(i, j int) bool { return ts[i].Before(ts[j]) })
	return ts[(len(ts)-1)/2]
}

// state is the working state of one analysis.
type state struct {
	opts       Options
	ans        []*claim.Analysis
	outlet     []string // per article: display outlet
	okey       []string // per article: outlet identity
	gid        [][]int  // per article, per local entity: global entity
	ents       []crosscheck.Entity
	nConflicts int
	rep        *crosscheck.StoryReport

	items   []item
	claimOf []int // per item: claim index
	claims  []claimGroup
	towns   map[int]map[int]bool // per item: where it happened (see towns)

	// year and month most articles name (0: unknown), see storyMoment
	year, month int
	// idf weighs stems ("s:") and entities ("e:") by rarity, see slotIDF
	idf map[string]float64
	// buckets are the slots no outlet disputes, see agreedSlots
	buckets   [][]slotRef
	countries map[int]map[int]bool
	mainC     *int
	wday      *int
	dead      *bool
	// risen is, per slot bucket, the highest figure a report gives as
	// where a count rose to ("the death toll rose to 10")
	risen map[string]float64
	main  *int // see mainPlace
	// credits are the story's sources, see creditGroups
	credits *creditGrouping
}

// item is one fact of one article.
type item struct {
	art, fact int
}

type claimGroup struct {
	items     []int
	disputed  bool
	conflicts []string // IDs of the conflicts it is part of
	id        string
	// slot claims state one figure of one slot (see slot.go): their text
	// is the figure as written, their items the sentences stating it
	slot bool
	text string
	vals []crosscheck.Value
	// subject of a slot claim: the entity the figure is of ("Paul Riva"
	// for his age), "" when the slot names none; never the subject of the
	// first sentence, which may be someone else
	subject string
}

func analyzeExtracted(story *crosscheck.Story, ans []*claim.Analysis, opts Options) *crosscheck.StoryReport {
	s := newState(ans)
	s.opts = opts
	if story != nil {
		s.rep.Story = *story
	}
	conflicts := s.conflicts()
	s.buildClaims(conflicts)
	s.rep.Conflicts = conflicts
	s.quotes()
	s.attributions()
	s.coverage()
	s.timeline()
	s.brief()
	s.fillStory()
	if s.rep.Brief == nil {
		s.rep.Brief = []crosscheck.BriefItem{}
	}
	return s.rep
}

// newState sets up the analysis of extracted articles: outlets, entities
// merged across articles, facts aligned, the story's moment and word
// weights.
func newState(ans []*claim.Analysis) *state {
	s := &state{opts: Options{}.withDefaults(), ans: ans}
	s.rep = &crosscheck.StoryReport{Articles: []*crosscheck.Article{}}
	for _, an := range ans {
		s.rep.Articles = append(s.rep.Articles, an.Article)
		o := an.Article.Outlet
		k := strings.ToLower(strings.TrimSpace(o))
		if o == "" {
			o = path.Base(an.Article.Source)
			k = "source:" + an.Article.Source
			if an.Article.Source == "" {
				o, k = an.Article.ID, "id:"+an.Article.ID
			}
		}
		s.outlet = append(s.outlet, o)
		s.okey = append(s.okey, k)
	}
	s.mergeEntities()
	s.align()
	s.storyMoment()
	s.slotIDF()
	return s
}

// fillStory completes what the story does not say yet: its article count,
// outlets, main places and entities, and a title from its first article.
func (s *state) fillStory() {
	st := &s.rep.Story
	if st.Articles == 0 {
		st.Articles = len(s.ans)
	}
	if len(st.Outlets) == 0 {
		seen := map[string]bool{}
		for a, an := range s.ans {
			if an.Article.Outlet != "" && !seen[s.okey[a]] {
				seen[s.okey[a]] = true
				st.Outlets = append(st.Outlets, an.Article.Outlet)
			}
		}
	}
	if len(st.Places) == 0 || len(st.Entities) == 0 {
		var places, ents []string
		for _, e := range s.rep.Entities {
			if len(e.Articles) < 2 && len(s.ans) > 1 {
				continue
			}
			switch e.Kind {
			case crosscheck.KindPlace:
				if len(places) < 5 {
					places = append(places, e.Name)
				}
			case crosscheck.KindPerson, crosscheck.KindOrganization:
				if len(ents) < 8 {
					ents = append(ents, e.Name)
				}
			}
		}
		if len(st.Places) == 0 {
			st.Places = places
		}
		if len(st.Entities) == 0 {
			st.Entities = ents
		}
	}
	if st.Title == "" {
		for _, an := range s.ans {
			if an.Article.Title != "" {
				st.Title = an.Article.Title
				break
			}
		}
	}
}

func (s *state) cite(art, sent int) crosscheck.Citation {
	an := s.ans[art]
	if sent < 0 {
		t := an.Article.Title
		return crosscheck.Citation{Article: an.Article.ID, Outlet: an.Article.Outlet, Sentence: t,
			Span: crosscheck.Span{Start: 0, End: len(t)}, InTitle: true}
	}
	sp := an.Sentences[sent].Span
	return crosscheck.Citation{
		Article: an.Article.ID, Outlet: an.Article.Outlet,
		Sentence: an.Article.Text[sp.Start:sp.End], Span: sp,
	}
}

// subjectKey is globalKey for a subject, with role phrases ("the finance
// minister") resolved to the one person of the story holding that role.
func (s *state) subjectKey(art int, key, text string) string {
	g := s.globalKey(art, key)
	if !strings.HasPrefix(g, "H:") || !strings.HasSuffix(g, "|") {
		return g
	}
	holder := -1
	for id, e := range s.ents {
		if e.Kind != crosscheck.KindPerson {
			continue
		}
		for _, r := range e.Roles {
			if claim.RoleMatches(r, text) {
				if holder >= 0 && holder != id {
					return g // two holders: unsure
				}
				holder = id
			}
		}
	}
	if holder < 0 {
		return g
	}
	return "E:" + itoa(holder)
}

// globalKey translates an article's subject key into story-wide entity ids.
func (s *state) globalKey(art int, key string) string {
	if key == "" {
		return ""
	}
	switch key[0] {
	case 'e':
		n := atoi(key[2:])
		if n < 0 || n >= len(s.gid[art]) {
			return ""
		}
		return "E:" + itoa(s.gid[art][n])
	case 'h':
		bar := strings.IndexByte(key, '|')
		if bar < 0 {
			return "H:" + key[2:]
		}
		var ids []int
		for _, p := range strings.Split(key[bar+1:], ",") {
			if p == "" {
				continue
			}
			if n := atoi(p); n >= 0 && n < len(s.gid[art]) {
				ids = append(ids, s.gid[art][n])
			}
		}
		sort.Ints(ids)
		var b strings.Builder
		b.WriteString("H:")
		b.WriteString(key[2:bar])
		b.WriteByte('|')
		for i, id := range ids {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(itoa(id))
		}
		return b.String()
	}
	return ""
}

func atoi(s string) int {
	n := 0
	if s == "" {
		return -1
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	neg := n < 0
	if neg {
		n = -n
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	if neg {
		i--
		b[i] = '-'
	}
	return string(b[i:])
}

func roundKey(f float64) string {
	if f >= claim.Unbounded {
		return "inf"
	}
	return itoa(int(math.Round(f)))
}
