package extract

import (
	"bytes"
	"net/url"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// extractHTML finds the main text and metadata of a web page with
// go-trafilatura. The body is UTF-8 already, so the page is parsed here and
// trafilatura's own charset sniffing, which fails on some pages, is skipped.
func extractHTML(body []byte, pageURL string, opts Options) (*result, error) {
	if !norm.NFC.IsNormal(body) {
		body = norm.NFC.Bytes(body)
	}
	root, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "unreadable HTML: %v", err)
	}
	topts := trafilatura.Options{
		ExcludeComments: true,
		EnableFallback:  opts.Fallback,
	}
	if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" && u.Host != "" {
		topts.OriginalURL = u
	}
	res, err := trafilatura.ExtractDocument(root, topts)
	if err != nil || res == nil || res.ContentNode == nil {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "no article text found: the page holds no readable body text (an index page, a paywall, or a page built by JavaScript?)")
	}
	md := res.Metadata
	r := &result{}
	r.paras = htmlParagraphs(res.ContentNode, nil)
	r.meta.Title = cleanTitle(foldSpace(md.Title), foldSpace(md.Sitename))
	// The body often repeats the headline as its first heading.
	if len(r.paras) > 1 && r.meta.Title != "" && sameText(r.paras[0], r.meta.Title) {
		r.paras = r.paras[1:]
	}
	r.meta.Author = foldSpace(md.Author)
	r.meta.Outlet = foldSpace(md.Sitename)
	if r.meta.Outlet == "" {
		host := md.Hostname
		if host == "" && topts.OriginalURL != nil {
			host = topts.OriginalURL.Hostname()
		}
		r.meta.Outlet = strings.TrimPrefix(strings.ToLower(host), "www.")
	}
	if !md.Date.IsZero() && !md.Date.After(opts.now().Add(24*time.Hour)) {
		r.meta.Published = md.Date
		h, m, s := md.Date.Clock()
		r.meta.PublishedDateOnly = h == 0 && m == 0 && s == 0 && md.Date.Nanosecond() == 0
	}
	r.meta.Language = md.Language
	r.paras, r.correction = splitCorrections(r.paras)
	r.paras = dropBoilerplate(r.paras)
	return r, nil
}

// Block elements end a paragraph. Table cells only separate words.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "thead": true,
	"tbody": true, "tfoot": true, "section": true, "article": true, "figure": true,
	"figcaption": true, "header": true, "footer": true, "br": true, "hr": true,
	"main": true, "aside": true, "nav": true, "details": true, "summary": true,
	"caption": true, "body": true, "html": true, "address": true, "center": true,
}

// htmlParagraphs flattens trafilatura's content tree into one-line
// paragraphs, appending to out.
func htmlParagraphs(n *html.Node, out []string) []string {
	var cur strings.Builder
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		if p := foldSpace(cur.String()); p != "" {
			out = append(out, p)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "td", "th":
				cur.WriteByte(' ')
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		} else if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") {
			cur.WriteByte(' ')
		}
	}
	walk(n)
	flush()
	return out
}

// cleanTitle drops the site name a page title often carries after a
// separator ("Headline | Site", "Headline - Site").
func cleanTitle(title, site string) string {
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		tail := strings.TrimSpace(title[i+len(sep):])
		if site != "" && strings.EqualFold(tail, site) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

// sameText compares two strings ignoring case and whitespace.
func sameText(a, b string) bool {
	return strings.EqualFold(foldSpace(a), foldSpace(b))
}

// dropBoilerplate removes paragraphs that are prompts, markers, share rows
// or photo credits.
func dropBoilerplate(paras []string) []string {
	out := paras[:0]
	for _, p := range paras {
		low := strings.ToLower(p)
		if isBoilerplate(low) || isCaption(p, low) || isSectionAge(p) || isURLLine(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}
