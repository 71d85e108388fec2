package feed

import (
	"net/url"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
)

// adapt maps gofeed's universal feed onto ours.
func adapt(baseURL string, f *gofeed.Feed) *Feed {
	out := &Feed{
		Title:    plainText(f.Title),
		Language: language(f.Language),
	}
	switch f.FeedType {
	case "rss":
		out.Type = RSS
	case "atom":
		out.Type = Atom
	case "json":
		out.Type = JSON
	}
	base, _ := url.Parse(baseURL)
	out.Link = resolve(base, strings.TrimSpace(f.Link))
	if base == nil || !base.IsAbs() {
		// A local feed file: its own link is the best base there is.
		if l, err := url.Parse(out.Link); err == nil && l.IsAbs() {
			base = l
		}
	}
	out.Items = make([]*Item, 0, len(f.Items))
	for _, it := range f.Items {
		if it == nil {
			continue
		}
		out.Items = append(out.Items, adaptItem(base, it))
	}
	return out
}

func adaptItem(base *url.URL, it *gofeed.Item) *Item {
	link := strings.TrimSpace(it.Link)
	if link == "" && len(it.Links) > 0 {
		link = strings.TrimSpace(it.Links[0])
	}
	if link == "" && isHTTPURL(it.GUID) {
		// RSS guid isPermaLink: the guid is the page.
		link = strings.TrimSpace(it.GUID)
	}
	item := &Item{
		Title:   plainText(it.Title),
		Link:    resolve(base, link),
		GUID:    strings.TrimSpace(it.GUID),
		Author:  authors(it),
		Content: strings.TrimSpace(it.Content),
		Summary: strings.TrimSpace(it.Description),
	}
	switch {
	case it.PublishedParsed != nil:
		item.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil:
		item.Published = *it.UpdatedParsed
	}
	return item
}

func authors(it *gofeed.Item) string {
	var names []string
	seen := map[string]bool{}
	add := func(s string) {
		s = plainText(s)
		s = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(s, "By "), "by "))
		if s != "" && !seen[s] {
			seen[s] = true
			names = append(names, s)
		}
	}
	for _, p := range it.Authors {
		if p != nil {
			add(p.Name)
		}
	}
	if len(names) == 0 && it.Author != nil {
		add(it.Author.Name)
	}
	if len(names) == 0 && it.DublinCoreExt != nil {
		for _, c := range it.DublinCoreExt.Creator {
			add(c)
		}
	}
	return strings.Join(names, ", ")
}

func isHTTPURL(s string) bool {
	u, err := url.Parse(strings.TrimSpace(s))
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// resolve makes ref absolute against base when it can; it returns ref as
// given otherwise.
func resolve(base *url.URL, ref string) string {
	if ref == "" || base == nil || !base.IsAbs() {
		return ref
	}
	u, err := url.Parse(ref)
	if err != nil || u.IsAbs() {
		return ref
	}
	return base.ResolveReference(u).String()
}

// language reduces a language tag ("en-US", "EN_gb") to its ISO 639-1 code.
func language(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 {
		return ""
	}
	return tag
}

// plainText turns a feed string that may hold markup or entities into plain
// text with collapsed whitespace.
func plainText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.Join(strings.Fields(s), " ")
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			if skip == 0 {
				b.Write(z.Text())
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				skip++
			case "br", "p", "div", "li":
				b.WriteByte(' ')
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style":
				if skip > 0 {
					skip--
				}
			case "p", "div", "li":
				b.WriteByte(' ')
			}
		}
	}
}
