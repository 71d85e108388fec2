package feed_test

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/crosscheck-news/crosscheck/feed"
)

func TestDetect(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want feed.Type
	}{
		{"rss", `<rss version="2.0"><channel/></rss>`, feed.RSS},
		{"rss with prolog", "\ufeff  <?xml version=\"1.0\" encoding=\"utf-8\"?>\n<!-- generated -->\n<?xml-stylesheet href=\"s.xsl\"?>\n<rss>", feed.RSS},
		{"rss 1.0", `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">`, feed.RSS},
		{"atom", `<feed xmlns="http://www.w3.org/2005/Atom">`, feed.Atom},
		{"atom in another charset", `<?xml version="1.0" encoding="windows-1251"?><feed>`, feed.Atom},
		{"json feed", `{"version": "https://jsonfeed.org/version/1.1", "items": []}`, feed.JSON},
		{"json feed, version later", `{"title": "T", "home_page_url": "https://x.test/", "version": "https://jsonfeed.org/version/1"}`, feed.JSON},
		{"other json", `{"version": "2.0", "items": []}`, feed.Unknown},
		{"json lines", "{\"text\":\"a\"}\n{\"text\":\"b\"}", feed.Unknown},
		{"html", `<!DOCTYPE html><html><body><p>x</p></body></html>`, feed.Unknown},
		{"other xml", `<?xml version="1.0"?><urlset><url/></urlset>`, feed.Unknown},
		{"text", "The council met.", feed.Unknown},
		{"empty", "", feed.Unknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := feed.Detect([]byte(tt.in)); got != tt.want {
				t.Fatalf("Detect=%v, want %v", got, tt.want)
			}
		})
	}
}

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title> Harbour   Gazette </title>
  <link>https://harbour.example.test/</link>
  <language>en-GB</language>
  <item>
    <title>Ferry &amp; pier &lt;b&gt;news&lt;/b&gt;</title>
    <link>/ferry?id=1</link>
    <description>Short teaser.</description>
    <dc:creator>By Ola Kern</dc:creator>
    <pubDate>Tue, 04 Mar 2031 10:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Pier</title>
    <guid isPermaLink="true">https://harbour.example.test/pier</guid>
    <description>Teaser.</description>
    <content:encoded><![CDATA[<p>Full text of the pier story.</p>]]></content:encoded>
  </item>
</channel>
</rss>`

func TestParseRSS(t *testing.T) {
	f, err := feed.Parse("", strings.NewReader(rss))
	if err != nil {
		t.Fatal(err)
	}
	if f.Type != feed.RSS || f.Title != "Harbour Gazette" || f.Language != "en" || f.Link != "https://harbour.example.test/" {
		t.Fatalf("feed: %+v", f)
	}
	if len(f.Items) != 2 {
		t.Fatalf("%d items", len(f.Items))
	}
	a, b := f.Items[0], f.Items[1]
	want := feed.Item{
		Title:     "Ferry & pier news",
		Link:      "https://harbour.example.test/ferry?id=1", // resolved against the feed's link
		Author:    "Ola Kern",
		Published: time.Date(2031, 3, 4, 10, 0, 0, 0, time.UTC),
		Summary:   "Short teaser.",
	}
	if !a.Published.Equal(want.Published) {
		t.Errorf("published %v, want %v", a.Published, want.Published)
	}
	a.Published = want.Published
	if *a != want {
		t.Errorf("item 1:\n%+v\nwant\n%+v", *a, want)
	}
	if !a.SummaryOnly() || a.Body() != "Short teaser." {
		t.Errorf("item 1 summary only %v body %q", a.SummaryOnly(), a.Body())
	}
	if b.Link != "https://harbour.example.test/pier" || b.SummaryOnly() || b.Body() != "<p>Full text of the pier story.</p>" {
		t.Errorf("item 2: link %q summary only %v body %q", b.Link, b.SummaryOnly(), b.Body())
	}
}

func TestParseBaseURL(t *testing.T) {
	in := `<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><title>E</title><id>urn:1</id><link href="a/b.html"/><summary>s</summary></entry></feed>`
	f, err := feed.Parse("https://news.example.test/feeds/atom.xml", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := f.Items[0].Link, "https://news.example.test/feeds/a/b.html"; got != want {
		t.Fatalf("link %q, want %q", got, want)
	}
	if f.Type != feed.Atom || f.Items[0].GUID != "urn:1" {
		t.Fatalf("type %v guid %q", f.Type, f.Items[0].GUID)
	}
}

func TestSummaryOnly(t *testing.T) {
	long := "<p>" + strings.Repeat("A full paragraph of the article. ", 40) + "</p>"
	tests := []struct {
		name string
		item feed.Item
		want bool
	}{
		{"content", feed.Item{Content: "<p>x</p>", Summary: "s"}, false},
		{"short summary", feed.Item{Summary: "<p>A teaser with <b>markup</b>.</p>"}, true},
		{"no text at all", feed.Item{}, true},
		{"whole article in description", feed.Item{Summary: long}, false},
		{"long markup, short text", feed.Item{Summary: `<img src="` + strings.Repeat("x", 2000) + `"><p>Teaser.</p>`}, true},
	}
	for _, tt := range tests {
		if got := tt.item.SummaryOnly(); got != tt.want {
			t.Errorf("%s: SummaryOnly=%v, want %v", tt.name, got, tt.want)
		}
	}
	short := feed.Item{Content: "<p>Brief content.</p>", Summary: long}
	if short.SummaryOnly() || !short.Short() {
		t.Errorf("short content: SummaryOnly=%v Short=%v, want false, true", short.SummaryOnly(), short.Short())
	}
	if full := (feed.Item{Content: long}); full.Short() {
		t.Error("long content is Short")
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
	}{
		{"cut off", `<rss version="2.0"><channel><item><title>x</ti`},
		{"html", `<html><body>no feed</body></html>`},
		{"text", `plain words`},
		{"bad json feed", `{"version":"https://jsonfeed.org/version/1", "items": [`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := feed.Parse("", strings.NewReader(tt.in))
			if err == nil {
				t.Fatalf("no error, feed %+v", f)
			}
		})
	}
	if _, err := feed.Parse("", strings.NewReader("plain words")); !errors.Is(err, feed.ErrNotFeed) {
		t.Errorf("text: %v, want ErrNotFeed", err)
	}
}

func TestDeclareUTF8(t *testing.T) {
	tests := []struct{ in, want string }{
		{`<?xml version="1.0" encoding="windows-1251"?><rss/>`, `<?xml version="1.0" encoding="UTF-8"?><rss/>`},
		{`<?xml version='1.0' encoding = 'koi8-r' ?><feed/>`, `<?xml version='1.0' encoding = 'UTF-8' ?><feed/>`},
		{`<?xml version="1.0"?><rss/>`, `<?xml version="1.0"?><rss/>`},
		{`<rss/>`, `<rss/>`},
	}
	for _, tt := range tests {
		if got := string(feed.DeclareUTF8([]byte(tt.in))); got != tt.want {
			t.Errorf("DeclareUTF8(%q)=%q, want %q", tt.in, got, tt.want)
		}
	}
}

// FuzzParse: Parse never panics; a parsed feed's titles are single-line
// trimmed text, and with an absolute base every item link that is a valid
// URL is absolute.
func FuzzParse(f *testing.F) {
	f.Add([]byte(rss))
	f.Add([]byte(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="x"/><title> a
b </title></entry></feed>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"url":"../y","title":"t"}]}`))
	f.Add([]byte(`<rdf:RDF><item><link>//host/p</link></item></rdf:RDF>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		fd, err := feed.Parse("https://base.example.test/dir/feed", bytes.NewReader(data))
		if err != nil {
			return
		}
		check := func(what, s string) {
			if s != strings.TrimSpace(s) || strings.ContainsAny(s, "\n\r\t") {
				t.Fatalf("%s %q is not single-line trimmed text", what, s)
			}
		}
		check("feed title", fd.Title)
		for _, it := range fd.Items {
			check("item title", it.Title)
			check("author", it.Author)
			if it.Link == "" {
				continue
			}
			if u, err := url.Parse(it.Link); err == nil && !u.IsAbs() {
				t.Fatalf("item link %q is not absolute", it.Link)
			}
		}
	})
}

func BenchmarkParse(b *testing.B) {
	var buf bytes.Buffer
	buf.WriteString(`<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench</title><link>https://bench.example.test/</link>`)
	for i := range 200 {
		buf.WriteString(`<item><title>Item title number ` + strings.Repeat("x", i%7) + `</title><link>/a/` + string(rune('a'+i%26)) + `</link>` +
			`<pubDate>Tue, 04 Mar 2031 10:00:00 GMT</pubDate><description>A teaser.</description><content:encoded><![CDATA[<p>` +
			strings.Repeat("Body text of the article. ", 40) + `</p>]]></content:encoded></item>`)
	}
	buf.WriteString(`</channel></rss>`)
	data := buf.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		f, err := feed.Parse("", bytes.NewReader(data))
		if err != nil || len(f.Items) != 200 {
			b.Fatal(err)
		}
	}
}

func TestParseDeclaredCharset(t *testing.T) {
	in, err := charmap.Windows1251.NewEncoder().String(`<?xml version="1.0" encoding="windows-1251"?>
<rss version="2.0"><channel><title>Вести Вельска</title>
<item><title>Мост открыт</title><description>Новый мост открыли.</description></item></channel></rss>`)
	if err != nil {
		t.Fatal(err)
	}
	f, err := feed.Parse("", strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if f.Title != "Вести Вельска" || f.Items[0].Title != "Мост открыт" || f.Items[0].Summary != "Новый мост открыли." {
		t.Fatalf("feed %q, item %q %q", f.Title, f.Items[0].Title, f.Items[0].Summary)
	}
}
