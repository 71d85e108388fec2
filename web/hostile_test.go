package web

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// loadSeconds is how long TestHostileLoad attacks: 6 s by default,
// CROSSCHECK_LOAD_SECONDS for a longer run.
func loadSeconds() time.Duration {
	if n, err := strconv.Atoi(os.Getenv("CROSSCHECK_LOAD_SECONDS")); err == nil && n > 0 {
		return time.Duration(n) * time.Second
	}
	return 6 * time.Second
}

func envCount(name string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(name)); err == nil && n > 0 {
		return n
	}
	return def
}

// TestHostileLoad serves a real store on a loopback port and attacks it
// for a bounded time with slow clients (slowloris: headers a byte at a
// time; slow bodies on POST) and 200 connections requesting story pages,
// lists and searches as fast as they can, while a probe measures
// /healthz and a story page. The server must answer the probe
// throughout. Everything goes to 127.0.0.1 and stops by itself.
//
// CROSSCHECK_LOAD_SECONDS, CROSSCHECK_LOAD_CONNS (200) and
// CROSSCHECK_LOAD_SLOW (300) size it.
func TestHostileLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	f := newFixture(t, fixtureOptions{paris: true})
	storyID := f.parisStory(t)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, stop := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- f.srv.Serve(ctx, ln) }()
	defer func() {
		stop()
		<-served
	}()
	base := "http://" + addr
	// Warm the story's report, as a server that has been up a while has.
	if resp, err := http.Get(base + "/stories/" + storyID); err == nil {
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}

	dur := loadSeconds()
	conns, slow := envCount("CROSSCHECK_LOAD_CONNS", 200), envCount("CROSSCHECK_LOAD_SLOW", 300)
	attack, endAttack := context.WithTimeout(context.Background(), dur)
	defer endAttack()
	var wg sync.WaitGroup

	// Slowloris: open, send a partial request line, then a header byte
	// now and then; reconnect when the server hangs up.
	var slowOpened atomic.Int64
	for i := range slow {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for attack.Err() == nil {
				c, err := net.DialTimeout("tcp", addr, time.Second)
				if err != nil {
					time.Sleep(100 * time.Millisecond)
					continue
				}
				slowOpened.Add(1)
				if i%3 == 0 {
					// A slow body: a POST announcing 10 MB, sent a byte
					// at a time.
					fmt.Fprintf(c, "POST /api/ingest HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 10000000\r\n\r\n{", addr)
				} else {
					fmt.Fprintf(c, "GET /stories/%s HTTP/1.1\r\nHost: %s\r\nX-a: ", storyID, addr)
				}
				for attack.Err() == nil {
					c.SetWriteDeadline(time.Now().Add(time.Second))
					if _, err := c.Write([]byte("a")); err != nil {
						break
					}
					select {
					case <-attack.Done():
					case <-time.After(time.Duration(500+rand.IntN(1000)) * time.Millisecond):
					}
				}
				c.Close()
			}
		}()
	}

	// The flood: conns keep-alive connections asking as fast as they can.
	var floodOK, flood503, floodOther atomic.Int64
	paths := []string{"/stories/" + storyID, "/", "/api/stories", "/search?q=Paris", "/api/stories/" + storyID + "/report", "/articles/x"}
	for i := range conns {
		wg.Add(1)
		go func() {
			defer wg.Done()
			client := &http.Client{Transport: &http.Transport{MaxConnsPerHost: 1, MaxIdleConnsPerHost: 1}, Timeout: 30 * time.Second}
			defer client.CloseIdleConnections()
			for k := i; attack.Err() == nil; k++ {
				req, _ := http.NewRequestWithContext(attack, "GET", base+paths[k%len(paths)], nil)
				resp, err := client.Do(req)
				if err != nil {
					if attack.Err() == nil {
						floodOther.Add(1)
					}
					continue
				}
				io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
				switch {
				case resp.StatusCode < 500:
					floodOK.Add(1)
				case resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "":
					flood503.Add(1)
				default:
					floodOther.Add(1)
				}
			}
		}()
	}

	// The probe: what a user and a supervisor see during the attack.
	type sample struct {
		d      time.Duration
		ok     bool
		turned bool // 503 with Retry-After: turned away, gracefully
	}
	var health, page []sample
	probe := &http.Client{Timeout: 20 * time.Second}
	get := func(path string) sample {
		start := time.Now()
		resp, err := probe.Get(base + path)
		if err != nil {
			return sample{d: time.Since(start)}
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return sample{time.Since(start), resp.StatusCode == http.StatusOK,
			resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != ""}
	}
	time.Sleep(200 * time.Millisecond) // let the attack build up
	for attack.Err() == nil {
		health = append(health, get("/healthz"))
		page = append(page, get("/stories/"+storyID))
		time.Sleep(50 * time.Millisecond)
	}
	endAttack()
	wg.Wait()

	stats := func(name string, ss []sample) (p50, p99 time.Duration, failed, turned int) {
		var ds []time.Duration
		for _, s := range ss {
			ds = append(ds, s.d)
			switch {
			case s.turned:
				turned++
			case !s.ok:
				failed++
			}
		}
		slices.Sort(ds)
		if len(ds) == 0 {
			t.Fatalf("%s: no sample", name)
		}
		return ds[len(ds)/2], ds[min(len(ds)-1, len(ds)*99/100)], failed, turned
	}
	hp50, hp99, hfail, hturned := stats("healthz", health)
	pp50, pp99, pfail, pturned := stats("story page", page)
	total := floodOK.Load() + flood503.Load() + floodOther.Load()
	t.Logf("attack %v: %d slow connections opened (%d at once), %d flooding connections", dur, slowOpened.Load(), slow, conns)
	t.Logf("probe /healthz: %d requests, p50 %v, p99 %v, %d failed, %d turned away", len(health), hp50.Round(time.Microsecond), hp99.Round(time.Microsecond), hfail, hturned)
	t.Logf("probe story page: %d requests, p50 %v, p99 %v, %d failed, %d turned away (503 + Retry-After)", len(page), pp50.Round(time.Microsecond), pp99.Round(time.Microsecond), pfail, pturned)
	t.Logf("flood: %d requests, %d answered, %d turned away with 503 + Retry-After (%.1f%%), %d errors (%.2f%%)",
		total, floodOK.Load(), flood503.Load(), 100*float64(flood503.Load())/float64(max(total, 1)),
		floodOther.Load(), 100*float64(floodOther.Load())/float64(max(total, 1)))
	if hfail+hturned > 0 {
		t.Errorf("/healthz failed %d and was turned away %d of %d times during the attack", hfail, hturned, len(health))
	}
	// Past its capacity the server turns a page away with 503 and
	// Retry-After (on a starved machine, often); it never fails one
	// otherwise: no timeout, no reset, no 500.
	if pfail > 0 {
		t.Errorf("the story page failed %d of %d times during the attack (beside %d turned away)", pfail, len(page), pturned)
	}
	if floodOther.Load()*100 > total {
		t.Errorf("%d of %d flood requests failed with neither an answer nor a 503", floodOther.Load(), total)
	}
	// The server is still well after the attack.
	if s := get("/stories/" + storyID); !s.ok {
		t.Error("story page fails after the attack")
	}
}
