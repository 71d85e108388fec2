package storecore

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"unicode"
	"unicode/utf8"
)

// Near-duplicate detection: a wire story republished with small edits (a
// changed headline, a word here and there, a trimmed last paragraph) is the
// same report and must not count as an independent source.
//
// Each article's text becomes a set of word shingles (shingleWords
// consecutive lowercased words, hashed to 64 bits). A MinHash signature of
// LSHBands*lshRows values summarises the set; each band of lshRows values
// is hashed to one key that the store indexes (article_lsh). Two articles that share a key
// are candidates, found by an index lookup whose cost does not grow with
// the store. A candidate is confirmed on the exact shingle sets of both
// texts: Jaccard similarity >= minJaccard, or, for a text that is mostly
// contained in the other (a trimmed or extended copy), containment >=
// minContainment.
//
// With 20 bands of 4 rows the chance that a pair becomes a candidate is
// 1-(1-J^4)^20: 0.9999 at J=0.8, 0.73 at J=0.5, 0.002 at J=0.1.
const (
	shingleWords = 3
	LSHBands     = 20
	lshRows      = 4
	numHashes    = LSHBands * lshRows

	minJaccard     = 0.8
	minContainment = 0.9
	// Short texts share too many shingles by chance (a one-line brief
	// and its follow-up): below these sizes nothing is linked.
	MinShinglesJaccard     = 20
	minShinglesContainment = 50
	// MaxCandidates bounds the confirmations per added article.
	MaxCandidates = 8
)

// ContentHash is the hex SHA-256 of text lowercased with runs of white
// space folded to one space and trimmed: equal hashes are the same content.
func ContentHash(text string) string {
	buf := make([]byte, 0, len(text))
	space, started := false, false
	for _, r := range text {
		if unicode.IsSpace(r) {
			space = started
			continue
		}
		if space {
			buf = append(buf, ' ')
			space = false
		}
		started = true
		if r < utf8.RuneSelf {
			if 'A' <= r && r <= 'Z' {
				r += 'a' - 'A'
			}
			buf = append(buf, byte(r))
			continue
		}
		buf = utf8.AppendRune(buf, unicode.ToLower(r))
	}
	sum := sha256.Sum256(buf)
	return hex.EncodeToString(sum[:])
}

// Shingles returns the sorted, distinct hashes of the text's word shingles.
// Words are runs of letters and digits, lowercased; everything else
// separates them, so punctuation and spacing edits do not matter.
func Shingles(text string) []uint64 {
	words := make([]uint64, 0, len(text)/6)
	var h uint64
	in := false
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if !in {
				h = fnvOffset
				in = true
			}
			r = unicode.ToLower(r)
			h = (h ^ uint64(r)) * fnvPrime
			continue
		}
		if in {
			words = append(words, h)
			in = false
		}
	}
	if in {
		words = append(words, h)
	}
	if len(words) < shingleWords {
		return nil
	}
	out := make([]uint64, 0, len(words)-shingleWords+1)
	for i := 0; i+shingleWords <= len(words); i++ {
		var s uint64
		for _, w := range words[i : i+shingleWords] {
			s = mix64(s*fnvPrime ^ w)
		}
		out = append(out, s)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// mix64 is the splitmix64 finaliser: a fast bijective hash of a 64-bit value.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}

// hashParams are the fixed multipliers and addends of the MinHash
// functions h_i(x) = a_i*x + b_i (mod 2^64), a multiply-add family over
// shingle hashes that are already well mixed: one multiplication per
// shingle and function. They must never change: stored band keys depend
// on them.
var hashParams = func() (p [numHashes][2]uint64) {
	x := uint64(0x9e3779b97f4a7c15)
	for i := range p {
		x += 0x9e3779b97f4a7c15
		p[i][0] = mix64(x) | 1 // odd: a bijection
		x += 0x9e3779b97f4a7c15
		p[i][1] = mix64(x)
	}
	return p
}()

// BandKeys returns the LSH keys of a shingle set: one per band, the hash of
// the band's number and its MinHash values. Nil for an empty set.
func BandKeys(sh []uint64) []int64 {
	if len(sh) == 0 {
		return nil
	}
	var sig [numHashes]uint64
	for i := range sig {
		sig[i] = ^uint64(0)
	}
	for i, p := range hashParams {
		m := sig[i]
		for _, s := range sh {
			if v := p[0]*s + p[1]; v < m {
				m = v
			}
		}
		sig[i] = m
	}
	keys := make([]int64, LSHBands)
	for b := range keys {
		k := mix64(uint64(b) + 1)
		for _, v := range sig[b*lshRows : (b+1)*lshRows] {
			k = mix64(k*fnvPrime ^ v)
		}
		keys[b] = int64(k)
	}
	return keys
}

// Similar reports whether two shingle sets are near duplicates, and a score
// to choose between several (higher is more similar).
func Similar(a, b []uint64) (bool, float64) {
	small := min(len(a), len(b))
	if small < MinShinglesJaccard {
		return false, 0
	}
	inter := 0
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	jac := float64(inter) / float64(len(a)+len(b)-inter)
	if jac >= minJaccard {
		return true, jac
	}
	if small >= minShinglesContainment && float64(inter)/float64(small) >= minContainment {
		return true, jac
	}
	return false, jac
}
