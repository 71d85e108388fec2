package web

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// ChangeFeed tells which stories changed (package sqlite). When the
// Stories given to the server implement it, the story list and story
// pages update themselves (Server-Sent Events at /events), whichever
// process added the articles.
type ChangeFeed interface {
	// ChangedStories returns the stories updated after since, oldest
	// update first, at most limit.
	ChangedStories(ctx context.Context, since time.Time, limit int) ([]*crosscheck.Story, error)
}

// liveStory is a changed story as the event stream sends it.
type liveStory struct {
	ID       string `json:"id"`
	Title    string `json:"title"`
	Articles int    `json:"articles"`
	Updated  string `json:"updated,omitempty"`
}

// live polls the store for changed stories while pages listen, and sends
// each change to every listener once.
type live struct {
	src  ChangeFeed
	poll time.Duration
	wake chan struct{}

	mu      sync.Mutex
	clients map[chan []byte]bool
	started bool
}

func newLive(src ChangeFeed, poll time.Duration) *live {
	return &live{src: src, poll: poll, wake: make(chan struct{}, 1), clients: map[chan []byte]bool{}}
}

// subscribe adds a listener; the poller runs while there is one.
func (l *live) subscribe(ctx context.Context, s *Server) chan []byte {
	ch := make(chan []byte, 16)
	l.mu.Lock()
	defer l.mu.Unlock()
	l.clients[ch] = true
	if !l.started {
		l.started = true
		go l.run(context.WithoutCancel(ctx), s)
	}
	return ch
}

func (l *live) unsubscribe(ch chan []byte) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.clients, ch)
}

func (l *live) listeners() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.clients)
}

// nudge makes the poller look now (this process added something).
func (l *live) nudge() {
	select {
	case l.wake <- struct{}{}:
	default:
	}
}

// run polls until the last listener leaves. Each poll looks a few seconds
// behind the last change seen, since a story's update time is stamped when
// its article is stored, a moment before the placement commits; what was
// sent already is not sent again.
func (l *live) run(ctx context.Context, s *Server) {
	const overlap = 5 * time.Second
	since := time.Now().Add(-overlap)
	sent := map[string]time.Time{}
	t := time.NewTicker(l.poll)
	defer t.Stop()
	for {
		select {
		case <-t.C:
		case <-l.wake:
		case <-s.done:
			return
		}
		if l.listeners() == 0 {
			l.mu.Lock()
			if len(l.clients) == 0 {
				l.started = false
				l.mu.Unlock()
				return
			}
			l.mu.Unlock()
		}
		stories, err := l.src.ChangedStories(ctx, since.Add(-overlap), 200)
		if err != nil {
			s.log.Warn("live: changed stories", "err", err)
			continue
		}
		var changed []liveStory
		var ids []string
		for _, st := range stories {
			if u, ok := sent[st.ID]; ok && u.Equal(st.Updated) {
				continue
			}
			sent[st.ID] = st.Updated
			if st.Updated.After(since) {
				since = st.Updated
			}
			ids = append(ids, st.ID)
			changed = append(changed, liveStory{ID: st.ID, Title: st.Title, Articles: st.Articles, Updated: st.Updated.UTC().Format(time.RFC3339)})
		}
		for id, u := range sent {
			if u.Before(since.Add(-2 * overlap)) {
				delete(sent, id)
			}
		}
		if len(changed) == 0 {
			continue
		}
		s.reports.invalidate(ids)
		s.lists.clear()
		b, _ := json.Marshal(map[string]any{"stories": changed})
		l.mu.Lock()
		for ch := range l.clients {
			select {
			case ch <- b:
			default: // a stalled listener misses an update, not the others
			}
		}
		l.mu.Unlock()
	}
}

// StoriesChanged tells the server that stories changed in this process
// (the watcher added articles): cached reports are dropped at once and
// listening pages are told within a moment.
func (s *Server) StoriesChanged(ids []string) {
	s.reports.invalidate(ids)
	s.lists.clear()
	if s.live != nil {
		s.live.nudge()
	}
}

// handleEvents streams story changes as Server-Sent Events: an event
// "stories" whose data is {"stories":[{"id","title","articles","updated"}]}.
func (s *Server) handleEvents(w http.ResponseWriter, r *http.Request) {
	if s.live == nil {
		http.Error(w, "live updates are not available with this store", http.StatusNotFound)
		return
	}
	rc := http.NewResponseController(w)
	// An event stream outlives the server's write timeout.
	_ = rc.SetWriteDeadline(time.Time{})
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprint(w, "retry: 3000\n\n")
	if err := rc.Flush(); err != nil {
		return
	}
	ch := s.live.subscribe(r.Context(), s)
	defer s.live.unsubscribe(ch)
	heartbeat := time.NewTicker(25 * time.Second)
	defer heartbeat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case b := <-ch:
			fmt.Fprintf(w, "event: stories\ndata: %s\n\n", b)
		case <-heartbeat.C:
			fmt.Fprint(w, ": keep-alive\n\n")
		}
		if err := rc.Flush(); err != nil {
			return
		}
	}
}
