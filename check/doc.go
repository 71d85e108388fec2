// Package check cross-checks the articles of one story. Analyze extracts
// what each article states (package claim), merges entities across articles
// (entity.go: exact keys first, then rules for acronyms, nicknames and
// transliterated given names, one-letter and particle surnames, name runs
// of Arabic names, misspelled surnames and lone given names, short forms,
// company suffixes and word forms, spelling variants; each joins a group
// only to its one match, kinds agreeing, spellings never both in one
// article unless one is rare there), aligns the sentences that state the same fact
// (weighted overlap of entities, values and rare words, blocked through an
// inverted index and merged with complete linkage so groups never chain),
// and reports:
//
//   - claims: corroborated (two or more outlets), single-source or disputed,
//     with the number of independent outlets: outlets crediting the same
//     agency or outlet, near duplicates and word-for-word copies count once;
//   - conflicts of values (same kind and unit, same governing verb and
//     prepositions, same subject and object, same event: shared context, no
//     different dates or towns; ranges that cannot both be true, exact
//     figures given 5% and hedged ones 25%, clock times five minutes, half
//     an hour for a whole hour; synonym verbs and craft nouns fold, "the
//     reef" meets "the Norra reef", route ends are no event's town), of
//     counts of a whole set whatever their verb ("all 241 passengers" /
//     "carrying 214 passengers"), of names (two people said to lead the
//     same thing), of ministerial roles, and of negation (attended / did
//     not attend or failed to attend, "X said the ship had passed" / "did
//     not pass"); values in lists, parts of a figure ("including"),
//     separate events ("a separate meeting") and modal statements never
//     conflict, nor do values an outlet gives both of;
//   - quotes grouped across outlets by speaker (one person whatever the
//     titles and short forms outlets give) and shared five-word runs (half
//     of them, or a stretch of seven words, never a shared name alone),
//     with every wording; a quote whose outlet names no speaker takes the
//     speaker another outlet gives;
//   - the sources the articles credit, grouped (quote.go, attribution.go:
//     one entity, one source written alike, a bare "police" with the
//     story's "Vancouver police", "a navy spokesman" with the one person
//     so called), with their kind; independence reads the same grouping;
//   - per-outlet coverage (exclusive and
//     omitted claims), a timeline of dated facts, the story's event date
//     (the day most articles date their facts to) and a brief made only of
//     source sentences, conflicts shown side by side.
//
// Precision comes first: when a rule is unsure, no conflict is reported.
// Every sentence it returns is a verbatim slice of its article's Text.
//
// It is pure: no I/O, no store, no network; claim extraction runs on all
// cores.
package check
