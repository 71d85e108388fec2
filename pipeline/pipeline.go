package pipeline

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"runtime"
	"sort"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/story"
)

// Store is what the pipeline needs of the store.
type Store interface {
	crosscheck.ArticleService
	crosscheck.StoryService
	// AddArticles stores a batch in one transaction, in order.
	AddArticles(ctx context.Context, as []*crosscheck.Article) ([]crosscheck.AddResult, error)
	// SavePlacements writes the stories a batch touched, their states and
	// the batch's placements in one transaction.
	SavePlacements(ctx context.Context, stories []*crosscheck.Story, states map[string][]byte, placements []crosscheck.Placement) error
	// StoryRevision returns the revision of the stored story states.
	StoryRevision(ctx context.Context) (int64, error)
	// PlaceLocked runs place holding the store's write lock against
	// other writer processes, with the story states saved after revision
	// rev, and writes what it returns as SavePlacements does, story
	// counts derived from the members; it returns the new revision.
	PlaceLocked(ctx context.Context, rev int64,
		place func(changed iter.Seq2[string, []byte]) ([]*crosscheck.Story, map[string][]byte, []crosscheck.Placement, error)) (int64, error)
	// EachArticle calls fn with every stored article, oldest first.
	EachArticle(ctx context.Context, fn func(*crosscheck.Article) error) error
}

// Clusterer places articles into stories (package story).
type Clusterer interface {
	// PlaceBatch assigns each article to a story, the batch grouped as a
	// whole (better than one at a time); placements line up with as.
	PlaceBatch(as []*crosscheck.Article) []story.Placement
	// Story returns the summary of a story the clusterer holds, or nil.
	Story(id string) *crosscheck.Story
	// Export returns the clusterer's state for one story.
	Export(id string) ([]byte, error)
	// Import restores a story's state saved by Export.
	Import(id string, state []byte) error
	// Forget drops a story, so that Import can bring in a newer state.
	Forget(id string)
}

// ExtractFunc turns a raw document into an article (package extract).
type ExtractFunc func(doc *crosscheck.Document) (*crosscheck.Article, error)

// AnalyzeFunc cross-checks the articles of one story (package check).
type AnalyzeFunc func(s *crosscheck.Story, articles []*crosscheck.Article) *crosscheck.StoryReport

// Pipeline wires the stages. All fields but Logger and Workers are required.
type Pipeline struct {
	Store     Store
	Extract   ExtractFunc
	Clusterer Clusterer
	Analyze   AnalyzeFunc
	// Logger receives per-input failures at warn level when Ingest is given
	// no Progress; nil discards them.
	Logger *slog.Logger
	// Workers is the number of parallel extractions; 0 means GOMAXPROCS.
	Workers int
	// BatchSize is the number of articles stored per transaction; 0 means 200.
	BatchSize int
	// StateWindow is how far back story state is restored on Load; 0 means 30 days.
	StateWindow time.Duration

	mu  sync.Mutex // serialises Ingest: one writer, one clusterer
	rev int64      // the story revision the clusterer has seen (see Store.PlaceLocked)
}

// Summary counts what one Ingest did.
type Summary struct {
	// Ingested counts new articles stored (near duplicates included).
	Ingested int `json:"ingested"`
	// Duplicates counts inputs whose content was stored already.
	Duplicates int `json:"duplicates"`
	// NearDuplicates counts stored articles linked to an earlier original.
	NearDuplicates int `json:"near_duplicates"`
	// Copies counts stored articles whose text another outlet published
	// already (linked to it, counted in Ingested).
	Copies int `json:"copies"`
	// Failed counts inputs that could not be read or extracted.
	Failed int `json:"failed"`
	// Errors are the failures, each naming its input.
	Errors []error `json:"-"`
	// Articles are the IDs of the articles of this batch, new or duplicate, in input order.
	Articles []string `json:"articles"`
	// Stories are the IDs of the stories the batch touched, in first-touch order.
	Stories []string `json:"stories"`
}

// Progress is told about each input as it is done: how many are done, the
// input's name, and its failure (nil when it went in).
type Progress func(done int, current string, err error)

// Load restores the clusterer's state for recent stories from the store,
// so that new articles can join stories made by earlier runs.
func (p *Pipeline) Load(ctx context.Context) error {
	window := p.StateWindow
	if window == 0 {
		window = 30 * 24 * time.Hour
	}
	// The revision first: a state saved while loading is then seen again
	// at the first placement, never missed.
	rev, err := p.Store.StoryRevision(ctx)
	if err != nil {
		return fmt.Errorf("load story state: %w", err)
	}
	p.rev = rev
	err = p.Store.StoryStates(ctx, time.Now().Add(-window), func(id string, state []byte) error {
		return p.Clusterer.Import(id, state)
	})
	if err != nil {
		return fmt.Errorf("load story state: %w", err)
	}
	return nil
}

type extracted struct {
	seq int
	doc *crosscheck.Document
	art *crosscheck.Article
	err error
}

// Ingest extracts, stores and places every document docs yields. A failed
// input is counted and reported in the summary; the batch goes on. When ctx
// ends, the batch being written is committed or rolled back whole and
// Ingest returns ctx's error with the summary so far: running it again
// completes the work.
func (p *Pipeline) Ingest(ctx context.Context, docs iter.Seq2[*crosscheck.Document, error], progress Progress) (Summary, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	var sum Summary
	workers := p.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	batchSize := p.BatchSize
	if batchSize <= 0 {
		batchSize = 200
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	// Read sequentially, extract in parallel, write in input order. At most
	// inFlight documents are read but not yet written, so one slow page
	// cannot make the others pile up in memory behind it.
	inFlight := make(chan struct{}, workers*8)
	in := make(chan extracted, workers*2)
	out := make(chan extracted, workers*2)
	go func() {
		defer close(in)
		seq := 0
		for doc, err := range docs {
			select {
			case inFlight <- struct{}{}:
			case <-ctx.Done():
				return
			}
			select {
			case in <- extracted{seq: seq, doc: doc, err: err}:
				seq++
			case <-ctx.Done():
				return
			}
		}
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for x := range in {
				if x.err == nil {
					x.art, x.err = p.Extract(x.doc)
					if x.err != nil {
						x.err = &crosscheck.InputError{Input: x.doc.Source, Err: x.err}
					}
				}
				select {
				case out <- x:
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	go func() { wg.Wait(); close(out) }()

	pending := map[int]extracted{}
	next, done := 0, 0
	var batch []*crosscheck.Article
	// Placing a batch into stories (CPU) overlaps with storing the next
	// one (SQLite): a second goroutine places, in batch order.
	pl := p.startPlacer(ctx)
	defer pl.stop()
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		toPlace, err := p.add(ctx, batch, &sum)
		batch = nil
		if err != nil {
			return err
		}
		return pl.send(toPlace)
	}
	finish := func() error {
		stories, err := pl.stop()
		sum.Stories = stories
		return err
	}
	for x := range out {
		pending[x.seq] = x
		for {
			x, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			<-inFlight
			next++
			done++
			name := ""
			var ie *crosscheck.InputError
			switch {
			case x.doc != nil:
				name = x.doc.Source
			case errors.As(x.err, &ie):
				name = ie.Input
			}
			if x.err != nil {
				sum.Failed++
				sum.Errors = append(sum.Errors, x.err)
				if p.Logger != nil && progress == nil {
					p.Logger.Warn("input failed", "err", x.err)
				}
			} else {
				batch = append(batch, x.art)
				if len(batch) >= batchSize {
					if err := flush(); err != nil {
						return sum, errors.Join(err, finish())
					}
				}
			}
			if progress != nil {
				progress(done, name, x.err)
			}
		}
	}
	if err := ctx.Err(); err != nil {
		return sum, errors.Join(err, finish())
	}
	if err := flush(); err != nil {
		return sum, errors.Join(err, finish())
	}
	return sum, finish()
}

// add stores one batch in one transaction and returns the articles to
// place: the new ones, and duplicates of stored articles that were never
// placed (the process stopped between the two transactions).
func (p *Pipeline) add(ctx context.Context, batch []*crosscheck.Article, sum *Summary) ([]*crosscheck.Article, error) {
	// Stop between batches, not inside one.
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ctx = context.WithoutCancel(ctx)
	res, err := p.Store.AddArticles(ctx, batch)
	if err != nil {
		return nil, fmt.Errorf("store articles: %w", err)
	}
	var toPlace []*crosscheck.Article
	for i, r := range res {
		a := batch[i]
		sum.Articles = append(sum.Articles, r.ID)
		if r.Duplicate {
			sum.Duplicates++
			stored, err := p.Store.Article(ctx, r.ID)
			if err != nil {
				return nil, fmt.Errorf("read stored article %s: %w", r.ID, err)
			}
			if stored.StoryID != "" {
				continue
			}
			a = stored
		} else {
			sum.Ingested++
			if r.NearDuplicateOf != "" {
				sum.NearDuplicates++
				a.DuplicateOf = r.NearDuplicateOf
			}
			if r.CopyOf != "" {
				sum.Copies++
				a.DuplicateOf = r.CopyOf
			}
			a.ID = r.ID
		}
		toPlace = append(toPlace, a)
	}
	return toPlace, nil
}

// placer places stored batches into stories on its own goroutine, one
// batch at a time and in order, and saves each batch's placements in one
// transaction.
type placer struct {
	in      chan []*crosscheck.Article
	done    chan struct{}
	err     error    // the first failure; read after done
	stories []string // stories touched, first-touch order; read after done
	stopped bool
}

func (p *Pipeline) startPlacer(ctx context.Context) *placer {
	pl := &placer{in: make(chan []*crosscheck.Article, 1), done: make(chan struct{})}
	ctx = context.WithoutCancel(ctx)
	go func() {
		defer close(pl.done)
		touched := map[string]bool{}
		for as := range pl.in {
			if pl.err != nil {
				continue // drain
			}
			// Placing runs under the store's write lock, after taking in
			// what other writers (another ingest, the web UI) placed
			// since: every writer places against the same stories.
			var order []string
			rev, err := p.Store.PlaceLocked(ctx, p.rev, func(changed iter.Seq2[string, []byte]) ([]*crosscheck.Story, map[string][]byte, []crosscheck.Placement, error) {
				if err := p.refresh(changed); err != nil {
					return nil, nil, nil, err
				}
				var placements []crosscheck.Placement
				placements, order = p.place(as)
				stories, states, err := p.snapshot(order)
				return stories, states, placements, err
			})
			if err != nil {
				pl.err = fmt.Errorf("place articles: %w", err)
				continue
			}
			p.rev = rev
			for _, id := range order {
				if !touched[id] {
					touched[id] = true
					pl.stories = append(pl.stories, id)
				}
			}
		}
	}()
	return pl
}

// send hands over a batch; it returns an earlier batch's failure, if any.
func (pl *placer) send(as []*crosscheck.Article) error {
	if len(as) == 0 {
		return nil
	}
	select {
	case pl.in <- as:
		return nil
	case <-pl.done:
		return pl.err
	}
}

// stop waits for the batches handed over and returns the stories touched
// and the first failure. It may be called more than once.
func (pl *placer) stop() ([]string, error) {
	if !pl.stopped {
		pl.stopped = true
		close(pl.in)
	}
	<-pl.done
	return pl.stories, pl.err
}

// refresh replaces the clusterer's view of the stories other writers
// saved since it last looked with theirs.
func (p *Pipeline) refresh(changed iter.Seq2[string, []byte]) error {
	for id, state := range changed {
		p.Clusterer.Forget(id)
		if err := p.Clusterer.Import(id, state); err != nil {
			return fmt.Errorf("refresh story %s: %w", id, err)
		}
	}
	return nil
}

// place places a batch and returns the placements and the stories they
// touched, in first-touch order.
func (p *Pipeline) place(as []*crosscheck.Article) ([]crosscheck.Placement, []string) {
	views := make([]*crosscheck.Article, len(as))
	for i, a := range as {
		views[i] = placeView(a)
	}
	ps := p.Clusterer.PlaceBatch(views)
	placements := make([]crosscheck.Placement, len(as))
	var order []string
	seen := map[string]bool{}
	for i, a := range as {
		id := ps[i].StoryID
		placements[i] = crosscheck.Placement{Article: a.ID, Story: id}
		if !seen[id] {
			seen[id] = true
			order = append(order, id)
		}
	}
	return placements, order
}

// snapshot takes the summaries and clusterer states of the given stories.
func (p *Pipeline) snapshot(ids []string) ([]*crosscheck.Story, map[string][]byte, error) {
	var stories []*crosscheck.Story
	states := map[string][]byte{}
	for _, id := range ids {
		s := p.Clusterer.Story(id)
		if s == nil {
			continue
		}
		stories = append(stories, s)
		st, err := p.Clusterer.Export(id)
		if err != nil {
			return nil, nil, fmt.Errorf("export story %s: %w", id, err)
		}
		states[id] = st
	}
	return stories, states, nil
}

// StoryReport cross-checks the stored articles of one story.
func (p *Pipeline) StoryReport(ctx context.Context, storyID string) (*crosscheck.StoryReport, error) {
	s, err := p.Store.Story(ctx, storyID)
	if err != nil {
		return nil, err
	}
	arts, _, err := p.Store.Articles(ctx, crosscheck.ArticleFilter{StoryID: &storyID})
	if err != nil {
		return nil, fmt.Errorf("story articles: %w", err)
	}
	// Oldest first, then by source: a stable order for citations.
	sort.SliceStable(arts, func(i, j int) bool {
		if !arts[i].Published.Equal(arts[j].Published) {
			return arts[i].Published.Before(arts[j].Published)
		}
		return arts[i].Source < arts[j].Source
	})
	if p.Analyze == nil {
		return &crosscheck.StoryReport{Story: *s, Articles: arts}, nil
	}
	return p.Analyze(s, arts), nil
}

// Report cross-checks several stories, in the order given.
func (p *Pipeline) Report(ctx context.Context, storyIDs []string) (*crosscheck.Report, error) {
	r := &crosscheck.Report{Generated: time.Now().UTC(), Stories: []*crosscheck.StoryReport{}}
	for _, id := range storyIDs {
		sr, err := p.StoryReport(ctx, id)
		if err != nil {
			return nil, err
		}
		r.Stories = append(r.Stories, sr)
	}
	return r, nil
}
