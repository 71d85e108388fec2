package postgres

import (
	"strconv"
	"strings"
	"sync"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/kljensen/snowball/english"
)

// The search vector of an article is made here rather than by the
// server's to_tsvector: the words are split, lowercased and stripped of
// accents by storecore.SearchWords, as the SQLite store's tokenizer does,
// and stemmed with the English Snowball stemmer, the algorithm of the
// server's english dictionary (and of the crosscheck text search
// configuration the headlines use). The server then only reads the
// vector: to_tsvector took 0.8 ms an article, two thirds of the cost of
// adding one.

// Limits of PostgreSQL's tsvector.
const (
	maxPos       = 16383   // later words share the last position
	maxPositions = 255     // positions kept per lexeme
	maxLexeme    = 2046    // bytes; longer words are not indexed
	maxVector    = 900_000 // bytes of the literal, under the 1 MB cap
)

// stems caches the stem of each word seen: news vocabulary repeats, and
// stemming is ten times slower than looking the stem up.
var stems struct {
	sync.RWMutex
	m map[string]string
}

// stem returns the English Snowball stem of a lowercased word.
func stem(w string) string {
	stems.RLock()
	s, ok := stems.m[w]
	stems.RUnlock()
	if ok {
		return s
	}
	s = english.Stem(w, true)
	stems.Lock()
	if stems.m == nil || len(stems.m) > 200_000 {
		stems.m = make(map[string]string, 1024) // bounded: start over
	}
	stems.m[w] = s
	stems.Unlock()
	return s
}

// searchVector returns the tsvector literal of an article: the title's
// lexemes weighted A at positions 1..n, the text's after them (weight D,
// the default), as setweight(to_tsvector(title), 'A') ||
// to_tsvector(text) would make them.
func searchVector(title, text string) string {
	type entry struct {
		pos    []int
		weight []bool // title position
	}
	var order []string
	lex := map[string]*entry{}
	pos := 0
	size := 0
	add := func(words []string, isTitle bool) {
		for _, w := range words {
			if len(w) > maxLexeme {
				continue
			}
			pos = min(pos+1, maxPos)
			s := stem(w)
			e := lex[s]
			if e == nil {
				if size+len(s)+8 > maxVector {
					continue
				}
				e = &entry{}
				lex[s] = e
				order = append(order, s)
				size += len(s) + 3
			}
			if n := len(e.pos); n >= maxPositions || n > 0 && e.pos[n-1] == pos {
				continue
			}
			e.pos = append(e.pos, pos)
			e.weight = append(e.weight, isTitle)
			size += 7
		}
	}
	add(storecore.SearchWords(title), true)
	add(storecore.SearchWords(text), false)
	var b strings.Builder
	b.Grow(size)
	for i, s := range order {
		if i > 0 {
			b.WriteByte(' ')
		}
		// Lexemes are letters and digits only: no quote to escape.
		b.WriteByte('\'')
		b.WriteString(s)
		b.WriteString("':")
		e := lex[s]
		for j, p := range e.pos {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(p))
			if e.weight[j] {
				b.WriteByte('A')
			}
		}
	}
	return b.String()
}

// searchVectors returns the search vectors of a batch, made on every core.
func searchVectors(as []*crosscheck.Article) []string {
	out := make([]string, len(as))
	storecore.ForEach(len(as), func(i int) { out[i] = searchVector(as[i].Title, as[i].Text) })
	return out
}

// queryLexemes returns the lexemes of a query term, as searchVector
// makes them.
func queryLexemes(term string) []string {
	words := storecore.SearchWords(term)
	out := make([]string, 0, len(words))
	for _, w := range words {
		if len(w) <= maxLexeme {
			out = append(out, stem(w))
		}
	}
	return out
}
