package extract

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode"

	"github.com/crosscheck-news/crosscheck"
	"github.com/markusmobius/go-htmldate"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// extractHTML finds the main text and metadata of a web page. The body is
// UTF-8 already, so the page is parsed here and trafilatura's own charset
// sniffing, which fails on some pages, is skipped. The metadata comes from
// the page's own statements (meta.go); the main text from go-trafilatura,
// within a structural budget and a deadline, else from readLinear.
func extractHTML(body []byte, pageURL string, opts Options) (r *result, err error) {
	defer func() {
		// A bug in the extractor must fail one page, not the whole batch.
		if p := recover(); p != nil {
			r, err = nil, fmt.Errorf("extract html: extractor failed: %v", p)
		}
	}()
	if !norm.NFC.IsNormal(body) {
		body = norm.NFC.Bytes(body)
	}
	var pageU *url.URL
	if u, err := url.Parse(pageURL); err == nil && u.Scheme != "" && u.Host != "" {
		pageU = u
	}
	now := opts.now()
	if n := countStartTags(body, maxTreeElements); n > maxTreeElements {
		// Too many elements to build a tree of: the text from the token
		// stream, the metadata from the head.
		opts.warn("page over the extractor's structural budget: read as a stream", "reason",
			fmt.Sprintf("more than %d elements", maxTreeElements))
		r = &result{}
		var head []byte
		r.paras, head = readStream(body)
		facts := &pageFacts{}
		if hroot, _ := parseHTML(head); hroot != nil {
			facts = collectFacts(hroot)
			addJSONLD(facts)
		}
		host := pageHost(pageU, facts)
		finishHTML(r, resolveMeta(facts, host, now), nil, host)
		return r, nil
	}
	root, err := parseHTML(body)
	if errors.Is(err, errTooDeep) {
		opts.warn("HTML nested too deeply: read with its deepest elements flattened", "reason", err.Error())
	} else if err != nil {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "unreadable HTML: %v", err)
	}

	// Metadata first, while the tree is the page as parsed.
	facts := collectFacts(root)
	addJSONLD(facts)
	host := pageHost(pageU, facts)
	over := measureTree(root).overBudget()
	var visible metaTime
	if over == "" {
		// go-htmldate reads the whole text with many expressions: only
		// within the budget.
		visible = visibleDate(root, facts.canonical, now)
	}
	pm := resolveMetaVisible(facts, host, visible, now)

	r = &result{}
	var md *trafilatura.Metadata
	switch {
	case over != "":
		opts.warn("page over the extractor's structural budget: read by the linear reader", "reason", over)
		r.paras = readLinear(root)
	default:
		topts := trafilatura.Options{
			OriginalURL:     pageU,
			ExcludeComments: true,
			EnableFallback:  opts.Fallback,
			// Measured on the article-extraction benchmark after our own
			// boilerplate pass: FavorRecall scores higher precision and recall
			// (F1 0.966) than Balanced (0.965) at about the same speed.
			Focus: trafilatura.FavorRecall,
			// The date is read by the metadata step, go-htmldate included.
			HtmlDateMode: trafilatura.Disabled,
		}
		res, err := runLibrary(root, topts, opts)
		if errors.Is(err, errDeadline) {
			opts.warn("extractor past its deadline: page read by the linear reader", "deadline", opts.timeout().String())
			// The library may still be reading the tree: parse again.
			fresh, _ := parseHTML(body)
			if fresh == nil {
				return nil, crosscheck.Errorf(crosscheck.EINVALID, "unreadable HTML")
			}
			r.paras = readLinear(fresh)
			break
		}
		if err != nil || res == nil || res.ContentNode == nil {
			return nil, crosscheck.Errorf(crosscheck.EINVALID, "no article text found: the page holds no readable body text (an index page, a paywall, or a page built by JavaScript?)")
		}
		md = &res.Metadata
		r.paras = htmlParagraphs(res.ContentNode, nil)
	}

	finishHTML(r, pm, md, host)
	return r, nil
}

// pageHost is the page's host name: from its address, else from its
// canonical link.
func pageHost(pageU *url.URL, f *pageFacts) string {
	u := pageU
	if u == nil {
		u, _ = url.Parse(strings.TrimSpace(f.canonical))
	}
	if u == nil {
		return ""
	}
	if u.Hostname() == "web.archive.org" {
		// A copy in the Wayback Machine: /web/20160330101229/http://site/...
		parts := strings.SplitN(strings.TrimPrefix(u.Path, "/"), "/", 3)
		if len(parts) == 3 && parts[0] == "web" {
			if orig, err := url.Parse(parts[2]); err == nil && orig.Hostname() != "" {
				return orig.Hostname()
			}
		}
	}
	return u.Hostname()
}

// finishHTML sets the metadata of a page's result, the chosen metadata
// first, go-trafilatura's (md, nil when it did not run) where ours has
// nothing, and cleans the paragraphs.
func finishHTML(r *result, pm pageMeta, md *trafilatura.Metadata, host string) {
	if host == "" && md != nil {
		host = md.Hostname
	}
	site := pm.site
	if site == "" && md != nil {
		site = foldSpace(md.Sitename)
	}
	r.meta.Title = pm.title
	if r.meta.Title == "" && md != nil {
		r.meta.Title = cleanTitle(foldSpace(md.Title), site, host)
	}
	// The body often repeats the headline as its first heading.
	if len(r.paras) > 1 && repeatsTitle(r.paras[0], r.meta.Title) {
		r.paras = r.paras[1:]
	}
	r.meta.Author, r.meta.Credit = pm.author, pm.credit
	if r.meta.Author == "" && md != nil {
		r.meta.Author = cleanAuthor(foldSpace(md.Author))
	}
	r.meta.Outlet = cleanOutlet(site, host)
	if !pm.published.zero() {
		r.meta.Published = pm.published.t
		r.meta.PublishedDateOnly = !pm.published.hasTime
	}
	if !pm.modified.zero() {
		r.meta.Modified, r.meta.ModifiedDateOnly = pm.modified.t, !pm.modified.hasTime
	}
	if md != nil {
		r.meta.Language = md.Language
	}
	r.paras, r.correction = splitCorrections(r.paras)
	r.paras = dropBoilerplate(r.paras)
}

// errDeadline is runLibrary's error when the library overran the deadline.
var errDeadline = errors.New("extractor past its deadline")

// runLibrary runs go-trafilatura on the tree under the deadline of opts.
// Go cannot stop a goroutine: past the deadline the run is abandoned and
// finishes in the background, its cost bounded by the structural budget
// the page passed.
func runLibrary(root *html.Node, topts trafilatura.Options, opts Options) (*trafilatura.ExtractResult, error) {
	type outcome struct {
		res *trafilatura.ExtractResult
		err error
	}
	ch := make(chan outcome, 1) // buffered: an abandoned run never blocks
	go func() {
		defer func() {
			if p := recover(); p != nil {
				ch <- outcome{err: fmt.Errorf("extractor failed: %v", p)}
			}
		}()
		if opts.libraryHook != nil {
			opts.libraryHook()
		}
		res, err := trafilatura.ExtractDocument(root, topts)
		ch <- outcome{res, err}
	}()
	timeout := opts.timeout()
	if timeout < 0 {
		o := <-ch
		return o.res, o.err
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case o := <-ch:
		return o.res, o.err
	case <-t.C:
		return nil, errDeadline
	}
}

// visibleDate is the publication date go-htmldate reads in the page, in
// its extensive mode: meta tags, then the text (date lines in many
// languages, URLs); zero when it finds none. Its time counts only with
// a zone.
func visibleDate(root *html.Node, canonical string, now time.Time) metaTime {
	res, err := htmldate.FromDocument(root, htmldate.Options{
		UseOriginalDate: true,
		ExtractTime:     true,
		URL:             canonical,
		MaxDate:         now.Add(24 * time.Hour),
	})
	if err != nil || res.IsZero() {
		return metaTime{}
	}
	if res.HasTime && res.HasTimezone {
		return metaTime{t: res.DateTime, hasTime: true}
	}
	return metaTime{t: dayOf(res.DateTime)}
}

// Block elements end a paragraph. Table cells only separate words.
var blockTags = map[string]bool{
	"p": true, "div": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "li": true, "ul": true, "ol": true, "dl": true, "dt": true, "dd": true,
	"blockquote": true, "pre": true, "table": true, "tr": true, "thead": true,
	"tbody": true, "tfoot": true, "section": true, "article": true, "figure": true,
	"figcaption": true, "header": true, "footer": true, "br": true, "hr": true,
	"main": true, "aside": true, "nav": true, "details": true, "summary": true,
	"caption": true, "body": true, "html": true, "address": true, "center": true,
}

// htmlParagraphs flattens trafilatura's content tree into one-line
// paragraphs, appending to out.
func htmlParagraphs(n *html.Node, out []string) []string {
	return paragraphsOf(n, nil, out)
}

// paragraphsOf cuts the text under n into one-line paragraphs at block
// elements, leaving out the subtrees skip reports, appending to out. One
// pass, linear in the tree.
func paragraphsOf(n *html.Node, skip func(*html.Node) bool, out []string) []string {
	var cur strings.Builder
	flush := func() {
		if cur.Len() == 0 {
			return
		}
		if p := foldSpace(cur.String()); p != "" {
			out = append(out, p)
		}
		cur.Reset()
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			cur.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style", "noscript", "template":
				return
			case "td", "th":
				cur.WriteByte(' ')
			}
			if skip != nil && skip(n) {
				return
			}
		}
		block := n.Type == html.ElementNode && blockTags[n.Data]
		if block {
			flush()
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if block {
			flush()
		} else if n.Type == html.ElementNode && (n.Data == "td" || n.Data == "th") {
			cur.WriteByte(' ')
		}
	}
	walk(n)
	flush()
	return out
}

// cleanTitle drops the site name a page title often carries before or
// after a separator ("Headline | Site", "Site: Headline", "Headline - Site").
func cleanTitle(title, site, host string) string {
	const seps = " |:-–—·"
	if len(site) >= 3 && len(title) > len(site)+3 {
		if strings.EqualFold(title[:len(site)], site) && strings.ContainsAny(title[len(site):len(site)+2], seps) {
			return strings.TrimLeft(title[len(site):], seps)
		}
		if tail := title[len(title)-len(site):]; strings.EqualFold(tail, site) && strings.ContainsAny(title[len(title)-len(site)-2:len(title)-len(site)], seps) {
			return strings.TrimRight(title[:len(title)-len(site)], seps)
		}
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: ", " · ", ": "} {
		if i := strings.LastIndex(title, sep); i > 0 && sep != ": " {
			if isSiteName(title[i+len(sep):], site, host) {
				return strings.TrimSpace(title[:i])
			}
		}
		if i := strings.Index(title, sep); i > 0 && i+len(sep) < len(title) {
			if isSiteName(title[:i], site, host) {
				return strings.TrimSpace(title[i+len(sep):])
			}
		}
	}
	return title
}

// isSiteName reports whether a piece of a title names the site: it equals
// the site name or starts it, or it is the host's name.
func isSiteName(piece, site, host string) bool {
	p := alnumLower(piece)
	if len(p) < 3 {
		return false
	}
	if st := alnumLower(site); st != "" && (p == st || (len(p) >= 4 && strings.HasPrefix(st, p))) {
		return true
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if i := strings.IndexByte(host, '.'); i > 0 {
		return p == alnumLower(host[:i]) || p == alnumLower(host)
	}
	return false
}

// alnumLower keeps the letters and digits of s, lowercased.
func alnumLower(s string) string {
	var b strings.Builder
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// Hosts of social networks: a page's site name pointing there is the
// outlet's profile, not its name.
var socialHosts = map[string]bool{
	"facebook.com": true, "twitter.com": true, "x.com": true, "instagram.com": true,
	"youtube.com": true, "t.me": true, "linkedin.com": true, "tiktok.com": true,
}

// cleanOutlet makes an outlet name of a page's site name: a URL becomes its
// host, a list its first item; a copyright line is no name. host is the
// page's own host, used when the site name is unusable.
func cleanOutlet(site, host string) string {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	site = strings.TrimSpace(site)
	if i := strings.Index(site, "; "); i > 0 {
		site = site[:i]
	}
	if i := strings.Index(site, " | "); i > 0 {
		site = strings.TrimSpace(site[:i])
	}
	low := strings.ToLower(site)
	if strings.HasPrefix(low, "http://") || strings.HasPrefix(low, "https://") {
		site = ""
		if u, err := url.Parse(low); err == nil {
			if h := strings.TrimPrefix(u.Hostname(), "www."); !socialHosts[h] {
				site = h
			}
		}
	}
	if strings.HasPrefix(low, "copyright") || strings.HasPrefix(low, "©") {
		site = ""
	}
	if site == "" && !socialHosts[host] {
		site = host
	}
	return site
}

// Words that mark an organisation rather than a person in an author field.
var orgWords = map[string]bool{
	"productions": true, "shows": true, "media": true, "group": true, "international": true,
	"magazine": true, "network": true, "institute": true, "university": true,
	"association": true, "company": true, "department": true, "ministry": true,
	"ministries": true, "council": true, "committee": true, "office": true, "staff": true,
	"reports": true, "editorial": true, "bureau": true, "services": true, "wire": true,
	"business": true, "sport": true, "sports": true, "news": true, "post": true, "times": true,
	"defense": true, "defence": true, "government": true, "foundation": true, "center": true,
	"centre": true, "blog": true, "team": true, "desk": true, "editors": true, "admin": true,
}

// cleanAuthor keeps the people of a page's author field ("Jane Doe; CNN
// Business", "Analysis by Jane Doe", "Jane Doe Monday; November"), or a
// news agency when it names no person; "" when it names neither.
func cleanAuthor(s string) string {
	var people []string
	agency := ""
	for _, part := range strings.Split(s, ";") {
		part = strings.TrimSpace(part)
		if i := strings.LastIndex(strings.ToLower(part), "by "); i >= 0 && (i == 0 || part[i-1] == ' ') {
			part = strings.TrimSpace(part[i+3:])
		}
		words := strings.Fields(part)
		for len(words) > 0 {
			lw := strings.ToLower(strings.Trim(words[len(words)-1], ".,"))
			if monthNames[lw] == 0 && !weekdayNames[lw] && lw != "published" && lw != "updated" {
				break
			}
			words = words[:len(words)-1]
		}
		part = strings.Join(words, " ")
		if agencies[strings.ToLower(part)] {
			if agency == "" {
				agency = part
			}
			continue
		}
		org, none := false, false
		for _, w := range words {
			lw := strings.ToLower(strings.Trim(w, ".,:;!?"))
			org = org || orgWords[lw]
			// "No Author", "Stephangoeldi said": a placeholder or a
			// comment's header, no one's name.
			none = none || notNameLexicon[lw] && !nameParticles[lw]
		}
		if none {
			continue
		}
		if !org && isPersonName(part) && !mixesAcronym(words) {
			people = append(people, part)
		}
	}
	if len(people) == 0 {
		return agency
	}
	return strings.Join(people, ", ")
}

// repeatsTitle reports a paragraph that is the title, or the title without
// a section or site name ("Opinion | Headline").
func repeatsTitle(p, title string) bool {
	if title == "" {
		return false
	}
	if sameText(p, title) {
		return true
	}
	pl, tl := strings.ToLower(foldSpace(p)), strings.ToLower(foldSpace(title))
	if len(pl) < 12 || len(pl)*2 < len(tl) {
		return false
	}
	return strings.HasSuffix(tl, pl) || strings.HasPrefix(tl, pl)
}

// sameText compares two strings ignoring case and whitespace.
func sameText(a, b string) bool {
	return strings.EqualFold(foldSpace(a), foldSpace(b))
}

// dropBoilerplate removes paragraphs that are prompts, markers, share rows
// or photo credits.
func dropBoilerplate(paras []string) []string {
	out := paras[:0]
	for _, p := range paras {
		low := strings.ToLower(p)
		if isBoilerplate(low) || isCaption(p, low) || isSectionAge(p) || isURLLine(p) {
			continue
		}
		out = append(out, p)
	}
	return out
}

// mixesAcronym reports a capitalised word list holding an acronym beside
// ordinary words ("CNN Editor-at-large"): an organisation or a role, not a
// name. A name all in capitals is fine, and so are initials ("R.C.").
func mixesAcronym(words []string) bool {
	acr, other := false, false
	for _, w := range words {
		if isAcronymWord(w) {
			acr = true
		} else if strings.ToUpper(w) != w {
			other = true
		}
	}
	return acr && other
}

// isAcronymWord reports a word of two to five capital letters and nothing
// else ("CNN", "MDR"); a longer one is a surname written in capitals, as
// agencies write them ("Bill MCCARTHY").
func isAcronymWord(w string) bool {
	n := 0
	for _, c := range w {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 5
}
