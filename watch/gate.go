package watch

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// gate enforces the per-host limits: one request at a time to a host, a
// minimum gap between the end of one request and the start of the next,
// and a host's own request to wait (Retry-After).
type gate struct {
	gap     time.Duration
	maxWait time.Duration // longer waits fail at once instead of blocking

	mu    sync.Mutex
	hosts map[string]*hostGate
}

type hostGate struct {
	busy    bool
	next    time.Time     // no request starts before this
	blocked time.Time     // the host asked to wait until this (Retry-After)
	free    chan struct{} // closed and replaced when the host is released
}

func newGate(gap, maxWait time.Duration) *gate {
	return &gate{gap: gap, maxWait: maxWait, hosts: map[string]*hostGate{}}
}

func (g *gate) host(h string) *hostGate {
	hg, ok := g.hosts[h]
	if !ok {
		hg = &hostGate{free: make(chan struct{})}
		g.hosts[h] = hg
	}
	return hg
}

// HostBusyError says a host asked crosscheck to wait (Retry-After) for
// longer than a request may wait.
type HostBusyError struct {
	Host  string
	Until time.Time
}

func (e *HostBusyError) Error() string {
	return fmt.Sprintf("%s asked to wait until %s (Retry-After)", e.Host, e.Until.UTC().Format(time.RFC3339))
}

// acquire waits until host is free and its gap has passed, then takes it.
// The caller must call release.
func (g *gate) acquire(ctx context.Context, host string) error {
	for {
		g.mu.Lock()
		hg := g.host(host)
		now := time.Now()
		if hg.blocked.After(now.Add(g.maxWait)) {
			g.mu.Unlock()
			return &HostBusyError{Host: host, Until: hg.blocked}
		}
		if hg.busy {
			free := hg.free
			g.mu.Unlock()
			select {
			case <-free:
				continue
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		start := hg.next
		if hg.blocked.After(start) {
			start = hg.blocked
		}
		if wait := start.Sub(now); wait > 0 {
			// Take the host while sleeping: whoever comes next queues
			// behind this request instead of racing it.
			hg.busy = true
			g.mu.Unlock()
			t := time.NewTimer(wait)
			select {
			case <-t.C:
				return nil
			case <-ctx.Done():
				t.Stop()
				g.release(host)
				return ctx.Err()
			}
		}
		hg.busy = true
		g.mu.Unlock()
		return nil
	}
}

// release frees host; the next request to it may start a gap from now.
func (g *gate) release(host string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	hg := g.host(host)
	hg.busy = false
	hg.next = time.Now().Add(g.gap)
	close(hg.free)
	hg.free = make(chan struct{})
}

// block makes host wait until t (a 429 or 503 with Retry-After).
func (g *gate) block(host string, t time.Time) {
	g.mu.Lock()
	defer g.mu.Unlock()
	hg := g.host(host)
	if t.After(hg.blocked) {
		hg.blocked = t
	}
}

// blockedUntil returns when host may be asked again after a Retry-After;
// zero when it is not blocked.
func (g *gate) blockedUntil(host string) time.Time {
	g.mu.Lock()
	defer g.mu.Unlock()
	if hg, ok := g.hosts[host]; ok && hg.blocked.After(time.Now()) {
		return hg.blocked
	}
	return time.Time{}
}
