// Package check cross-checks the articles of one story. Analyze extracts
// what each article states (package claim), merges entities across
// articles, aligns the sentences that state the same fact (blocked by shared
// entities, values and rare words, so big stories stay fast), and reports
// which facts are corroborated by two or more outlets, which are
// single-source and which are disputed; how many outlets state a fact on
// their own (outlets crediting the same agency count once); conflicts of
// values, names, roles and negation; quotes grouped across outlets with
// their variant wordings; the sources each article credits; per-outlet
// coverage; a timeline; and a brief made only of source sentences.
//
// Precision comes first: a conflict needs the same kind and unit, the same
// governing verb and preposition, the same subject and ranges that cannot
// both be true; facts marked as a separate event never conflict.
//
// It is pure: no I/O, no store, no network.
package check
