package storetest

import (
	"fmt"
	"math/rand/v2"
	"strings"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// vocabulary is invented filler for generated articles: common enough words
// that unrelated articles share some shingles, as real news does.
var vocabulary = strings.Fields(`the a of to in and on for with by at from said officials
	council minister river bridge harbour festival budget vote election court report police
	water farmers market school hospital storm road rail port mayor governor committee plan
	new old north south east west city region village company workers union strike talks
	agreement price rise fall week month year morning evening night spokesman statement
	according local national foreign trade energy power grid flood fire rescue team members
	three four five seven hundred thousand percent million board meeting approved rejected
	proposal funding project delayed opened closed announced warned expected residents
	visitors lake valley mountain coast island airport station museum library theatre`)

// Paragraphs returns n paragraphs of about words words each, generated
// from seed: the same seed gives the same text.
func Paragraphs(seed uint64, n, words int) []string {
	r := rand.New(rand.NewPCG(seed, seed^0x5eed))
	ps := make([]string, n)
	for i := range ps {
		var b strings.Builder
		sentenceLen := 0
		for w := 0; w < words; w++ {
			word := vocabulary[r.IntN(len(vocabulary))]
			if sentenceLen == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
			} else {
				b.WriteByte(' ')
			}
			b.WriteString(word)
			sentenceLen++
			if sentenceLen > 8 && r.IntN(6) == 0 || w == words-1 {
				b.WriteByte('.')
				if w != words-1 {
					b.WriteByte(' ')
				}
				sentenceLen = 0
			}
		}
		ps[i] = b.String()
	}
	return ps
}

// NewArticle builds an article from paragraphs with its paragraph and
// sentence spans, as extract would (sentences end at ". ").
func NewArticle(source, title, outlet string, paras []string) *crosscheck.Article {
	a := &crosscheck.Article{Source: source, Meta: crosscheck.Meta{Title: title, Outlet: outlet, Language: "en"}}
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		start := b.Len()
		b.WriteString(p)
		a.Paragraphs = append(a.Paragraphs, crosscheck.Span{Start: start, End: b.Len()})
		s := start
		for {
			j := strings.Index(p[s-start:], ". ")
			if j < 0 {
				a.Sentences = append(a.Sentences, crosscheck.Sentence{Span: crosscheck.Span{Start: s, End: start + len(p)}, Para: i})
				break
			}
			end := s + j + 1
			a.Sentences = append(a.Sentences, crosscheck.Sentence{Span: crosscheck.Span{Start: s, End: end}, Para: i})
			s = end + 1
		}
	}
	a.Text = b.String()
	return a
}

// Corpus returns n distinct generated articles of about 3 KB of text (six
// paragraphs of 80 words), spread over a few outlets, numbered from first.
func Corpus(first, n int) []*crosscheck.Article {
	outlets := []string{"Harbour Gazette", "Valley Times", "North Wire", "Coast Radio"}
	as := make([]*crosscheck.Article, n)
	for i := range as {
		k := first + i
		as[i] = NewArticle(fmt.Sprintf("gen/%d.txt", k), fmt.Sprintf("Generated report %d", k),
			outlets[k%len(outlets)], Paragraphs(uint64(k)+1, 6, 80))
	}
	return as
}
