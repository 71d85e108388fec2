package story

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// stateVersion is the JSON state's version, which Import still reads:
// stores saved by earlier versions hold it. Export writes the binary
// state (see appendState).
const stateVersion = 1

// wireState is the exported state of one story. Terms are spelled out:
// term numbers are local to one clusterer.
type wireState struct {
	V        int       `json:"v"`
	ID       string    `json:"id"`
	N        int       `json:"n"`
	NVec     int       `json:"nvec"`
	Shorts   int       `json:"shorts,omitempty"`
	Within   float64   `json:"within"`
	Anchored int       `json:"anchored"`
	First    *int32    `json:"first,omitempty"`
	Last     *int32    `json:"last,omitempty"`
	Touch    *int32    `json:"touch,omitempty"`
	Days     []int32   `json:"days,omitempty"`
	DayW     []float64 `json:"day_w,omitempty"`
	Titles   []string  `json:"titles,omitempty"`
	Ents     []string  `json:"ents,omitempty"`
	EntN     []int     `json:"ent_n,omitempty"`
	Places   []string  `json:"places,omitempty"`
	PlaceN   []int     `json:"place_n,omitempty"`
	Outlets  []string  `json:"outlets,omitempty"`
	Members  []string  `json:"members,omitempty"`
	Created  time.Time `json:"created,omitzero"`
	Updated  time.Time `json:"updated,omitzero"`
	Terms    []string  `json:"terms"`
	Weights  []float32 `json:"w"`
	TermDocs []uint16  `json:"docs"`
}

func dayPtr(d day) *int32 {
	if d == noDay {
		return nil
	}
	v := int32(d)
	return &v
}

func ptrDay(p *int32) day {
	if p == nil {
		return noDay
	}
	return day(*p)
}

// Export returns the state of a story the clusterer holds, for the store
// to keep (StoryService.SaveStoryState) and Import to restore. The bytes
// are opaque to callers.
func (c *Clusterer) Export(id string) ([]byte, error) {
	s := c.byID[id]
	if s == nil {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "story %s is not held by the clusterer", id)
	}
	w := wireState{
		V: stateVersion, ID: s.id, N: s.n, NVec: s.nvec, Shorts: s.shorts, Within: s.within, Anchored: s.anchored,
		First: dayPtr(s.first), Last: dayPtr(s.last), Touch: dayPtr(s.touch),
		Titles: s.titles, Outlets: s.outlets, Members: s.members,
		Created: s.created, Updated: s.updated,
	}
	days := make([]day, 0, len(s.dates))
	for d := range s.dates {
		days = append(days, d)
	}
	slices.Sort(days)
	for _, d := range days {
		w.Days = append(w.Days, int32(d))
		w.DayW = append(w.DayW, s.dates[d])
	}
	for _, e := range s.ents {
		w.Ents = append(w.Ents, e.name)
		w.EntN = append(w.EntN, e.n)
	}
	for _, e := range s.places {
		w.Places = append(w.Places, e.name)
		w.PlaceN = append(w.PlaceN, e.n)
	}
	w.Terms = make([]string, len(s.terms))
	w.Weights = make([]float32, len(s.terms))
	w.TermDocs = make([]uint16, len(s.terms))
	for i, t := range s.terms {
		w.Terms[i] = c.names[t.id]
		w.Weights[i] = t.w
		w.TermDocs[i] = t.docs
	}
	b, err := appendState(nil, &w)
	if err != nil {
		return nil, fmt.Errorf("export story %s: %w", id, err)
	}
	return b, nil
}

// Import restores a story saved by Export, as the newest story held, and
// adds its articles to the document-frequency statistics. Import stories
// oldest first (as StoryService.StoryStates yields them), on startup,
// before placing articles. Importing a story already held replaces nothing
// and returns nil.
func (c *Clusterer) Import(id string, state []byte) error {
	var w wireState
	if len(state) > 0 && state[0] == binaryState {
		if err := readState(state, &w); err != nil {
			return fmt.Errorf("import story %s: %w", id, err)
		}
	} else {
		if err := json.Unmarshal(state, &w); err != nil {
			return fmt.Errorf("import story %s: %w", id, err)
		}
		if w.V != stateVersion {
			return fmt.Errorf("import story %s: state version %d, want %d", id, w.V, stateVersion)
		}
	}
	if len(w.Weights) != len(w.Terms) || len(w.TermDocs) != len(w.Terms) || len(w.DayW) != len(w.Days) ||
		len(w.EntN) != len(w.Ents) || len(w.PlaceN) != len(w.Places) {
		return fmt.Errorf("import story %s: inconsistent state", id)
	}
	if c.byID[id] != nil {
		return nil
	}
	seq := c.nextSeq
	c.nextSeq++
	s := &story{
		id: id, seq: seq, n: w.N, nvec: w.NVec, shorts: w.Shorts, within: w.Within, anchored: w.Anchored,
		first: ptrDay(w.First), last: ptrDay(w.Last), touch: ptrDay(w.Touch),
		dates: map[day]float64{}, titles: w.Titles, outlets: w.Outlets, members: w.Members,
		created: w.Created, updated: w.Updated,
	}
	for i, d := range w.Days {
		s.dates[day(d)] = w.DayW[i]
	}
	for i, e := range w.Ents {
		s.ents = append(s.ents, count{e, w.EntN[i]})
	}
	for i, e := range w.Places {
		s.places = append(s.places, count{e, w.PlaceN[i]})
	}
	s.terms = make([]tw, len(w.Terms))
	for i, t := range w.Terms {
		tid := c.termID(t)
		s.terms[i] = tw{id: tid, w: w.Weights[i], docs: w.TermDocs[i]}
		c.df[tid] += float32(w.TermDocs[i])
	}
	c.nDocs += float64(w.NVec)
	c.gen++
	slices.SortFunc(s.terms, func(x, y tw) int { return int(x.id) - int(y.id) })
	c.stories[seq] = s
	c.hold(s)
	c.byID[id] = s
	for _, m := range s.members {
		c.placed[m] = s
	}
	if s.touch != noDay && (c.clock == noDay || s.touch > c.clock) {
		c.clock = s.touch
	}
	c.post(s)
	return nil
}
