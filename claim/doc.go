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
// Names are read as the text writes them, every name a verbatim slice:
// initials ("John W. Henry", "U. S. Geological Survey", "M/S Columbus"),
// company suffixes with their period ("Hewlett - Packard Co."), hyphens a
// detokenised text writes apart, "of" and "and" inside organisations'
// names ("Meteorology and Geophysics Agency"), a number that names
// ("SEA-ME-WE 4"), street addresses ("40 East 5th Ave."), and an acronym
// defined in brackets ("Agency (BMG)") as the name's alias.
//
// Entity kinds rest on cues, and Entity.Evidence says how strong: a title,
// a role, a known given name, initials, an age or "who" after the name make
// a person; a head word an organisation (Ministry, Guard, Ltd., Telecom) or
// a place (Street, Province, Heights), as does the gazetteer (countries,
// capitals, US states, regions, large cities) and a name a known place
// opens (the "New York Yankees" are an organisation); "in X", "near X",
// "south - west of X" and a list with a place give a place, but not
// "interest in Teixeira"; a name after "the", a craft noun or a ship's
// prefix ("MV Gibe") is no person, nor is a product word ("OpenWorld"). A
// lone capitalised word that starts a sentence and is never capitalised
// inside one is taken for a common word ("Water entered ...", "Eleven
// people ..."), unless it is a known given name ("Maddie was ...").
//
// Names.go holds the predicates package check merges a story's entities
// with: SameForm, SpellingVariant, AcronymTypo, Abbreviates, ShortForm,
// Elides, AfterPlace, Tail, SameWords, GivenVariant and SurnameVariant,
// each with a table of real name pairs that must and must not match.
//
// It is pure and rule-based: general lexicons (titles, countries and their
// adjectives, agencies, speech verbs, number words, given-name nicknames)
// and patterns over tokens, nothing written for one story. Every text it
// returns is a verbatim slice of the article's Text.
//
// It does not compare articles: alignment, corroboration and conflicts
// across the articles of a story are package check's.
package claim
