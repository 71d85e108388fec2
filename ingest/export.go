package ingest

import (
	"bytes"
	"context"
	"iter"
	"net/http"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/feed"
)

// NewTransport returns the HTTP transport a Reader made with o uses when
// o.Transport is nil: o's timeouts, and non-public addresses refused at
// connect time under o.BlockPrivate. A caller that wraps it (the watcher's
// per-host limits) keeps those guarantees.
func NewTransport(o Options) http.RoundTripper {
	o = o.withDefaults()
	o.Transport = nil
	return newClient(o).Transport
}

// ParseFeed parses a feed fetched from url with its Content-Type, whose
// charset wins over the XML declaration.
func ParseFeed(url, contentType string, body []byte) (*feed.Feed, error) {
	data, err := feedUTF8(body, contentType)
	if err != nil {
		return nil, err
	}
	return feed.Parse(url, bytes.NewReader(data))
}

// FeedDocs yields one document (or one *crosscheck.InputError) per item
// of f, in order, as a feed read by FetchURL does: an item with only a
// summary or short content has its page fetched unless
// Options.SkipItemPages. name is the feed's URL, used to name items
// without a link.
func (r *Reader) FeedDocs(ctx context.Context, name string, f *feed.Feed) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		r.itemDocs(ctx, name, f, yield)
	}
}
