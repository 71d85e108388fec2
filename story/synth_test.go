package story

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// synth streams generated articles for benchmarks: events of many topics,
// each reported by a few outlets over a few days, in publication order.
// Articles of one event share names, a place, numbers and topic words;
// the rest is common vocabulary and noise.
type synth struct {
	r       *rand.Rand
	common  []string
	topics  [][]string
	perDay  int
	n       int
	day     time.Time
	pending []*crosscheck.Article
	event   int
}

func newSynth(seed uint64, perDay int) *synth {
	s := &synth{r: rand.New(rand.NewPCG(seed, 99)), perDay: perDay, day: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i := 0; i < 3000; i++ {
		s.common = append(s.common, s.word(false))
	}
	for t := 0; t < 200; t++ {
		var ws []string
		for i := 0; i < 40; i++ {
			ws = append(ws, s.word(false))
		}
		s.topics = append(s.topics, ws)
	}
	return s
}

var syllables = strings.Fields("ka lo mi ra ten vor sul an del pri mo ga zen tu bel ori cas net fal rim sen dor ula pet vin har qua sol ber")

func (s *synth) word(name bool) string {
	n := 2 + s.r.IntN(2)
	var b strings.Builder
	for i := 0; i < n; i++ {
		b.WriteString(syllables[s.r.IntN(len(syllables))])
	}
	w := b.String()
	if name {
		w = strings.ToUpper(w[:1]) + w[1:]
	}
	return w
}

// next returns the next article of the stream.
func (s *synth) next() *crosscheck.Article {
	for len(s.pending) == 0 {
		s.newEvent()
	}
	a := s.pending[0]
	s.pending = s.pending[1:]
	return a
}

func (s *synth) newEvent() {
	s.event++
	topic := s.topics[s.r.IntN(len(s.topics))]
	names := []string{s.word(true) + " " + s.word(true), s.word(true) + " " + s.word(true), s.word(true)}
	place := s.word(true)
	nums := []string{strconv.Itoa(2 + s.r.IntN(500)), strconv.Itoa(1000 + s.r.IntN(90000))}
	reports := 1 + s.r.IntN(7)
	for k := 0; k < reports; k++ {
		s.n++
		if s.n%s.perDay == 0 {
			s.day = s.day.AddDate(0, 0, 1)
		}
		pub := s.day.Add(time.Duration(s.r.IntN(20)) * time.Hour)
		pick := func() string {
			switch x := s.r.IntN(100); {
			case x < 45:
				return s.common[int(float64(len(s.common))*s.r.Float64()*s.r.Float64())]
			case x < 70:
				return topic[s.r.IntN(len(topic))]
			case x < 80:
				return names[s.r.IntN(len(names))]
			case x < 85:
				return "in " + place
			case x < 88:
				return nums[s.r.IntN(len(nums))]
			default:
				return s.word(s.r.IntN(3) == 0)
			}
		}
		var title []string
		for i := 0; i < 7; i++ {
			title = append(title, pick())
		}
		var text strings.Builder
		sents := 6 + s.r.IntN(6)
		for i := 0; i < sents; i++ {
			words := []string{"The"}
			for j := 0; j < 12+s.r.IntN(10); j++ {
				words = append(words, pick())
			}
			if i == 0 {
				words = append(words, "on", pub.Weekday().String())
			}
			text.WriteString(strings.Join(words, " "))
			text.WriteString(".\n")
		}
		s.pending = append(s.pending, &crosscheck.Article{
			ID:        fmt.Sprintf("a%d", s.n),
			Meta:      crosscheck.Meta{Title: strings.Join(title, " "), Outlet: fmt.Sprintf("outlet%d", s.r.IntN(300)), Published: pub},
			Text:      text.String(),
			Sentences: splitSentences(text.String()),
		})
	}
}
