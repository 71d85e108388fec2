// Package claim reads what one article states: the people, organisations
// and places it names (aliases and roles merged), the facts it reports as
// sentences with normalised values (numbers with units, durations, counts,
// money, percentages, dates and clock times resolved against the article's
// date) and the frame of each value (governing verb, preposition, subject),
// the direct quotations with their speakers ("he said" resolved, quotes
// that run over several sentences), and the sources it credits (agencies,
// outlets, officials, unnamed sources).
//
// It is pure and rule-based: general lexicons (titles, countries and their
// adjectives, agencies, speech verbs, number words, given-name nicknames)
// and patterns over tokens, nothing written for one story. Every text it
// returns is a verbatim slice of the article's Text.
//
// It does not compare articles: alignment, corroboration and conflicts
// across the articles of a story are package check's.
package claim
