package pipeline

import "github.com/crosscheck-news/crosscheck"

// maxPlaceText is how much of an article's text the clusterer reads. The
// headline and the first paragraphs say what a report is about; a text
// far longer than any news report (a book, a log, a dump let in by a
// raised --max-size) would otherwise cost the clusterer some twenty
// times its size in tokens.
const maxPlaceText = 64 << 10

// placeView is the article as the clusterer sees it: a itself, or for a
// long text, a copy cut after the last sentence that ends within
// maxPlaceText, with the sentences and paragraphs that lie in it.
func placeView(a *crosscheck.Article) *crosscheck.Article {
	if len(a.Text) <= maxPlaceText {
		return a
	}
	cut := 0
	for _, s := range a.Sentences {
		if s.End > maxPlaceText {
			break
		}
		cut = s.End
	}
	if cut == 0 {
		// No sentence ends in time: cut at a rune boundary.
		cut = maxPlaceText
		for cut > 0 && !runeStart(a.Text[cut]) {
			cut--
		}
	}
	v := *a
	v.Text = a.Text[:cut]
	v.Sentences = nil
	for _, s := range a.Sentences {
		if s.End <= cut {
			v.Sentences = append(v.Sentences, s)
		}
	}
	v.Paragraphs = nil
	for _, p := range a.Paragraphs {
		if p.Start >= cut {
			break
		}
		p.End = min(p.End, cut)
		v.Paragraphs = append(v.Paragraphs, p)
	}
	return &v
}

func runeStart(b byte) bool { return b&0xc0 != 0x80 }
