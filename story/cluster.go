package story

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// Options tune the clusterer. The zero value of a field means its default.
type Options struct {
	// Window is how far apart in time an article's event and a story's can
	// be and still be compared, and how long a story is kept in memory
	// after it last changed (in the stream's time: the latest publication
	// date seen). Default 14 days.
	Window time.Duration
	// Threshold is the least cosine similarity between an article and the
	// centroid of another group for the article to move there when a batch
	// is refined. Default 0.18.
	Threshold float64
	// PairThreshold is the mean similarity of article pairs (cosine of
	// TF-IDF vectors times the time penalty) at which two groups of
	// articles merge (articles of a batch, or a batch's articles and a
	// recent story). Default 0.18.
	PairThreshold float64
	// Cohesion keeps apart two groups that are each much tighter than they
	// are to one another (two look-alike events): groups merge only when
	// their mean pair similarity is at least Cohesion times the mean
	// similarity inside the looser group (counted at most 0.35). Default 0.75.
	Cohesion float64
	// Batch is the number of articles Evaluate places together with
	// PlaceBatch, as the pipeline does. Default 200.
	Batch int
	// TimeScale is how fast similarity falls with the days between two
	// event dates: the factor is exp(-(gap-2 days)/TimeScale) for gaps
	// over two days, and 0 beyond Window. Default 7 days.
	TimeScale time.Duration
	// TitleBoost multiplies the weight of title words. Default 3.
	TitleBoost float64
	// EntityBoost multiplies the weight of capitalised words and names
	// (and numbers, by half as much). Default 2.
	EntityBoost float64
	// MaxStoryTerms caps the terms kept per story. Default 150.
	MaxStoryTerms int
	// Candidates caps the recent stories each article of a batch brings
	// into the batch's clustering, found through the index. Default 5.
	Candidates int
}

func (o Options) withDefaults() Options {
	if o.Window <= 0 {
		o.Window = 14 * 24 * time.Hour
	}
	if o.Threshold <= 0 {
		o.Threshold = 0.18
	}
	if o.PairThreshold <= 0 {
		o.PairThreshold = 0.18
	}
	if o.Cohesion <= 0 {
		o.Cohesion = 0.75
	}
	if o.Batch <= 0 {
		o.Batch = 200
	}
	if o.TimeScale <= 0 {
		o.TimeScale = 7 * 24 * time.Hour
	}
	if o.TitleBoost <= 0 {
		o.TitleBoost = 3
	}
	if o.EntityBoost <= 0 {
		o.EntityBoost = 2
	}
	if o.MaxStoryTerms <= 0 {
		o.MaxStoryTerms = 150
	}
	if o.Candidates <= 0 {
		o.Candidates = 5
	}
	return o
}

// Index limits: they keep the cost of placing one article constant however
// many stories are held.
const (
	queryTerms = 20 // an article's heaviest terms looked up in the index
	// idfPrior is the pseudo-articles, holding none of the terms, that
	// soften IDF until a stream has its own statistics. Among the few
	// reports of one event, the words they share would otherwise weigh
	// least just because they share them; a thousand articles are about
	// when a stream's own frequencies start to tell common words apart.
	idfPrior    = 1000
	postTerms   = 40  // a story's heaviest terms it is indexed under
	postingCap  = 256 // stories kept per term, most recent first
	clockSample = 31  // publication days the clock is the median of
	// The lead tells the event: its first sentences weigh more.
	leadSentences = 3
	leadBoost     = 1.5
	// A day resting on nothing firmer than a weekday name fits a span some
	// weeks earlier at this factor.
	weekAlign = 0.8
	// Gaps between event days up to this many days cost nothing.
	freeDays     = 2
	maxTitles    = 8
	maxSlots     = 24
	maxEntities  = 64
	entityReport = 8
	placeReport  = 5
)

// tw is a term's weight in a vector. For a story, w is the sum over its
// articles of each article's normalised term frequency weight (IDF is
// applied at comparison time, so the story keeps up with the statistics)
// and docs counts the articles holding the term.
type tw struct {
	id   uint32
	w    float32
	docs uint16
	// ent marks, in an article's vector only, a term that is a name or a
	// number there (see sharesName).
	ent bool
}

type count struct {
	name string
	n    int
}

type story struct {
	id       string
	seq      int32   // order of opening (and import): newer stories have higher seqs
	slot     int32   // index in Clusterer.held while held
	terms    []tw    // sorted by id
	within   float64 // sum of the similarities of its pairs of articles
	n        int     // articles
	nvec     int     // articles whose terms are in the vector (near duplicates are not)
	shorts   int     // of those, the short ones (features.short)
	first    day
	last     day
	touch    day // the clock when the story last changed
	anchored int // articles whose day the text states outright (not by weekday)
	dates    map[day]float64
	titles   []string
	ents     []count
	places   []count
	outlets  []string
	members  []string
	created  time.Time
	updated  time.Time
	postings []uint32 // terms it is indexed under
	slots    []slot   // the values its articles give (see slot), the first maxSlots
	norm     float64  // the norm of terms under the statistics of generation normGen
	normGen  uint32
}

// Clusterer places articles into stories, one at a time. It is not safe
// for concurrent use.
type Clusterer struct {
	opts   Options
	window day
	scale  float64

	terms   map[string]uint32
	words   map[string]uint32 // lowercased word -> term plus one, a cache
	names   []string
	df      []float32
	caseUp  []float32 // times a term was capitalised inside a sentence of running text
	caseLow []float32 // times it was not
	isWord  []bool    // by term: a word, not a number, date or tag (see wordTerm)
	idfC    []idfEntry
	gen     uint32 // generation of df and nDocs, bumped whenever they change
	nDocs   float64
	stem    stemmer
	stories map[int32]*story
	byID    map[string]*story
	index   [][]int32 // by term: the seqs of the stories posted under it, oldest first
	// held lists the held stories by slot, which the index's postings
	// name; seqOf gives each slot's story's seq; an evicted story's slot
	// goes to free, for the next story. So these tables hold as many
	// entries as stories are held at once, not as were ever opened.
	held         []*story
	seqOf        []int32
	free         []int32
	placed       map[string]*story // article ID -> story, for near duplicates and re-runs
	nextSeq      int32
	clock        day
	sinceCompact int   // articles placed since the last compaction
	recent       []day // the latest publication days, for the clock
	evicted      day

	// scratch
	drafts   []draft // reused across chunks
	toks     [workerCount][]token
	scratch  [workerCount]scratch // one per worker; serial steps use the first
	finders  [workerCount]finder  // one per worker finding candidate stories
	pairPost postings             // cluster's, for pairs of chunk articles
}

// NewClusterer returns an empty clusterer.
func NewClusterer(opts Options) *Clusterer {
	opts = opts.withDefaults()
	return &Clusterer{
		opts:    opts,
		window:  day(math.Ceil(opts.Window.Hours() / 24)),
		scale:   opts.TimeScale.Hours() / 24,
		terms:   map[string]uint32{},
		words:   map[string]uint32{},
		stem:    stemmer{cache: map[string]string{}},
		stories: map[int32]*story{},
		byID:    map[string]*story{},
		placed:  map[string]*story{},
		clock:   noDay,
		gen:     1,
		evicted: noDay,
	}
}

func (c *Clusterer) termID(s string) uint32 {
	if id, ok := c.terms[s]; ok {
		return id
	}
	id := uint32(len(c.names))
	s = strings.Clone(s)
	c.terms[s] = id
	c.names = append(c.names, s)
	c.df = append(c.df, 0)
	c.caseUp = append(c.caseUp, 0)
	c.caseLow = append(c.caseLow, 0)
	c.isWord = append(c.isWord, wordTerm(s))
	c.idfC = append(c.idfC, idfEntry{})
	return id
}

// wordTerm says a term is a word: not a tag ("@...") and without digits.
// finish counts an article's words for every article: a flag per term
// spares reading every term's name.
func wordTerm(s string) bool {
	return s[0] != '@' && !strings.ContainsFunc(s, isDigit)
}

// wordID returns the term of a lowercased word: its stem's number.
func (c *Clusterer) wordID(w string) uint32 {
	if id := c.words[w]; id != 0 {
		return id - 1
	}
	id := c.termID(c.stem.stem(w))
	if len(c.words) >= stemCacheMax {
		clear(c.words) // bounded memory; refills with current vocabulary
	}
	c.words[strings.Clone(w)] = id + 1
	return id
}

func (c *Clusterer) idf(id uint32) float64 {
	// Cached per generation of the statistics: a logarithm per term per
	// comparison would be the costliest step otherwise. Workers of one
	// chunk may fill the cache at once: the value is stored before the
	// generation that makes it valid, and both store the same value.
	e := &c.idfC[id]
	if e.gen.Load() == c.gen {
		return math.Float64frombits(e.v.Load())
	}
	v := math.Log(1 + (c.nDocs+idfPrior)/(float64(c.df[id])+1))
	e.v.Store(math.Float64bits(v))
	e.gen.Store(c.gen)
	return v
}

type idfEntry struct {
	v   atomic.Uint64 // the IDF's bits
	gen atomic.Uint32 // valid while it equals Clusterer.gen
}

// features is what placing needs to know of one article.
type features struct {
	tf    []tw // normalised term frequency weights (IDF not applied), sorted by id
	vec   []float64
	d     day // event day, for the summary
	dkind int
	t     day // event day when the article has a publication date, for clustering
	// weekday says t rests on a weekday name only (see eventDayWeek).
	weekday bool
	title   string
	ents    []string
	places  []string
	// words counts its terms that are words, not numbers or dates: an
	// item of a date line only ("Friday, March 08, 2013") tells no event.
	words int
	// short marks an item of few terms (a headline, a headline and a
	// line): see shortTerms.
	short bool
	// slots are the values its headline and lead give (see slot).
	slots []slot
}

// analyse tokenises a and builds its features. It does not change the
// statistics.
func (c *Clusterer) analyse(a *crosscheck.Article) features {
	var d draft
	c.draft(a, &d, nil)
	c.resolve(&d)
	return c.finish(&d, &c.scratch[0])
}

// draft is an article analysed as far as it can be without the
// clusterer's shared state, so that drafts can be made in parallel.
type draft struct {
	f     features // all but tf and vec
	words []weighted
	names []weighted // adjacent capitalised words, as "tara_reid"
	slots []rawSlot
	kept  []slot // the slots resolve keeps
}

type weighted struct {
	w string
	v float64
	// cap marks a capitalised word of a headline-case sentence, where the
	// capital does not tell a name: finish boosts it as far as the word
	// is capitalised elsewhere in running text. For a name of two words,
	// pair holds the second word, and the name is kept only when both are
	// names elsewhere.
	cap  bool
	pair string
	// skip marks a name of two words that resolve found is none.
	skip bool
	// id is the term of w plus one when draft found it in
	// Clusterer.words (a name of two words: in Clusterer.terms), else 0
	// (finish looks it up).
	id uint32
	// cased marks a word of running text, inside a sentence, that tells
	// whether the word is a name (upper) or not.
	cased, upper bool
	// ent marks a name or a number: a figure, or a word capitalised
	// where capitals tell names; entCap a capitalised word of a
	// headline-case sentence, a name as far as finish finds it one.
	ent, entCap bool
}

// draft tokenises a, resolves its dates, finds its names and weighs its
// words, into d, whose slices it reuses. toks is scratch for the tokens,
// returned for the next call. It reads c.opts and c.words only, so that
// drafts can be made in parallel while nothing writes to the clusterer.
func (c *Clusterer) draft(a *crosscheck.Article, d *draft, toks []token) []token {
	*d = draft{words: d.words[:0], names: d.names[:0], slots: d.slots[:0]}
	f := &d.f
	toks, sents := articleTokens(a, toks[:0])
	f.d, f.dkind, f.weekday = eventDayWeek(a, toks, sents)
	// Only a publication date anchors the text's dates well enough to keep
	// stories apart: text alone often names a day long past.
	f.t = noDay
	if !a.Published.IsZero() {
		f.t = f.d
	}
	f.title = a.Title
	if f.title == "" && len(sents) > 0 {
		f.title = clip(a.Text[sents[0].Start:sents[0].End], 120)
	}
	eb := c.opts.EntityBoost
	dates, when := dateTokens(a, toks)
	caps := titleCase(toks)
	for i, t := range toks {
		if t.class&(clStop|clStamp) != 0 || dates[i] || (len(t.lower) < 2 && !t.digit) {
			continue
		}
		// "Last updated" is a page's stamp, no word of its story.
		if t.lower == "last" && i+1 < len(toks) && toks[i+1].class&clStamp != 0 {
			continue
		}
		headline := caps[t.sent+1]
		w := 1.0
		switch {
		case t.sent < 0:
			w = c.opts.TitleBoost
		case t.sent < leadSentences:
			w = leadBoost
		}
		next := i+1 < len(toks) && adjacent(a, toks[i], toks[i+1])
		switch {
		case t.digit:
			w *= 1 + (eb-1)/2
		case t.upper && t.sent >= 0 && !headline && (!t.first || next && toks[i+1].upper):
			w *= eb
		}
		pending := t.upper && !t.digit && headline
		ent := t.digit || t.upper && !headline && (!t.first || next && toks[i+1].upper)
		// A word the clusterer knows already needs no lookup later,
		// in the one goroutine that places.
		d.words = append(d.words, weighted{w: t.lower, v: w, cap: pending && t.sent >= 0, id: c.words[t.lower],
			cased: t.sent >= 0 && !headline && !t.first && !t.digit, upper: t.upper, ent: ent, entCap: pending})
		// Adjacent capitalised words: the name as one term ("tara_reid").
		if t.upper && !t.digit && next && toks[i+1].upper && !toks[i+1].digit && toks[i+1].class&(clStop|clStamp) == 0 {
			x := weighted{w: t.lower + "_" + toks[i+1].lower, v: w, ent: true}
			if pending {
				x.cap, x.w, x.pair = true, t.lower, toks[i+1].lower
			} else if id, ok := c.terms[x.w]; ok {
				x.id = id + 1
			}
			d.names = append(d.names, x)
		}
	}
	// A date is one term, its month: "November 27, 2005" and "11/28/05"
	// agree, and years keep look-alike events of different years apart.
	for _, x := range when {
		w := 1 + (eb-1)/2
		switch {
		case x.v < 0:
			w *= c.opts.TitleBoost
		case x.v < leadSentences:
			w *= leadBoost
		}
		d.names = append(d.names, weighted{w: x.w, v: w})
	}
	f.ents, f.places = phrases(a, toks)
	d.slots = slotRuns(a, toks, dates, caps, d.slots)
	if cap(toks) > maxTokenBuf {
		return nil // one huge article's buffer is not kept
	}
	return toks
}

// maxTokenBuf is the largest token buffer kept for the next article.
const maxTokenBuf = 1 << 15

// resolve gives a draft's words, names and slots their terms, adding new
// terms to the vocabulary, and drops the places that are no names. Drafts
// are resolved one at a time, in chunk order, so terms are numbered the
// same however many workers finish them.
func (c *Clusterer) resolve(d *draft) {
	d.f.places = slices.DeleteFunc(d.f.places, func(p string) bool { return !c.namelike(p) })
	for i := range d.words {
		if x := &d.words[i]; x.id == 0 {
			x.id = c.wordID(x.w) + 1
		}
	}
	for i := range d.names {
		x := &d.names[i]
		if x.cap {
			if c.nameness(c.wordID(x.w)) < 0.5 || c.nameness(c.wordID(x.pair)) < 0.5 {
				x.skip = true
				continue
			}
			x.id = c.termID(x.w+"_"+x.pair) + 1
			continue
		}
		if x.id == 0 {
			x.id = c.termID(x.w) + 1
		}
	}
	d.kept = c.keepSlots(d.slots)
}

// finish turns a resolved draft into features, term weights, in the
// worker's scratch sc. Workers may finish drafts at once.
func (c *Clusterer) finish(d *draft, sc *scratch) features {
	f := d.f
	eb := c.opts.EntityBoost
	for _, x := range d.words {
		id := x.id - 1
		v := x.v
		ent := x.ent || x.entCap && c.nameness(id) >= 0.5
		if x.cap {
			v *= 1 + (eb-1)*c.nameness(id)
		}
		sc.addTF(id, v, ent, len(c.names))
	}
	for _, x := range d.names {
		if !x.skip {
			sc.addTF(x.id-1, x.v, x.ent || x.cap, len(c.names))
		}
	}
	slices.Sort(sc.tfIDs)
	f.tf = carve(&sc.tfSlab, len(sc.tfIDs))
	for k, id := range sc.tfIDs {
		f.tf[k] = tw{id: id, w: float32(1 + math.Log(sc.tfAcc[id])), ent: sc.tfEnt[id]}
		sc.tfAcc[id], sc.tfEnt[id] = 0, false
	}
	sc.tfIDs = sc.tfIDs[:0]
	for _, t := range f.tf {
		if c.isWord[t.id] {
			f.words++
		}
	}
	f.short = len(f.tf) <= shortTerms
	f.slots = d.kept
	d.kept = nil // the features own them
	return f
}

// addTF adds v to the weight of term id in the article being finished;
// vocab is the size of the vocabulary.
func (sc *scratch) addTF(id uint32, v float64, ent bool, vocab int) {
	if int(id) >= len(sc.tfAcc) {
		sc.tfAcc = append(sc.tfAcc, make([]float64, vocab-len(sc.tfAcc))...)
		sc.tfEnt = append(sc.tfEnt, make([]bool, vocab-len(sc.tfEnt))...)
	}
	if sc.tfAcc[id] == 0 {
		sc.tfIDs = append(sc.tfIDs, id)
	}
	sc.tfAcc[id] += v
	sc.tfEnt[id] = sc.tfEnt[id] || ent
}

// carve returns n zeroed elements from the slab, a new slab when it is
// full. The result has no spare capacity: appending to it copies.
func carve[T any](slab *[]T, n int) []T {
	s := *slab
	if cap(s)-len(s) < n {
		s = make([]T, 0, max(2*cap(s), n, 1<<12))
	}
	out := s[len(s) : len(s)+n : len(s)+n]
	clear(out)
	*slab = s[:len(s)+n]
	return out
}

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// learnCase counts how the draft's words are written inside sentences of
// running text: capitalised there, a word is a name.
func (c *Clusterer) learnCase(d *draft) {
	for _, x := range d.words {
		if !x.cased {
			continue
		}
		id := x.id - 1
		if x.id == 0 {
			id = c.wordID(x.w)
		}
		if x.upper {
			c.caseUp[id]++
		} else {
			c.caseLow[id]++
		}
	}
}

// nameness is the share of a term's occurrences inside sentences that are
// capitalised, with one even observation as a prior: 0.5 for a term never
// seen in running text.
func (c *Clusterer) nameness(id uint32) float64 {
	up, low := float64(c.caseUp[id]), float64(c.caseLow[id])
	return (up + 0.5) / (up + low + 1)
}

// namelike reports whether a capitalised phrase found after "in" or
// "near" is a name by the way its last word is written elsewhere: a place
// ("in Paris", "near New York") is capitalised inside sentences, while
// "in Beta", "in Motion" or "in World War Z" end on words that running
// text writes in lower case.
func (c *Clusterer) namelike(p string) bool {
	toks := tokenize(p, 0, nil)
	for i := len(toks) - 1; i >= 0; i-- {
		if len(toks[i].lower) < 2 || toks[i].digit {
			continue
		}
		return c.nameness(c.wordID(toks[i].lower)) >= 0.5
	}
	return false
}

// weigh applies the current IDF to f: f.vec is the unit TF-IDF vector and
// f.tf is divided by the same norm, ready to add to a story.
func (c *Clusterer) weigh(f *features, sc *scratch) {
	f.vec = carve(&sc.vecSlab, len(f.tf))
	var ss float64
	for i, t := range f.tf {
		v := float64(t.w) * c.idf(t.id)
		f.vec[i] = v
		ss += v * v
	}
	if ss == 0 {
		return
	}
	n := math.Sqrt(ss)
	for i := range f.vec {
		f.vec[i] /= n
		f.tf[i].w = float32(float64(f.tf[i].w) / n)
	}
}

// adjacent reports whether two tokens are separated only by spaces (or a
// hyphen) in the same text.
func adjacent(a *crosscheck.Article, x, y token) bool {
	if x.sent != y.sent {
		return false
	}
	src := a.Text
	if x.sent < 0 {
		src = a.Title
	}
	if y.start-x.end != 1 {
		return false
	}
	c := src[x.end]
	return c == ' ' || c == '-'
}

// phrases returns the capitalised phrases of the article (names of people,
// organisations, places), each once, and those of them that follow "in" or
// "near" (places).
func phrases(a *crosscheck.Article, toks []token) (ents, places []string) {

	for i := 0; i < len(toks); {
		t := toks[i]
		if !t.upper || t.digit || t.class&clStop != 0 || len(t.lower) < 2 {
			i++
			continue
		}
		j := i + 1
		for j < len(toks) && toks[j].upper && !toks[j].digit && toks[j].class&clStop == 0 && adjacent(a, toks[j-1], toks[j]) && j-i < 5 {
			j++
		}
		// Headlines capitalise every word; a lone capitalised word opening
		// a sentence is usually not a name.
		if t.sent < 0 || j-i == 1 && t.first {
			i = j
			continue
		}
		// Roles and nationalities are not part of the name: "French
		// President Emmanuel Macron" is Emmanuel Macron.
		k := i
		for k < j-1 && (toks[k].class&clRole != 0 || demonym(toks[k].lower)) {
			k++
		}
		if k == j-1 && (toks[k].class&clRole != 0 || demonym(toks[k].lower)) {
			i = j
			continue
		}
		// A copy: a slice would keep the whole article in memory.
		p := strings.Clone(a.Text[toks[k].start:toks[j-1].end])
		p = strings.TrimSuffix(strings.TrimSuffix(p, "'s"), "’s")
		if strings.ToUpper(p) == p && len(p) > 4 {
			p = strings.Title(strings.ToLower(p)) //nolint:staticcheck // ASCII datelines only
		}
		if i > 0 && toks[i-1].sent == t.sent && (toks[i-1].lower == "in" || toks[i-1].lower == "near") {
			if !slices.Contains(places, p) {
				places = append(places, p)
			}
		} else if !slices.Contains(ents, p) {
			ents = append(ents, p)
		}
		i = j
	}
	return ents, places
}

// roleWords are titles and offices that precede names.
var roleWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`president prime minister chancellor secretary general envoy special king queen
prince princess pope senator sen governor gov mayor chief director chairman chairwoman ceo judge officer sgt
dr mr mrs ms lord sir captain capt commander inspector detective police coach manager spokesman spokeswoman
spokesperson head leader deputy foreign defence defense interior finance justice health state vice acting
former late u.s us uk eu un white house`) {
		m[w] = true
	}
	return m
}()

// demonym reports whether a word looks like a nationality ("Ukrainian",
// "European", "Chinese", "British").
func demonym(w string) bool {
	switch w {
	case "french", "dutch", "swiss", "greek", "thai", "welsh", "irish", "scottish", "danish", "polish", "finnish", "spanish", "turkish", "british":
		return true
	}
	return len(w) > 5 && (strings.HasSuffix(w, "ian") || strings.HasSuffix(w, "ean") || strings.HasSuffix(w, "ese"))
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut <= 0 {
		cut = n
	}
	return s[:cut] + "…"
}

// advance moves the clock, the stream's time, to a's publication day and
// evicts stories not touched within the window, once per new day. Event
// dates do not move the clock: a report can tell of a day long past.
func (c *Clusterer) advance(a *crosscheck.Article) {
	t := a.Published
	if t.IsZero() {
		t = a.Ingested
	}
	if t.IsZero() {
		return
	}
	// The clock is the median of the latest publication days, so that one
	// article dated far ahead (or a page stamped long after it appeared)
	// does not evict the stories that are still being reported.
	c.recent = append(c.recent, dayOf(t))
	if len(c.recent) > clockSample {
		c.recent = c.recent[len(c.recent)-clockSample:]
	}
	sorted := slices.Clone(c.recent)
	slices.Sort(sorted)
	d := sorted[(len(sorted)-1)/2]
	if c.clock != noDay && d <= c.clock {
		return
	}
	c.clock = d
	if c.evicted != noDay && c.clock-c.evicted < 1 {
		return
	}
	c.evicted = c.clock
	limit := c.clock - c.window
	for seq, s := range c.stories {
		if s.touch != noDay && s.touch < limit {
			c.evict(seq, s)
		}
	}
}

func (c *Clusterer) evict(seq int32, s *story) {
	delete(c.stories, seq)
	if c.byID[s.id] == s {
		delete(c.byID, s.id)
	}
	for _, m := range s.members {
		if c.placed[m] == s {
			delete(c.placed, m)
		}
	}
	// Out of the index at once: a posting of a story no longer held
	// would take a place of the candidates' budget. A story another
	// writer changed is forgotten and imported again under a new seq at
	// every placement (see Forget), so its postings would otherwise sit
	// among the newest, read first.
	for _, t := range s.postings {
		if int(t) < len(c.index) {
			if i := slices.Index(c.index[t], s.slot); i >= 0 {
				c.index[t] = slices.Delete(c.index[t], i, i+1)
			}
		}
	}
	c.held[s.slot] = nil
	c.free = append(c.free, s.slot)
	// Chunk items may still point at the story: keep only the shell.
	*s = story{id: s.id, seq: s.seq, slot: -1}
}

// hold gives a story opened or imported a slot of the held table.
func (c *Clusterer) hold(s *story) {
	if n := len(c.free); n > 0 {
		s.slot = c.free[n-1]
		c.free = c.free[:n-1]
		c.held[s.slot], c.seqOf[s.slot] = s, s.seq
		return
	}
	s.slot = int32(len(c.held))
	c.held = append(c.held, s)
	c.seqOf = append(c.seqOf, s.seq)
}

// compactEvery is how many articles pass between compactions.
const compactEvery = 50_000

// compact bounds memory over an endless stream: it halves the document
// frequencies (so the statistics follow recent news), forgets the terms
// that are now rare and that no held story uses, renumbers the rest and
// rebuilds the index without evicted stories.
func (c *Clusterer) compact() {
	c.nDocs /= 2
	keep := make([]bool, len(c.names))
	for id := range c.df {
		c.df[id] /= 2
		keep[id] = c.df[id] >= 1
	}
	seqs := make([]int32, 0, len(c.stories))
	for seq, s := range c.stories {
		seqs = append(seqs, seq)
		for _, t := range s.terms {
			keep[t.id] = true
		}
		for _, id := range s.postings {
			keep[id] = true
		}
	}
	slices.Sort(seqs)
	newID := make([]uint32, len(c.names))
	names := make([]string, 0, len(c.names)/2)
	df := make([]float32, 0, len(c.names)/2)
	up := make([]float32, 0, len(c.names)/2)
	low := make([]float32, 0, len(c.names)/2)
	isWord := make([]bool, 0, len(c.names)/2)
	for id, k := range keep {
		if k {
			newID[id] = uint32(len(names))
			names = append(names, c.names[id])
			df = append(df, c.df[id])
			up = append(up, c.caseUp[id]/2)
			low = append(low, c.caseLow[id]/2)
			isWord = append(isWord, c.isWord[id])
		}
	}
	c.names, c.df, c.caseUp, c.caseLow, c.isWord = names, df, up, low, isWord
	c.idfC = make([]idfEntry, len(names))
	for w := range c.scratch {
		// All zero; sized again to the smaller vocabulary.
		c.scratch[w].tfAcc, c.scratch[w].tfEnt = nil, nil
	}
	c.gen++
	c.terms = make(map[string]uint32, len(names))
	for id, n := range names {
		c.terms[n] = uint32(id)
	}
	clear(c.words)
	c.index = make([][]int32, len(names))
	for _, seq := range seqs {
		s := c.stories[seq]
		for i := range s.terms {
			s.terms[i].id = newID[s.terms[i].id]
		}
		slices.SortFunc(s.terms, func(x, y tw) int { return cmp.Compare(x.id, y.id) })
		for i, id := range s.postings {
			s.postings[i] = newID[id]
			c.index[newID[id]] = append(c.index[newID[id]], s.slot)
		}
	}
}

// timeFactor is the time penalty between an article's day (see
// features.t) and a story's span of days.
func (c *Clusterer) timeFactor(d day, weekday bool, s *story) float64 {
	if d == noDay || s.first == noDay {
		return 1
	}
	f := c.spanFactor(d, weekday, s.first, s.last)
	if f < weekAlign && s.anchored == 0 && d < s.first {
		// The story's days rest on weekday names only: it may be some
		// weeks earlier than they say.
		f = max(f, c.spanFactor(s.first, true, d, d))
	}
	return f
}

// spanFactor is 1 when d lies within two days of [first, last], falls off
// with the gap beyond, and is 0 beyond the window. A day resting on a
// weekday name also fits, at weekAlign, a span that lies a whole number of
// weeks earlier.
func (c *Clusterer) spanFactor(d day, weekday bool, first, last day) float64 {
	var gap day
	switch {
	case d < first:
		gap = first - d
	case d > last:
		gap = d - last
	}
	if gap <= freeDays {
		return 1
	}
	f := 0.0
	if gap <= c.window {
		f = math.Exp(-float64(gap-freeDays) / c.scale)
	}
	if weekday && d > last {
		// The latest same weekday at most a day after last.
		k := (d - last - 1 + 6) / 7
		if e := d - 7*k; e >= first-1 && e <= last+1 {
			f = max(f, weekAlign)
		}
	}
	return f
}

func (c *Clusterer) open(a *crosscheck.Article) *story {
	seq := c.nextSeq
	c.nextSeq++
	id := "s-" + a.ID
	if a.ID == "" || c.byID[id] != nil {
		id = "s-" + strconv.Itoa(int(seq))
	}
	s := &story{id: id, seq: seq, first: noDay, last: noDay, touch: noDay, dates: map[day]float64{}}
	c.stories[seq] = s
	c.hold(s)
	c.byID[id] = s
	return s
}

// join adds a to s; withTerms counts it among the articles of the
// story's vector, and the caller adds its terms (addTerms).
func (c *Clusterer) join(s *story, a *crosscheck.Article, f *features, withTerms bool) {
	s.n++
	if a.ID != "" {
		s.members = append(s.members, a.ID)
		c.placed[a.ID] = s
	}
	if f.d != noDay {
		s.dates[f.d] += float64(f.dkind)
	}
	if f.t != noDay && (f.dkind == fromText || s.first == noDay) {
		s.first = minDay(s.first, f.t)
		s.last = max(s.last, f.t)
		if !f.weekday {
			s.anchored++
		}
	}
	s.touch = c.clock
	if f.title != "" && len(s.titles) < maxTitles && !slices.Contains(s.titles, f.title) {
		s.titles = append(s.titles, f.title)
	}
	if a.Outlet != "" && !slices.Contains(s.outlets, a.Outlet) {
		s.outlets = append(s.outlets, a.Outlet)
	}
	s.ents = addCounts(s.ents, f.ents)
	s.places = addCounts(s.places, f.places)
	t := a.Ingested
	if t.IsZero() {
		t = a.Published
	}
	if !t.IsZero() {
		if s.created.IsZero() || t.Before(s.created) {
			s.created = t
		}
		if t.After(s.updated) {
			s.updated = t
		}
	}
	if withTerms {
		s.nvec++
		if f.short {
			s.shorts++
		}
		for _, x := range f.slots {
			if len(s.slots) < maxSlots && !slices.Contains(s.slots, x) {
				s.slots = append(s.slots, x)
			}
		}
	}
}

// addTerms adds an article's terms to its story's vector, in the worker's
// scratch sc. Workers may add to different stories at once.
func (c *Clusterer) addTerms(s *story, f *features, sc *scratch) {
	// Merged into scratch, then back into the story's own array when it
	// has room: a story grows by a few terms per article, and its array
	// by a quarter, up to the size that is pruned.
	m := &sc.merge[0]
	*m = mergeInto((*m)[:0], s.terms, f.tf)
	pruneAt := c.opts.MaxStoryTerms * 3 / 2
	switch {
	case len(*m) > pruneAt:
		s.terms = c.heaviestByID(*m, c.opts.MaxStoryTerms, sc)
	case cap(s.terms) < len(*m):
		s.terms = append(make([]tw, 0, min(len(*m)+len(*m)/4+8, pruneAt)), *m...)
	default:
		s.terms = append(s.terms[:0], *m...)
	}
}

func minDay(a, b day) day {
	if a == noDay {
		return b
	}
	return min(a, b)
}

// addCounts adds one article's names to a story's counts (articles per
// name), keeping the most frequent when there are too many.
func addCounts(cs []count, names []string) []count {
	for _, n := range names {
		found := false
		for i := range cs {
			if cs[i].name == n {
				cs[i].n++
				found = true
				break
			}
		}
		if !found {
			cs = append(cs, count{name: n, n: 1})
		}
	}
	if len(cs) > 2*maxEntities {
		slices.SortStableFunc(cs, func(x, y count) int { return cmp.Compare(y.n, x.n) })
		cs = cs[:maxEntities]
	}
	return cs
}

func mergeTerms(s []tw, a []tw) []tw {
	return mergeInto(make([]tw, 0, len(s)+len(a)), s, a)
}

// mergeInto appends to out the terms of s with those of a added, a
// counting as one more article.
func mergeInto(out, s, a []tw) []tw {
	i, j := 0, 0
	for i < len(s) || j < len(a) {
		switch {
		case j == len(a) || (i < len(s) && s[i].id < a[j].id):
			out = append(out, s[i])
			i++
		case i == len(s) || a[j].id < s[i].id:
			out = append(out, tw{id: a[j].id, w: a[j].w, docs: 1})
			j++
		default:
			out = append(out, tw{id: s[i].id, w: s[i].w + a[j].w, docs: s[i].docs + 1})
			i++
			j++
		}
	}
	return out
}

// heaviestByID returns the n heaviest of terms under the current IDF, in
// their order by id, in a new slice: a story keeps its heaviest terms once
// it holds half again as many (pruning a story at every article would cost
// more than the terms it drops).
func (c *Clusterer) heaviestByID(terms []tw, n int, sc *scratch) []tw {
	// The n-th heaviest term by selection, then the terms at least as
	// heavy in their order by id: no sorting.
	h := sc.heap[:0]
	for _, t := range terms {
		h = append(h, scoredTerm{t, float64(t.w) * c.idf(t.id)})
	}
	sc.heap = h
	bar := selectHeaviest(h, n-1)
	kept := make([]tw, 0, n)
	for _, t := range terms {
		if !lighter(scoredTerm{t, float64(t.w) * c.idf(t.id)}, bar) {
			kept = append(kept, t)
		}
	}
	return kept
}

// lighter orders scored terms by weight, and on equal weights the later
// term first, so that the heaviest are the same whatever the order.
func lighter(x, y scoredTerm) bool {
	return x.v < y.v || x.v == y.v && x.t.id > y.t.id
}

// selectHeaviest reorders sc and returns its k-th heaviest term (0 is
// the heaviest) by quickselect.
func selectHeaviest(sc []scoredTerm, k int) scoredTerm {
	lo, hi := 0, len(sc)-1
	for lo < hi {
		// Median of three as the pivot, moved to hi.
		mid := lo + (hi-lo)/2
		if lighter(sc[lo], sc[mid]) {
			sc[lo], sc[mid] = sc[mid], sc[lo]
		}
		if lighter(sc[lo], sc[hi]) {
			sc[lo], sc[hi] = sc[hi], sc[lo]
		}
		if lighter(sc[hi], sc[mid]) {
			sc[hi], sc[mid] = sc[mid], sc[hi]
		}
		pivot := sc[hi]
		p := lo
		for i := lo; i < hi; i++ {
			if lighter(pivot, sc[i]) {
				sc[p], sc[i] = sc[i], sc[p]
				p++
			}
		}
		sc[p], sc[hi] = sc[hi], sc[p]
		switch {
		case k < p:
			hi = p - 1
		case k > p:
			lo = p + 1
		default:
			return sc[p]
		}
	}
	return sc[lo]
}

// scoredTerm is a term with its weight under the current IDF.
type scoredTerm struct {
	t tw
	v float64
}

// heaviestTerms returns the n terms weighing most under the current IDF,
// heaviest first, ties by term, in the worker's scratch sc, which the
// next call reuses.
func (c *Clusterer) heaviestTerms(terms []tw, n int, sc *scratch) []tw {
	type scored = scoredTerm
	less := lighter
	// A min-heap of the n heaviest so far.
	h := sc.heap[:0]
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && less(h[l], h[m]) {
				m = l
			}
			if r := l + 1; r < len(h) && less(h[r], h[m]) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	for _, t := range terms {
		x := scored{t, float64(t.w) * c.idf(t.id)}
		if len(h) < n {
			h = append(h, x)
			for i := len(h) - 1; i > 0; {
				p := (i - 1) / 2
				if !less(h[i], h[p]) {
					break
				}
				h[i], h[p] = h[p], h[i]
				i = p
			}
			continue
		}
		if less(h[0], x) {
			h[0] = x
			down(0)
		}
	}
	slices.SortFunc(h, func(x, y scored) int {
		if r := cmp.Compare(y.v, x.v); r != 0 {
			return r
		}
		return cmp.Compare(x.t.id, y.t.id)
	})
	out := sc.heavy[:0]
	for _, x := range h {
		out = append(out, x.t)
	}
	sc.heap, sc.heavy = h, out
	return out
}

// post indexes the story under its heaviest terms.
func (c *Clusterer) post(s *story) {
	c.postUnder(s, c.heaviestTerms(s.terms, postTerms, &c.scratch[0]))
}

// postUnder indexes the story under the terms of top it is not yet
// indexed under.
func (c *Clusterer) postUnder(s *story, top []tw) {
	for _, t := range top {
		if slices.Contains(s.postings, t.id) {
			continue
		}
		s.postings = append(s.postings, t.id)
		if int(t.id) >= len(c.index) {
			c.index = append(c.index, make([][]int32, len(c.names)-len(c.index))...)
		}
		p := append(c.index[t.id], s.slot)
		if len(p) > postingCap {
			// Drop evicted stories, then the oldest.
			p = slices.DeleteFunc(p, func(x int32) bool { return c.held[x] == nil })
			if len(p) > postingCap*3/4 {
				p = append(p[:0:0], p[len(p)-postingCap*3/4:]...)
			}
		}
		c.index[t.id] = p
	}
}

// Story returns the summary of a story the clusterer holds, or nil.
func (c *Clusterer) Story(id string) *crosscheck.Story {
	s := c.byID[id]
	if s == nil {
		return nil
	}
	out := &crosscheck.Story{
		ID:       s.id,
		Title:    c.title(s),
		Articles: s.n,
		Outlets:  slices.Clone(s.outlets),
		Created:  s.created,
		Updated:  s.updated,
	}
	if d := bestDay(s.dates); d != noDay {
		out.EventDate = d.time()
	}
	out.Places = top(s.places, nil, placeReport)
	out.Entities = top(s.ents, out.Places, entityReport)
	return out
}

func bestDay(votes map[day]float64) day {
	best, bw := noDay, 0.0
	for d, w := range votes {
		if w > bw || (w == bw && d < best) {
			best, bw = d, w
		}
	}
	return best
}

// top returns the names counted most often, ties by first seen, leaving
// out names in skip. With more than one article, names only one article
// gives are left out when others are shared.
func top(cs []count, skip []string, n int) []string {
	sorted := slices.Clone(cs)
	slices.SortStableFunc(sorted, func(x, y count) int { return cmp.Compare(y.n, x.n) })
	var out []string
	for _, c := range sorted {
		if len(out) == n {
			break
		}
		if slices.Contains(skip, c.name) {
			continue
		}
		if len(out) > 0 && c.n == 1 && sorted[0].n > 1 {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// title picks the candidate title whose words weigh most in the story.
func (c *Clusterer) title(s *story) string {
	best, bestScore := "", -1.0
	for _, t := range s.titles {
		toks := tokenize(t, 0, nil)
		seen := map[uint32]bool{}
		var sc float64
		n := 0
		for _, tk := range toks {
			if stopWords[tk.lower] {
				continue
			}
			id, ok := c.terms[c.stem.stem(tk.lower)]
			if !ok || seen[id] {
				continue
			}
			seen[id] = true
			n++
			k, found := slices.BinarySearchFunc(s.terms, id, func(x tw, id uint32) int { return cmp.Compare(x.id, id) })
			if found {
				sc += float64(s.terms[k].docs)
			}
		}
		if n > 0 {
			sc /= math.Sqrt(float64(n))
		}
		if sc > bestScore {
			best, bestScore = t, sc
		}
	}
	return best
}
