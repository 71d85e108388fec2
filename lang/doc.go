// Package lang holds the language components the analysis stages share:
// a part-of-speech tagger for English. It owns no rules about news; it
// gives words their grammatical category so that the claim stage need not
// guess verbs and nouns from word lists.
//
// The tagger is an averaged perceptron over the features of Honnibal's
// "good POS tagger in about 200 lines" (Penn Treebank tags), using the
// model that github.com/jdkato/prose/v2 ships inside its module; it is
// loaded once, on first use, into a compact table, and tagging a word costs
// a few map lookups and no allocation, about two orders of magnitude faster
// than calling prose's own tagger (which also re-reads its model for every
// document). The features and the model's answers are prose's: a test
// compares both taggers word for word.
//
// It is pure and safe for concurrent use.
package lang
