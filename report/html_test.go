package report

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/crosscheck-news/crosscheck"
)

// hostile holds the tricks an article could carry into a report.
var hostile = []string{
	`<script>alert(1)</script>`,
	`"><script>alert(2)</script>`,
	`<img src=x onerror=alert(3)>`,
	`<a href="javascript:alert(4)">x</a>`,
	`javascript:alert(5)`,
	`</style><style>body{display:none}</style>`,
	`<div style="background:url(javascript:alert(6))">`,
	`expression(alert(7))`,
	`<svg onload=alert(8)>`,
	`<iframe src="data:text/html,<script>alert(9)</script>">`,
	`' onmouseover='alert(10)`,
	`<!-- comment --><base href="https://evil.example/">`,
	`<meta http-equiv="refresh" content="0;url=javascript:alert(11)">`,
	`<link rel=stylesheet href=https://evil.example/x.css>`,
}

// hostileReport puts hostile text in every field that comes from articles.
func hostileReport() *crosscheck.Report {
	r := fullReport()
	evil := strings.Join(hostile, " ")
	sr := r.Stories[0]
	sr.Story.Title = evil
	sr.Story.ID = evil
	sr.Story.Places = []string{evil}
	sr.Story.Outlets = []string{evil}
	for i, a := range sr.Articles {
		a.Title = evil
		a.Text = evil + "\n\n" + evil
		a.Outlet = evil
		a.Author = evil
		a.Correction = evil
		a.Language = evil
		a.URL = "javascript:alert(12)"
		if i%2 == 0 {
			a.Source = "javascript:alert(13)"
		} else {
			a.Source = "JaVaScRiPt:alert(14)//" + evil
		}
	}
	sr.Articles = append(sr.Articles, &crosscheck.Article{ID: `"><script>alert(15)</script>`, Source: " javascript:alert(16)"})
	for i := range sr.Brief {
		sr.Brief[i].Text = evil
		sr.Brief[i].Articles = append(sr.Brief[i].Articles, `x" onclick="alert(17)`)
	}
	for i := range sr.Claims {
		sr.Claims[i].Text = evil
		sr.Claims[i].Status = crosscheck.ClaimStatus(evil)
		sr.Claims[i].CreditedTo = []string{evil}
		for j := range sr.Claims[i].Sources {
			sr.Claims[i].Sources[j].Sentence = evil
		}
	}
	for i := range sr.Conflicts {
		c := &sr.Conflicts[i]
		c.About = evil
		c.Kind = crosscheck.ConflictKind(evil)
		for j := range c.Variants {
			c.Variants[j].Value = evil
			c.Variants[j].Sentence = evil
			c.Variants[j].Outlets = []string{evil}
		}
	}
	for i := range sr.Quotes {
		sr.Quotes[i].Speaker = evil
		sr.Quotes[i].Text = evil
		for j := range sr.Quotes[i].Variants {
			sr.Quotes[i].Variants[j].Text = evil + "!"
		}
	}
	for i := range sr.Attributions {
		sr.Attributions[i].Source = evil
		sr.Attributions[i].Kind = crosscheck.AttributionKind(evil)
	}
	for i := range sr.Entities {
		sr.Entities[i].Name = evil
		sr.Entities[i].Aliases = []string{evil + "?"}
		sr.Entities[i].Roles = []string{evil}
		sr.Entities[i].Kind = crosscheck.EntityKind(evil)
	}
	for i := range sr.Coverage {
		sr.Coverage[i].Outlet = evil
		sr.Coverage[i].Exclusive = append(sr.Coverage[i].Exclusive, evil)
	}
	for i := range sr.Timeline {
		sr.Timeline[i].Text = evil
	}
	return r
}

// TestHTMLHostileText renders hostile text everywhere and checks, on the
// parsed document, that none of it became markup: no script, no event
// handler, no javascript: or data: link, no element or style beyond our
// own.
func TestHTMLHostileText(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, hostileReport()); err != nil {
		t.Fatal(err)
	}
	checkSafeHTML(t, b.Bytes())
	// The text is shown, escaped, not dropped.
	if !strings.Contains(b.String(), "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("hostile text not shown escaped")
	}
}

// FuzzHTML puts arbitrary text in the fields articles fill and checks
// none of it becomes markup.
func FuzzHTML(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, text, link string) {
		r := fullReport()
		sr := r.Stories[0]
		sr.Story.Title = text
		a := sr.Articles[0]
		a.Title, a.Outlet, a.Text, a.Source, a.URL = text, text, text, link, link
		sr.Claims[0].Text = text
		sr.Conflicts[0].Variants[0].Sentence = text
		sr.Quotes[0].Speaker = text
		sr.Brief[0].Articles = []string{text}
		var b bytes.Buffer
		if err := HTML(&b, r); err != nil {
			t.Fatal(err)
		}
		checkSafeHTML(t, b.Bytes())
	})
}

// checkSafeHTML parses page and fails on anything but our own markup: no
// script, no event handler, no style attribute, no link but fragments and
// http(s), one stylesheet, three meta elements.
func checkSafeHTML(t *testing.T, page []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	allowed := map[string]bool{
		"html": true, "head": true, "body": true, "meta": true, "title": true, "style": true,
		"header": true, "h1": true, "h2": true, "h3": true, "h4": true, "p": true, "nav": true,
		"main": true, "article": true, "section": true, "ul": true, "ol": true, "li": true,
		"a": true, "span": true, "div": true, "strong": true, "time": true, "blockquote": true,
		"details": true, "summary": true, "table": true, "thead": true, "tbody": true,
		"tr": true, "th": true, "td": true,
	}
	styles, metas := 0, 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if !allowed[n.Data] {
				t.Errorf("unexpected element <%s>", n.Data)
			}
			switch n.Data {
			case "style":
				styles++
			case "meta":
				metas++
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				val := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(key, "on") {
					t.Errorf("<%s> has event handler %s=%q", n.Data, a.Key, a.Val)
				}
				if key == "style" {
					t.Errorf("<%s> has a style attribute %q", n.Data, a.Val)
				}
				if key == "href" || key == "src" {
					if !strings.HasPrefix(val, "#") && !strings.HasPrefix(val, "https://") && !strings.HasPrefix(val, "http://") {
						t.Errorf("<%s %s=%q>: not a fragment or web link", n.Data, a.Key, a.Val)
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	if styles != 1 {
		t.Errorf("%d <style> elements, want our one", styles)
	}
	if metas != 3 {
		t.Errorf("%d <meta> elements, want our 3", metas)
	}
}

// The HTML stands alone: no external resource is loaded.
func TestHTMLSelfContained(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, fullReport()); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "link", "img", "iframe", "object", "embed":
				t.Errorf("external or active element <%s>", n.Data)
			case "style":
				if n.FirstChild == nil || !strings.Contains(n.FirstChild.Data, ".badge.disputed") {
					t.Error("inline stylesheet missing")
				}
				if strings.Contains(n.FirstChild.Data, "@import") || strings.Contains(n.FirstChild.Data, "url(") {
					t.Error("stylesheet loads something")
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// The HTML shows the conflict side by side and every status as a badge.
func TestHTMLConflictAndBadges(t *testing.T) {
	var b bytes.Buffer
	if err := HTML(&b, fullReport()); err != nil {
		t.Fatal(err)
	}
	doc, err := html.Parse(&b)
	if err != nil {
		t.Fatal(err)
	}
	count := map[string]int{}
	var variants []string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				if a.Key == "class" {
					count[a.Val]++
					if a.Val == "variant" {
						variants = append(variants, textOf(n))
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	for _, class := range []string{"badge corroborated", "badge disputed", "badge single-source", "variants"} {
		if count[class] == 0 {
			t.Errorf("no element of class %q", class)
		}
	}
	if got, want := len(variants), 5; got != want {
		t.Fatalf("%d variants, want %d", got, want)
	}
	for i, want := range []string{"nine days", "eleven days", "Ilse Brandt", "Olav Hest", "a harbour pilot"} {
		if !strings.Contains(variants[i], want) {
			t.Errorf("variant %d = %q, want it to hold %q", i, variants[i], want)
		}
	}
	if !strings.Contains(variants[1], "after eleven days of repairs, city engineers said.") || !strings.Contains(variants[1], "Coastline Wire") {
		t.Errorf("variant lacks its sentence or outlet: %q", variants[1])
	}
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}
