// Package claim reads what one article states: the people, organisations
// and places it names (aliases and roles merged), the facts it reports as
// sentences with normalised values (numbers with units, durations, counts,
// money, percentages, dates and clock times resolved against the article's
// date) and the frame of each value (governing verb, preposition, subject),
// the direct quotations with their speakers ("he said" resolved, quotes
// that run over several sentences), and the sources it credits (agencies,
// outlets, officials, unnamed sources). A sentence of reported speech ("X
// said (that) the ship had passed") states its clause: subject, verb and
// negation are the clause's. Counts stated as the whole of a set ("all 214
// passengers", "carrying 214 passengers", "214 passengers on board") are
// marked Total; clock times keep their zone apart from local times.
//
// Entity kinds rest on cues: a title, a role or a common given name makes
// a person; an organisation head word (Ministry, Guard, Board, Lines) an
// organisation; "in X" a place; a name after "the" or a craft noun ("the
// ferry Selje Star") is no person. A lone capitalised word that starts a
// sentence and is never capitalised inside one is taken for a common word
// ("Water entered ...", "Eleven people ...").
//
// It is pure and rule-based: general lexicons (titles, countries and their
// adjectives, agencies, speech verbs, number words, given-name nicknames)
// and patterns over tokens, nothing written for one story. Every text it
// returns is a verbatim slice of the article's Text.
//
// It does not compare articles: alignment, corroboration and conflicts
// across the articles of a story are package check's.
package claim
