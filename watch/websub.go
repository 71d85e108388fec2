package watch

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// subscription is the watcher's WebSub subscription to one source's topic
// (W3C WebSub: subscribe, verification of intent, signed content
// distribution, lease renewal).
type subscription struct {
	hub, topic, secret string
	expires            time.Time     // lease end; zero until verified
	lease              time.Duration // the lease granted
	pending            time.Time     // a subscribe request awaits verification since
	failed             time.Time     // the hub last refused or failed
}

func (s *subscription) active(now time.Time) bool { return s.expires.After(now) }

// callback is the URL a hub calls for source id.
func (w *Watcher) callback(id int64) string {
	return w.opts.PublicURL + "/websub/" + strconv.FormatInt(id, 10)
}

// maybeSubscribe records a feed's hub and asks the hub for pushes when the
// watcher has a public URL and no lease that runs long enough.
func (w *Watcher) maybeSubscribe(ctx context.Context, s *crosscheck.Source, hub, self string) {
	topic := self
	if topic == "" {
		topic = s.URL
	}
	s.HTTP.Hub, s.HTTP.Topic = hub, topic
	if w.opts.PublicURL == "" || hub == "" {
		return
	}
	now := w.opts.Now()
	w.mu.Lock()
	sub := w.subs[s.ID]
	if sub == nil || sub.hub != hub || sub.topic != topic {
		sub = &subscription{hub: hub, topic: topic, secret: newSecret()}
		w.subs[s.ID] = sub
	}
	switch {
	case sub.active(now) && now.Before(renewTime(sub)):
		w.mu.Unlock()
		return
	case !sub.pending.IsZero() && now.Sub(sub.pending) < time.Minute:
		w.mu.Unlock()
		return
	case !sub.failed.IsZero() && now.Sub(sub.failed) < time.Hour:
		w.mu.Unlock()
		return
	}
	sub.pending = now
	secret := sub.secret
	w.mu.Unlock()

	form := url.Values{
		"hub.mode":          {"subscribe"},
		"hub.topic":         {topic},
		"hub.callback":      {w.callback(s.ID)},
		"hub.secret":        {secret},
		"hub.lease_seconds": {strconv.FormatInt(int64(w.opts.Lease/time.Second), 10)},
	}
	err := w.postHub(ctx, hub, form)
	if err != nil {
		w.mu.Lock()
		sub.pending, sub.failed = time.Time{}, now
		w.mu.Unlock()
		w.log.Warn("websub subscribe", "source", s.ID, "hub", hub, "err", err)
		return
	}
	w.log.Info("websub subscribe sent", "source", s.ID, "hub", hub, "topic", topic)
}

func (w *Watcher) postHub(ctx context.Context, hub string, form url.Values) error {
	ctx, cancel := context.WithTimeout(withKind(ctx, kindHub), w.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hub, strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err := w.client.Do(req)
	if err != nil {
		return w.fetchError(ctx, err)
	}
	defer resp.Body.Close()
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return fmt.Errorf("hub answered HTTP %s", resp.Status)
	}
	return nil
}

func newSecret() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// renewTime is when a lease is renewed: with a fifth of it left.
func renewTime(sub *subscription) time.Time {
	return sub.expires.Add(-sub.lease / 5)
}

// pushed reports whether a hub pushes source id's news now.
func (w *Watcher) pushed(id int64) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	sub := w.subs[id]
	return sub != nil && sub.active(w.opts.Now())
}

// renewAt is when source id's lease should be renewed; zero when none.
func (w *Watcher) renewAt(id int64) time.Time {
	w.mu.Lock()
	defer w.mu.Unlock()
	if sub := w.subs[id]; sub != nil && !sub.expires.IsZero() {
		return renewTime(sub)
	}
	return time.Time{}
}

// syncSub copies the subscription into s for the store.
func (w *Watcher) syncSub(s *crosscheck.Source) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if sub := w.subs[s.ID]; sub != nil {
		s.HTTP.Secret, s.HTTP.LeaseExpires = sub.secret, sub.expires
		return
	}
	s.HTTP.Secret, s.HTTP.LeaseExpires = "", time.Time{}
}

// Handler serves the WebSub callbacks under /websub/{id}: the hub's
// verification of intent (GET) and its content distribution (POST).
// Mount it at "/websub/" of the server Options.PublicURL names.
func (w *Watcher) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /websub/{id}", w.verify)
	mux.HandleFunc("POST /websub/{id}", w.receive)
	return mux
}

func (w *Watcher) lookup(r *http.Request) (*entry, *subscription) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil {
		return nil, nil
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.entries[id], w.subs[id]
}

// verify answers a hub's verification of intent: the challenge, for a
// subscription this watcher asked for.
func (w *Watcher) verify(rw http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	e, sub := w.lookup(r)
	if e == nil || sub == nil || q.Get("hub.topic") != sub.topic {
		http.Error(rw, "no such subscription", http.StatusNotFound)
		return
	}
	switch q.Get("hub.mode") {
	case "subscribe":
		lease := w.opts.Lease
		if n, err := strconv.ParseInt(q.Get("hub.lease_seconds"), 10, 64); err == nil && n > 0 {
			lease = time.Duration(n) * time.Second
		}
		w.mu.Lock()
		if sub.pending.IsZero() && !sub.active(w.opts.Now()) {
			w.mu.Unlock()
			http.Error(rw, "no subscription was asked for", http.StatusNotFound)
			return
		}
		sub.pending, sub.lease, sub.expires = time.Time{}, lease, w.opts.Now().Add(lease)
		id := e.src.ID
		if e.index >= 0 {
			// Renew in time, whatever the polling schedule.
			w.schedule(e, w.nextDue(e), w.opts.Now())
		}
		w.mu.Unlock()
		w.log.Info("websub subscribed", "source", id, "lease", lease)
		w.signal()
	case "denied":
		w.mu.Lock()
		delete(w.subs, e.src.ID)
		w.mu.Unlock()
		w.log.Warn("websub subscription denied", "source", e.src.ID, "reason", q.Get("hub.reason"))
		rw.WriteHeader(http.StatusOK)
		return
	default:
		http.Error(rw, "unexpected hub.mode", http.StatusNotFound)
		return
	}
	rw.Header().Set("Content-Type", "text/plain")
	io.WriteString(rw, q.Get("hub.challenge"))
}

// receive takes content a hub pushes: signed with the subscription's
// secret, it is handled like a poll's answer; unsigned or badly signed,
// it is acknowledged and ignored (WebSub 8).
func (w *Watcher) receive(rw http.ResponseWriter, r *http.Request) {
	e, sub := w.lookup(r)
	if e == nil || sub == nil {
		http.Error(rw, "no such subscription", http.StatusGone)
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, w.opts.MaxBytes+1))
	if err != nil || int64(len(body)) > w.opts.MaxBytes {
		http.Error(rw, "content too large or unreadable", http.StatusRequestEntityTooLarge)
		return
	}
	w.mu.Lock()
	secret, id := sub.secret, e.src.ID
	ctx := w.runCtx
	w.mu.Unlock()
	if !validSignature(secret, r.Header.Get("X-Hub-Signature"), body) {
		w.log.Warn("websub content ignored: bad or missing X-Hub-Signature", "source", id)
		rw.WriteHeader(http.StatusAccepted)
		return
	}
	if ctx == nil || ctx.Err() != nil {
		http.Error(rw, "not watching", http.StatusServiceUnavailable)
		return
	}
	rw.WriteHeader(http.StatusAccepted)
	w.jobs.Add(1)
	go w.takePush(ctx, e, r.Header.Get("Content-Type"), body)
}

// takePush ingests pushed content as if a poll had fetched it.
func (w *Watcher) takePush(ctx context.Context, e *entry, ctype string, body []byte) {
	defer w.jobs.Done()
	e.work.Lock()
	defer e.work.Unlock()
	w.mu.Lock()
	s := *e.src
	w.mu.Unlock()
	out := w.take(ctx, &s, ctype, body)
	if ctx.Err() != nil {
		return
	}
	w.stats.pushed(s.ID, out.newItems)
	if out.err != nil {
		w.log.Warn("websub content", "source", s.ID, "err", out.err)
		return
	}
	if out.newItems > 0 {
		s.LastNew = w.opts.Now()
		s.Items += out.newItems
		w.log.Info("new items pushed", "source", s.ID, "name", s.Name, "added", out.newItems)
	}
	w.syncSub(&s)
	if err := w.opts.Store.SaveSourceCheck(context.WithoutCancel(ctx), &s, out.seen); err != nil {
		w.log.Error("save pushed items", "source", s.ID, "err", err)
		return
	}
	w.mu.Lock()
	w.adopt(e, &s)
	w.mu.Unlock()
}

// validSignature checks X-Hub-Signature: "method=hex HMAC of the body".
func validSignature(secret, header string, body []byte) bool {
	if secret == "" {
		return true
	}
	method, sig, ok := strings.Cut(strings.TrimSpace(header), "=")
	if !ok {
		return false
	}
	var h func() hash.Hash
	switch strings.ToLower(method) {
	case "sha1":
		h = sha1.New
	case "sha256":
		h = sha256.New
	case "sha384":
		h = sha512.New384
	case "sha512":
		h = sha512.New
	default:
		return false
	}
	want, err := hex.DecodeString(sig)
	if err != nil {
		return false
	}
	m := hmac.New(h, []byte(secret))
	m.Write(body)
	return hmac.Equal(m.Sum(nil), want)
}
