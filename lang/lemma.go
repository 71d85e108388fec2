package lang

import (
	"sync"

	"github.com/aaaton/golem/v4"
	"github.com/aaaton/golem/v4/dicts/en"
)

var (
	lemOnce  sync.Once
	lemmer   *golem.Lemmatizer
	lemError error
)

func lemmatizer() (*golem.Lemmatizer, error) {
	lemOnce.Do(func() {
		lemmer, lemError = golem.New(en.New())
	})
	return lemmer, lemError
}

// Lemma returns the dictionary form of an English word ("sank" -> "sink",
// "crewmen" -> "crewman", "villages" -> "village"), from the lemma
// dictionary github.com/aaaton/golem ships; a word it does not know comes
// back as given. The dictionary is read once, on first use.
func Lemma(w string) string {
	l, err := lemmatizer()
	if err != nil {
		return w
	}
	return l.Lemma(w)
}

// Warm loads the tagger's model and the lemma dictionary in the
// background, so that a program pays for them while it reads its input.
func Warm() {
	go func() { _, _ = load() }()
	go func() { _, _ = lemmatizer() }()
}
