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
	open, close int // offsets of the marks
	start, end  int // the words inside, trimmed
	// unclosed: the quote runs to the end of its paragraph and goes on in
	// the next (news style: no closing mark between quoted paragraphs)
	unclosed bool
}

// findQuotes returns the quoted stretches of text, never across paragraphs.
func findQuotes(text string) []quoteSpan {
	var out []quoteSpan
	open := -1
	straight := false
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' && i+1 < len(text) && text[i+1] == '\n':
			if open >= 0 && !straight {
				out = append(out, quoteSpan{open: open, close: i, unclosed: true})
			}
			open = -1
		case r == '“':
			open, straight = i, false
		case r == '”' && open >= 0 && !straight:
			out = append(out, quoteSpan{open: open, close: i})
			open = -1
		case r == '"':
			if open >= 0 && straight {
				out = append(out, quoteSpan{open: open, close: i})
				open = -1
			} else {
				open, straight = i, true
			}
		}
		i += n
	}
	for k := range out {
		q := &out[k]
		_, n := utf8.DecodeRuneInString(text[q.open:])
		s, e := q.open+n, q.close
		for s < e {
			r, n := utf8.DecodeRuneInString(text[s:e])
			if !unicode.IsSpace(r) {
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

// quotes finds direct quotations and their speakers.
func (x *extractor) quotes() {
	type found struct {
		q       quoteSpan
		speaker int
		first   int
		last    int
	}
	var prev *found
	for _, q := range x.qspans {
		if q.end <= q.start {
			continue
		}
		words := len(strings.Fields(x.text[q.start:q.end]))
		first, last := x.sentenceAt(q.open), x.sentenceAt(q.end-1)
		if first < 0 || last < 0 {
			continue
		}
		f := found{q: q, speaker: -1, first: first, last: last}
		explicit := false
		// after the closing mark: “...,” Macron said / said Macron / he said
		ls := x.an.Sentences[last]
		if c := x.sentenceAt(q.close); c > last {
			ls = x.an.Sentences[c]
		}
		after := ""
		if q.close < ls.End && !q.unclosed {
			after = x.text[q.close:ls.End]
		}
		if k := strings.IndexAny(after, "“\""); k > 0 {
			after = after[:k]
		}
		afterStart := q.close
		toks := tokenize(x.text, afterStart, afterStart+len(after), nil)
		verb := -1
		for i, t := range toks {
			if i > 8 {
				break
			}
			if speechVerbs[t.low] {
				verb = i
				break
			}
		}
		if verb >= 0 {
			explicit = true
			var ms []Mention
			if verb > 0 {
				ms = x.mentionsIn(toks[0].start, toks[verb].start)
			}
			if len(ms) > 0 {
				f.speaker = ms[len(ms)-1].Entity
			} else if verb > 0 && (toks[verb-1].low == "he" || toks[verb-1].low == "she") {
				f.speaker = x.lastPerson(q.open)
			} else if verb+1 < len(toks) {
				end := toks[len(toks)-1].end
				if verb+6 < len(toks) {
					end = toks[verb+6].end
				}
				if ms := x.mentionsIn(toks[verb+1].start, end); len(ms) > 0 {
					f.speaker = ms[0].Entity
				} else if toks[verb+1].low == "he" || toks[verb+1].low == "she" {
					f.speaker = x.lastPerson(q.open)
				}
			}
		}
		// before the opening mark: Macron said: “...”
		if f.speaker < 0 {
			fs := x.an.Sentences[first]
			if q.open > fs.Start && q.open <= fs.End {
				btoks := tokenize(x.text, fs.Start, q.open, nil)
				hasVerb := false
				for _, t := range btoks {
					if speechVerbs[t.low] {
						hasVerb = true
					}
				}
				if n := len(btoks); n > 0 && (btoks[n-1].text == ":" || btoks[n-1].low == "that") {
					hasVerb = true
				}
				if hasVerb {
					explicit = true
					ms := x.mentionsIn(fs.Start, q.open)
					for _, m := range ms {
						if x.an.Entities[m.Entity].Kind == crosscheck.KindPerson {
							f.speaker = m.Entity
							break
						}
					}
					if f.speaker < 0 && len(ms) > 0 {
						f.speaker = ms[0].Entity
					}
					if f.speaker < 0 && len(btoks) > 0 && (btoks[0].low == "he" || btoks[0].low == "she") {
						f.speaker = x.lastPerson(q.open)
					}
				}
			}
		}
		// a quote continuing the previous one: “...,” she said. “...”
		if f.speaker < 0 && !explicit && prev != nil && prev.speaker >= 0 && first <= prev.last+1 &&
			(x.an.Sentences[first].Para == x.an.Sentences[prev.last].Para || prev.q.unclosed) &&
			strings.TrimSpace(x.text[x.an.Sentences[first].Start:q.open]) == "" {
			f.speaker = prev.speaker
		}
		if f.speaker < 0 && !(explicit && words >= 6) || words < 4 {
			prev = nil
			if f.speaker >= 0 {
				prev = &f
			}
			continue
		}
		name := ""
		if f.speaker >= 0 {
			name = x.an.Entities[f.speaker].Name
		}
		x.an.Quotes = append(x.an.Quotes, Quote{
			Speaker: name, SpeakerEntity: f.speaker,
			Text: x.text[q.start:q.end], Span: crosscheck.Span{Start: q.start, End: q.end},
			First: first, Last: last,
		})
		ff := f
		prev = &ff
	}
}
