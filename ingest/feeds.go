package ingest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"mime"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"golang.org/x/net/html"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/feed"
)

// feedDocs yields one document per feed item. An item whose text is short
// (a summary, or brief content) has its page fetched unless
// Options.SkipItemPages, up to Options.Concurrency pages at a time;
// documents still come in feed order. When the fetch fails, an item with
// content of its own falls back to it; a summary-only item fails.
func (r *Reader) feedDocs(ctx context.Context, name string, s src, data []byte, yield emit) bool {
	data, err := feedUTF8(data, s.contentType)
	if err != nil {
		return fail(yield, name, err)
	}
	base := s.url
	if base == "" && isHTTP(name) {
		base = name
	}
	f, err := feed.Parse(base, bytes.NewReader(data))
	if err != nil {
		return fail(yield, name, err)
	}
	if len(f.Items) == 0 {
		return fail(yield, name, errors.New("the feed has no items"))
	}
	return r.itemDocs(ctx, name, f, yield)
}

// itemDocs yields one document per item of f, fetching item pages as
// feedDocs says.
func (r *Reader) itemDocs(ctx context.Context, name string, f *feed.Feed, yield emit) bool {
	ctx, cancel := context.WithCancel(ctx)
	var wg sync.WaitGroup
	defer wg.Wait()
	defer cancel()

	type page struct {
		done chan struct{}
		doc  *crosscheck.Document
		err  error
	}
	pages := make([]*page, len(f.Items))
	fetch := func(i int) {
		it := f.Items[i]
		if r.opts.SkipItemPages || !it.Short() || !isHTTP(it.Link) {
			return
		}
		p := &page{done: make(chan struct{})}
		pages[i] = p
		wg.Go(func() {
			defer close(p.done)
			p.doc, p.err = r.itemPage(ctx, it.Link)
		})
	}
	started := 0
	for i, it := range f.Items {
		for ; started < len(f.Items) && started < i+r.opts.Concurrency; started++ {
			fetch(started)
		}
		meta := crosscheck.Meta{
			Title:     it.Title,
			Outlet:    f.Title,
			Author:    it.Author,
			Published: it.Published,
			Language:  f.Language,
		}
		var doc *crosscheck.Document
		var err error
		at := itemSource(name, i, it)
		if p := pages[i]; p != nil {
			select {
			case <-p.done:
			case <-ctx.Done():
				return false
			}
			doc, err = p.doc, p.err
			switch {
			case err == nil:
			case !it.SummaryOnly() && ctx.Err() == nil:
				// The feed has content of its own, if short: use it.
				doc, err = itemDoc(it)
			default:
				err = fmt.Errorf("fetch item page (the feed gives only a summary of this item; turn item page fetching off to use summaries): %w", err)
			}
		} else {
			doc, err = itemDoc(it)
		}
		if err != nil {
			if ctx.Err() != nil {
				return false
			}
			if !fail(yield, at, err) {
				return false
			}
			continue
		}
		doc.Source, doc.Meta = at, meta
		if doc.URL == "" {
			doc.URL = it.Link
		}
		if !yield(doc, nil) {
			return false
		}
	}
	return true
}

// itemSource names an item: its link, else FEED#GUID, else FEED#N.
func itemSource(name string, i int, it *feed.Item) string {
	switch {
	case it.Link != "":
		return it.Link
	case it.GUID != "":
		return name + "#" + it.GUID
	}
	return name + "#" + strconv.Itoa(i+1)
}

// itemDoc makes a document of an item's own content or summary.
func itemDoc(it *feed.Item) (*crosscheck.Document, error) {
	body := it.Body()
	if body == "" {
		return nil, errors.New("the item has no content and no web page to fetch")
	}
	if isMarkup(body) {
		if !htmlHasText([]byte(body)) {
			return nil, errors.New("the item's content has no text")
		}
		return &crosscheck.Document{Format: crosscheck.FormatHTML, Body: []byte(body)}, nil
	}
	if !hasLetters([]byte(body)) {
		return nil, errors.New("the item's content has no text")
	}
	return &crosscheck.Document{Format: crosscheck.FormatText, Body: []byte(body)}, nil
}

// itemPage fetches a feed item's web page, which must be HTML (or text).
func (r *Reader) itemPage(ctx context.Context, link string) (*crosscheck.Document, error) {
	resp, err := r.get(ctx, link)
	if err != nil {
		return nil, err
	}
	k, ok := mediaKind(resp.ContentType)
	if !ok {
		return nil, unsupportedType(resp.ContentType)
	}
	if k == kindUnknown {
		k = sniff(resp.Body)
	}
	if isBinary(resp.Body[:min(len(resp.Body), sniffLen)]) && !utf16BOM(resp.Body) {
		return nil, errors.New("binary data, not a web page")
	}
	body, err := ToUTF8(resp.Body, resp.ContentType)
	if err != nil {
		return nil, err
	}
	switch k {
	case kindHTML:
		if !htmlHasText(body) {
			return nil, errors.New("HTML without any text: nothing to extract")
		}
		return &crosscheck.Document{URL: resp.URL, Format: crosscheck.FormatHTML, Body: declareUTF8(body)}, nil
	case kindText:
		if !hasLetters(body) {
			return nil, errEmpty
		}
		return &crosscheck.Document{URL: resp.URL, Format: crosscheck.FormatText, Body: body}, nil
	}
	return nil, fmt.Errorf("the item's page is a %s, not a web page", k)
}

// feedUTF8 decodes a feed served with a charset in its Content-Type (which
// wins over the XML declaration, RFC 7303) to UTF-8 and declares it so.
func feedUTF8(data []byte, contentType string) ([]byte, error) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return data, nil
	}
	cs := strings.ToLower(params["charset"])
	if cs == "" || cs == "utf-8" || cs == "utf8" {
		return data, nil
	}
	out, err := ToUTF8(data, contentType)
	if err != nil {
		return nil, err
	}
	return feed.DeclareUTF8(out), nil
}

func isHTTP(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// isMarkup reports whether feed content is HTML: it holds a tag or an
// entity. Plain text content (JSON Feed content_text, Atom type="text")
// has neither.
func isMarkup(s string) bool {
	if !strings.ContainsAny(s, "<&") {
		return false
	}
	z := html.NewTokenizer(strings.NewReader(s))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			return true
		case html.TextToken:
			if bytes.Contains(z.Raw(), []byte("&")) && !bytes.Equal(z.Raw(), z.Text()) {
				return true
			}
		}
	}
}
