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
// Quotes and credits read one set of reporting clauses (clause.go): a verb
// of saying or reporting with the phrase it credits before it ("police
// said"), after it ("said the minister"), or after "according to",
// "citing", "quoted by"; the medium told ("told Reuters"); a participle
// taking the sentence's subject ("..., saying: ..."). Who the phrase
// stands for is resolved in source.go: a named person (with the
// organisations the phrase says they speak for), a named organisation,
// agency or outlet, a body ("Vancouver police"), an unnamed source kept as
// written ("a source with knowledge of the team's thinking"), a statement
// standing for its issuer, "he", "it", "the newspaper", "the source" for
// the ones credited before. Each credit has a kind: agency, outlet,
// official, witness, documents, person or anonymous. Quotation marks are
// paired over the whole text (quote.go): straight or curly, mixed, spaced
// out, over several paragraphs, single marks that open a paragraph; a
// quote takes its speaker from the clause beside it, a split quotation is
// one quote in Parts, a paragraph that goes on takes the speaker before.
// The words are data (data/speech.txt): verbs of saying, reporting and
// witnessing, the nouns that head a credited phrase by kind, agencies and
// outlets.
//
// It is pure and rule-based: general lexicons (titles, countries and their
// adjectives, agencies, speech verbs, number words, given-name nicknames)
// and patterns over tokens, nothing written for one story. Every text it
// returns is a verbatim slice of the article's Text.
//
// It does not compare articles: alignment, corroboration and conflicts
// across the articles of a story are package check's.
package claim
