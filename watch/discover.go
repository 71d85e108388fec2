package watch

import (
	"bytes"
	"encoding/xml"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
)

// feedTypes are the link types of a page's feed, best first.
var feedTypes = []string{
	"application/atom+xml",
	"application/rss+xml",
	"application/feed+json",
	"application/json",
	"application/xml",
	"text/xml",
}

// discoverFeeds returns the feeds an HTML page names in its
// <link rel="alternate" type="..." href="...">, absolute, best type first.
func discoverFeeds(pageURL string, body []byte) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	type found struct {
		href string
		rank int
	}
	var links []found
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		name, hasAttr := z.TagName()
		tag := string(name)
		if tag == "body" {
			break // feeds are announced in the head
		}
		if (tag != "link" && tag != "base") || !hasAttr {
			continue
		}
		attrs := map[string]string{}
		for {
			k, v, more := z.TagAttr()
			attrs[string(k)] = strings.TrimSpace(string(v))
			if !more {
				break
			}
		}
		if tag == "base" {
			if b, err := base.Parse(attrs["href"]); err == nil && attrs["href"] != "" {
				base = b
			}
			continue
		}
		if !hasToken(attrs["rel"], "alternate") || attrs["href"] == "" {
			continue
		}
		typ := strings.ToLower(strings.TrimSpace(strings.Split(attrs["type"], ";")[0]))
		rank := -1
		for i, t := range feedTypes {
			if typ == t {
				rank = i
			}
		}
		if rank < 0 {
			continue
		}
		u, err := base.Parse(attrs["href"])
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
			continue
		}
		u.Fragment = ""
		links = append(links, found{u.String(), rank})
	}
	var out []string
	seen := map[string]bool{}
	for r := range feedTypes {
		for _, l := range links {
			if l.rank == r && !seen[l.href] {
				seen[l.href] = true
				out = append(out, l.href)
			}
		}
	}
	return out
}

func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(strings.ToLower(list)) {
		if f == tok {
			return true
		}
	}
	return false
}

// webSubLinks finds a feed's WebSub hub and self URL: in HTTP Link headers
// first (W3C WebSub 4), else in the feed's own <link rel="hub"> and
// <link rel="self"> (Atom, or atom:link in RSS) before its first item.
func webSubLinks(feedURL string, h http.Header, body []byte) (hub, self string) {
	base, _ := url.Parse(feedURL)
	abs := func(ref string) string {
		if base == nil {
			return ""
		}
		u, err := base.Parse(strings.TrimSpace(ref))
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return ""
		}
		return u.String()
	}
	for _, v := range h.Values("Link") {
		for _, part := range splitLinks(v) {
			target, rel := parseLink(part)
			switch {
			case hasToken(rel, "hub") && hub == "":
				hub = abs(target)
			case hasToken(rel, "self") && self == "":
				self = abs(target)
			}
		}
	}
	if hub != "" && self != "" {
		return hub, self
	}
	d := xml.NewDecoder(bytes.NewReader(body))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	var xhub, xself string
	for range 2000 {
		tok, err := d.RawToken()
		if err != nil {
			break
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		local := strings.ToLower(se.Name.Local)
		if local == "item" || local == "entry" {
			break
		}
		if local != "link" {
			continue
		}
		var rel, href string
		for _, a := range se.Attr {
			switch strings.ToLower(a.Name.Local) {
			case "rel":
				rel = a.Value
			case "href":
				href = strings.TrimSpace(a.Value)
			}
		}
		if href == "" {
			continue
		}
		if hasToken(rel, "hub") && xhub == "" {
			xhub = abs(href)
		}
		if hasToken(rel, "self") && xself == "" {
			xself = abs(href)
		}
	}
	if hub == "" {
		hub = xhub
	}
	if self == "" {
		self = xself
	}
	return hub, self
}

// splitLinks splits a Link header value at the commas between links
// (not those inside <...> or quotes).
func splitLinks(v string) []string {
	var parts []string
	depth, quoted, start := 0, false, 0
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c == '"' && depth == 0:
			quoted = !quoted
		case c == '<' && !quoted:
			depth++
		case c == '>' && !quoted && depth > 0:
			depth--
		case c == ',' && depth == 0 && !quoted:
			parts = append(parts, v[start:i])
			start = i + 1
		}
	}
	return append(parts, v[start:])
}

// parseLink reads `<target>; rel="a b"` (RFC 8288).
func parseLink(s string) (target, rel string) {
	s = strings.TrimSpace(s)
	if !strings.HasPrefix(s, "<") {
		return "", ""
	}
	end := strings.IndexByte(s, '>')
	if end < 0 {
		return "", ""
	}
	target = s[1:end]
	for _, p := range strings.Split(s[end+1:], ";") {
		k, v, ok := strings.Cut(strings.TrimSpace(p), "=")
		if ok && strings.EqualFold(strings.TrimSpace(k), "rel") {
			rel = strings.Trim(strings.TrimSpace(v), `"`)
		}
	}
	return target, rel
}
