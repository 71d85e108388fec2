package story

import (
	"encoding/binary"
	"errors"
	"math"
	"time"
)

// The binary state. A writer exports the state of every story a batch
// touched, and with several writers each imports the others' at every
// placement, under the placement lock: decoding the JSON state was most
// of an import's time. The binary state holds the same fields as
// wireState, in its order: integers as varints, floats as their bits,
// strings and lists with their lengths first, times in their own binary
// form (zone included). It begins with binaryState, which no JSON state
// does.
const binaryState = 2

// appendState appends w's binary state to b.
func appendState(b []byte, w *wireState) ([]byte, error) {
	b = append(b, binaryState)
	b = appendString(b, w.ID)
	for _, v := range []int{w.N, w.NVec, w.Shorts, w.Anchored} {
		b = binary.AppendVarint(b, int64(v))
	}
	b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w.Within))
	for _, d := range []*int32{w.First, w.Last, w.Touch} {
		if d == nil {
			b = append(b, 0)
			continue
		}
		b = append(b, 1)
		b = binary.AppendVarint(b, int64(*d))
	}
	b = binary.AppendUvarint(b, uint64(len(w.Days)))
	for i, d := range w.Days {
		b = binary.AppendVarint(b, int64(d))
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(w.DayW[i]))
	}
	b = appendStrings(b, w.Titles)
	b = appendCounts(b, w.Ents, w.EntN)
	b = appendCounts(b, w.Places, w.PlaceN)
	b = appendStrings(b, w.Outlets)
	b = appendStrings(b, w.Members)
	for _, t := range []time.Time{w.Created, w.Updated} {
		tb, err := t.MarshalBinary()
		if err != nil {
			return nil, err
		}
		b = appendString(b, string(tb))
	}
	b = binary.AppendUvarint(b, uint64(len(w.Terms)))
	for i, t := range w.Terms {
		b = appendString(b, t)
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w.Weights[i]))
		b = binary.AppendUvarint(b, uint64(w.TermDocs[i]))
	}
	return b, nil
}

func appendString(b []byte, s string) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

func appendStrings(b []byte, l []string) []byte {
	b = binary.AppendUvarint(b, uint64(len(l)))
	for _, s := range l {
		b = appendString(b, s)
	}
	return b
}

func appendCounts(b []byte, names []string, ns []int) []byte {
	b = binary.AppendUvarint(b, uint64(len(names)))
	for i, s := range names {
		b = appendString(b, s)
		b = binary.AppendVarint(b, int64(ns[i]))
	}
	return b
}

var errState = errors.New("broken state")

// stateReader reads a binary state; the first failure sticks, and every
// read after it gives zero values.
type stateReader struct {
	b   []byte
	err error
}

func (r *stateReader) fail() {
	if r.err == nil {
		r.err = errState
	}
	r.b = nil
}

func (r *stateReader) varint() int64 {
	v, n := binary.Varint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *stateReader) uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

// count reads a length, which cannot exceed the bytes left: a broken
// state must not make Import allocate more than it holds.
func (r *stateReader) count() int {
	v := r.uvarint()
	if v > uint64(len(r.b)) {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *stateReader) int() int {
	v := r.varint()
	if v < math.MinInt32 || v > math.MaxInt32 {
		r.fail()
		return 0
	}
	return int(v)
}

func (r *stateReader) day() *int32 {
	if len(r.b) == 0 {
		r.fail()
		return nil
	}
	has := r.b[0]
	r.b = r.b[1:]
	if has == 0 {
		return nil
	}
	d := int32(r.int())
	return &d
}

func (r *stateReader) bits(n int) uint64 {
	if len(r.b) < n {
		r.fail()
		return 0
	}
	var v uint64
	if n == 8 {
		v = binary.LittleEndian.Uint64(r.b)
	} else {
		v = uint64(binary.LittleEndian.Uint32(r.b))
	}
	r.b = r.b[n:]
	return v
}

func (r *stateReader) string() string {
	n := r.count()
	if r.err != nil || len(r.b) < n {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

func (r *stateReader) strings() []string {
	n := r.count()
	if n == 0 {
		return nil
	}
	l := make([]string, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		l = append(l, r.string())
	}
	return l
}

func (r *stateReader) counts() ([]string, []int) {
	n := r.count()
	if n == 0 {
		return nil, nil
	}
	names, ns := make([]string, 0, n), make([]int, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		names = append(names, r.string())
		ns = append(ns, r.int())
	}
	return names, ns
}

func (r *stateReader) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary([]byte(r.string())); err != nil {
		r.fail()
	}
	return t
}

// readState decodes a binary state into w.
func readState(b []byte, w *wireState) error {
	r := &stateReader{b: b[1:]}
	w.V = stateVersion
	w.ID = r.string()
	w.N, w.NVec, w.Shorts, w.Anchored = r.int(), r.int(), r.int(), r.int()
	w.Within = math.Float64frombits(r.bits(8))
	w.First, w.Last, w.Touch = r.day(), r.day(), r.day()
	if n := r.count(); n > 0 {
		w.Days, w.DayW = make([]int32, 0, n), make([]float64, 0, n)
		for i := 0; i < n && r.err == nil; i++ {
			w.Days = append(w.Days, int32(r.int()))
			w.DayW = append(w.DayW, math.Float64frombits(r.bits(8)))
		}
	}
	w.Titles = r.strings()
	w.Ents, w.EntN = r.counts()
	w.Places, w.PlaceN = r.counts()
	w.Outlets = r.strings()
	w.Members = r.strings()
	w.Created, w.Updated = r.time(), r.time()
	n := r.count()
	w.Terms, w.Weights, w.TermDocs = make([]string, 0, n), make([]float32, 0, n), make([]uint16, 0, n)
	for i := 0; i < n && r.err == nil; i++ {
		w.Terms = append(w.Terms, r.string())
		w.Weights = append(w.Weights, math.Float32frombits(uint32(r.bits(4))))
		docs := r.uvarint()
		if docs > math.MaxUint16 {
			r.fail()
		}
		w.TermDocs = append(w.TermDocs, uint16(docs))
	}
	if r.err != nil {
		return r.err
	}
	if len(r.b) != 0 {
		return errState
	}
	return nil
}
