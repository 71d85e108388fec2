package ingest

import (
	"io"
	"net/http"
	"time"
)

// Defaults for the zero fields of Options.
const (
	DefaultTimeout      = 20 * time.Second
	DefaultMaxBytes     = 10 << 20 // 10 MiB
	DefaultMaxRedirects = 5
	DefaultUserAgent    = "crosscheck/0.1 (+https://github.com/crosscheck-news/crosscheck)"
	DefaultConcurrency  = 4
)

// Options configure a Reader. The zero value is usable: every zero field
// takes the default named beside it.
type Options struct {
	// Timeout bounds one HTTP fetch, from connecting to the last body byte
	// (default DefaultTimeout, 20s).
	Timeout time.Duration
	// MaxBytes caps the size of one input: a file, an HTTP response, one
	// JSON Lines record (default DefaultMaxBytes, 10 MiB). A directory or a
	// JSON Lines file may be larger: they are streamed.
	MaxBytes int64
	// MaxRedirects is how many HTTP redirects a fetch follows (default
	// DefaultMaxRedirects, 5). Negative: follow none.
	MaxRedirects int
	// UserAgent is sent with every request (default DefaultUserAgent).
	UserAgent string
	// BlockPrivate refuses connections to loopback, private, link-local,
	// unspecified, multicast and other non-public addresses. The check runs
	// on the resolved IP at connect time, so it holds across redirects and
	// DNS answers. Off by default (the CLI may fetch localhost); the web UI
	// turns it on. It also disables HTTP proxies from the environment.
	BlockPrivate bool
	// SkipItemPages stops fetching the page of a feed item whose text is
	// short (only a summary, or content under feed.MinFullTextRunes
	// characters); the item's own text is used as the body instead. By
	// default (false) the page is fetched.
	SkipItemPages bool
	// Concurrency is how many feed item pages are fetched at once (default
	// DefaultConcurrency, 4). Documents are yielded in feed order anyway.
	Concurrency int
	// Stdin is read for the input "-" (default os.Stdin).
	Stdin io.Reader
	// Transport replaces the HTTP transport (tests, custom proxies). When
	// set, BlockPrivate is the transport's business.
	Transport http.RoundTripper
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxRedirects == 0 {
		o.MaxRedirects = DefaultMaxRedirects
	} else if o.MaxRedirects < 0 {
		o.MaxRedirects = 0
	}
	if o.UserAgent == "" {
		o.UserAgent = DefaultUserAgent
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	return o
}
