package lang

import (
	"bytes"
	"encoding/gob"
	"fmt"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/jdkato/prose/v2"
)

// model is the averaged perceptron in a compact form: per feature string,
// a run of (class, weight) pairs in one shared slice.
type model struct {
	classes []string
	// tagOf holds the words the training data always tagged one way.
	tagOf map[string]string
	// feat maps a feature to its [lo, hi) run in cls/wt.
	feat map[string][2]int32
	cls  []uint8
	wt   []float32
}

var (
	loadOnce  sync.Once
	loaded    *model
	loadError error
)

// load reads prose's model once.
func load() (*model, error) {
	loadOnce.Do(func() {
		loaded, loadError = readModel()
	})
	return loaded, loadError
}

func readModel() (*model, error) {
	var classes []string
	var tags map[string]string
	var wts map[string]map[string]float64
	for _, a := range []struct {
		name string
		v    any
	}{{"classes", &classes}, {"tags", &tags}, {"weights", &wts}} {
		b, err := prose.Asset("model/AveragedPerceptron/" + a.name + ".gob")
		if err != nil {
			return nil, fmt.Errorf("load tagger model: %w", err)
		}
		if err := gob.NewDecoder(bytes.NewReader(b)).Decode(a.v); err != nil {
			return nil, fmt.Errorf("load tagger model %s: %w", a.name, err)
		}
	}
	if len(classes) > 255 {
		return nil, fmt.Errorf("load tagger model: %d classes", len(classes))
	}
	idx := make(map[string]uint8, len(classes))
	for i, c := range classes {
		idx[c] = uint8(i)
	}
	m := &model{classes: classes, tagOf: tags, feat: make(map[string][2]int32, len(wts))}
	n := 0
	for _, w := range wts {
		n += len(w)
	}
	m.cls = make([]uint8, 0, n)
	m.wt = make([]float32, 0, n)
	for f, w := range wts {
		lo := int32(len(m.cls))
		for c, v := range w {
			ci, ok := idx[c]
			if !ok || v == 0 {
				continue
			}
			m.cls = append(m.cls, ci)
			m.wt = append(m.wt, float32(v))
		}
		m.feat[f] = [2]int32{lo, int32(len(m.cls))}
	}
	return m, nil
}

// Tagger tags words with their Penn Treebank part of speech. The zero
// value is ready to use; it is safe for concurrent use.
type Tagger struct{}

// Tag returns the tags of words, one per word. Words are tokens as the
// Penn Treebank splits them: punctuation apart, "'s" and "n't" apart
// ("Smith", "'s"; "did", "n't"). It fails only when the model cannot be
// read, which is a build defect.
func (Tagger) Tag(words []string) ([]string, error) {
	m, err := load()
	if err != nil {
		return nil, err
	}
	tags := make([]string, len(words))
	m.tag(words, tags)
	return tags, nil
}

// MustTag is Tag for callers that treat a missing model as a bug.
func MustTag(words []string) []string {
	tags, err := Tagger{}.Tag(words)
	if err != nil {
		panic(err)
	}
	return tags
}

// tag fills tags for words, as prose's perceptronTagger.tag does.
func (m *model) tag(words, tags []string) {
	ctx := make([]string, len(words)+4)
	ctx[0], ctx[1] = "-START-", "-START2-"
	for i, w := range words {
		ctx[i+2] = normalize(w)
	}
	ctx[len(ctx)-2], ctx[len(ctx)-1] = "-END-", "-END2-"
	p1, p2 := "-START-", "-START2-"
	scores := make([]float32, len(m.classes))
	touched := make([]bool, len(m.classes))
	var buf []byte
	for i, w := range words {
		var tag string
		switch {
		case w == "-":
			tag = "-"
		case w == "":
			tag = "NN"
		case isLinkLike(w):
			tag = "NN"
		default:
			var ok bool
			if tag, ok = m.tagOf[w]; !ok {
				tag, buf = m.predict(i, ctx, w, p1, p2, scores, touched, buf)
			}
		}
		tags[i] = tag
		p2, p1 = p1, tag
	}
}

// predict scores the features of word i (prose's featurize) and returns
// the best class.
func (m *model) predict(i int, ctx []string, w, p1, p2 string, scores []float32, touched []bool, buf []byte) (string, []byte) {
	for k := range scores {
		scores[k], touched[k] = 0, false
	}
	add := func(parts ...string) {
		buf = buf[:0]
		for k, p := range parts {
			if k > 0 {
				buf = append(buf, ' ')
			}
			buf = append(buf, p...)
		}
		r, ok := m.feat[string(buf)]
		if !ok {
			return
		}
		for e := r[0]; e < r[1]; e++ {
			scores[m.cls[e]] += m.wt[e]
			touched[m.cls[e]] = true
		}
	}
	c := i + 2
	if c > len(ctx)-2 {
		c = len(ctx) - 2
	}
	add("bias")
	add("i suffix", suffix(w))
	add("i pref1", w[:1])
	add("i-1 tag", p1)
	add("i-2 tag", p2)
	add("i tag+i-2 tag", p1, p2)
	add("i word", ctx[c])
	add("i-1 tag+i word", p1, ctx[c])
	add("i-1 word", ctx[c-1])
	add("i-1 suffix", suffix(ctx[c-1]))
	add("i-2 word", ctx[c-2])
	add("i+1 word", ctx[c+1])
	add("i+1 suffix", suffix(ctx[c+1]))
	add("i+2 word", ctx[c+2])
	best, bi := float32(math.Inf(-1)), 0
	for k, s := range scores {
		// prose takes the best of the classes some feature scored
		if touched[k] && s > best {
			best, bi = s, k
		}
	}
	return m.classes[bi], buf
}

// suffix is the last three bytes of w, as prose slices them.
func suffix(w string) string {
	if len(w) > 3 {
		return w[len(w)-3:]
	}
	return w
}

// normalize is prose's word normalisation for context features.
func normalize(w string) string {
	if w == "" {
		return w
	}
	if strings.Contains(w, "-") && w[0] != '-' {
		return "!HYPHEN"
	}
	if len(w) == 4 {
		if _, err := strconv.Atoi(w); err == nil {
			return "!YEAR"
		}
	}
	if w[0] >= '0' && w[0] <= '9' {
		return "!DIGITS"
	}
	return strings.ToLower(w)
}

// isLinkLike reports a web address, e-mail address or handle, which prose
// tags NN before consulting the model.
func isLinkLike(w string) bool {
	return strings.HasPrefix(w, "@") || strings.Contains(w, "://") || strings.HasPrefix(w, "www.") ||
		strings.Contains(w, "@") && strings.Contains(w, ".")
}
