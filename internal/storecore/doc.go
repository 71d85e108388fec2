// Package storecore holds the rules that every crosscheck store follows
// the same way, whatever database it runs on, so that an article gets the
// same ID, the same duplicate links and the same search results in the
// embedded SQLite store and in PostgreSQL, and a store copied from one to
// the other means the same thing:
//
//   - what an article must hold to be stored (ValidateArticle);
//   - content identity: the content hash, the ID derived from it, and when
//     the same text is a duplicate or a copy from another outlet
//     (ContentHash, SameOrigin, OriginKey);
//   - near duplicates: word shingles, MinHash band keys and the similarity
//     that confirms a candidate (neardup.go);
//   - the compact encoding of an article's paragraph and sentence spans;
//   - the search query language users type, parsed into terms and
//     operators that each store renders for its own full-text engine;
//   - corrections: their field values, and the rules of applying, undoing
//     and re-applying them (Apply, Undo, Reapply), over the reads and
//     writes a store gives them (StoryTx).
//
// It does no I/O of its own: the sqlite and postgres packages do, the
// corrections' through StoryTx.
package storecore
