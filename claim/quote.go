package claim

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// quoteSpan is a stretch of text between quotation marks.
type quoteSpan struct {
	open, close int // offsets of the marks (close: the end of the paragraph when unclosed)
	start, end  int // the words inside, trimmed
	// unclosed: the quote runs to the end of its paragraph and goes on in
	// the next (news style: no closing mark between quoted paragraphs)
	unclosed bool
	// single: between single quotation marks, which quote only where a
	// speaker is named right beside them (elsewhere they are scare quotes,
	// titles or apostrophes)
	single bool
}

// qmark is a quotation mark and which way it can turn.
type qmark struct {
	pos, size int
	// dir is +1 for a mark that can only open, -1 only close, 0 either (a
	// straight mark with spaces on both sides: " It was ...," he said)
	dir       int8
	para      int
	paraStart bool
	paraEnd   bool
}

// maxQuoteParas is how many paragraphs a quotation closed only at its end
// may run over before its opening mark is taken for a stray one.
const maxQuoteParas = 8

// findQuotes returns the quoted stretches of text: double quotation marks
// straight or curly, mixed, with or without spaces inside them, over
// several paragraphs when the paragraphs between carry no marks, and single
// quotation marks that open a paragraph or follow a colon.
func findQuotes(text string) []quoteSpan {
	doubles, singles := scanMarks(text)
	out := blockQuotesOut(text, pairDoubles(text, doubles), singles)
	out = append(out, pairSingles(text, singles, out)...)
	sort.Slice(out, func(i, j int) bool { return out[i].open < out[j].open })
	for k := range out {
		q := &out[k]
		_, n := utf8.DecodeRuneInString(text[q.open:])
		s, e := q.open+n, q.close
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) && r != '…' {
				break
			}
			s += n
		}
		for e > s {
			r, n := utf8.DecodeLastRuneInString(text[s:e])
			if !unicode.IsSpace(r) && r != ',' {
				break
			}
			e -= n
		}
		q.start, q.end = s, e
	}
	return out
}

// scanMarks finds the double and single quotation marks with the way each
// can turn, read from the characters beside it.
func scanMarks(text string) (doubles, singles []qmark) {
	para := 0
	lineStart := 0
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t') {
				j++
			}
			para++
			lineStart = j
			i = j
			continue
		}
		double := r == '"' || r == '“' || r == '”' || r == '„' || r == '«' || r == '»'
		single := r == '\'' || r == '‘' || r == '’'
		if !double && !single {
			i += n
			continue
		}
		m := qmark{pos: i, size: n, para: para}
		m.paraStart = strings.TrimSpace(text[lineStart:i]) == ""
		rest := text[i+n:]
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			rest = rest[:k]
		}
		m.paraEnd = strings.TrimFunc(rest, func(r rune) bool {
			return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]'’\"”", r)
		}) == ""
		prev, _ := utf8.DecodeLastRuneInString(text[lineStart:i])
		next, _ := utf8.DecodeRuneInString(rest)
		prevSpace := i == lineStart || unicode.IsSpace(prev)
		nextSpace := rest == "" || unicode.IsSpace(next)
		closePunct := strings.ContainsRune(".,;:!?)]", next)
		switch {
		case r == '“' || r == '„' || r == '«' || r == '‘':
			m.dir = 1
		case r == '”' || r == '»':
			m.dir = -1
		case m.paraStart:
			m.dir = 1
		case m.paraEnd:
			m.dir = -1
		case prevSpace && !nextSpace:
			m.dir = 1
			if closePunct {
				m.dir = -1
			}
		case !prevSpace && nextSpace:
			m.dir = -1
			if prev == '(' || prev == '[' || prev == '—' {
				m.dir = 1
			}
		case !prevSpace && !nextSpace:
			switch {
			case closePunct:
				m.dir = -1
			case prev == '(' || prev == '[' || prev == '—':
				m.dir = 1
			}
		}
		if double {
			doubles = append(doubles, m)
		} else if !isApostrophe(text, lineStart, i, n) {
			if r == '’' && m.dir == 0 {
				m.dir = -1
			}
			singles = append(singles, m)
		}
		i += n
	}
	return doubles, singles
}

// isApostrophe reports whether the single mark at i is an apostrophe: inside
// a word ("didn't", "Wladimir's"), or spaced out before a contraction ("I ’
// m", "HP ’ s"), or after the s of a plural possessive ("the Sixers '
// bench").
func isApostrophe(text string, lineStart, i, n int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[lineStart:i])
	next, _ := utf8.DecodeRuneInString(text[i+n:])
	if unicode.IsLetter(prev) && unicode.IsLetter(next) || unicode.IsDigit(next) && unicode.IsLetter(prev) {
		return true
	}
	// "I ’ m", "customer ’ s", "Owls ' 88-72": spaced out by a tokenizer
	before := strings.TrimRight(text[lineStart:i], " ")
	after := strings.TrimLeft(text[i+n:], " ")
	b, _ := utf8.DecodeLastRuneInString(before)
	if len(before) < i-lineStart && len(after) < len(text)-i-n && unicode.IsLetter(b) {
		w := after
		if k := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }); k >= 0 {
			w = w[:k]
		}
		switch w {
		case "s", "m", "t", "re", "ve", "ll", "d":
			return true
		}
		if b == 's' || b == 'S' {
			// "the Sixers ' 1982-83 team": a possessive unless a comma or a
			// full stop marks the end of a quotation before it
			return true
		}
	}
	if (prev == 's' || prev == 'S') && (unicode.IsSpace(next) || next == utf8.RuneError) && !strings.ContainsRune(".,!?", prev) {
		// "Jeffs' nephew": a possessive after a word in s
		after := strings.TrimLeft(text[i+n:], " ")
		a, _ := utf8.DecodeRuneInString(after)
		return unicode.IsLetter(a) || unicode.IsDigit(a)
	}
	return false
}

// pairDoubles pairs double marks into spans. A mark that opens a
// paragraph while a quotation is open starts the quotation anew (news
// style: the paragraph before ends without a closing mark); a quotation
// open over more than maxQuoteParas paragraphs had a stray opening mark.
func pairDoubles(text string, ms []qmark) []quoteSpan {
	var out []quoteSpan
	open := -1
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if open >= 0 && m.para != ms[open].para && !ms[open].paraStart && reportingBetween(text, paraEndAfter(text, ms[open].pos), m.pos) {
			// the paragraphs after a quotation opened mid-paragraph and
			// left unclosed credit sources of their own ("..., according
			// to Ryan Boyette"): the writer's words, and the quotation
			// ended with its paragraph (a passage quoted whole opens its
			// paragraph)
			out = append(out, quoteSpan{open: ms[open].pos, close: paraEndAfter(text, ms[open].pos), unclosed: true})
			open = -1
		}
		if open >= 0 && m.para != ms[open].para {
			if m.paraStart && m.dir >= 0 {
				out = append(out, quoteSpan{open: ms[open].pos, close: paraEndBefore(text, m.pos), unclosed: true})
				open = i
				continue
			}
			if m.para-ms[open].para > maxQuoteParas {
				open = -1
			}
		}
		if open < 0 {
			if m.dir >= 0 {
				open = i
			} else if i+1 < len(ms) && ms[i+1].para == m.para && ms[i+1].dir > 0 && text[m.pos:m.pos+m.size] == "”" && text[ms[i+1].pos:ms[i+1].pos+ms[i+1].size] == "“" {
				// ” 15 Most Wanted “: marks set the wrong way round
				out = append(out, quoteSpan{open: m.pos, close: ms[i+1].pos})
				i++
			}
			continue
		}
		if m.dir <= 0 {
			out = append(out, quoteSpan{open: ms[open].pos, close: m.pos})
			open = -1
			continue
		}
		open = i // an opening mark while one is open: the first was stray
	}
	if open >= 0 {
		end := strings.IndexByte(text[ms[open].pos:], '\n')
		if end < 0 {
			end = len(text) - ms[open].pos
		}
		out = append(out, quoteSpan{open: ms[open].pos, close: ms[open].pos + end, unclosed: true})
	}
	return out
}

// blockQuotesOut drops the double spans that quote a whole passage (an
// article quoted in full, as some pages do): a span over three paragraphs
// or more in which a paragraph opens with a quotation mark of its own. Its
// text is reporting, with its own quotations and credits, not one
// speaker's words.
func blockQuotesOut(text string, spans []quoteSpan, singles []qmark) []quoteSpan {
	out := spans[:0]
	for _, q := range spans {
		inner := false
		for _, m := range singles {
			if m.pos > q.open && m.pos < q.close && m.paraStart {
				inner = true
				break
			}
		}
		if inner && paragraphsIn(text[q.open:q.close]) >= 3 {
			continue
		}
		out = append(out, q)
	}
	return out
}

// paragraphsIn counts the paragraphs of s.
func paragraphsIn(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' && (i == 0 || s[i-1] != '\n') {
			n++
		}
	}
	return n
}

// paraEndBefore returns the end of the paragraph before the one holding
// offset off.
func paraEndBefore(text string, off int) int {
	k := strings.LastIndexByte(text[:off], '\n')
	for k > 0 && (text[k-1] == '\n' || text[k-1] == '\r' || text[k-1] == ' ') {
		k--
	}
	if k < 0 {
		return off
	}
	return k
}

// pairSingles pairs single marks within a paragraph. Only a quotation that
// opens its paragraph or follows a colon, and ends at a comma, a full stop
// or the paragraph's end, is kept: single marks elsewhere are scare quotes,
// titles and nested quotations.
func pairSingles(text string, ms []qmark, doubles []quoteSpan) []quoteSpan {
	var out []quoteSpan
	inDouble := func(off int) bool {
		for _, q := range doubles {
			if off >= q.open && off <= q.close {
				return true
			}
		}
		return false
	}
	for i := 0; i < len(ms); i++ {
		o := ms[i]
		if o.dir < 0 || inDouble(o.pos) {
			continue
		}
		before := strings.TrimRight(text[:o.pos], " ")
		if !o.paraStart && !strings.HasSuffix(before, ":") {
			continue
		}
		for j := i + 1; j < len(ms) && ms[j].para == o.para; j++ {
			c := ms[j]
			if c.dir > 0 {
				break
			}
			inner := strings.TrimRight(text[o.pos+o.size:c.pos], " ")
			last, _ := utf8.DecodeLastRuneInString(inner)
			if len(strings.Fields(inner)) < 2 || !(strings.ContainsRune(",.!?", last) || c.paraEnd) {
				continue
			}
			out = append(out, quoteSpan{open: o.pos, close: c.pos, single: true})
			i = j
			break
		}
	}
	return out
}

// sentenceAt returns the index of the sentence holding offset off, -1 if none.
func (x *extractor) sentenceAt(off int) int {
	ss := x.an.Sentences
	k := sort.Search(len(ss), func(i int) bool { return ss[i].End > off })
	if k < len(ss) && ss[k].Start <= off {
		return k
	}
	if k < len(ss) {
		return k
	}
	return -1
}

// mentionsIn returns the mentions starting in [a, b) of entities that can
// speak or be credited (everything but places).
func (x *extractor) mentionsIn(a, b int) []Mention {
	ms := x.an.Mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= a })
	var out []Mention
	for ; k < len(ms) && ms[k].Start < b; k++ {
		if ms[k].Entity >= 0 && x.an.Entities[ms[k].Entity].Kind != crosscheck.KindPlace {
			out = append(out, ms[k])
		}
	}
	return out
}

// lastPerson resolves "he" or "she" before offset off: the first person
// named in the nearest sentence that names one (its subject, most often),
// looking at the text before off in off's own sentence first.
func (x *extractor) lastPerson(off int) int {
	si := x.sentenceAt(off)
	if si < 0 {
		return x.lastMentioned(off)
	}
	for k := si; k >= 0 && k >= si-3; k-- {
		s := x.an.Sentences[k]
		end := s.End
		if k == si {
			end = off
		}
		for _, m := range x.mentionsIn(s.Start, end) {
			if x.an.Entities[m.Entity].Kind == crosscheck.KindPerson && !x.inQuote(m.Start) {
				return m.Entity
			}
		}
	}
	return x.lastMentioned(off)
}

// lastMentioned returns the entity of the last person mentioned before off.
func (x *extractor) lastMentioned(off int) int {
	ms := x.an.Mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= off })
	for k--; k >= 0; k-- {
		if ms[k].Entity >= 0 && x.an.Entities[ms[k].Entity].Kind == crosscheck.KindPerson && !x.inQuote(ms[k].Start) {
			return ms[k].Entity
		}
	}
	return -1
}

func (x *extractor) inQuote(off int) bool {
	for _, q := range x.qspans {
		if off >= q.open && off < q.close {
			return true
		}
	}
	return false
}

// tokenAt returns the index of the first token of sentence si starting at
// or after offset off (len(toks) when none).
func (x *extractor) tokenAt(si, off int) int {
	toks := x.sents[si].toks
	return sort.Search(len(toks), func(i int) bool { return toks[i].start >= off })
}

// speaker is who a quote is attributed to, and how surely.
type speaker struct {
	src source
	ok  bool
	// explicit: a verb of saying stands right beside the quotation
	explicit bool
	// clause is the attribution read, for a quotation split around it
	clause *clause
}

// attributed returns who clause c credits, for a quotation.
func (x *extractor) attributed(c *clause, explicit bool) speaker {
	if len(c.src) != 1 {
		return speaker{}
	}
	src, ok := x.resolve(c.src[0], x.sents[c.si].toks[c.verb].low)
	return speaker{src: src, ok: ok, explicit: explicit, clause: c}
}

// onlyPunct reports whether tokens [a, b) of sentence si are punctuation
// (or none).
func (x *extractor) onlyPunct(si, a, b int) bool {
	toks := x.sents[si].toks
	for t := a; t < b && t < len(toks); t++ {
		if toks[t].kind != 'p' {
			return false
		}
	}
	return true
}

// after reads an attribution after the closing mark: `"...," X said`,
// `"...," said X`, `"...," according to X`; or one ending the sentence
// that holds the quotation (`"..." it was larger, said X.`).
func (x *extractor) after(q quoteSpan) speaker {
	if q.unclosed {
		return speaker{}
	}
	si := x.sentenceAt(q.close)
	if si < 0 {
		return speaker{}
	}
	k := x.tokenAt(si, q.close+1)
	cs := x.clauses(si)
	for i := range cs {
		c := &cs[i]
		if c.form == 'M' || c.first < k || !(c.quoting || c.form == 'A') {
			continue
		}
		if x.onlyPunct(si, k, c.first) {
			return x.attributed(c, true)
		}
	}
	// "Vancouver police Const.\n\nTim Fanning told a news conference."
	toks := x.sents[si].toks
	if n := len(toks); si+1 < len(x.sents) && n-k <= 5 && n >= 2 && toks[n-1].text == "." && (abbreviations[toks[n-2].low] || honorifics[toks[n-2].low]) {
		for i, c := range x.clauses(si + 1) {
			if c.first == 0 && c.quoting && c.form == 'S' {
				return x.attributed(&x.clauses(si + 1)[i], true)
			}
		}
	}
	// the sentence ends with its attribution, and no other clause stands
	// between: every quotation of the sentence is the speaker's
	for i := len(cs) - 1; i >= 0; i-- {
		c := &cs[i]
		if c.first < k || !c.quoting || c.form != 'S' && c.form != 'V' {
			continue
		}
		other := false
		for j := 0; j < i; j++ {
			if cs[j].first >= k && cs[j].form != 'M' {
				other = true
			}
		}
		if x.onlyPunct(si, c.last+1, len(toks)) && !other {
			return x.attributed(c, false)
		}
		break
	}
	// a quotation ending in a comma goes on in the next line: '"...,"' /
	// 'Pearce said, adding ...'
	if comma := strings.Contains(x.text[q.end:q.close], ","); comma && x.onlyPunct(si, k, len(toks)) && si+1 < len(x.sents) {
		for i, c := range x.clauses(si + 1) {
			if c.first == 0 && c.quoting && (c.form == 'S' || c.form == 'V') {
				return x.attributed(&x.clauses(si + 1)[i], true)
			}
		}
	}
	return speaker{}
}

// longQuoteBetween reports a quotation of more than five words opening in
// [a, b): the clause before it is that quotation's, not the next one's.
// Short quoted phrases between belong to the same clause ("Nichols said
// Jeffs had \"corrupted and perverted\" his position ... \"to satisfy ...\"").
func (x *extractor) longQuoteBetween(a, b int) bool {
	for _, q := range x.qspans {
		if q.open >= a && q.open < b && len(strings.Fields(x.text[q.start:q.end])) > 5 {
			return true
		}
	}
	return false
}

// markBetween reports a quotation mark in [a, b).
func (x *extractor) markBetween(a, b int) bool {
	for _, q := range x.qspans {
		if q.open >= a && q.open < b {
			return true
		}
	}
	return false
}

// before reads an attribution before the opening mark: `X said: "..."`,
// `X said, "..."`, `X told Parliament that "..."`, `His exact words:`.
func (x *extractor) before(q quoteSpan) speaker {
	si := x.sentenceAt(q.open)
	if si < 0 {
		return speaker{}
	}
	k := x.tokenAt(si, q.open)
	cs := x.clauses(si)
	for i := len(cs) - 1; i >= 0; i-- {
		c := &cs[i]
		if c.last >= k || c.form == 'M' {
			continue
		}
		if !(c.quoting || c.form == 'A' || c.form == 'P') {
			break
		}
		if x.longQuoteBetween(x.sents[si].toks[c.last].end, q.open) {
			break
		}
		explicit := x.onlyPunct(si, c.last+1, k)
		if !explicit && q.unclosed {
			break // a stray mark inside a sentence ("...html \">carbon"): no partial quotation
		}
		return x.attributed(c, explicit)
	}
	// a headline's "Police: 'Gunman shot three at office party'"
	if toks := x.sents[si].toks; k >= 2 && k <= 6 && toks[k-1].text == ":" {
		if p := x.makePhrase(si, 0, k-1, k-1); p.ok && p.pron == "" && (p.head >= 0 || len(x.namedIn(si, 0, k-1)) > 0) {
			if src, ok := x.resolve(p, "said"); ok {
				return speaker{src: src, ok: true, explicit: true}
			}
		}
	}
	// a line ending in a colon introduces the quotation
	if k == 0 && si > 0 {
		prev := x.sents[si-1].toks
		if n := len(prev); n > 0 && prev[n-1].text == ":" {
			pcs := x.clauses(si - 1)
			if len(pcs) > 0 && pcs[len(pcs)-1].quoting {
				return x.attributed(&pcs[len(pcs)-1], true)
			}
			if n <= 6 && (prev[0].low == "his" || prev[0].low == "her") {
				if e := x.focusPerson(si-1, x.sents[si-1].span.Start); e >= 0 {
					return speaker{src: source{text: x.an.Entities[e].Name, entity: e, person: true, named: true}, ok: true, explicit: true}
				}
			}
		}
	}
	return speaker{}
}

// leadIn reads the sentence before a quotation that opens its paragraph
// with no attribution of its own: "..., a Defence Ministry statement said."
// then the quotation.
func (x *extractor) leadIn(q quoteSpan) speaker {
	si := x.sentenceAt(q.open)
	if si <= 0 || x.tokenAt(si, q.open) != 0 {
		return speaker{}
	}
	prev := x.sents[si-1].toks
	cs := x.clauses(si - 1)
	for i := range cs {
		c := &cs[i]
		if c.form != 'S' && c.form != 'V' || !isReporting(prev[c.verb].low) || x.inQuote(prev[c.verb].start) {
			continue
		}
		if c.first == 0 || x.onlyPunct(si-1, c.last+1, len(prev)) {
			return x.attributed(c, false)
		}
	}
	return speaker{}
}

// quotes finds direct quotations and their speakers.
func (x *extractor) quotes() {
	x.readCredits()
	prev := -1 // the last quotation with a speaker
	for n := 0; n < len(x.qspans); n++ {
		q := x.qspans[n]
		if q.end <= q.start {
			continue
		}
		first, last := x.sentenceAt(q.open), x.sentenceAt(q.end-1)
		if first < 0 || last < 0 {
			continue
		}
		words := len(strings.Fields(x.text[q.start:q.end]))
		sp := x.after(q)
		if sp.clause != nil && sp.clause.form == 'A' {
			// 'Jeffs also wrote: "...," according to evidence presented in
			// court': the colon names the speaker, "according to" the document
			if b := x.before(q); b.ok && b.explicit {
				sp = b
			}
		}
		split := -1
		if sp.ok && sp.explicit && sp.clause != nil && n+1 < len(x.qspans) {
			// `"A," Nichols said, "B."`: one quotation around its speaker
			nq := x.qspans[n+1]
			toks := x.sents[sp.clause.si].toks
			if x.sentenceAt(nq.open) == sp.clause.si && !nq.single && !q.single {
				k := x.tokenAt(sp.clause.si, nq.open)
				if x.onlyPunct(sp.clause.si, sp.clause.last+1, k) && k > sp.clause.last && toks[k-1].text == "," {
					split = n + 1
				}
			}
		}
		if !sp.ok && !sp.explicit {
			if b := x.before(q); b.ok || b.explicit {
				sp = b
			}
		}
		min := 2
		if !sp.explicit {
			min = 4
		}
		if p := prev; !sp.ok && !q.single && p >= 0 && first <= x.an.Quotes[p].Last+1 && x.tokenAt(first, q.open) == 0 {
			// a quotation that goes on: `"...," she said. "..."`
			pq := x.an.Quotes[p]
			sp = speaker{src: source{text: pq.Speaker, entity: pq.SpeakerEntity, person: pq.person, named: pq.named}, ok: true}
			min = 3
		}
		if !sp.ok && !sp.explicit && !q.single {
			sp = x.leadIn(q)
		}
		if !sp.ok && !(sp.explicit && words >= 6) || words < min || q.single && !sp.explicit {
			if !sp.ok {
				prev = -1
			}
			continue
		}
		if sp.ok && sp.src.statement && sp.src.entity < 0 && sp.src.text == "" {
			continue
		}
		quote := Quote{
			Speaker: sp.src.text, SpeakerEntity: sp.src.entity,
			Text: x.text[q.start:q.end], Span: crosscheck.Span{Start: q.start, End: q.end},
			First: first, Last: last,
		}
		quote.person, quote.named = sp.ok && sp.src.person, sp.ok && (sp.src.named || sp.src.entity >= 0)
		if !sp.ok {
			quote.Speaker, quote.SpeakerEntity = "", -1
		}
		if split >= 0 {
			nq := x.qspans[split]
			quote.Parts = []crosscheck.Span{quote.Span, {Start: nq.start, End: nq.end}}
			quote.Text = x.text[q.start:nq.end]
			quote.Span.End = nq.end
			if l := x.sentenceAt(nq.end - 1); l > quote.Last {
				quote.Last = l
			}
			n = split
		}
		x.an.Quotes = append(x.an.Quotes, quote)
		prev = len(x.an.Quotes) - 1
		if !sp.ok {
			prev = -1
		}
	}
}

// IsPerson reports a quotation whose speaker is a named person.
func (q Quote) IsPerson() bool { return q.person }

// Named reports a quotation whose speaker is named: a person or an
// organisation, not an unnamed source ("police", "a source close to ...").
func (q Quote) Named() bool { return q.named }

// paraEndAfter is the end of the paragraph that holds off (trailing spaces
// left out).
func paraEndAfter(text string, off int) int {
	k := strings.IndexByte(text[off:], '\n')
	if k < 0 {
		return len(text)
	}
	k += off
	for k > off && (text[k-1] == '\r' || text[k-1] == ' ') {
		k--
	}
	return k
}

// reportingBetween reports a stretch of text that credits a source the
// way reporting does, not a speaker's own words.
func reportingBetween(text string, a, b int) bool {
	if a >= b {
		return false
	}
	t := strings.ToLower(text[a:b])
	for _, w := range []string{"according to ", " said ", " said,", " said.", " reported ", " told ", " says ", " says,"} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}
