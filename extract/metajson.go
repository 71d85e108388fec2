package extract

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// ldThing is one schema.org object found in a page's JSON-LD.
type ldThing struct {
	types []string // schemaType of each @type
	data  map[string]any
	depth int // 0 for a top-level object or a member of @graph
}

func (t *ldThing) is(types map[string]bool) bool {
	for _, x := range t.types {
		if types[x] {
			return true
		}
	}
	return false
}

// ldScriptPrefixes and suffixes are the wrappers content systems put
// around JSON-LD that make it invalid JSON.
var ldWrappers = []struct{ pre, suf string }{
	{"<!--", "-->"}, {"//<![CDATA[", "//]]>"}, {"<![CDATA[", "]]>"}, {"/*<![CDATA[*/", "/*]]>*/"},
}

// parseJSONLD reads the objects of JSON-LD scripts, leniently: wrappers
// and raw control characters (a newline inside a string) are tolerated, a
// script holding several values is read value by value, and a broken
// script yields what was read before the break.
func parseJSONLD(scripts []string) []*ldThing {
	var things []*ldThing
	byID := map[string]*ldThing{}
	for _, s := range scripts {
		s = strings.TrimSpace(s)
		for _, w := range ldWrappers {
			s = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(s, w.pre), w.suf))
		}
		b := []byte(s)
		for i, c := range b {
			if c < 0x20 {
				// Raw tabs and newlines are whitespace outside strings and
				// invalid inside them: a space is right in both places.
				b[i] = ' '
			}
		}
		dec := json.NewDecoder(bytes.NewReader(b))
		dec.UseNumber()
		for {
			var v any
			err := dec.Decode(&v)
			if err == io.EOF {
				break
			}
			if err != nil {
				break
			}
			collectLD(v, 0, &things, byID)
			if len(things) > 200 {
				break
			}
		}
	}
	// Resolve references ({"@id": "#author-1"}) to the objects they name.
	for _, t := range things {
		for _, key := range []string{"author", "creator", "publisher"} {
			t.data[key] = resolveLD(t.data[key], byID)
		}
	}
	return things
}

// collectLD gathers the typed objects of a JSON-LD value: top-level ones,
// members of @graph, and the article a WebPage names as its mainEntity.
func collectLD(v any, depth int, out *[]*ldThing, byID map[string]*ldThing) {
	if depth > 4 {
		return
	}
	switch x := v.(type) {
	case []any:
		for _, e := range x {
			collectLD(e, depth, out, byID)
		}
	case map[string]any:
		if g, ok := x["@graph"]; ok {
			collectLD(g, depth, out, byID)
		}
		t := &ldThing{data: x, depth: depth}
		for _, typ := range ldStrings(x["@type"]) {
			t.types = append(t.types, schemaType(typ))
		}
		if id, ok := x["@id"].(string); ok && id != "" && len(x) > 1 {
			if _, seen := byID[id]; !seen {
				byID[id] = t
			}
		}
		if len(t.types) > 0 {
			*out = append(*out, t)
		}
		for _, key := range []string{"mainEntity", "mainEntityOfPage"} {
			if m, ok := x[key].(map[string]any); ok && len(m) > 2 {
				collectLD(m, depth+1, out, byID)
			}
		}
	}
}

// resolveLD replaces a bare {"@id": ...} reference by the object it names.
func resolveLD(v any, byID map[string]*ldThing) any {
	switch x := v.(type) {
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = resolveLD(e, byID)
		}
		return out
	case map[string]any:
		if id, ok := x["@id"].(string); ok && len(x) == 1 {
			if t := byID[id]; t != nil {
				return t.data
			}
		}
	}
	return v
}

// ldStrings reads a value that may be a string or a list of strings.
func ldStrings(v any) []string {
	switch x := v.(type) {
	case string:
		return []string{x}
	case []any:
		var out []string
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldString is the first string of a value, or of its "@value" or "name".
func ldString(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case []any:
		for _, e := range x {
			if s := ldString(e); s != "" {
				return s
			}
		}
	case map[string]any:
		if s, ok := x["@value"].(string); ok {
			return s
		}
		if s, ok := x["name"].(string); ok {
			return s
		}
	case json.Number:
		return x.String()
	}
	return ""
}

// ldAgent is a person or organisation a JSON-LD object names.
type ldAgent struct {
	name        string
	person, org bool
}

// ldAgents reads an author or publisher value: a string, an object with a
// name (Person, Organization), or a list of them.
func ldAgents(v any) []ldAgent {
	var out []ldAgent
	var walk func(any, int)
	walk = func(v any, depth int) {
		if depth > 3 || len(out) > 20 {
			return
		}
		switch x := v.(type) {
		case string:
			out = append(out, ldAgent{name: x})
		case []any:
			for _, e := range x {
				walk(e, depth+1)
			}
		case map[string]any:
			name := ldString(x["name"])
			if name == "" {
				given, family := ldString(x["givenName"]), ldString(x["familyName"])
				name = strings.TrimSpace(given + " " + family)
			}
			if name == "" {
				return
			}
			a := ldAgent{name: name}
			for _, t := range ldStrings(x["@type"]) {
				switch schemaType(t) {
				case "person":
					a.person = true
				case "organization", "newsmediaorganization", "corporation", "newsagency", "organisation":
					a.org = true
				}
			}
			out = append(out, a)
		}
	}
	walk(v, 0)
	return out
}

// addJSONLD adds the facts of a page's JSON-LD: those of its article
// objects first (the top-level one before nested ones), then a web page's.
func addJSONLD(f *pageFacts) {
	things := parseJSONLD(f.jsonld)
	if len(things) == 0 {
		return
	}
	// Articles proper before pages and other creative works.
	var first, second []*ldThing
	for _, t := range things {
		switch {
		case t.is(newsTypes):
			first = append(first, t)
		case t.is(articleTypes):
			second = append(second, t)
		}
	}
	var titles, authors, published, modified, sites []metaValue
	for _, t := range append(first, second...) {
		d := t.data
		if h := ldString(d["headline"]); h != "" {
			titles = append(titles, metaValue{src: fromJSONLD, val: h})
		} else if n := ldString(d["name"]); n != "" && t.is(newsTypes) {
			titles = append(titles, metaValue{src: fromJSONLD, val: n})
		}
		for _, key := range []string{"author", "creator"} {
			for _, a := range ldAgents(d[key]) {
				authors = append(authors, metaValue{src: fromJSONLD, val: a.name, person: a.person, org: a.org})
			}
			if len(ldAgents(d[key])) > 0 {
				break
			}
		}
		for _, key := range []string{"datePublished", "dateCreated", "uploadDate"} {
			if s := ldString(d[key]); s != "" {
				published = append(published, metaValue{src: fromJSONLD, val: s})
				break
			}
		}
		if s := ldString(d["dateModified"]); s != "" {
			modified = append(modified, metaValue{src: fromJSONLD, val: s})
		}
		for _, p := range ldAgents(d["publisher"]) {
			sites = append(sites, metaValue{src: fromJSONLD, val: p.name})
		}
		// Several article objects: the first one that names an author
		// is the article; the others are often teasers of other stories.
		if len(authors) > 0 && len(published) > 0 {
			break
		}
	}
	for _, t := range things {
		if t.is(siteTypes) {
			if n := ldString(t.data["name"]); n != "" {
				sites = append(sites, metaValue{src: fromJSONLD, val: n})
			}
		}
	}
	fold := func(vs []metaValue) []metaValue {
		out := vs[:0]
		for _, v := range vs {
			// Content systems often escape JSON-LD strings for HTML.
			if v.val = foldSpace(html.UnescapeString(v.val)); v.val != "" {
				out = append(out, v)
			}
		}
		return out
	}
	f.titles = append(fold(titles), f.titles...)
	f.authors = append(fold(authors), f.authors...)
	f.published = append(fold(published), f.published...)
	f.modified = append(fold(modified), f.modified...)
	f.sites = append(fold(sites), f.sites...)
}

// Schema.org types of news and blog articles: they describe the article
// more surely than a WebPage or a CreativeWork does.
var newsTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "reviewnewsarticle": true, "backgroundnewsarticle": true,
	"askpublicnewsarticle": true, "blogposting": true, "liveblogposting": true,
	"socialmediaposting": true, "report": true, "scholarlyarticle": true, "techarticle": true,
	"satiricalarticle": true, "posting": true, "medicalscholarlyarticle": true,
}

// Schema.org types that name the site.
var siteTypes = map[string]bool{"website": true, "newsmediaorganization": true, "organization": true}
