// Package story groups articles that report the same real-world event into
// stories, online: each article, as it arrives, joins the most similar
// recent story or opens a new one.
//
// An article is a vector of stemmed terms (snowball English) weighted by
// TF-IDF, with title words, capitalised names and numbers weighted up; a
// story is the sum of its articles' vectors, compared by cosine under the
// current document frequencies, which are built online from the articles
// seen. Time counts: an article is compared only with stories whose event
// dates lie within the window, and similarity falls with the days between
// them. Candidate stories come from an inverted index over the heaviest
// terms of recent stories, so placing one article costs the same however
// many articles came before; stories older than the window are evicted
// from memory and can be exported and imported as opaque state.
//
// The package also resolves an article's event date (EventDate) and scores
// a clustering against a labelled set (Evaluate, Score).
//
// It owns no storage and does no I/O beyond reading a labelled set given
// as an io.Reader: the store keeps stories and their exported state, the
// pipeline calls Place and saves what changed.
package story
