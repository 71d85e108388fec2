package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A metaSource is where a page states a field. The order is the order of
// trust: markup written for machines and tied to the article first, the
// page's visible furniture last.
type metaSource uint8

const (
	fromJSONLD     metaSource = iota // schema.org JSON-LD of the article
	fromMicrodata                    // schema.org itemprop of the article
	fromOpenGraph                    // og:* and article:* properties
	fromDublinCore                   // DC.* and DCTERMS.* meta tags
	fromMetaName                     // <meta name="author">, parsely-*, sailthru.* and the like
	fromTimeTag                      // <time datetime> in the article
	fromDateline                     // a date the page shows, labelled or marked as the article's
	fromByline                       // the visible byline, marked as such
	fromTitleTag                     // <title>
	fromHeading                      // the article's <h1>
	fromVisible                      // a date in the page's text, read by go-htmldate
)

func (s metaSource) String() string {
	return [...]string{"json-ld", "microdata", "opengraph", "dublin-core", "meta", "time", "dateline", "byline", "title", "h1", "text"}[s]
}

// A metaValue is one statement of a field by one source.
type metaValue struct {
	src metaSource
	val string
	// person is set when the source says the value names a person
	// (schema.org Person, hCard); org when it says an organisation.
	person, org bool
	// outside is set on a byline found outside the article's markup;
	// plain on one found by its label ("By ...") in unmarked text.
	outside, plain bool
	// group numbers the microdata item a value belongs to: a list page
	// holds several articles' items, and only the first one's are taken.
	group int
	// key is the meta tag's name or property ("og:title"), lowercased;
	// for a visible date, how it was found ("labelled", "marked").
	key string
	// shown is the text a <time> element shows beside its datetime.
	shown string
}

// pageFacts is everything a page states about itself, source by source, in
// document order within a source. Nothing is chosen yet.
type pageFacts struct {
	titles    []metaValue
	authors   []metaValue
	published []metaValue
	modified  []metaValue
	// <time datetime> in the page: marked as the publication time
	// (pubdate, class "published"), and the others.
	timeMarked, timePlain []metaValue
	sites                 []metaValue
	// clocks are short texts of the page holding a clock and a year.
	clocks          []string
	headings        []string // <h1> texts, article ones first
	articleHeadings int      // how many of them are the article's
	lang            string
	canonical       string
	jsonld          []string // raw JSON-LD scripts
}

// Limits that keep the walk linear and small on hostile pages: a page has
// one byline and one headline, not thousands.
const (
	maxFactText   = 400 // bytes of text read from one element
	maxFactValues = 40  // values kept per field and source kind
	maxJSONLD     = 20  // JSON-LD scripts read
	maxJSONLDSize = 1 << 20
)

// Meta names and properties, lowercased, by the field they state.
var (
	metaTitleKeys = map[string]metaSource{
		"og:title": fromOpenGraph, "twitter:title": fromOpenGraph,
		"dc.title": fromDublinCore, "dcterms.title": fromDublinCore,
		"headline": fromMetaName, "parsely-title": fromMetaName, "sailthru.title": fromMetaName,
		"citation_title": fromMetaName,
	}
	metaAuthorKeys = map[string]metaSource{
		"article:author": fromOpenGraph, "og:article:author": fromOpenGraph,
		"dc.creator": fromDublinCore, "dcterms.creator": fromDublinCore, "dc:creator": fromDublinCore,
		"author": fromMetaName, "authors": fromMetaName, "parsely-author": fromMetaName,
		"sailthru.author": fromMetaName, "citation_author": fromMetaName, "byl": fromMetaName,
		"article.author": fromMetaName, "cxenseparse:author": fromMetaName,
		"dcsext.author": fromMetaName, "atc-metaauthor": fromMetaName, "article:author_name": fromOpenGraph,
	}
	metaPublishedKeys = map[string]metaSource{
		"article:published_time": fromOpenGraph, "og:article:published_time": fromOpenGraph,
		"og:published_time": fromOpenGraph, "article:published": fromOpenGraph,
		"dc.date.issued": fromDublinCore, "dcterms.issued": fromDublinCore, "dc.date": fromDublinCore,
		"dcterms.date": fromDublinCore, "dcterms.created": fromDublinCore, "dc.date.created": fromDublinCore,
		"datepublished": fromMetaName, "pubdate": fromMetaName, "publishdate": fromMetaName,
		"publish-date": fromMetaName, "publish_date": fromMetaName, "publication_date": fromMetaName,
		"parsely-pub-date": fromMetaName, "sailthru.date": fromMetaName, "citation_publication_date": fromMetaName,
		"citation_date": fromMetaName, "article.published": fromMetaName, "date": fromMetaName,
		"originalpublicationdate": fromMetaName, "article_date_original": fromMetaName,
		"cxenseparse:recs:publishtime": fromMetaName, "date.available": fromMetaName,
		"publishedat": fromMetaName, "published_time": fromMetaName, "release_date": fromMetaName,
	}
	metaModifiedKeys = map[string]metaSource{
		"article:modified_time": fromOpenGraph, "og:updated_time": fromOpenGraph,
		"og:article:modified_time": fromOpenGraph, "article:modified": fromOpenGraph,
		"dcterms.modified": fromDublinCore, "dc.date.modified": fromDublinCore,
		"datemodified": fromMetaName, "last-modified": fromMetaName, "lastmod": fromMetaName,
		"article.updated": fromMetaName, "modified_time": fromMetaName,
	}
	metaSiteKeys = map[string]metaSource{
		"og:site_name": fromOpenGraph, "dc.publisher": fromDublinCore, "dcterms.publisher": fromDublinCore,
		"application-name": fromMetaName, "publisher": fromMetaName,
	}
)

// Schema.org types whose properties describe the article itself.
var articleTypes = map[string]bool{
	"article": true, "newsarticle": true, "reportagenewsarticle": true, "analysisnewsarticle": true,
	"opinionnewsarticle": true, "reviewnewsarticle": true, "backgroundnewsarticle": true,
	"askpublicnewsarticle": true, "blogposting": true, "liveblogposting": true, "posting": true,
	"socialmediaposting": true, "report": true, "scholarlyarticle": true, "techarticle": true,
	"medicalscholarlyarticle": true, "satiricalarticle": true, "advertisercontentarticle": true,
	"creativework": true, "webpage": true, "itempage": true, "aboutpage": true, "review": true,
	"recipe": true, "howto": true, "videoobject": true, "podcastepisode": true,
}

// schemaType reduces "http://schema.org/NewsArticle" or "schema:NewsArticle"
// to "newsarticle".
func schemaType(t string) string {
	t = strings.TrimSpace(t)
	if i := strings.LastIndexAny(t, "/:#"); i >= 0 {
		t = t[i+1:]
	}
	return strings.ToLower(t)
}

// itemScope is an open microdata item while walking the tree.
type itemScope struct {
	typ    string // schemaType of itemtype
	prop   string // the itemprop of the element that opened the scope
	parent *itemScope
	named  bool // a name was found for it
	node   *html.Node
	id     int
}

// group is the number of the article item a property belongs to.
func (s *itemScope) group() int {
	for ; s != nil; s = s.parent {
		if articleTypes[s.typ] {
			return s.id
		}
	}
	return 0
}

// factWalker gathers pageFacts in one pass over the tree.
type factWalker struct {
	f          *pageFacts
	scopes     int
	bylineSeen int // marked bylines read
	labelSeen  int // labelled texts read
	timeSeen   int
	// datelineSeen counts the visible dates read.
	datelineSeen int
	// leadSeen is set once a paragraph opening with a date was read.
	leadSeen bool
}

// collectFacts reads every metadata source of a parsed page in one walk of
// the tree: cost linear in the page, text read only from the few elements
// that can hold metadata, each capped.
func collectFacts(root *html.Node) *pageFacts {
	w := &factWalker{f: &pageFacts{}}
	w.walk(root, walkCtx{})
	return w.f
}

// walkCtx is what an element inherits from its ancestors.
type walkCtx struct {
	scope   *itemScope
	article bool // inside <article>, <main> or an element marked as the article
	// articleTag is set inside an <article> element itself.
	articleTag bool
	aside      bool // inside nav, aside, footer, comments, related links: no byline there
	head       bool
	inByline   bool // inside an element already read as a byline
	inDate     bool // inside an element already read as a date
}

func (w *factWalker) walk(n *html.Node, ctx walkCtx) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.ElementNode:
			w.element(c, ctx)
		case html.TextNode:
			if !ctx.aside && !ctx.head && !ctx.inByline {
				w.labelledText(c, ctx)
				w.datedName(c, ctx)
			}
			if !ctx.head && !ctx.inDate {
				// A labelled date counts even beside the article: the
				// footer of a review says when it appeared.
				w.labelledDate(c, ctx)
				w.leadDate(c, ctx)
			}
			if !ctx.aside && !ctx.head && !ctx.inDate {
				w.clockText(c)
			}
		}
	}
}

func (w *factWalker) element(n *html.Node, ctx walkCtx) {
	f := w.f
	switch n.DataAtom {
	case atom.Script:
		if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && len(f.jsonld) < maxJSONLD {
			if t := childText(n, maxJSONLDSize); t != "" {
				f.jsonld = append(f.jsonld, t)
			}
		}
		return
	case atom.Style, atom.Noscript, atom.Template, atom.Svg:
		return
	case atom.Html:
		f.lang = attr(n, "lang")
	case atom.Head:
		ctx.head = true
	case atom.Title:
		if ctx.head && len(f.titles) < maxFactValues {
			w.add(&f.titles, metaValue{src: fromTitleTag, val: textOf(n, maxFactText)})
		}
		return
	case atom.Meta:
		w.meta(n, ctx)
		return
	case atom.Link:
		if strings.EqualFold(attr(n, "rel"), "canonical") && f.canonical == "" {
			f.canonical = attr(n, "href")
		}
		return
	case atom.Article:
		ctx.article, ctx.articleTag = true, true
	case atom.Main:
		ctx.article = true
	case atom.Nav, atom.Aside, atom.Form:
		ctx.aside = true
	case atom.Footer:
		// The footer of an <article> is the article's own: its byline
		// and date ("Posted on ... by Jane"); any other is the page's.
		if !ctx.articleTag {
			ctx.aside = true
		}
	case atom.H1:
		if !ctx.aside && len(f.headings) < 10 {
			if t := foldLines(textOf(n, maxFactText)); t != "" {
				if ctx.article {
					// An article's own heading before any heading of the
					// page around it.
					f.headings = append([]string{t}, f.headings...)
					f.articleHeadings++
				} else {
					f.headings = append(f.headings, t)
				}
			}
		}
	case atom.Time:
		w.timeTag(n, ctx)
	}
	if isAsideBlock(n) {
		ctx.aside = true
	}
	if isArticleBlock(n) {
		ctx.article = true
	}
	ctx.scope = w.microdata(n, ctx)
	if !ctx.aside && !ctx.head {
		// A byline inside a byline is read too: the inner one is often
		// the marked name ("<span class=byline>by <a rel=author>").
		if w.byline(n, ctx) {
			ctx.inByline = true
		}
		if !ctx.inDate && w.dateline(n, ctx) {
			ctx.inDate = true
		}
	}
	if !ctx.head && !ctx.inDate {
		w.iconDate(n, ctx)
	}
	w.walk(n, ctx)
	if s := ctx.scope; s != nil && s.node == n && !s.named && s.typ == "person" && isAuthorProp(s.prop) && articleOwner(s.parent) {
		// An author item without a name property: its text is the name.
		w.add(&f.authors, metaValue{src: fromMicrodata, val: textOf(n, maxFactText), person: true, group: s.parent.group()})
	}
}

// meta reads a <meta> tag: OpenGraph, Dublin Core, named tags, and
// microdata properties carried by meta tags.
func (w *factWalker) meta(n *html.Node, ctx walkCtx) {
	content := attr(n, "content")
	if content == "" {
		return
	}
	if p := attr(n, "itemprop"); p != "" {
		w.itemProp(n, ctx.scope, strings.Fields(p), content)
	}
	for _, key := range []string{attr(n, "property"), attr(n, "name"), attr(n, "http-equiv")} {
		if key == "" {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		f := w.f
		if s, ok := metaTitleKeys[key]; ok {
			w.add(&f.titles, metaValue{src: s, val: content, key: key})
		}
		if s, ok := metaAuthorKeys[key]; ok {
			w.add(&f.authors, metaValue{src: s, val: content, key: key})
		}
		if s, ok := metaPublishedKeys[key]; ok {
			w.add(&f.published, metaValue{src: s, val: content, key: key})
		}
		if s, ok := metaModifiedKeys[key]; ok {
			w.add(&f.modified, metaValue{src: s, val: content, key: key})
		}
		if s, ok := metaSiteKeys[key]; ok {
			w.add(&f.sites, metaValue{src: s, val: content, key: key})
		}
	}
}

// microdata opens an item scope on an element with itemscope and records
// the properties an element carries. It returns the scope children see.
func (w *factWalker) microdata(n *html.Node, ctx walkCtx) *itemScope {
	scope := ctx.scope
	props := strings.Fields(attr(n, "itemprop"))
	if hasAttr(n, "itemscope") {
		typ := schemaType(attr(n, "itemtype"))
		prop := ""
		if len(props) > 0 {
			prop = props[0]
		}
		w.scopes++
		ns := &itemScope{typ: typ, prop: prop, parent: scope, node: n, id: w.scopes}
		if scope != nil && articleOwner(scope) && isAuthorProp(prop) && typ != "person" {
			// An author item of no stated type, or an organisation.
			ns.typ = "person"
			if typ == "organization" || typ == "newsmediaorganization" {
				ns.typ = typ
			}
		}
		if prop == "publisher" {
			ns.typ = "publisher"
		}
		return ns
	}
	if len(props) > 0 {
		val := attr(n, "content")
		if val == "" {
			val = attr(n, "datetime")
		}
		if val == "" {
			val = textOf(n, maxFactText)
		}
		w.itemProp(n, scope, props, val)
	}
	return scope
}

// itemProp records the properties props of an element holding val inside
// the item scope.
func (w *factWalker) itemProp(n *html.Node, scope *itemScope, props []string, val string) {
	f := w.f
	for _, p := range props {
		p = strings.ToLower(p)
		switch {
		case scope == nil:
			// A property outside any item is no microdata, but an author
			// marked so is a byline that says it holds a name.
			if isAuthorProp(p) {
				w.add(&f.authors, metaValue{src: fromByline, val: val, person: true})
			}
		case articleOwner(scope):
			g := scope.group()
			switch p {
			case "headline":
				w.add(&f.titles, metaValue{src: fromMicrodata, val: val, group: g})
			case "author", "creator":
				w.add(&f.authors, metaValue{src: fromMicrodata, val: val, group: g})
			case "datepublished", "datecreated":
				w.add(&f.published, metaValue{src: fromMicrodata, val: val, group: g})
			case "datemodified":
				w.add(&f.modified, metaValue{src: fromMicrodata, val: val, group: g})
			}
		case scope.typ == "person" && p == "name" && isAuthorProp(scope.prop) && articleOwner(scope.parent):
			scope.named = true
			w.add(&f.authors, metaValue{src: fromMicrodata, val: val, person: true, group: scope.parent.group()})
		case (scope.typ == "organization" || scope.typ == "newsmediaorganization") && p == "name" && isAuthorProp(scope.prop) && articleOwner(scope.parent):
			scope.named = true
			w.add(&f.authors, metaValue{src: fromMicrodata, val: val, org: true, group: scope.parent.group()})
		case scope.typ == "publisher" && p == "name":
			w.add(&f.sites, metaValue{src: fromMicrodata, val: val})
		}
	}
}

func isAuthorProp(p string) bool {
	p = strings.ToLower(p)
	return p == "author" || p == "creator"
}

// articleOwner reports whether a scope describes the article: an item of
// an article type, or no item at all around the property (pages that mark
// properties without a scope).
func articleOwner(s *itemScope) bool {
	if s == nil {
		return true
	}
	return articleTypes[s.typ] || s.typ == ""
}

// timeTag records a <time datetime> of the article: a publication date
// when marked so or when it is the first one, a modification date when
// marked so.
func (w *factWalker) timeTag(n *html.Node, ctx walkCtx) {
	dt := attr(n, "datetime")
	if dt == "" || ctx.aside || w.timeSeen >= maxFactValues {
		return
	}
	w.timeSeen++
	shown := foldSpace(textOf(n, 80))
	hint := strings.ToLower(attr(n, "class") + " " + attr(n, "itemprop") + " " + attr(n, "id"))
	if p := n.Parent; p != nil && p.Type == html.ElementNode {
		hint += " " + strings.ToLower(attr(p, "class"))
	}
	switch {
	case strings.Contains(hint, "modified") || strings.Contains(hint, "updated") || strings.Contains(hint, "aktualisiert"):
		w.add(&w.f.modified, metaValue{src: fromTimeTag, val: dt, shown: shown})
	case hasAttr(n, "pubdate") || strings.Contains(hint, "publish") || strings.Contains(hint, "created") ||
		strings.Contains(hint, "entry-date") || strings.Contains(hint, "post-date"):
		// Marked as the publication time: before unmarked ones.
		w.add(&w.f.timeMarked, metaValue{src: fromTimeTag, val: dt, shown: shown})
	case ctx.article || !ctx.head:
		w.add(&w.f.timePlain, metaValue{src: fromTimeTag, val: dt, shown: shown})
	}
}

// Class, id and rel words that mark an element as a byline or an author
// name.
var bylineMarks = []string{"byline", "by-line", "author", "autor", "auteur", "writer", "creator", "verfasser", "reporter"}

// Class and id words of the blocks beside an article that carry other
// people's names: comments, related stories, author biographies.
var asideMarks = []string{"comment", "kommentar", "related", "sidebar", "widget", "teaser", "recommend", "recommended", "promo", "newsletter", "share", "sharing", "social", "footer", "menu", "nav", "navigation", "breadcrumb", "breadcrumbs", "reply", "respond", "authorbio", "bio", "authorbox", "more", "trending", "popular", "outbrain", "taboola"}

// isAsideBlock reports an element whose class or id marks it as something
// beside the article (comments, related links, a biography box). Marks
// are whole words of a class ("comments", "related-posts", "sidebar"); an
// element marked as the main content is never aside.
func isAsideBlock(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Div, atom.Section, atom.Ul, atom.Ol, atom.Li, atom.Aside, atom.Article, atom.Span, atom.P:
	default:
		return false
	}
	marks := asideMarks
	if n.DataAtom == atom.Article {
		// An <article> is an article: beside the page's own only when it
		// is an item of a list of others ("teaser", "related").
		marks = itemMarks
	}
	aside := false
	for _, tok := range strings.Fields(strings.ToLower(attr(n, "class") + " " + attr(n, "id"))) {
		if strings.HasPrefix(tok, "main") || strings.Contains(tok, "article-content") || tok == "content" {
			return false
		}
		content, marked := false, false
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '_' }) {
			content = content || part == "content"
			for _, m := range marks {
				if part == m || part == m+"s" {
					marked = true
				}
			}
		}
		if content && !marked {
			// "site-content", "content-area": the page says this is its
			// content ("comment-content" is a comment's).
			return false
		}
		aside = aside || marked
	}
	return aside
}

// Class words of an item in a list of other articles.
var itemMarks = []string{"comment", "kommentar", "related", "teaser", "recommend", "recommended", "promo", "reply", "trending", "popular", "outbrain", "taboola"}

// isArticleBlock reports an element whose schema.org item or class marks it
// as the article.
func isArticleBlock(n *html.Node) bool {
	if t := attr(n, "itemtype"); t != "" && articleTypes[schemaType(t)] && schemaType(t) != "webpage" {
		return true
	}
	return false
}

func hasMark(s string, marks []string) bool {
	if s == " " || s == "" {
		return false
	}
	s = strings.ToLower(s)
	for _, m := range marks {
		if strings.Contains(s, m) {
			return true
		}
	}
	return false
}

// byline records an element marked as a byline or an author link; it
// reports whether it took the element.
func (w *factWalker) byline(n *html.Node, ctx walkCtx) bool {
	if w.bylineSeen >= 2*maxFactValues || n.DataAtom == atom.Input || n.DataAtom == atom.Label ||
		n.DataAtom == atom.Img || n.DataAtom == atom.Textarea || n.DataAtom == atom.Button {
		return false
	}
	rel := strings.ToLower(attr(n, "rel"))
	marked := strings.Contains(rel, "author") || hasMark(attr(n, "class")+" "+attr(n, "id"), bylineMarks) ||
		n.Type == html.ElementNode && n.DataAtom == 0 && hasMark(n.Data, bylineMarks) // <byline>, <author-name>
	if !marked {
		if n.DataAtom == atom.A {
			href := strings.ToLower(attr(n, "href"))
			marked = strings.Contains(href, "/author/") || strings.Contains(href, "/autor/") || strings.Contains(href, "/authors/") || strings.Contains(href, "/autoren/")
		}
		if !marked {
			return false
		}
	}
	t := bylineText(n, maxFactText)
	if t == "" {
		return false
	}
	w.bylineSeen++
	v := metaValue{src: fromByline, val: t}
	// An hCard (class "vcard" or "fn") or rel=author says: this is a person.
	cls := " " + strings.ToLower(attr(n, "class")) + " "
	v.person = strings.Contains(rel, "author") || strings.Contains(cls, " fn ") || strings.Contains(cls, " vcard ")
	// A byline outside the article's markup ranks after those inside.
	v.outside = !ctx.article
	w.add(&w.f.authors, v)
	return true
}

// Inline elements a byline's label may sit in ("<strong>Text:</strong>
// Jane Doe"): the byline goes on after them.
var inlineTags = map[atom.Atom]bool{
	atom.Span: true, atom.Strong: true, atom.B: true, atom.Em: true, atom.I: true, atom.Small: true,
	atom.Font: true, atom.A: true, atom.U: true, atom.Label: true, atom.Time: true,
}

// labelledText records a text that starts with a byline label ("By",
// "Von:", "Posted by", "Text:") and what follows it up to the next line
// break or block, across inline elements: a byline nobody marked. The
// first word is tested first and each text node once, so the walk stays
// linear.
func (w *factWalker) labelledText(c *html.Node, ctx walkCtx) {
	if w.labelSeen >= maxFactValues {
		return
	}
	first := strings.TrimSpace(c.Data)
	if first == "" || len(first) > 200 || !startsWithLabelWord(first) || stripAuthorLabel(first) == first && !isLabelOnly(first) {
		return
	}
	t := foldSpace(labelRun(c, 160))
	if t == "" || len(t) >= 160 || isLabelOnly(t) {
		return
	}
	w.labelSeen++
	v := metaValue{src: fromByline, val: t, outside: !ctx.article, plain: true}
	if name, ok := nameBeforeDate(stripAuthorLabel(t)); ok {
		// "Posted by jdoe on August 3, 2019": the label and the date
		// around it say that the word between is a name, even a user
		// name.
		v.val, v.key = "by "+name, "dated"
	}
	w.add(&w.f.authors, v)
}

// nameBeforeDate reads "Jane Doe on August 3, 2019", "jdoe 21.10.2019",
// "Jane @ 12:00 am": up to three words, then a date or a clock, maybe
// after a connecting word. It returns the words.
func nameBeforeDate(s string) (string, bool) {
	words := strings.Fields(s)
	for i := 1; i <= 3 && i < len(words); i++ {
		rest := words[i:]
		if c := strings.ToLower(rest[0]); len(rest) > 1 && (c == "on" || c == "am" || c == "um" || c == "le" || c == "el" || c == "@" || c == "|" || c == "-" || c == "–" || c == "·") {
			rest = rest[1:]
		}
		r := strings.Join(rest, " ")
		if _, ok := parseDateLine(r); ok || isDateOrClock(r) {
			return strings.TrimRight(strings.Join(words[:i], " "), ",|"), true
		}
	}
	return "", false
}

// datedName records a short line made of a date, maybe a clock, and one
// name, the separators of a byline between them ("04.02.2022 | 13:10 Uhr
// | Jane Doe", "11.12.2019 - Jane Doe"): a byline nobody marked, which
// the date beside it gives away.
func (w *factWalker) datedName(c *html.Node, ctx walkCtx) {
	t := strings.TrimSpace(c.Data)
	if w.labelSeen >= maxFactValues || len(t) < 10 || len(t) > 100 || !hasYear(t) {
		return
	}
	line := foldSpace(labelRun(c, 120))
	if len(line) > 100 {
		return
	}
	segs := []string{line}
	for _, sep := range bylineBreaks {
		var next []string
		for _, s := range segs {
			next = append(next, strings.Split(s, sep)...)
		}
		segs = next
	}
	name, dated := "", false
	for _, seg := range segs {
		seg = strings.TrimSpace(seg)
		switch {
		case seg == "":
		case isDateOrClock(seg):
			dated = true
		case name != "":
			return // two pieces that are no date: not this kind of line
		default:
			name = seg
		}
	}
	if !dated || name == "" {
		return
	}
	w.labelSeen++
	w.add(&w.f.authors, metaValue{src: fromByline, val: name, outside: !ctx.article, plain: true})
}

// isDateOrClock reports a piece of a byline that is a date ("04.02.2022")
// or a clock ("13:10 Uhr").
func isDateOrClock(s string) bool {
	if _, ok := parseDateLine(s); ok {
		return true
	}
	f := strings.Fields(strings.ToLower(s))
	return len(f) <= 2 && isClock(f[0]) && (len(f) == 1 || dateFillers[f[1]] || f[1] == "am" || f[1] == "pm")
}

// labelRun is the text from c to the next line break or block element,
// climbing out of the inline elements c sits in, up to max bytes.
func labelRun(c *html.Node, max int) string {
	var b strings.Builder
	b.WriteString(c.Data)
	node := c
	for b.Len() < max {
		next := node.NextSibling
		for next == nil {
			p := node.Parent
			if p == nil || p.Type != html.ElementNode || !inlineTags[p.DataAtom] {
				return b.String()
			}
			node, next = p, p.NextSibling
		}
		switch next.Type {
		case html.TextNode:
			b.WriteString(next.Data)
		case html.ElementNode:
			if next.DataAtom == atom.Br && isLabelOnly(b.String()) {
				break // "<b>Von:</b><br>Jane Doe": the name on the next line
			}
			if next.DataAtom == atom.Br || blockTags[next.Data] || !inlineTags[next.DataAtom] {
				return b.String()
			}
			b.WriteByte(' ')
			b.WriteString(bylineText(next, max))
			b.WriteByte(' ')
		}
		node = next
	}
	return b.String()
}

// startsWithLabelWord reports whether s starts with the first word of a
// byline label: a cheap test before the full one.
func startsWithLabelWord(s string) bool {
	s = strings.TrimLeft(s, " |·•\u00a0(（")
	end := strings.IndexAny(s, " :：\u00a0")
	if end < 0 {
		end = len(s)
	}
	if end > 40 {
		return false
	}
	return authorLabelWords[strings.ToLower(s[:end])]
}

// isLabelOnly reports a text that is a byline label and nothing else
// ("By", "Von:", "| By").
func isLabelOnly(s string) bool {
	s = strings.Trim(s, " |·•-–—\u00a0")
	return s != "" && stripAuthorLabel(s+" x") == "x"
}

// add appends v to a field's values when it holds text, up to the cap.
func (w *factWalker) add(list *[]metaValue, v metaValue) {
	if v.src == fromByline {
		// A byline's lines stay apart: "By Jane Doe" over "Updated 2 hours ago".
		v.val = foldLines(v.val)
	} else {
		v.val = foldSpace(html.UnescapeString(v.val))
	}
	if v.val == "" || len(*list) >= 4*maxFactValues {
		return
	}
	*list = append(*list, v)
}

// foldLines folds the spaces of each line of s and drops empty lines.
func foldLines(s string) string {
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = foldSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// childText is the text directly inside n (a script's body), up to max
// bytes; "" when longer.
func childText(n *html.Node, max int) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			if b.Len()+len(c.Data) > max {
				return ""
			}
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// textOf is the visible text under n, words separated where blocks and
// line breaks separate them, cut at max bytes.
func textOf(n *html.Node, max int) string {
	return readText(n, max, false)
}

// bylineText is textOf with a space at every element boundary: bylines
// are built of spans that only style sheets keep apart ("<span>By</span>
// <span>Jane Doe</span>").
func bylineText(n *html.Node, max int) string {
	return readText(n, max, true)
}

func readText(n *html.Node, max int, spaced bool) string {
	var b strings.Builder
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				b.WriteString(c.Data)
			case html.ElementNode:
				switch c.DataAtom {
				case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Svg:
					continue
				}
				block := blockTags[c.Data] || c.DataAtom == atom.Br
				if block {
					b.WriteByte('\n')
				} else if spaced {
					b.WriteByte(' ')
				}
				if !walk(c) {
					return false
				}
				if block {
					b.WriteByte('\n')
				} else if spaced {
					b.WriteByte(' ')
				}
			}
			if b.Len() > max {
				return false
			}
		}
		return true
	}
	walk(n)
	s := b.String()
	if len(s) > max {
		s = strings.ToValidUTF8(s[:max], "")
	}
	return strings.TrimSpace(s)
}
