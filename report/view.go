package report

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// The renderers share one view of a story: article labels resolved, claims
// grouped, untrusted text cleaned of control characters. Each renderer then
// only decides layout, so text, Markdown and HTML always say the same thing.

// reportView is the whole report, ready to render.
type reportView struct {
	Generated string
	Stories   []*storyView
}

// storyView is one story, ready to render.
type storyView struct {
	N         int    // 1-based position in the report
	Anchor    string // HTML id prefix: "s1"
	ID        string
	Title     string
	EventDate string
	Places    []string
	Outlets   []string
	// ArticleCount is the story's article count (the larger of the story's
	// own count and the articles present).
	ArticleCount int
	Articles     []*articleView
	Brief        []briefView
	Conflicts    []*conflictView
	ClaimGroups  []claimGroup
	Quotes       []quoteView
	Attributions []attrView
	EntityGroups []entityGroup
	Coverage     []coverageView
	Timeline     []timelineView
}

// HasAnalysis reports whether anything beyond the articles is known.
func (s *storyView) HasAnalysis() bool {
	return len(s.Brief)+len(s.Conflicts)+len(s.ClaimGroups)+len(s.Quotes)+
		len(s.Attributions)+len(s.EntityGroups)+len(s.Coverage)+len(s.Timeline) > 0
}

// ShowLegend reports whether the header should map labels to outlets:
// when there is analysis citing them and more than one article to tell
// apart.
func (s *storyView) ShowLegend() bool {
	return s.HasAnalysis() && len(s.Articles) > 1
}

// ClaimCount is the number of claims over all groups.
func (s *storyView) ClaimCount() int {
	n := 0
	for _, g := range s.ClaimGroups {
		n += len(g.Claims)
	}
	return n
}

// cite is a short reference to an article: its label and outlet.
type cite struct {
	Label  int    // 1-based; 0 when the article is not in the story's list
	ID     string // the article ID
	Outlet string // outlet or a fallback name
	Anchor string // HTML id of the article entry; "" when unknown
}

// String is the label as printed: "1", or the raw ID for an unknown article.
func (c cite) String() string {
	if c.Label == 0 {
		return c.ID
	}
	return strconv.Itoa(c.Label)
}

type articleView struct {
	cite
	Author      string
	Published   string
	Title       string
	Source      string
	SourceHref  string // Source when it is an http(s) URL, else ""
	URL         string // URL when it differs from Source
	URLHref     string
	Language    string
	DuplicateOf *cite
	Correction  string // the notice, starting "Correction"
	Excerpt     string
	Paragraphs  []string
}

type conflictRef struct {
	N      int
	About  string
	Anchor string
}

type briefView struct {
	Text     string
	Cites    []cite
	Status   string // status of the claim it summarises, "" when unknown
	Conflict *conflictRef
}

type conflictView struct {
	conflictRef
	Kind     string
	Variants []variantView
}

type variantView struct {
	Value    string
	Sentence string
	Outlets  []string
	Cites    []cite
}

type claimGroup struct {
	Status string
	Title  string
	Claims []claimView
}

type claimView struct {
	Anchor     string
	Text       string
	Status     string
	Support    string // "2 outlets, both credit Reuters"
	CreditedTo []string
	Cites      []cite
	Sources    []sourceView
	Conflict   *conflictRef
}

type sourceView struct {
	Cite     cite
	Sentence string
}

type quoteView struct {
	Speaker  string
	Text     string
	Cites    []cite
	Variants []quoteVariantView
	Sources  []sourceView
}

type quoteVariantView struct {
	Text  string
	Cites []cite
}

type attrView struct {
	Source  string
	Kind    string
	Cites   []cite
	Sources []sourceView
}

type entityGroup struct {
	Kind     string
	Title    string
	Entities []entityView
}

type entityView struct {
	Name     string
	Aliases  []string
	Roles    []string
	Mentions int
	Cites    []cite
}

type claimRef struct {
	Text   string
	Anchor string
}

type coverageView struct {
	Outlet    string
	Cites     []cite
	Claims    int
	Exclusive []claimRef
	Omitted   []claimRef
}

type timelineView struct {
	When  string
	Text  string
	Cites []cite
}

// excerptRunes caps the article excerpt shown in text and Markdown.
const excerptRunes = 240

// newReportView builds the view of r; fullText keeps every article's text
// as paragraphs (HTML shows it), otherwise only an excerpt is made.
func newReportView(r *crosscheck.Report, fullText bool) *reportView {
	v := &reportView{}
	if r == nil {
		return v
	}
	if !r.Generated.IsZero() {
		v.Generated = r.Generated.UTC().Format("2006-01-02 15:04 UTC")
	}
	for _, sr := range r.Stories {
		if sr == nil {
			continue
		}
		v.Stories = append(v.Stories, newStoryView(len(v.Stories)+1, sr, fullText))
	}
	return v
}

func newStoryView(n int, sr *crosscheck.StoryReport, fullText bool) *storyView {
	s := &storyView{
		N:         n,
		Anchor:    "s" + strconv.Itoa(n),
		ID:        clean(sr.Story.ID),
		Title:     clean(sr.Story.Title),
		Places:    cleanAll(sr.Story.Places),
		Outlets:   cleanAll(sr.Story.Outlets),
		EventDate: formatDay(sr.Story.EventDate),
	}
	b := builder{s: s, labels: map[string]*articleView{}, fullText: fullText}

	dups := map[*articleView]string{}
	for _, a := range sr.Articles {
		if a == nil {
			continue
		}
		av := b.addArticle(a)
		if a.DuplicateOf != "" {
			dups[av] = a.DuplicateOf
		}
	}
	for _, av := range s.Articles {
		if id, ok := dups[av]; ok {
			c := b.cite(id)
			av.DuplicateOf = &c
		}
	}
	s.ArticleCount = max(sr.Story.Articles, len(s.Articles))
	if s.Title == "" && len(s.Articles) > 0 {
		s.Title = s.Articles[0].Title
	}
	if s.Title == "" {
		s.Title = "Untitled story"
	}
	if len(s.Outlets) == 0 {
		s.Outlets = b.articleOutlets()
	}

	b.conflicts(sr.Conflicts)
	b.claims(sr.Claims)
	b.brief(sr.Brief)
	b.quotes(sr.Quotes)
	b.attributions(sr.Attributions)
	b.entities(sr.Entities)
	b.coverage(sr.Coverage)
	b.timeline(sr.Timeline)
	return s
}

// builder holds the lookups used while building a storyView.
type builder struct {
	s          *storyView
	fullText   bool                    // fill articleView.Paragraphs
	labels     map[string]*articleView // article ID -> view
	conflictOf map[string]*conflictRef // conflict ID and claim ID -> conflict
	claimByID  map[string]claimRef
	claimStat  map[string]string
}

func (b *builder) addArticle(a *crosscheck.Article) *articleView {
	av := &articleView{
		cite: cite{
			Label:  len(b.s.Articles) + 1,
			ID:     clean(a.ID),
			Outlet: outletName(a),
		},
		Author:     clean(a.Author),
		Published:  formatPublished(a),
		Title:      clean(a.Title),
		Source:     clean(a.Source),
		Language:   clean(a.Language),
		Correction: clean(a.Correction),
	}
	if av.Correction != "" && !strings.HasPrefix(strings.ToLower(av.Correction), "correction") {
		av.Correction = "Correction: " + av.Correction
	}
	av.Anchor = b.s.Anchor + "-a" + strconv.Itoa(av.Label)
	av.SourceHref = webHref(a.Source)
	if u := clean(a.URL); u != "" && u != av.Source {
		av.URL = u
		av.URLHref = webHref(a.URL)
	}
	if b.fullText {
		for p := range strings.SplitSeq(a.Text, "\n\n") {
			if p = clean(p); p != "" {
				av.Paragraphs = append(av.Paragraphs, p)
			}
		}
	}
	av.Excerpt = excerpt(a.Text)
	b.s.Articles = append(b.s.Articles, av)
	if _, dup := b.labels[a.ID]; !dup {
		b.labels[a.ID] = av
	}
	return av
}

func (b *builder) articleOutlets() []string {
	var out []string
	for _, a := range b.s.Articles {
		if a.Outlet != unknownOutlet && !slices.Contains(out, a.Outlet) {
			out = append(out, a.Outlet)
		}
	}
	return out
}

func (b *builder) cite(id string) cite {
	if a, ok := b.labels[id]; ok {
		return a.cite
	}
	return cite{ID: clean(id)}
}

// cites resolves article IDs to labels, sorted by label, without repeats.
// Unknown IDs follow the known ones in the order given.
func (b *builder) cites(ids []string) []cite {
	var out []cite
	for _, id := range ids {
		c := b.cite(id)
		if c.ID == "" || slices.ContainsFunc(out, func(o cite) bool { return o.ID == c.ID }) {
			continue
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(x, y cite) int {
		switch {
		case x.Label == y.Label:
			return 0
		case x.Label == 0:
			return 1
		case y.Label == 0:
			return -1
		}
		return x.Label - y.Label
	})
	return out
}

func citationIDs(cs []crosscheck.Citation) []string {
	ids := make([]string, 0, len(cs))
	for _, c := range cs {
		ids = append(ids, c.Article)
	}
	return ids
}

func (b *builder) sources(cs []crosscheck.Citation) []sourceView {
	var out []sourceView
	for _, c := range cs {
		sv := sourceView{Cite: b.cite(c.Article), Sentence: clean(c.Sentence)}
		if sv.Sentence == "" {
			continue
		}
		out = append(out, sv)
	}
	return out
}

// outletsOf gives the outlets of cites, first seen first.
func outletsOf(cs []cite) []string {
	var out []string
	for _, c := range cs {
		if c.Outlet != "" && !slices.Contains(out, c.Outlet) {
			out = append(out, c.Outlet)
		}
	}
	return out
}

func (b *builder) conflicts(cs []crosscheck.Conflict) {
	b.conflictOf = map[string]*conflictRef{}
	for _, c := range cs {
		cv := &conflictView{Kind: clean(string(c.Kind))}
		if cv.Kind == string(crosscheck.ConflictValue) {
			// Most conflicts are about a value; only the others say so.
			cv.Kind = ""
		}
		cv.N = len(b.s.Conflicts) + 1
		cv.About = clean(c.About)
		cv.Anchor = b.s.Anchor + "-x" + strconv.Itoa(cv.N)
		for _, v := range c.Variants {
			ids := v.Articles
			if len(ids) == 0 {
				ids = citationIDs(v.Sources)
			}
			vv := variantView{Value: clean(v.Value), Sentence: clean(v.Sentence), Cites: b.cites(ids)}
			if vv.Sentence == "" && len(v.Sources) > 0 {
				vv.Sentence = clean(v.Sources[0].Sentence)
			}
			vv.Outlets = cleanAll(v.Outlets)
			if len(vv.Outlets) == 0 {
				vv.Outlets = outletsOf(vv.Cites)
			}
			cv.Variants = append(cv.Variants, vv)
		}
		b.s.Conflicts = append(b.s.Conflicts, cv)
		ref := &cv.conflictRef
		if c.ID != "" {
			b.conflictOf[c.ID] = ref
		}
		for _, id := range c.Claims {
			b.conflictOf["claim:"+id] = ref
		}
	}
}

var claimOrder = []struct{ status, title string }{
	{string(crosscheck.Corroborated), "Corroborated"},
	{string(crosscheck.Disputed), "Disputed"},
	{string(crosscheck.SingleSource), "Single source"},
}

func (b *builder) claims(cs []crosscheck.Claim) {
	b.claimByID = map[string]claimRef{}
	b.claimStat = map[string]string{}
	groups := map[string]*claimGroup{}
	var other []string // statuses outside the three known, first seen first
	for i, c := range cs {
		ids := citationIDs(c.Sources)
		cv := claimView{
			Anchor:     b.s.Anchor + "-c" + strconv.Itoa(i+1),
			Text:       clean(c.Text),
			Status:     clean(string(c.Status)),
			CreditedTo: cleanAll(c.CreditedTo),
			Cites:      b.cites(ids),
			Sources:    b.sources(c.Sources),
			Conflict:   b.conflictOf["claim:"+c.ID],
		}
		if cv.Text == "" && len(cv.Sources) > 0 {
			cv.Text = cv.Sources[0].Sentence
		}
		// a figure agreed on ("38") is shown with whom it is of
		if subj := clean(c.Subject); c.Predicate == "" && subj != "" && cv.Text != "" && !strings.Contains(cv.Text, subj) {
			cv.Text = subj + ": " + cv.Text
		}
		if !slices.ContainsFunc(cv.Sources, func(sv sourceView) bool { return sv.Sentence != cv.Text }) {
			// The sentences are the claim's own words: the citations say
			// everything the sources would.
			cv.Sources = nil
		}
		outlets := cleanAll(c.Outlets)
		if len(outlets) == 0 {
			outlets = outletsOf(cv.Cites)
		}
		cv.Support = support(len(outlets), c.Independent, cv.CreditedTo)
		if cv.Support == "1 outlet" {
			// Said by one outlet, crediting no one: the citation says it all.
			cv.Support = ""
		}
		if c.ID != "" {
			b.claimByID[c.ID] = claimRef{Text: cv.Text, Anchor: cv.Anchor}
			b.claimStat[c.ID] = cv.Status
		}
		g := groups[cv.Status]
		if g == nil {
			g = &claimGroup{Status: cv.Status, Title: statusTitle(cv.Status)}
			groups[cv.Status] = g
			if !slices.ContainsFunc(claimOrder, func(o struct{ status, title string }) bool { return o.status == cv.Status }) {
				other = append(other, cv.Status)
			}
		}
		g.Claims = append(g.Claims, cv)
	}
	for _, o := range claimOrder {
		if g := groups[o.status]; g != nil {
			b.s.ClaimGroups = append(b.s.ClaimGroups, *g)
		}
	}
	for _, st := range other {
		b.s.ClaimGroups = append(b.s.ClaimGroups, *groups[st])
	}
}

func statusTitle(status string) string {
	for _, o := range claimOrder {
		if o.status == status {
			return o.title
		}
	}
	if status == "" {
		return "Unclassified"
	}
	r, n := utf8.DecodeRuneInString(status)
	return string(unicode.ToUpper(r)) + status[n:]
}

// support says how many outlets state a claim and how independently:
// "1 outlet", "3 outlets", "2 outlets, both credit Reuters",
// "4 outlets, 2 independent; credited: Reuters, AP". It states only what
// the counts and credits say.
func support(outlets, independent int, credited []string) string {
	if outlets == 0 {
		if len(credited) > 0 {
			return "credited: " + strings.Join(credited, ", ")
		}
		return ""
	}
	s := plural(outlets, "outlet", "outlets")
	switch {
	case outlets == 1 && len(credited) > 0:
		return s + ", credits " + strings.Join(credited, ", ")
	case outlets > 1 && independent == 1 && len(credited) == 1:
		all := "all credit "
		if outlets == 2 {
			all = "both credit "
		}
		return s + ", " + all + credited[0]
	case outlets > 1 && independent > 0 && independent < outlets:
		s += ", " + strconv.Itoa(independent) + " independent"
	case outlets > 1 && independent >= outlets:
		s += ", independent"
	}
	if len(credited) > 0 {
		s += "; credited: " + strings.Join(credited, ", ")
	}
	return s
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (b *builder) brief(items []crosscheck.BriefItem) {
	for _, it := range items {
		bv := briefView{Text: clean(it.Text), Cites: b.cites(it.Articles), Status: b.claimStat[it.Claim]}
		if bv.Text == "" {
			continue
		}
		if it.Conflict != "" {
			bv.Conflict = b.conflictOf[it.Conflict]
		}
		if bv.Conflict == nil && it.Claim != "" {
			bv.Conflict = b.conflictOf["claim:"+it.Claim]
		}
		if bv.Conflict != nil {
			bv.Status = string(crosscheck.Disputed)
		}
		b.s.Brief = append(b.s.Brief, bv)
	}
}

func (b *builder) quotes(qs []crosscheck.Quote) {
	for _, q := range qs {
		ids := q.Articles
		if len(ids) == 0 {
			ids = citationIDs(q.Sources)
		}
		qv := quoteView{Speaker: clean(q.Speaker), Text: clean(q.Text), Cites: b.cites(ids), Sources: b.sources(q.Sources)}
		if qv.Text == "" {
			continue
		}
		for _, v := range q.Variants {
			t := clean(v.Text)
			if t == "" || t == qv.Text {
				continue
			}
			qv.Variants = append(qv.Variants, quoteVariantView{Text: t, Cites: b.cites(v.Articles)})
		}
		b.s.Quotes = append(b.s.Quotes, qv)
	}
}

func (b *builder) attributions(as []crosscheck.Attribution) {
	for _, a := range as {
		ids := a.Articles
		if len(ids) == 0 {
			ids = citationIDs(a.Sources)
		}
		av := attrView{Source: clean(a.Source), Kind: clean(string(a.Kind)), Cites: b.cites(ids), Sources: b.sources(a.Sources)}
		if av.Source == "" {
			continue
		}
		b.s.Attributions = append(b.s.Attributions, av)
	}
}

var entityOrder = []struct{ kind, title string }{
	{string(crosscheck.KindPerson), "People"},
	{string(crosscheck.KindOrganization), "Organizations"},
	{string(crosscheck.KindPlace), "Places"},
	{string(crosscheck.KindOther), "Other"},
}

func (b *builder) entities(es []crosscheck.Entity) {
	groups := map[string]*entityGroup{}
	for _, e := range es {
		ev := entityView{Name: clean(e.Name), Mentions: e.Mentions, Cites: b.cites(e.Articles), Roles: cleanAll(e.Roles)}
		if ev.Name == "" {
			continue
		}
		for _, a := range cleanAll(e.Aliases) {
			if a != ev.Name && !slices.Contains(ev.Aliases, a) {
				ev.Aliases = append(ev.Aliases, a)
			}
		}
		kind := string(e.Kind)
		if !slices.ContainsFunc(entityOrder, func(o struct{ kind, title string }) bool { return o.kind == kind }) {
			kind = string(crosscheck.KindOther)
		}
		g := groups[kind]
		if g == nil {
			g = &entityGroup{Kind: kind}
			groups[kind] = g
		}
		g.Entities = append(g.Entities, ev)
	}
	for _, o := range entityOrder {
		if g := groups[o.kind]; g != nil {
			g.Title = o.title
			b.s.EntityGroups = append(b.s.EntityGroups, *g)
		}
	}
}

func (b *builder) coverage(cs []crosscheck.Coverage) {
	for _, c := range cs {
		cv := coverageView{Outlet: clean(c.Outlet), Cites: b.cites(c.Articles), Claims: c.Claims}
		if cv.Outlet == "" {
			cv.Outlet = strings.Join(outletsOf(cv.Cites), ", ")
		}
		cv.Exclusive = b.claimRefs(c.Exclusive)
		cv.Omitted = b.claimRefs(c.Omitted)
		b.s.Coverage = append(b.s.Coverage, cv)
	}
}

func (b *builder) claimRefs(ids []string) []claimRef {
	var out []claimRef
	for _, id := range ids {
		if r, ok := b.claimByID[id]; ok {
			out = append(out, r)
		} else if id = clean(id); id != "" {
			out = append(out, claimRef{Text: "claim " + id})
		}
	}
	return out
}

func (b *builder) timeline(ts []crosscheck.TimelineEntry) {
	for _, t := range ts {
		tv := timelineView{Text: clean(t.Text), Cites: b.cites(citationIDs(t.Sources))}
		if tv.Text == "" {
			continue
		}
		if t.DateOnly {
			tv.When = formatDay(t.When)
		} else {
			tv.When = formatInstant(t.When)
		}
		b.s.Timeline = append(b.s.Timeline, tv)
	}
}

// outletName names an article's outlet, falling back to the host of its
// URL or source so that citations always read as something.
func outletName(a *crosscheck.Article) string {
	if o := clean(a.Outlet); o != "" {
		return o
	}
	for _, s := range []string{a.URL, a.Source} {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			return clean(strings.TrimPrefix(u.Hostname(), "www."))
		}
	}
	return unknownOutlet
}

// unknownOutlet names the outlet of an article with no outlet, URL or host.
const unknownOutlet = "unknown outlet"

// webHref returns s when it is an absolute http(s) URL, "" otherwise, so
// that no other scheme ever becomes a link.
func webHref(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	if strings.ContainsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }) {
		return ""
	}
	return s
}

func formatDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.DateOnly)
}

// formatInstant prints a time for people: "2025-09-04 15:06 UTC" or with
// the offset it was given in: "2025-09-04 15:06 +03:00".
func formatInstant(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	if _, off := t.Zone(); off == 0 {
		return t.Format("2006-01-02 15:04") + " UTC"
	}
	return t.Format("2006-01-02 15:04 -07:00")
}

func formatPublished(a *crosscheck.Article) string {
	if a.PublishedDateOnly {
		return formatDay(a.Published)
	}
	return formatInstant(a.Published)
}

// clean makes untrusted text safe and tidy to print on one line: invalid
// UTF-8 replaced, runs of white space (newlines included) folded to one
// space, control and bidirectional-override characters dropped (they could
// drive a terminal or reorder what a reader sees).
func clean(s string) string {
	if isTidy(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r), isBidiControl(r), r == '\uFEFF':
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// isTidy reports whether s is printable ASCII with single inner spaces,
// which clean would return unchanged.
func isTidy(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == ' ' {
			if i == 0 || i == len(s)-1 || s[i-1] == ' ' {
				return false
			}
			continue
		}
		if c < 0x21 || c > 0x7e {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return r == '\u200E' || r == '\u200F' || r == '\u061C' ||
		(r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}

func cleanAll(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = clean(s); s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// excerpt is the start of the first paragraph of text with any words,
// cut to excerptRunes. Only a prefix is cleaned: texts can be long.
func excerpt(text string) string {
	const maxBytes = 4*excerptRunes + 4
	for p := range strings.SplitSeq(text, "\n\n") {
		if len(p) > maxBytes {
			cut := maxBytes
			for cut > 0 && !utf8.RuneStart(p[cut]) {
				cut--
			}
			p = p[:cut]
		}
		if p = clean(p); p != "" {
			return truncate(p, excerptRunes)
		}
	}
	return ""
}

// truncate cuts s to at most n runes, at a word boundary when there is
// one, ending with "…".
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes, space, hard := 0, -1, len(s)
	for i, r := range s {
		if r == ' ' {
			space = i
		}
		if runes == n-1 {
			hard = i
			break
		}
		runes++
	}
	cut := hard
	if space > 0 {
		cut = space
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}

// maxExclusive caps the exclusive claims listed per outlet in text and
// Markdown; they all appear in full among the claims.
const maxExclusive = 3

// coverageCounts says "16 claims, 14 exclusive, 1 omitted".
func coverageCounts(c coverageView) string {
	s := plural(c.Claims, "claim", "claims")
	if n := len(c.Exclusive); n > 0 {
		s += ", " + strconv.Itoa(n) + " exclusive"
	}
	if n := len(c.Omitted); n > 0 {
		s += ", " + strconv.Itoa(n) + " omitted"
	}
	return s
}

func rolesLabel(roles []string) string {
	if len(roles) == 1 {
		return "role: "
	}
	return "roles: "
}

// citeList prints cites as "[1, 2, 5]", "" for none.
func citeList(cs []cite) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

type outletGroup struct {
	Outlet string
	Cites  []cite
}

// byOutlet groups cites by outlet, first seen first.
func byOutlet(cs []cite) []outletGroup {
	var out []outletGroup
	for _, c := range cs {
		o := c.Outlet
		if o == "" {
			o = c.ID
		}
		i := 0
		for i < len(out) && out[i].Outlet != o {
			i++
		}
		if i == len(out) {
			out = append(out, outletGroup{Outlet: o})
		}
		out[i].Cites = append(out[i].Cites, c)
	}
	return out
}

// statusClass is the CSS class of a claim status.
func statusClass(status string) string {
	switch status {
	case string(crosscheck.Corroborated), string(crosscheck.SingleSource), string(crosscheck.Disputed):
		return status
	}
	return "other"
}

// statusLabel names a claim status for people.
func statusLabel(status string) string {
	switch status {
	case string(crosscheck.SingleSource):
		return "single source"
	case "":
		return "unclassified"
	}
	return status
}
