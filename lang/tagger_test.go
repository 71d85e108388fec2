package lang

import (
	"bufio"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/jdkato/prose/v2"
)

const ecbFile = "../../shared/corpora/ecbplus/articles.jsonl"

// ecbTexts returns the first n texts of the ECB+ corpus.
func ecbTexts(tb testing.TB, n int) []string {
	f, err := os.Open(ecbFile)
	if err != nil {
		tb.Skipf("ECB+ corpus is missing (%v)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var out []string
	for sc.Scan() && len(out) < n {
		var r struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		out = append(out, r.Text)
	}
	return out
}

// TestSameAsProse tags real news with prose's own tagger and with ours.
// The model and the features are the same; prose's pipeline disagrees on a
// few percent of the words (a verbatim port of its loop gives our tags, so
// the difference is in its pipeline, not in the model).
func TestSameAsProse(t *testing.T) {
	texts := ecbTexts(t, 40)
	d0, err := prose.NewDocument("Warm up.", prose.WithSegmentation(false), prose.WithExtraction(false))
	if err != nil {
		t.Fatal(err)
	}
	same, total := 0, 0
	for _, text := range texts {
		doc, err := prose.NewDocument(text, prose.WithSegmentation(false), prose.WithExtraction(false), prose.UsingModel(d0.Model))
		if err != nil {
			t.Fatal(err)
		}
		var words, want []string
		for _, tk := range doc.Tokens() {
			words = append(words, tk.Text)
			want = append(want, tk.Tag)
		}
		got := MustTag(words)
		for i := range words {
			if words[i] == "0" || strings.HasPrefix(words[i], "*") || strings.HasPrefix(words[i], ":") {
				continue
			}
			total++
			if got[i] == want[i] {
				same++
			} else if total-same < 10 {
				t.Logf("%q: got %s, prose %s", words[i], got[i], want[i])
			}
		}
	}
	t.Logf("%d of %d words tagged as prose tags them", same, total)
	if float64(same) < 0.95*float64(total) {
		t.Errorf("%d of %d words agree with prose, want 95%%", same, total)
	}
}

func TestTagSentence(t *testing.T) {
	words := strings.Fields("Police said 12 people were injured in the riots .")
	got := MustTag(words)
	want := []string{"", "VBD", "CD", "NNS", "VBD", "VBN", "IN", "DT", "NNS", "."}
	for i := range want {
		if want[i] != "" && got[i] != want[i] {
			t.Errorf("%s: got %s, want %s", words[i], got[i], want[i])
		}
	}
}

func BenchmarkTag(b *testing.B) {
	texts := ecbTexts(b, 200)
	var sents [][]string
	n := 0
	for _, t := range texts {
		w := strings.Fields(t)
		sents = append(sents, w)
		n += len(w)
	}
	MustTag([]string{"warm"})
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, s := range sents {
			MustTag(s)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "words/s")
}

func TestLemma(t *testing.T) {
	for w, want := range map[string]string{"sank": "sink", "sunk": "sink", "flattened": "flatten", "crewmen": "crewman",
		"villages": "village", "struck": "strike", "casualties": "casualty", "Qeshm": "Qeshm"} {
		if got := Lemma(w); got != want {
			t.Errorf("Lemma(%q) = %q, want %q", w, got, want)
		}
	}
}
