package web

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// Long work (adding many reports, analysing every story) runs as a job:
// the request that starts it returns at once and the job page (or
// /api/jobs/{id}) shows its progress. Jobs live in memory and are
// forgotten an hour after they finish, or when the server stops.

// jobTimeout bounds one job.
const jobTimeout = 30 * time.Minute

// maxJobs caps the jobs remembered.
const maxJobs = 200

type job struct {
	ID      string
	Kind    string // "add" or "analyse"
	Created time.Time

	mu       sync.Mutex
	done     int    // inputs or stories done
	total    int    // known so far; at least this many
	current  string // the input or story being worked on
	failed   int
	finished time.Time
	err      string
	result   *addOutcome
}

// jobView is a job on the wire and on its page.
type jobView struct {
	ID       string `json:"id"`
	Kind     string `json:"kind"`
	Created  string `json:"created"`
	Done     int    `json:"done"`
	Total    int    `json:"total"`
	Current  string `json:"current,omitempty"`
	Failed   int    `json:"failed"`
	Finished bool   `json:"finished"`
	Error    string `json:"error,omitempty"`
	// Result is the outcome of a finished add.
	Result *apiIngestResponse `json:"result,omitempty"`
	// Percent is Done of Total, for the progress bar.
	Percent int `json:"percent"`

	outcome *addOutcome
}

func (j *job) view() jobView {
	j.mu.Lock()
	defer j.mu.Unlock()
	v := jobView{ID: j.ID, Kind: j.Kind, Created: rfc3339(j.Created), Done: j.done, Total: max(j.total, j.done),
		Current: j.current, Failed: j.failed, Finished: !j.finished.IsZero(), Error: j.err, outcome: j.result}
	if j.result != nil {
		r := ingestResponse(j.result)
		v.Result = &r
	}
	if v.Total > 0 {
		v.Percent = v.Done * 100 / v.Total
	}
	return v
}

func (j *job) progress(done, total int, current string, failed bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.done, j.current = done, current
	j.total = max(j.total, total)
	if failed {
		j.failed++
	}
}

func (j *job) finish(out *addOutcome, err error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.finished = time.Now()
	j.result = out
	j.current = ""
	if err != nil {
		j.err = err.Error()
		var ce *crosscheck.Error
		if !errors.As(err, &ce) {
			j.err = "the job failed on the server; it has been logged"
		}
	}
}

type jobs struct {
	ctx context.Context
	wg  sync.WaitGroup

	mu   sync.Mutex
	byID map[string]*job
}

func newJobs(ctx context.Context) *jobs {
	return &jobs{ctx: ctx, byID: map[string]*job{}}
}

func (js *jobs) get(id string) *job {
	js.mu.Lock()
	defer js.mu.Unlock()
	return js.byID[id]
}

func (js *jobs) add(kind string) *job {
	b := make([]byte, 8)
	rand.Read(b)
	j := &job{ID: hex.EncodeToString(b), Kind: kind, Created: time.Now()}
	js.mu.Lock()
	defer js.mu.Unlock()
	if len(js.byID) >= maxJobs {
		for id, o := range js.byID {
			o.mu.Lock()
			old := !o.finished.IsZero() && time.Since(o.finished) > time.Minute
			o.mu.Unlock()
			if old {
				delete(js.byID, id)
			}
		}
	}
	js.byID[j.ID] = j
	return j
}

// run runs fn as job j on its own goroutine, bounded by jobTimeout and the
// server's life.
func (js *jobs) run(j *job, fn func(ctx context.Context) (*addOutcome, error)) {
	js.wg.Add(1)
	go func() {
		defer js.wg.Done()
		ctx, cancel := context.WithTimeout(js.ctx, jobTimeout)
		defer cancel()
		out, err := fn(ctx)
		j.finish(out, err)
	}()
}

// startAdd runs an add as a job.
func (js *jobs) startAdd(s *Server, in *addInput) *job {
	j := js.add("add")
	j.total = in.count()
	js.run(j, func(ctx context.Context) (*addOutcome, error) {
		return s.add(ctx, in, j.progress)
	})
	return j
}

// startAnalyse analyses every story whose counts are not known, so that
// the list can filter and sort by conflicts.
func (js *jobs) startAnalyse(s *Server) *job {
	j := js.add("analyse")
	js.run(j, func(ctx context.Context) (*addOutcome, error) {
		return nil, s.analyseAll(ctx, j)
	})
	return j
}

func (s *Server) analyseAll(ctx context.Context, j *job) error {
	const page = 200
	done := 0
	for offset := 0; ; offset += page {
		ss, total, err := s.cfg.Stories.Stories(ctx, crosscheck.StoryFilter{Offset: offset, Limit: page})
		if err != nil {
			return err
		}
		known := map[string]bool{}
		if s.cfg.Catalog != nil {
			ids := make([]string, len(ss))
			for i, st := range ss {
				ids[i] = st.ID
			}
			stored, err := s.cfg.Catalog.StoryCounts(ctx, ids)
			if err != nil {
				return err
			}
			for id := range stored {
				known[id] = true
			}
		}
		for _, st := range ss {
			if err := ctx.Err(); err != nil {
				return err
			}
			done++
			j.progress(done, total, st.Title, false)
			if known[st.ID] {
				continue
			}
			if _, err := s.reports.get(ctx, st); err != nil {
				j.progress(done, total, st.Title, true)
			}
		}
		if offset+page >= total {
			break
		}
	}
	s.lists.clear()
	return nil
}
