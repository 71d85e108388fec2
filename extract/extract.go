package extract

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"log/slog"
	"net/url"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/crosscheck-news/crosscheck"
)

// Options tunes extraction. The zero value is ready to use.
type Options struct {
	// Now is the reference time: a date found in a document that lies more
	// than a day after Now is not taken as its publication date. Zero means
	// time.Now(). Tests set it to get the same result every day.
	Now time.Time
	// MinTextLen is the least number of bytes of body text an article must
	// have; shorter ones fail with "no article text found", unless the
	// document's container titles it (Document.Meta.Title: a feed entry, a
	// JSON Lines record), which makes a headline and a line a whole item.
	// Zero means DefaultMinTextLen.
	MinTextLen int
	// Fallback makes the HTML path also run go-trafilatura's fallback
	// extractors (readability, dom-distiller) and keep the best. It is
	// slower and on the article-extraction benchmark worse (F1 0.955
	// against 0.966); off by default.
	Fallback bool
	// Timeout bounds the time go-trafilatura may take on one page; past
	// it the page is read by a simpler reader, linear in the page, and a
	// warning is logged. Zero means DefaultTimeout; negative, no deadline.
	Timeout time.Duration
	// Logger receives warnings about a document that was read only in
	// part or by a fallback (HTML nested too deeply, a page over the
	// structural budget); nil discards them. Give it the input's name
	// with Logger.With.
	Logger *slog.Logger

	// libraryHook, when set, runs before go-trafilatura: tests make the
	// library slow with it.
	libraryHook func()
}

// DefaultTimeout is the default deadline of the HTML extractor: far above
// the time it takes on a real page (tens of milliseconds), far below a
// user's patience.
const DefaultTimeout = 10 * time.Second

func (o Options) timeout() time.Duration {
	if o.Timeout == 0 {
		return DefaultTimeout
	}
	return o.Timeout
}

// warn logs a warning about the document being extracted.
func (o Options) warn(msg string, args ...any) {
	if o.Logger != nil {
		o.Logger.Warn(msg, args...)
	}
}

// DefaultMinTextLen is the least body text, in bytes, of an article: a
// shorter text is a menu or a fragment, not a report.
const DefaultMinTextLen = 20

func (o Options) now() time.Time {
	if o.Now.IsZero() {
		return time.Now()
	}
	return o.Now
}

func (o Options) minTextLen() int {
	if o.MinTextLen <= 0 {
		return DefaultMinTextLen
	}
	return o.MinTextLen
}

// Extract turns a raw document into an article: main text without
// boilerplate, metadata (title, outlet, author, publication date, language),
// paragraphs and sentences with byte offsets into Text, a correction notice
// when the article carries one, and the content hash. It does not set ID.
//
// Non-empty fields of doc.Meta win over what the body says. Errors are
// *crosscheck.Error with code EINVALID and say what is wrong with the input.
func Extract(doc *crosscheck.Document, opts Options) (*crosscheck.Article, error) {
	if doc == nil {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "empty document: nothing to extract")
	}
	body := doc.Body
	if len(bytes.TrimSpace(body)) == 0 {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "empty document: the input has no content")
	}
	if !utf8.Valid(body) {
		// Ingest decodes charsets; stray bytes left over must not reach the
		// output.
		body = bytes.ToValidUTF8(body, []byte("\uFFFD"))
	}
	var (
		r   *result
		err error
	)
	switch format := doc.Format; format {
	case crosscheck.FormatHTML:
		r, err = extractHTML(body, doc.URL, opts)
	case crosscheck.FormatText:
		r = extractText(string(body), opts)
	case "":
		if looksHTML(body) {
			r, err = extractHTML(body, doc.URL, opts)
		} else {
			r = extractText(string(body), opts)
		}
	default:
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "unknown document format %q: use %q or %q", format, crosscheck.FormatText, crosscheck.FormatHTML)
	}
	if err != nil {
		return nil, err
	}
	return finish(doc, r, opts)
}

// result is what a format's extractor found, before the common finishing.
type result struct {
	paras      []string // body paragraphs, each one line, whitespace folded
	meta       crosscheck.Meta
	correction string
}

// finish builds the article from a result: Text, spans, hash, language, and
// the document's own metadata over the extracted one.
func finish(doc *crosscheck.Document, r *result, opts Options) (*crosscheck.Article, error) {
	a := &crosscheck.Article{Source: doc.Source, URL: doc.URL, Meta: r.meta, Correction: r.correction}
	// A container's title repeated as the body's first line is no body text.
	if t := doc.Meta.Title; t != "" && len(r.paras) > 1 && sameText(r.paras[0], t) {
		r.paras = r.paras[1:]
	}
	// An item that its container titles (a feed entry, a JSON Lines
	// record) is whole with a headline and a line, or with a headline
	// alone: its text is the body's, however short, or the headline when
	// the body held only metadata (a date line). Without such a title a
	// short body is a fragment.
	headline := strings.Join(strings.Fields(doc.Meta.Title), " ")
	if headline != "" && len(r.paras) == 0 {
		r.paras = []string{headline}
	}
	var b strings.Builder
	n := 0
	for _, p := range r.paras {
		n += len(p) + 2
	}
	b.Grow(n)
	a.Paragraphs = make([]crosscheck.Span, 0, len(r.paras))
	for _, p := range r.paras {
		if p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		a.Paragraphs = append(a.Paragraphs, crosscheck.Span{Start: b.Len(), End: b.Len() + len(p)})
		b.WriteString(p)
	}
	a.Text = b.String()
	if len(a.Text) < opts.minTextLen() && (headline == "" || a.Text == "") {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "no article text found: the input holds no readable body text (an index page, a paywall, or a page built by JavaScript?)")
	}
	a.Sentences = make([]crosscheck.Sentence, 0, len(a.Text)/120+len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		a.Sentences = splitSentences(a.Text, p, i, a.Sentences)
	}
	a.ContentHash = contentHash(a.Text)
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	m := doc.Meta
	if m.Title != "" {
		a.Title = m.Title
	}
	if m.Outlet != "" {
		a.Outlet = m.Outlet
	}
	if m.Author != "" {
		a.Author = m.Author
	}
	if !m.Published.IsZero() {
		a.Published = m.Published
		a.PublishedDateOnly = m.PublishedDateOnly
	}
	if !m.Modified.IsZero() {
		a.Modified, a.ModifiedDateOnly = m.Modified, m.ModifiedDateOnly
	}
	if m.Credit != "" {
		a.Credit = m.Credit
	}
	if m.Language != "" {
		a.Language = m.Language
	}
	if a.Outlet == "" && doc.URL != "" {
		// The document's own address names its site.
		if u, err := url.Parse(doc.URL); err == nil && u.Hostname() != "" {
			if host := strings.TrimPrefix(strings.ToLower(u.Hostname()), "www."); strings.Contains(host, ".") && !socialHosts[host] {
				a.Outlet = host
			}
		}
	}
	return a, nil
}

// contentHash is the hex SHA-256 of text lowercased with whitespace runs
// folded to one space and trimmed, so layout changes keep the hash.
func contentHash(text string) string {
	h := sha256.New()
	buf := make([]byte, 0, 4096)
	space, started := false, false
	for i := 0; i < len(text); {
		c := text[i]
		var r rune
		size := 1
		if c < utf8.RuneSelf {
			if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
				space = true
				i++
				continue
			}
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			r = rune(c)
		} else {
			r, size = utf8.DecodeRuneInString(text[i:])
			if unicode.IsSpace(r) {
				space = true
				i += size
				continue
			}
			r = unicode.ToLower(r)
		}
		i += size
		if space && started {
			buf = append(buf, ' ')
		}
		space, started = false, true
		buf = utf8.AppendRune(buf, r)
		if len(buf) >= 4000 {
			h.Write(buf)
			buf = buf[:0]
		}
	}
	h.Write(buf)
	return hex.EncodeToString(h.Sum(nil))
}

// langSample bounds the text given to the language detector: the first
// couple of thousand bytes decide as well as the whole.
const langSample = 2000

// detectLanguage returns the ISO 639-1 code of text's language, "" when
// unsure. English, most of what crosscheck reads, is recognised by its
// function words without running the slower trigram detector.
func detectLanguage(text string) string {
	if isEnglish(text) {
		return "en"
	}
	if len(text) > langSample {
		cut := langSample
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	info := whatlanggo.Detect(text)
	if info.Confidence < 0.1 {
		return ""
	}
	return info.Lang.Iso6391()
}

// looksHTML sniffs a document of unstated format.
func looksHTML(b []byte) bool {
	b = bytes.TrimSpace(b)
	if len(b) > 512 {
		b = b[:512]
	}
	l := bytes.ToLower(b)
	return bytes.HasPrefix(l, []byte("<!doctype html")) || bytes.HasPrefix(l, []byte("<html")) ||
		bytes.Contains(l, []byte("<head")) || bytes.Contains(l, []byte("<body"))
}

// foldSpace trims s and folds every whitespace run to one space.
func foldSpace(s string) string {
	if !needsFold(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' {
			space = true
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

// needsFold reports whether s has leading, trailing, doubled or non-ASCII
// whitespace, looking at bytes only.
func needsFold(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ' ':
			if s[i+1] == ' ' { // s does not end with a space
				return true
			}
		case '\t', '\n', '\r', '\f', '\v':
			return true
		case 0xC2: // U+0085, U+00A0
			if i+1 < len(s) && (s[i+1] == 0x85 || s[i+1] == 0xA0) {
				return true
			}
		case 0xE1, 0xE2, 0xE3, 0xEF:
			if i+2 >= len(s) {
				continue
			}
			b1, b2 := s[i+1], s[i+2]
			switch {
			case c == 0xE1 && b1 == 0x9A && b2 == 0x80, // U+1680
				c == 0xE2 && b1 == 0x80 && (b2 <= 0x8B || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF), // U+2000-U+200B, U+2028, U+2029, U+202F
				c == 0xE2 && b1 == 0x81 && b2 == 0x9F,                                             // U+205F
				c == 0xE3 && b1 == 0x80 && b2 == 0x80,                                             // U+3000
				c == 0xEF && b1 == 0xBB && b2 == 0xBF:                                             // U+FEFF
				return true
			}
		}
	}
	return false
}

// English function words: in English prose they make a fifth or more of
// the words; in other languages that use the Latin script, far fewer.
var englishWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "a": true,
	"is": true, "that": true, "for": true, "on": true, "was": true, "with": true,
	"he": true, "it": true, "as": true, "at": true, "by": true, "said": true,
	"his": true, "from": true, "are": true, "were": true, "be": true, "has": true,
	"have": true, "had": true, "this": true, "will": true, "an": true, "not": true,
	"but": true, "they": true, "their": true, "which": true, "who": true, "its": true,
}

// isEnglish reports English prose from the share of function words in the
// first few hundred words.
func isEnglish(text string) bool {
	words, hits, the := 0, 0, 0
	var w [16]byte
	n := 0
	flush := func() {
		if n > 0 && n <= len(w) {
			words++
			if englishWords[string(w[:n])] {
				hits++
				if n == 3 && w[0] == 't' && w[1] == 'h' && w[2] == 'e' {
					the++
				}
			}
		}
		n = 0
	}
	for i := 0; i < len(text) && words < 400; i++ {
		c := text[i]
		switch {
		case c >= 'a' && c <= 'z':
			if n < len(w) {
				w[n] = c
			}
			n++
		case c >= 'A' && c <= 'Z':
			if n < len(w) {
				w[n] = c + 'a' - 'A'
			}
			n++
		case c >= utf8.RuneSelf || c == '\'':
			// A word with a non-ASCII letter or an apostrophe is not counted.
			n = len(w) + 1
		default:
			flush()
		}
	}
	flush()
	return words >= 20 && hits*100 >= words*22 && the*100 >= words*3
}
