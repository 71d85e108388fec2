// Package story groups articles that report the same real-world event into
// stories, as they arrive: each article of a batch joins a recent story or
// opens a new one, and its story is final once placed.
//
// An article is a vector of stemmed terms (snowball English) weighted by
// TF-IDF, with capitalised names and numbers, headline words and the lead
// weighted up; document frequencies are built online from the articles
// seen (softened by a thousand empty pseudo-articles, so that among the few
// reports of one event the words they share are not discounted for being
// shared; halved every 50,000 articles so they follow recent news). Dates
// and clock times are no terms; a date counts as one term, its month. In a
// headline-case sentence a capital tells a name only as far as the word is
// capitalised inside running text of the batch. A story is the sum of its
// articles' unit vectors.
//
// PlaceBatch clusters the new articles of a batch together with the recent
// stories they resemble, by average link: two groups merge while the mean
// similarity of their articles' pairs reaches Options.PairThreshold and is
// not much lower than the similarity inside each group (Options.Cohesion;
// this keeps look-alike events, two earthquakes of one week, apart).
// Between groups of mostly short items (25 terms or fewer: a headline, a
// headline and a line) the bar is lower, since one event's headlines share
// few words and wire copies make tight pairs that are no event of their
// own; a larger group's tightness still counts in full. Two headlines
// (15 terms or fewer) that share no name and no number ("quake hits",
// "arrested on suspicion of DUI") count three quarters of their likeness:
// common words tell a kind of event, not which one. Two items that
// give one slot different values ("23 pirates" and "26 pirates",
// "stops Thompson" and "stops Rahman", scores "31-24" and "20-13"; see
// slot; a possessive ends a name, so "Indonesia's Aceh" gives Aceh)
// count against their groups' merging, and an article does not
// move into a group it contrasts with: look-alike events of one topic
// share their words, not their values. An item of
// numbers and dates only (a date line) joins no story.
// Stories placed earlier never merge with each other. Then each article may
// move to the group whose centroid it is closest to, and a small group of
// new articles joins a clearly larger new group when its centroid is
// clearly closer to it than to any other group it is linked to (adopt): a
// report from an unusual angle or a short item joins the story it matches
// best, one that fits two look-alike stories about as well stays apart. Within a batch the
// result hardly depends on the order of the articles. Place is PlaceBatch
// of one article: it works, but pair decisions made on one article at a
// time are noisier, so callers with batches should use PlaceBatch.
//
// Time counts: event days (EventDate) resolved against a publication date
// keep stories apart, through a penalty that grows with the days between
// them and a cut-off at Options.Window; a day resting only on a weekday
// name ("on Thursday") also fits the same weekday some weeks earlier,
// since page dates are often later than the article. Dates found in text
// without a publication date to anchor them name background events too
// often, and are used for the summary only.
//
// Candidates come from an inverted index over the heaviest terms of recent
// stories, read newest first and within a fixed budget, so placing an
// article costs the same however many came before. A batch's costly steps
// (tokenising, finding candidates, pairs, centroids, story vectors) run on
// two workers; what they add to shared state (terms, links, moves, the
// index) is applied in batch order, so the placements are the same on one
// core or two. Stories untouched for a
// Window of stream time (the median of recent publication days) are
// evicted from memory; Export and Import carry a story's state through the
// store (StoryService.SaveStoryState, StoryStates) across runs.
//
// Story summaries (Story) give a representative title, the event date most
// articles support, places (names after "in"/"near"), the main names and
// the outlets. Evaluate and Score measure a clustering against a labelled
// set with B-cubed and pairwise precision, recall and F1.
//
// The package owns no storage and does no I/O beyond reading a labelled set
// given as an io.Reader.
package story
