// Package opml reads and writes OPML subscription lists, the format every
// feed reader imports and exports: OPML 1.0 and 2.0, with outlines nested
// in folders at any depth.
//
// It owns the wire format only: Parse turns a document into a flat list of
// feeds, each with the folder path it was filed under; Write makes a
// document of such a list. It does not fetch or check the feeds.
package opml

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"golang.org/x/net/html/charset"
)

// Feed is one subscription of an OPML list.
type Feed struct {
	// URL is the feed's address (the outline's xmlUrl).
	URL string
	// SiteURL is the web site (htmlUrl), when given.
	SiteURL string
	// Title is the outline's title, else its text.
	Title string
	// Category is the folder path, outer folders first, joined by "/";
	// an outline's category attribute when it is not nested.
	Category string
}

// wire structs.
type document struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Head    head      `xml:"head"`
	Body    []outline `xml:"body>outline"`
}

type head struct {
	Title       string `xml:"title,omitempty"`
	DateCreated string `xml:"dateCreated,omitempty"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Category string    `xml:"category,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// ErrNoFeeds is returned by Parse for an OPML document without any feed.
var ErrNoFeeds = errors.New("the OPML file lists no feed (no outline with an xmlUrl)")

// Parse reads an OPML document and returns its feeds in document order.
// Outlines without xmlUrl are folders; attribute names are matched as
// feed readers write them (xmlUrl, xmlurl, XMLURL).
func Parse(r io.Reader) ([]Feed, error) {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = false
	var doc document
	if err := d.Decode(&doc); err != nil {
		return nil, fmt.Errorf("not an OPML file: %w", err)
	}
	if doc.XMLName.Local != "opml" {
		return nil, errors.New("not an OPML file: the root element is not <opml>")
	}
	var out []Feed
	var walk func(os []outline, path []string)
	walk = func(os []outline, path []string) {
		for _, o := range os {
			name := strings.TrimSpace(o.Title)
			if name == "" {
				name = strings.TrimSpace(o.Text)
			}
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				cat := strings.Join(path, "/")
				if cat == "" {
					cat = strings.Trim(strings.TrimSpace(o.Category), "/")
				}
				out = append(out, Feed{URL: u, SiteURL: strings.TrimSpace(o.HTMLURL), Title: name, Category: cat})
			}
			if len(o.Outlines) > 0 {
				sub := path
				if name != "" {
					sub = append(append([]string(nil), path...), strings.ReplaceAll(name, "/", "-"))
				}
				walk(o.Outlines, sub)
			}
		}
	}
	walk(doc.Body, nil)
	if len(out) == 0 {
		return nil, ErrNoFeeds
	}
	return out, nil
}

// UnmarshalXML reads an outline with its attribute names in any case.
func (o *outline) UnmarshalXML(d *xml.Decoder, start xml.StartElement) error {
	for _, a := range start.Attr {
		v := a.Value
		switch strings.ToLower(a.Name.Local) {
		case "text":
			o.Text = v
		case "title":
			o.Title = v
		case "type":
			o.Type = v
		case "xmlurl":
			o.XMLURL = v
		case "htmlurl":
			o.HTMLURL = v
		case "category":
			o.Category = v
		}
	}
	for {
		tok, err := d.Token()
		if err != nil {
			return err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if strings.EqualFold(t.Name.Local, "outline") {
				var child outline
				if err := child.UnmarshalXML(d, t); err != nil {
					return err
				}
				o.Outlines = append(o.Outlines, child)
			} else if err := d.Skip(); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// Write writes feeds as an OPML 2.0 document titled title, each category
// a folder (nested for "a/b"), folders and feeds in first-seen order.
func Write(w io.Writer, title string, feeds []Feed, now time.Time) error {
	type node struct {
		o        outline
		children []*node
	}
	root := &node{}
	folders := map[string]*node{"": root}
	var folder func(path string) *node
	folder = func(path string) *node {
		if f, ok := folders[path]; ok {
			return f
		}
		parentPath, name := "", path
		if i := strings.LastIndex(path, "/"); i >= 0 {
			parentPath, name = path[:i], path[i+1:]
		}
		parent := folder(parentPath)
		f := &node{o: outline{Text: name, Title: name}}
		parent.children = append(parent.children, f)
		folders[path] = f
		return f
	}
	for _, f := range feeds {
		t := f.Title
		if t == "" {
			t = f.URL
		}
		p := folder(strings.Trim(f.Category, "/"))
		p.children = append(p.children, &node{o: outline{Text: t, Title: t, Type: "rss", XMLURL: f.URL, HTMLURL: f.SiteURL}})
	}
	var build func(n *node) []outline
	build = func(n *node) []outline {
		var out []outline
		for _, c := range n.children {
			o := c.o
			o.Outlines = build(c)
			out = append(out, o)
		}
		return out
	}
	doc := document{Version: "2.0", Head: head{Title: title, DateCreated: now.UTC().Format(time.RFC1123Z)}, Body: build(root)}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
