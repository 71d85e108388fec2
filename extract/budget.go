package extract

import (
	"bytes"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// go-trafilatura does work that grows faster than the page on some
// structures: its content step concatenates the text of every paragraph
// once per paragraph (time and memory in paragraphs × paragraph text), and
// it walks subtrees again per element. On real pages this is cheap (the
// largest of the shared corpora has 6,749 elements and 409 paragraphs); on
// a hostile one it is a denial of service (1,000,000 one-letter paragraphs:
// 471 s and 5.7 GB). So a page is measured first, in one linear pass, and
// a page over the budget is read by readLinear instead. The budget leaves
// real pages to the library with a wide margin.
const (
	// maxLibraryElements is the most elements a page given to the library
	// may have.
	maxLibraryElements = 30_000
	// maxParagraphCost bounds paragraphs × bytes of paragraph text, the
	// quadratic term of the library's content step: 10^8 is about 50 MB
	// of short-lived strings and half a second.
	maxParagraphCost = 100_000_000
)

// treeStats is the shape of a parsed page.
type treeStats struct {
	elements   int // element nodes
	paragraphs int // <p> elements
	paraText   int // bytes of text inside <p> elements
	depth      int // deepest element
}

// measureTree measures a page in one pass.
func measureTree(root *html.Node) treeStats {
	var s treeStats
	var walk func(n *html.Node, depth int, inP bool)
	walk = func(n *html.Node, depth int, inP bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.ElementNode:
				s.elements++
				p := inP
				if c.DataAtom == atom.P {
					s.paragraphs++
					p = true
				}
				if depth+1 > s.depth {
					s.depth = depth + 1
				}
				walk(c, depth+1, p)
			case html.TextNode:
				if inP {
					s.paraText += len(c.Data)
				}
			}
		}
	}
	walk(root, 0, false)
	return s
}

// overBudget says why the page is too costly for the library, "" when it
// is not.
func (s treeStats) overBudget() string {
	if s.elements > maxLibraryElements {
		return fmt.Sprintf("%d elements, over the %d the extractor is given", s.elements, maxLibraryElements)
	}
	if cost := int64(s.paragraphs) * int64(s.paraText); cost > maxParagraphCost {
		return fmt.Sprintf("%d paragraphs holding %d bytes of text, too costly for the extractor", s.paragraphs, s.paraText)
	}
	return ""
}

// readLinear is the extractor of last resort, linear in the page: the
// text of the page's main container (the <article> or <main> holding the
// most text, else the body) without navigation, asides, forms, footers
// and blocks marked as comments or related links, cut into paragraphs at
// block elements.
func readLinear(root *html.Node) []string {
	container := mainContainer(root)
	skip := func(n *html.Node) bool {
		switch n.DataAtom {
		case atom.Nav, atom.Aside, atom.Footer, atom.Form, atom.Button, atom.Select, atom.Textarea,
			atom.Iframe, atom.Svg, atom.Head, atom.Title, atom.Figure:
			return true
		}
		return n != container && isAsideBlock(n)
	}
	return paragraphsOf(container, skip, nil)
}

// mainContainer finds the element holding the article: of the <article>
// and <main> elements the one with the most text, else <body>.
func mainContainer(root *html.Node) *html.Node {
	var best, body *html.Node
	bestText := 0
	// text returns the bytes of text under n and notes containers.
	var text func(n *html.Node) int
	text = func(n *html.Node) int {
		total := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				total += len(c.Data)
			case html.ElementNode:
				switch c.DataAtom {
				case atom.Script, atom.Style, atom.Noscript, atom.Template:
					continue
				}
				t := text(c)
				switch c.DataAtom {
				case atom.Body:
					body = c
				case atom.Article, atom.Main:
					if t > bestText {
						best, bestText = c, t
					}
				}
				total += t
			}
		}
		return total
	}
	text(root)
	switch {
	case best != nil:
		return best
	case body != nil:
		return body
	}
	return root
}

// maxTreeElements is the most elements a page may have for a tree of it
// to be built: a node costs about 120 bytes, so a hostile page of 8 MB
// (a million elements and as many texts) would take a quarter of a
// gigabyte before any work. Beyond it, the page is read as a stream of
// tokens by readStream, and only its <head> is parsed for metadata.
const maxTreeElements = maxLibraryElements

// countStartTags counts the start tags of a page with the tokenizer,
// stopping once past limit.
func countStartTags(body []byte, limit int) int {
	z := html.NewTokenizer(bytes.NewReader(body))
	n := 0
	for n <= limit {
		switch z.Next() {
		case html.ErrorToken:
			return n
		case html.StartTagToken, html.SelfClosingTagToken:
			n++
		}
	}
	return n
}

// Elements whose content readStream leaves out.
var streamSkip = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Nav: true, atom.Aside: true, atom.Footer: true, atom.Form: true, atom.Button: true,
	atom.Select: true, atom.Textarea: true, atom.Iframe: true, atom.Head: true, atom.Title: true,
	atom.Figure: true, atom.Math: true,
}

// maxStreamStack bounds the open elements readStream tracks, and how far
// down it looks for the element an end tag closes: the cost per token
// stays constant on any nesting.
const (
	maxStreamStack = 4096
	maxStreamScan  = 64
)

// readStream is readLinear over the page's tokens, without a tree: one
// pass, memory in proportion to the text kept. It also returns the page's
// head (everything before the body starts), small enough to parse for
// metadata.
func readStream(body []byte) (paras []string, head []byte) {
	type open struct {
		tag       atom.Atom
		name      string
		skip      bool // this element starts a left-out subtree
		container bool // this element is an <article> or <main>
	}
	var (
		stack     []open
		skipping  int // open left-out elements
		cur       strings.Builder
		container = -1 // index of the open outermost article/main, -1 outside
		nextID    int
		texts     []int // text bytes per container
		owner     []int // container of each paragraph
		headEnd   = -1
		offset    int
	)
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		if p := foldSpace(cur.String()); p != "" {
			paras = append(paras, p)
			owner = append(owner, container)
			if container >= 0 {
				texts[container] += len(p)
			}
		}
		cur.Reset()
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break
		}
		raw := z.Raw()
		start := offset
		offset += len(raw)
		switch tt {
		case html.TextToken:
			if skipping == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if headEnd < 0 && (a == atom.Body || !headTags[a] && a != atom.Html && a != atom.Head) {
				headEnd = start
			}
			if blockTags[string(name)] || a == atom.Br {
				flush()
			}
			if tt == html.SelfClosingTagToken || voidTags[string(name)] {
				continue
			}
			o := open{tag: a, name: string(name)}
			if streamSkip[a] || hasAttr && skipping == 0 && markedAside(z, a) {
				o.skip = true
				skipping++
			}
			if (a == atom.Article || a == atom.Main) && container < 0 && skipping == 0 {
				o.container = true
				flush()
				container = nextID
				nextID++
				texts = append(texts, 0)
			}
			if len(stack) < maxStreamStack {
				stack = append(stack, o)
			} else if o.skip {
				skipping-- // not tracked: its end could not be matched
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if blockTags[string(name)] {
				flush()
			}
			i := len(stack) - 1
			for ; i >= 0 && i >= len(stack)-maxStreamScan; i-- {
				if stack[i].name == string(name) {
					break
				}
			}
			if i < 0 || i < len(stack)-maxStreamScan {
				continue // no open element of that name near the top
			}
			for _, o := range stack[i:] {
				if o.skip {
					skipping--
				}
				if o.container {
					flush()
					container = -1
				}
			}
			stack = stack[:i]
		}
	}
	flush()
	if headEnd < 0 {
		headEnd = len(body)
	}
	head = body[:headEnd]
	// The container holding the most text, when there is one.
	best := -1
	for i, t := range texts {
		if best < 0 || t > texts[best] {
			best = i
		}
	}
	if best >= 0 && texts[best] > 0 {
		out := paras[:0]
		for i, p := range paras {
			if owner[i] == best {
				out = append(out, p)
			}
		}
		paras = out
	}
	return paras, head
}

// Elements a page's head holds.
var headTags = map[atom.Atom]bool{
	atom.Title: true, atom.Meta: true, atom.Link: true, atom.Script: true, atom.Style: true,
	atom.Base: true, atom.Noscript: true, atom.Template: true,
}

// markedAside reads the class and id of the current start tag and reports
// a block marked as beside the article, as isAsideBlock does on a tree.
func markedAside(z *html.Tokenizer, a atom.Atom) bool {
	switch a {
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Li, atom.Aside, atom.Article, atom.Span, atom.P:
	default:
		return false
	}
	n := &html.Node{Type: html.ElementNode, DataAtom: a, Data: a.String()}
	for {
		k, v, more := z.TagAttr()
		if key := string(k); key == "class" || key == "id" {
			n.Attr = append(n.Attr, html.Attribute{Key: key, Val: string(v)})
		}
		if !more {
			break
		}
	}
	return len(n.Attr) > 0 && isAsideBlock(n)
}
