package pipeline

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// Issue 12, failure 7: a large text let in by a raised --max-size cost
// about 30 times its size, most of it in the clusterer's tokens. The
// clusterer now reads the first 64 KiB, cut after a sentence.
func TestPlaceViewCutsLongTexts(t *testing.T) {
	sent := "The mayor said the harbour will reopen on Monday. "
	text := strings.Repeat(sent, 4000) // 200 KB
	a := &crosscheck.Article{ID: "a", Text: text, Paragraphs: []crosscheck.Span{{Start: 0, End: len(text)}}}
	for i := 0; i < len(text); i += len(sent) {
		a.Sentences = append(a.Sentences, crosscheck.Sentence{Span: crosscheck.Span{Start: i, End: i + len(sent) - 1}})
	}
	v := placeView(a)
	if len(v.Text) > maxPlaceText || len(v.Text) < maxPlaceText-len(sent) {
		t.Fatalf("view of %d bytes, want just under %d", len(v.Text), maxPlaceText)
	}
	if !strings.HasSuffix(v.Text, "Monday.") {
		t.Errorf("view not cut after a sentence: %q", v.Text[len(v.Text)-20:])
	}
	for _, s := range v.Sentences {
		if s.End > len(v.Text) {
			t.Fatalf("sentence %v past the view's %d bytes", s.Span, len(v.Text))
		}
	}
	if len(v.Paragraphs) != 1 || v.Paragraphs[0].End != len(v.Text) {
		t.Errorf("paragraphs %v", v.Paragraphs)
	}
	if a.Text != text || len(a.Sentences) != 4000 {
		t.Error("the article itself changed")
	}
	short := &crosscheck.Article{Text: sent}
	if placeView(short) != short {
		t.Error("a short article is copied")
	}
}
