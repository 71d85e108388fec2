package ingest

import (
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
)

// Thresholds of ICU's detector (confidence 0 to 100) for reading a text
// file that declares nothing and is not UTF-8. A mangled name in a story
// is worse than a refusal, so only a clear winner is taken: on news text
// in windows-1252 or ISO-8859-1 of a paragraph or more, the detector gives
// 65 to 90 with the runner-up 20 or more points behind; on short texts,
// mixed encodings and binary-like bytes, it gives 10 to 30.
const (
	legacyMinBytes      = 64 // shorter texts are refused: too little to tell
	legacyMinConfidence = 50
	legacyMinLead       = 20
)

// decodeLegacyText decodes b, which is not valid UTF-8, when the detector
// is confident of a legacy charset and the decoded text looks like text:
// no C1 control characters and no undecodable bytes. ok is false
// otherwise, and the caller refuses the input.
func decodeLegacyText(b []byte) (out []byte, name string, ok bool) {
	if len(b) < legacyMinBytes {
		return nil, "", false
	}
	rs, err := chardet.NewTextDetector().DetectAll(b)
	if err != nil || len(rs) == 0 || rs[0].Confidence < legacyMinConfidence {
		return nil, "", false
	}
	if len(rs) > 1 && rs[0].Confidence-rs[1].Confidence < legacyMinLead {
		return nil, "", false
	}
	enc, name := charset.Lookup(rs[0].Charset)
	if enc == nil || name == "utf-8" || name == "replacement" || len(name) >= 6 && name[:6] == "utf-16" {
		return nil, "", false
	}
	out, err = enc.NewDecoder().Bytes(b)
	if err != nil || !utf8.Valid(out) {
		return nil, "", false
	}
	for _, r := range string(out) {
		if r == utf8.RuneError || r >= 0x80 && r < 0xa0 {
			return nil, "", false
		}
	}
	return out, name, true
}
