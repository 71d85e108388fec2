package crosscheck

import "time"

// EntityKind is what an entity is.
type EntityKind string

const (
	KindPerson       EntityKind = "person"
	KindOrganization EntityKind = "organization"
	KindPlace        EntityKind = "place"
	KindOther        EntityKind = "other"
)

// Entity is a person, organisation or place named in a story, with the
// different names the articles give it merged.
type Entity struct {
	// Name is the canonical (most complete, most used) name.
	Name string `json:"name"`
	// Kind is person, organization, place or other.
	Kind EntityKind `json:"kind"`
	// Aliases are the other names seen: spellings, short forms, roles
	// ("the U.S. envoy").
	Aliases []string `json:"aliases"`
	// Roles are titles attached to the entity ("French President").
	Roles []string `json:"roles,omitempty"`
	// Articles are the IDs of the articles that mention it.
	Articles []string `json:"articles"`
	// Mentions counts its mentions over all articles.
	Mentions int `json:"mentions"`
}

// Citation points at the exact sentence of an article that states something.
type Citation struct {
	// Article is the article ID.
	Article string `json:"article"`
	// Outlet is the article's outlet ("" when unknown).
	Outlet string `json:"outlet,omitempty"`
	// Sentence is the verbatim sentence from the article's Text (or its
	// headline, see InTitle).
	Sentence string `json:"sentence"`
	// Span locates Sentence in the article's Text, or in its Title when
	// InTitle is set.
	Span Span `json:"span"`
	// InTitle is true when Sentence is the article's headline, which is
	// not part of its Text.
	InTitle bool `json:"in_title,omitempty"`
}

// ClaimStatus is how a claim stands across outlets.
type ClaimStatus string

const (
	// Corroborated: stated by two or more different outlets.
	Corroborated ClaimStatus = "corroborated"
	// SingleSource: stated by one outlet.
	SingleSource ClaimStatus = "single-source"
	// Disputed: part of a conflict.
	Disputed ClaimStatus = "disputed"
)

// ValueKind is the kind of a normalised value.
type ValueKind string

const (
	ValueCount    ValueKind = "count"    // "26 countries"
	ValueNumber   ValueKind = "number"   // a bare number
	ValueDuration ValueKind = "duration" // "45 minutes" (seconds in Min/Max)
	ValueMoney    ValueKind = "money"    // "$5 billion"
	ValuePercent  ValueKind = "percent"  // "12%"
	ValueDate     ValueKind = "date"     // "September 4", "on Thursday"
	ValueTime     ValueKind = "time"     // "15:06 Moscow time"
	ValueName     ValueKind = "name"     // who did it
	ValuePlace    ValueKind = "place"    // where: "in Paris" (Text is the place's name as written)
	ValueDistance ValueKind = "distance" // "30 miles" (metres in Min/Max)
)

// Value is a normalised value stated in a claim. Min and Max bound what the
// words allow: "about 20 minutes" is a range, "less than an hour" is [0, 3600].
type Value struct {
	// Text is the value as written ("approximately 20 minutes").
	Text string `json:"text"`
	// Kind is the kind of value.
	Kind ValueKind `json:"kind"`
	// Unit is the counted thing or unit ("minute" normalised to seconds for
	// durations, "country", "USD").
	Unit string `json:"unit,omitempty"`
	// Min and Max bound the value.
	Min float64 `json:"min"`
	Max float64 `json:"max"`
	// Time is the resolved instant for dates and times.
	Time time.Time `json:"time,omitzero"`
}

// Claim is one fact, stated by one or more articles.
type Claim struct {
	// ID is unique within the report.
	ID string `json:"id"`
	// Text is the claim as a short clause, in the sources' words.
	Text string `json:"text"`
	// Subject is what the claim is about (an entity name or noun phrase).
	Subject string `json:"subject,omitempty"`
	// Predicate is what is said of the subject: its main verb phrase, as
	// written ("left", "did not attend").
	Predicate string `json:"predicate,omitempty"`
	// Values are the normalised values the claim states.
	Values []Value `json:"values,omitempty"`
	// Negated is true when the claim says something did not happen.
	Negated bool `json:"negated,omitempty"`
	// Status is corroborated, single-source or disputed.
	Status ClaimStatus `json:"status"`
	// Sources are the sentences stating it, one or more per article.
	Sources []Citation `json:"sources"`
	// Outlets are the distinct outlets stating it.
	Outlets []string `json:"outlets,omitempty"`
	// Independent counts the outlets that state it on their own: outlets
	// that credit the same source for it count once.
	Independent int `json:"independent"`
	// CreditedTo are the sources the articles credit for this claim.
	CreditedTo []string `json:"credited_to,omitempty"`
}

// Variant is one of the incompatible values of a conflict.
type Variant struct {
	// Value is the value as written; when the outlets word it differently,
	// every wording, joined by " / " ("three boats / three speedboats").
	Value string `json:"value"`
	// Sentence is the verbatim sentence stating it (the first source's).
	Sentence string `json:"sentence"`
	// Articles are the IDs of the articles stating it.
	Articles []string `json:"articles"`
	// Outlets are their outlets.
	Outlets []string `json:"outlets,omitempty"`
	// Sources are every citation for this variant.
	Sources []Citation `json:"sources,omitempty"`
}

// ConflictKind is what the conflict is about.
type ConflictKind string

const (
	ConflictValue    ConflictKind = "value"    // a number, duration, date or time
	ConflictName     ConflictKind = "name"     // who attended, led, said
	ConflictNegation ConflictKind = "negation" // happened / did not happen
)

// Conflict is one fact about the same event given incompatible values.
type Conflict struct {
	// ID is unique within the report.
	ID string `json:"id"`
	// About says what fact is disputed ("how long Witkoff stayed").
	About string `json:"about"`
	// Kind is value, name or negation.
	Kind ConflictKind `json:"kind"`
	// Variants are the incompatible versions, two or more.
	Variants []Variant `json:"variants"`
	// Claims are the IDs of the claims in conflict.
	Claims []string `json:"claims,omitempty"`
}

// QuoteVariant is one wording of a quote.
type QuoteVariant struct {
	// Text is the quote as the articles give it.
	Text string `json:"text"`
	// Articles are the IDs of the articles giving this wording.
	Articles []string `json:"articles"`
}

// Quote is a direct quotation with its speaker, grouped across articles.
type Quote struct {
	// Speaker is the canonical name of who said it.
	Speaker string `json:"speaker"`
	// Text is the quote (the longest wording), verbatim from an article.
	Text string `json:"text"`
	// Articles are the IDs of the articles quoting it.
	Articles []string `json:"articles"`
	// Variants are the different wordings when the articles differ.
	Variants []QuoteVariant `json:"variants,omitempty"`
	// Parts are the quoted pieces of Text when a quotation is split around
	// its speaker ("A," Schiff said, "B."): Text runs from A to B.
	Parts []string `json:"parts,omitempty"`
	// Sources are the sentences holding the quote.
	Sources []Citation `json:"sources,omitempty"`
}

// AttributionKind is the kind of source an article credits.
type AttributionKind string

const (
	AttrAgency    AttributionKind = "agency"    // Reuters, AP, AFP
	AttrOutlet    AttributionKind = "outlet"    // another publication, or its journalist
	AttrOfficial  AttributionKind = "official"  // police and officials: an authority, a body or someone speaking for one
	AttrAnonymous AttributionKind = "anonymous" // unnamed: "two unnamed officials", "a source with knowledge of ..."
	AttrWitness   AttributionKind = "witness"   // witnesses and relatives: residents, survivors, family
	AttrDocuments AttributionKind = "documents" // "according to court documents", "records show"
	AttrPerson    AttributionKind = "person"    // a named person with no role that says more
)

// Attribution is a source that articles credit.
type Attribution struct {
	// Source is who is credited ("Reuters", "two unnamed European officials").
	Source string `json:"source"`
	// Kind is agency, outlet, official, witness, documents, person or
	// anonymous.
	Kind AttributionKind `json:"kind"`
	// Articles are the IDs of the articles crediting it.
	Articles []string `json:"articles"`
	// Sources are the sentences that credit it.
	Sources []Citation `json:"sources,omitempty"`
}

// Coverage is what one outlet reports compared with the others.
type Coverage struct {
	// Outlet is the outlet (or the article source when the outlet is unknown).
	Outlet string `json:"outlet"`
	// Articles are its article IDs in the story.
	Articles []string `json:"articles"`
	// Claims counts the claims it states.
	Claims int `json:"claims"`
	// Exclusive are the IDs of claims only this outlet states.
	Exclusive []string `json:"exclusive,omitempty"`
	// Omitted are the IDs of claims most other outlets state and this one does not.
	Omitted []string `json:"omitted,omitempty"`
}

// TimelineEntry is one dated event of a story.
type TimelineEntry struct {
	// When is the resolved time; DateOnly when only the day is known.
	When     time.Time `json:"when"`
	DateOnly bool      `json:"date_only,omitempty"`
	// Text is what happened, in the source's words.
	Text string `json:"text"`
	// Sources are the citing sentences.
	Sources []Citation `json:"sources"`
}

// BriefItem is one statement of a story's brief, made of source sentences.
type BriefItem struct {
	// Text is the statement, verbatim from a source.
	Text string `json:"text"`
	// Articles are the IDs of the articles that state it.
	Articles []string `json:"articles"`
	// Claim is the ID of the claim it summarises.
	Claim string `json:"claim,omitempty"`
	// Conflict is the ID of a conflict it touches, when any.
	Conflict string `json:"conflict,omitempty"`
}

// StoryReport is the cross-checked analysis of one story.
type StoryReport struct {
	// Story is the story analysed.
	Story Story `json:"story"`
	// Articles are the story's articles, oldest first.
	Articles []*Article `json:"articles"`
	// Brief is a short consolidated account, each item cited.
	Brief []BriefItem `json:"brief"`
	// Entities are the people, organisations and places, aliases merged.
	Entities []Entity `json:"entities"`
	// Claims are the facts, aligned across articles.
	Claims []Claim `json:"claims"`
	// Conflicts are the facts given incompatible values.
	Conflicts []Conflict `json:"conflicts"`
	// Quotes are the direct quotations, grouped.
	Quotes []Quote `json:"quotes"`
	// Attributions are the sources the articles credit.
	Attributions []Attribution `json:"attributions"`
	// Coverage is per outlet.
	Coverage []Coverage `json:"coverage"`
	// Timeline is the story's dated events in order.
	Timeline []TimelineEntry `json:"timeline"`
}

// Report is the analysis of one or more stories.
type Report struct {
	// Stories are the analysed stories, newest first.
	Stories []*StoryReport `json:"stories"`
	// Generated is when the report was made.
	Generated time.Time `json:"generated,omitzero"`
}
