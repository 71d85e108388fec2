package storecore

import (
	"encoding/binary"
	"errors"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// spansVersion is the first byte of an encoded spans blob.
const spansVersion = 1

// EncodeSpans packs paragraphs and sentences into a compact blob: a version
// byte, then uvarint counts and, per span, the signed varint distance from
// the previous span's end to its start and its length (sentences add the
// paragraph index delta). A 3 KB article's spans take some 100 bytes instead
// of 2 KB of JSON, and encoding costs next to nothing. Nil for no spans.
func EncodeSpans(paras []crosscheck.Span, sents []crosscheck.Sentence) []byte {
	if len(paras) == 0 && len(sents) == 0 {
		return nil
	}
	b := make([]byte, 0, 1+2*binary.MaxVarintLen32+len(paras)*3+len(sents)*4)
	b = append(b, spansVersion)
	b = binary.AppendUvarint(b, uint64(len(paras)))
	prev := 0
	for _, p := range paras {
		b = binary.AppendVarint(b, int64(p.Start-prev))
		b = binary.AppendVarint(b, int64(p.End-p.Start))
		prev = p.End
	}
	b = binary.AppendUvarint(b, uint64(len(sents)))
	prev, para := 0, 0
	for _, s := range sents {
		b = binary.AppendVarint(b, int64(s.Start-prev))
		b = binary.AppendVarint(b, int64(s.End-s.Start))
		b = binary.AppendVarint(b, int64(s.Para-para))
		prev, para = s.End, s.Para
	}
	return b
}

var errBadSpans = errors.New("corrupt spans blob")

// DecodeSpans is the inverse of EncodeSpans. It never panics on bad input.
func DecodeSpans(b []byte) ([]crosscheck.Span, []crosscheck.Sentence, error) {
	if len(b) == 0 {
		return nil, nil, nil
	}
	if b[0] != spansVersion {
		return nil, nil, errBadSpans
	}
	d := spanDecoder{b: b[1:]}
	n := d.uvarint()
	if n > uint64(len(d.b)) { // every span takes at least two bytes
		return nil, nil, errBadSpans
	}
	var paras []crosscheck.Span
	if n > 0 {
		paras = make([]crosscheck.Span, n)
	}
	prev := 0
	for i := range paras {
		start := prev + d.varint()
		end := start + d.varint()
		paras[i] = crosscheck.Span{Start: start, End: end}
		prev = end
	}
	n = d.uvarint()
	if n > uint64(len(d.b)) {
		return nil, nil, errBadSpans
	}
	var sents []crosscheck.Sentence
	if n > 0 {
		sents = make([]crosscheck.Sentence, n)
	}
	prev, para := 0, 0
	for i := range sents {
		start := prev + d.varint()
		end := start + d.varint()
		para += d.varint()
		sents[i] = crosscheck.Sentence{Span: crosscheck.Span{Start: start, End: end}, Para: para}
		prev = end
	}
	if d.err || len(d.b) != 0 {
		return nil, nil, errBadSpans
	}
	return paras, sents, nil
}

type spanDecoder struct {
	b   []byte
	err bool
}

func (d *spanDecoder) uvarint() uint64 {
	v, n := binary.Uvarint(d.b)
	if n <= 0 {
		d.err = true
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *spanDecoder) varint() int {
	v, n := binary.Varint(d.b)
	if n <= 0 || v > 1<<40 || v < -(1<<40) {
		d.err = true
		d.b = nil
		return 0
	}
	d.b = d.b[n:]
	return int(v)
}
