package storecore

import (
	"reflect"
	"strings"
	"testing"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

func TestSpansRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		name  string
		paras []crosscheck.Span
		sents []crosscheck.Sentence
	}{
		{"none", nil, nil},
		{"paras only", []crosscheck.Span{{Start: 0, End: 5}, {Start: 7, End: 7}}, nil},
		{"overlapping and backwards", []crosscheck.Span{{Start: 10, End: 20}, {Start: 3, End: 4}},
			[]crosscheck.Sentence{{Span: crosscheck.Span{Start: 10, End: 15}, Para: 0}, {Span: crosscheck.Span{Start: 3, End: 4}, Para: 1}, {Span: crosscheck.Span{Start: 12, End: 300000}, Para: 0}}},
		{"generated", storetest.Corpus(0, 1)[0].Paragraphs, storetest.Corpus(0, 1)[0].Sentences},
	} {
		t.Run(tc.name, func(t *testing.T) {
			b := EncodeSpans(tc.paras, tc.sents)
			paras, sents, err := DecodeSpans(b)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(paras, tc.paras) || !reflect.DeepEqual(sents, tc.sents) {
				t.Errorf("got %v %v, want %v %v", paras, sents, tc.paras, tc.sents)
			}
		})
	}
}

// FuzzDecodeSpans: corrupt blobs give an error, never a panic, and what
// decodes re-encodes to the same spans.
func FuzzDecodeSpans(f *testing.F) {
	a := storetest.Corpus(0, 1)[0]
	f.Add(EncodeSpans(a.Paragraphs, a.Sentences))
	f.Add([]byte{1, 0, 0})
	f.Add([]byte{1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, b []byte) {
		paras, sents, err := DecodeSpans(b)
		if err != nil {
			return
		}
		p2, s2, err := DecodeSpans(EncodeSpans(paras, sents))
		if err != nil || !reflect.DeepEqual(p2, paras) || !reflect.DeepEqual(s2, sents) {
			t.Fatalf("re-encode: %v %v (%v), want %v %v", p2, s2, err, paras, sents)
		}
	})
}

func TestSimilar(t *testing.T) {
	text := strings.Join(storetest.Paragraphs(3, 3, 60), "\n\n")
	words := strings.Fields(text)
	edit := func(every int) string {
		w := append([]string(nil), words...)
		for i := every / 2; i < len(w); i += every {
			w[i] = "zzz"
		}
		return strings.Join(w, " ")
	}
	for _, tc := range []struct {
		name string
		b    string
		want bool
	}{
		{"same", text, true},
		{"punctuation and case", strings.ToUpper(strings.ReplaceAll(text, ".", ";")), true},
		{"one word in 40 changed", edit(40), true},
		{"one word in 5 changed", edit(5), false},
		{"first two thirds", strings.Join(words[:len(words)*2/3], " "), true},
		{"first third", strings.Join(words[:len(words)/3], " "), true},
		{"other text", strings.Join(storetest.Paragraphs(4, 3, 60), " "), false},
		{"short", strings.Join(words[:15], " "), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ok, score := Similar(Shingles(text), Shingles(tc.b))
			if ok != tc.want {
				t.Errorf("similar = %v (Jaccard %.2f), want %v", ok, score, tc.want)
			}
		})
	}
}

func TestContentHash(t *testing.T) {
	a := ContentHash("Hello,  World\n\nÄgypten ")
	for _, s := range []string{"hello, world ägypten", "  HELLO,\tWORLD ÄGYPTEN", "hello,\u00a0world\r\nägypten"} {
		if got := ContentHash(s); got != a {
			t.Errorf("ContentHash(%q) differs", s)
		}
	}
	if ContentHash("hello, world") == a || ContentHash("hello,world ägypten") == a {
		t.Error("different texts hash equal")
	}
}

func TestSearchWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"The U.S. envoy's 9/11 fund", "the u s envoy s 9 11 fund"},
		{"Naïve CAFÉ, Ägypten — São Paulo", "naive cafe agypten sao paulo"},
		{"rock & roll (twice).", "rock roll twice"},
		{"  ", ""},
		{"Москва и Київ", "москва и киів"},
	} {
		if got := strings.Join(SearchWords(tc.in), " "); got != tc.want {
			t.Errorf("SearchWords(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
