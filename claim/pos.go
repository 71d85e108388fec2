package claim

import (
	"strings"

	"github.com/crosscheck-news/crosscheck/lang"
)

// tagTokens gives each token its part of speech. The tagger reads words
// as the Penn Treebank splits them, so a possessive is two words ("Smith",
// "'s") and a negated auxiliary too ("did", "n't"); the token takes the tag
// of its first word.
func tagTokens(toks []token) {
	if len(toks) == 0 {
		return
	}
	words := make([]string, 0, len(toks)+4)
	first := make([]int, len(toks))
	for i, t := range toks {
		first[i] = len(words)
		switch {
		case t.poss:
			words = append(words, t.name(), "'s")
		case t.kind == 'w' && strings.HasSuffix(t.low, "n't") && len(t.low) > 3:
			words = append(words, t.text[:len(t.text)-3], "n't")
		case t.text == "“" || t.text == "”" || t.text == "„":
			words = append(words, `"`)
		case t.text == "‘" || t.text == "’":
			words = append(words, "'")
		case t.kind == 'n' && t.low != t.text:
			words = append(words, t.low)
		default:
			words = append(words, t.text)
		}
	}
	tags := lang.MustTag(words)
	for i := range toks {
		toks[i].pos = tags[first[i]]
	}
}
