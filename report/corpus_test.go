package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/crosscheck-news/crosscheck"
)

// ecbplusPath is the ECB+ corpus: real news text with its quirks (nulls,
// one sentence per line, odd spacing), read at test time, never copied.
var ecbplusPath = filepath.Join("..", "..", "shared", "corpora", "ecbplus", "articles.jsonl")

// ecbplusReport builds a foundation-stage report (stories of articles, no
// analysis) from the corpus, one story per gold cluster.
func ecbplusReport(tb testing.TB) *crosscheck.Report {
	tb.Helper()
	f, err := os.Open(ecbplusPath)
	if err != nil {
		tb.Skipf("ECB+ corpus not available (%v); it lives in ../shared/corpora", err)
	}
	defer f.Close()
	type record struct {
		ID      string  `json:"id"`
		Cluster string  `json:"cluster"`
		Title   *string `json:"title"`
		Text    string  `json:"text"`
		Outlet  *string `json:"outlet"`
		URL     *string `json:"url"`
	}
	byCluster := map[string]*crosscheck.StoryReport{}
	var order []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 1<<20), 1<<24)
	for sc.Scan() {
		var r record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		a := &crosscheck.Article{ID: r.ID, Source: "ecbplus/articles.jsonl#" + r.ID, Text: strings.ReplaceAll(r.Text, "\n", "\n\n")}
		if r.Title != nil {
			a.Title = *r.Title
		}
		if r.Outlet != nil {
			a.Outlet = *r.Outlet
		}
		if r.URL != nil {
			a.URL = *r.URL
		}
		sr := byCluster[r.Cluster]
		if sr == nil {
			sr = &crosscheck.StoryReport{Story: crosscheck.Story{ID: r.Cluster}}
			byCluster[r.Cluster] = sr
			order = append(order, r.Cluster)
		}
		sr.Articles = append(sr.Articles, a)
		sr.Story.Articles++
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	slices.Sort(order)
	r := &crosscheck.Report{}
	for _, c := range order {
		r.Stories = append(r.Stories, byCluster[c])
	}
	return r
}

// TestECBPlusFoundation renders real articles in every format and checks
// what holds for any input: text width, every article listed, the HTML
// parses with no script, the JSON has one entry per article.
func TestECBPlusFoundation(t *testing.T) {
	r := ecbplusReport(t)
	n := 0
	for _, s := range r.Stories {
		n += len(s.Articles)
	}
	txt := string(render(t, "text", r, TextOptions{}))
	checkWidth(t, txt, DefaultWidth)
	if got := len(regexp.MustCompile(`(?m)^ +id \S+ · source `).FindAllString(txt, -1)); got != n {
		t.Errorf("text lists %d articles, want %d", got, n)
	}
	if strings.Contains(txt, "\nBRIEF\n") || strings.Contains(txt, "\nCLAIMS (") {
		t.Error("empty analysis sections in a foundation report")
	}

	doc, err := html.Parse(bytes.NewReader(render(t, "html", r, TextOptions{})))
	if err != nil {
		t.Fatal(err)
	}
	items := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "script" {
				t.Error("script element")
			}
			if n.Data == "li" && len(n.Attr) > 0 && n.Attr[0].Key == "id" && strings.Contains(n.Attr[0].Val, "-a") {
				items++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if items != n {
		t.Errorf("html lists %d articles, want %d", items, n)
	}

	var out struct {
		Stories []struct {
			Articles []json.RawMessage `json:"articles"`
		} `json:"stories"`
	}
	if err := json.Unmarshal(render(t, "json", r, TextOptions{}), &out); err != nil {
		t.Fatal(err)
	}
	got := 0
	for _, s := range out.Stories {
		got += len(s.Articles)
	}
	if got != n {
		t.Errorf("json has %d articles, want %d", got, n)
	}
}

// BenchmarkECBPlus renders the whole corpus (86 stories, 982 articles).
func BenchmarkECBPlus(b *testing.B) {
	r := ecbplusReport(b)
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Write(&buf, r, f, TextOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}
