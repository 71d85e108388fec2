package story

import (
	"os"
	"testing"
)

const ecbPath = "../../shared/corpora/ecbplus/articles.jsonl"

func TestEvaluateECBPlus(t *testing.T) {
	f, err := os.Open(ecbPath)
	if err != nil {
		t.Skipf("ECB+ corpus missing: %v", err)
	}
	defer f.Close()
	s, err := Evaluate(t.Context(), f, Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("ECB+:\n%s", s)
	if s.BCubedF1 < 0.90 {
		t.Errorf("B-cubed F1 = %.3f, want >= 0.90", s.BCubedF1)
	}
}
