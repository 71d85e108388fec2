package watch

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck/feed"
)

// adaptCadence returns the time until a source's next check, adapted to
// how often it publishes: half the mean gap between its recent items when
// the feed dates them, else the previous cadence halved after a check that
// found something new and stretched by half after one that did not;
// within [lo, hi].
func adaptCadence(prev time.Duration, newItems int, dates []time.Time, now time.Time, lo, hi time.Duration) time.Duration {
	if prev <= 0 {
		prev = max(lo, min(hi, 15*time.Minute))
	}
	next := prev * 3 / 2
	if newItems > 0 {
		next = prev / 2
	}
	if gap, ok := meanGap(dates, now); ok {
		next = gap / 2
	}
	return min(max(next, lo), hi)
}

// meanGap is the mean time between the newest dated items (up to 20, the
// last 30 days), counting the time since the newest as one more gap when
// it is longer, so a feed that stopped publishing is checked less.
func meanGap(dates []time.Time, now time.Time) (time.Duration, bool) {
	var ds []time.Time
	for _, d := range dates {
		if !d.IsZero() && !d.After(now.Add(time.Hour)) && now.Sub(d) < 30*24*time.Hour {
			ds = append(ds, d)
		}
	}
	if len(ds) < 2 {
		return 0, false
	}
	slices.SortFunc(ds, func(a, b time.Time) int { return b.Compare(a) })
	ds = ds[:min(len(ds), 20)]
	gap := ds[0].Sub(ds[len(ds)-1]) / time.Duration(len(ds)-1)
	if since := now.Sub(ds[0]); since > gap {
		gap = (gap*time.Duration(len(ds)-1) + since) / time.Duration(len(ds))
	}
	if gap <= 0 {
		return 0, false
	}
	return gap, true
}

// jitter spreads d by up to ±frac, so that sources added together are not
// all checked in the same second forever.
func jitter(d time.Duration, frac float64) time.Duration {
	if frac <= 0 || d <= 0 {
		return d
	}
	f := 1 + frac*(2*rand.Float64()-1)
	return time.Duration(float64(d) * f)
}

// backoff is the wait after the n-th failure in a row (n >= 1): the
// source's cadence doubled per failure, capped.
func backoff(cadence time.Duration, n int, cap time.Duration) time.Duration {
	d := max(cadence, time.Second)
	for i := 0; i < n && d < cap; i++ {
		d *= 2
	}
	return min(d, cap)
}

// itemKey is how an item is recognised across checks: its GUID, else its
// link, else a hash of its title and text. Long values are hashed to keep
// the store small.
func itemKey(it *feed.Item) string {
	switch {
	case it.GUID != "":
		return shortKey("g:", it.GUID)
	case it.Link != "":
		return shortKey("l:", it.Link)
	}
	h := sha256.Sum256([]byte(strings.TrimSpace(it.Title) + "\x00" + strings.TrimSpace(it.Body())))
	return "h:" + hex.EncodeToString(h[:16])
}

func shortKey(prefix, v string) string {
	if len(v) <= 200 {
		return prefix + v
	}
	h := sha256.Sum256([]byte(v))
	return prefix + "#" + hex.EncodeToString(h[:16])
}
